/**
 * Just enough XML for the parts of an .xlsx file: a forward scanner over tags, attribute reading,
 * and the escaping Excel expects. The parts are machine-written, so no DTDs or processing beyond
 * the XML declaration turn up; a prefix on the element names (`x:c`, as some .NET tools write)
 * is ignored.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Excel writes characters XML can't hold as `_xHHHH_`; a literal `_x` written by a person is `_x005F_x`. */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>_\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Text for an element's content, kept literal: XML's own characters escaped, characters XML 1.0
 * can't hold written Excel's way, a lone half of a surrogate pair replaced, and a person's own
 * `_xHHHH_` kept from being read as an escape.
 */
export function escapeCellText(text: string): string {
  // Most text needs nothing done; one test spares four replacements.
  if (!NEEDS_ESCAPING.test(text)) return text;
  let out = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  out = out.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
  // A carriage return too: written raw, any XML parser would turn CR LF into LF.
  out = out.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
  return out.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function escapeAttribute(text: string): string {
  return text.replace(
    /[&<>"\n\r\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!,
  );
}

export interface Tag {
  /** Local name, without any prefix. */
  readonly name: string;
  /** `x:` for `<x:c>`, '' for `<c>`. */
  readonly prefix: string;
  readonly start: number;
  /** Just after the closing `>`. */
  readonly end: number;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** The text between the name and the `>`, holding the attributes. */
  readonly attributeText: string;
}

/**
 * The next tag at or after `from`, skipping comments, declarations and CDATA; undefined at the end.
 * Quoted attribute values may hold `>`.
 */
export function nextTag(xml: string, from: number): Tag | undefined {
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const close = xml.startsWith('<!--', at)
        ? xml.indexOf('-->', at) + 3
        : xml.startsWith('<![CDATA[', at)
          ? xml.indexOf(']]>', at) + 3
          : xml.indexOf('>', at) + 1;
      if (close <= 0) return undefined;
      at = xml.indexOf('<', close);
      continue;
    }
    const closing = next === 0x2f; /* / */
    let nameEnd = at + (closing ? 2 : 1);
    const nameStart = nameEnd;
    while (nameEnd < xml.length && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    let end = nameEnd;
    let quote = 0;
    for (; end < xml.length; end++) {
      const c = xml.charCodeAt(end);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (end >= xml.length) return undefined;
    const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
    const qualified = xml.slice(nameStart, nameEnd);
    const colon = qualified.indexOf(':');
    return {
      name: colon >= 0 ? qualified.slice(colon + 1) : qualified,
      prefix: colon >= 0 ? qualified.slice(0, colon + 1) : '',
      start: at,
      end: end + 1,
      closing,
      selfClosing,
      attributeText: xml.slice(nameEnd, selfClosing ? end - 1 : end),
    };
  }
  return undefined;
}

/** An attribute's decoded value by local name (a prefix such as `r:` is ignored), or undefined. */
export function attribute(attributeText: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    at = attributeText.indexOf(name, at);
    if (at < 0) return undefined;
    const before = at === 0 ? 0x20 : attributeText.charCodeAt(at - 1);
    let after = at + name.length;
    if (before === 0x20 || before === 0x3a || before === 0x09 || before === 0x0a || before === 0x0d) {
      while (attributeText.charCodeAt(after) === 0x20) after++;
      if (attributeText.charCodeAt(after) === 0x3d /* = */) {
        after++;
        while (attributeText.charCodeAt(after) === 0x20) after++;
        const quote = attributeText[after];
        if (quote === '"' || quote === "'") {
          const close = attributeText.indexOf(quote, after + 1);
          if (close < 0) return undefined;
          return decodeXml(attributeText.slice(after + 1, close));
        }
      }
    }
    at += name.length;
  }
}

/** Whether a character ends an element's name: white space, `>` or `/`. */
export function isNameEnd(code: number): boolean {
  return code === 0x20 || code === 0x3e || code === 0x2f || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Where the next element that opens with `open` (e.g. `<x:row`) starts in [from, limit), or -1:
 * `<rowBreaks` is not `<row`. A plain search, for the hot paths that know which element they want.
 */
export function indexOfElement(xml: string, open: string, from: number, limit = xml.length): number {
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < limit && !isNameEnd(xml.charCodeAt(at + open.length))) at = xml.indexOf(open, at + 1);
  return at >= 0 && at < limit ? at : -1;
}

/** An XML Schema boolean read from an attribute: "1" and "true" are true. */
export function isXmlTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** An opening tag like `tag` (same prefix and name) with other attributes. */
export function openingTag(tag: Tag, attributeText: string): string {
  return `<${tag.prefix}${tag.name}${attributeText}${tag.selfClosing ? '/>' : '>'}`;
}

/** Attribute text with attributes set, replacing any of the same name. */
export function setAttributeText(attributeText: string, values: Readonly<Record<string, string>>): string {
  let text = attributeText.replace(/\s+$/, '');
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    text = pattern.test(text) ? text.replace(pattern, `$1"${escapeAttribute(value)}"`) : `${text} ${name}="${escapeAttribute(value)}"`;
  }
  return text;
}

/** Attribute text without the attribute `name`. */
export function removeAttribute(attributeText: string, name: string): string {
  return attributeText.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** Finds the first element named `name` (any prefix) at or after `from`. */
export function findTag(xml: string, name: string, from = 0): Tag | undefined {
  let tag = nextTag(xml, from);
  while (tag) {
    if (!tag.closing && tag.name === name) return tag;
    tag = nextTag(xml, tag.end);
  }
  return undefined;
}

/** The index just after the element that `open` starts (its matching close tag, or itself when self-closing). */
export function elementEnd(xml: string, open: Tag): number {
  if (open.selfClosing) return open.end;
  let depth = 1;
  let tag = nextTag(xml, open.end);
  while (tag) {
    if (tag.name === open.name) {
      if (tag.closing) depth--;
      else if (!tag.selfClosing) depth++;
      if (depth === 0) return tag.end;
    }
    tag = nextTag(xml, tag.end);
  }
  return xml.length;
}

/** Every element named `name` inside [from, to), as its opening tag. */
export function allTags(xml: string, name: string, from = 0, to = xml.length): Tag[] {
  const found: Tag[] = [];
  let tag = nextTag(xml, from);
  while (tag && tag.start < to) {
    if (!tag.closing && tag.name === name) found.push(tag);
    tag = nextTag(xml, tag.end);
  }
  return found;
}

/** The element prefix the document uses for its root (`x:` or ''), so new elements can match it. */
export function rootPrefix(xml: string): string {
  return nextTag(xml, 0)?.prefix ?? '';
}

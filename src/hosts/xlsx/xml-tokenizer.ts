import { decodeXml, escapeAttribute } from './xml-text';

/**
 * The XML of an .xlsx part, read tag by tag: the elements a real XML parser would report, and
 * nothing else. Comments, CDATA sections, processing instructions and a document type are stepped
 * over whole, so markup written inside them (an old copy of a row in a comment, cell markup in a
 * description) is never taken for an element. Any element may carry a namespace prefix, matched
 * by its local name, and white space may stand anywhere XML allows it inside a tag. Whatever is
 * cut short or never closed is an XmlDamageError: the reader neither guesses nor loops.
 */
export class XmlDamageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlDamageError';
  }
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
  /** The text between the name and the `>` (or `/>`), holding the attributes. */
  readonly attributeText: string;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;

/** XML's white space: space, tab, line feed and carriage return. */
export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isNameEnd(code: number): boolean {
  return code === 0x20 || code === GT || code === SLASH || code === 0x0a || code === 0x0d || code === 0x09;
}

/** XML's first character of a name: a letter of any script, `_` or `:`; never a digit, `-`, `.` or punctuation. */
function canStartName(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x5f ||
    code === COLON ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7)
  );
}

/** A few characters of the text at `at`, to show where the damage is. */
function near(xml: string, at: number): string {
  return JSON.stringify(xml.slice(at, at + 24));
}

/** The name of an element as written, with its prefix: `x:row`. */
export function qualifiedName(tag: Tag): string {
  return tag.prefix + tag.name;
}

function closeOf(xml: string, close: string, from: number, what: string, start: number): number {
  const at = xml.indexOf(close, from);
  if (at < 0) throw new XmlDamageError(`${what} at ${near(xml, start)} is never closed`);
  return at + close.length;
}

/** Just after a `<!DOCTYPE …>`, which may hold an internal subset in brackets and quoted strings. */
function endOfDoctype(xml: string, start: number): number {
  let quote = 0;
  let depth = 0;
  for (let at = start + 9; at < xml.length; at++) {
    const c = xml.charCodeAt(at);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) quote = c;
    else if (c === 0x5b /* [ */) depth++;
    else if (c === 0x5d /* ] */) depth--;
    else if (c === GT && depth <= 0) return at + 1;
  }
  throw new XmlDamageError(`the document type at ${near(xml, start)} is never closed`);
}

/**
 * Just after the comment, CDATA section, processing instruction or document type that starts
 * at `at` (where the text has `<!` or `<?`).
 */
export function endOfOtherMarkup(xml: string, at: number): number {
  if (xml.charCodeAt(at + 1) === QUESTION) return closeOf(xml, '?>', at + 2, 'a processing instruction', at);
  if (xml.startsWith('<!--', at)) return closeOf(xml, '-->', at + 4, 'a comment', at);
  if (xml.startsWith('<![CDATA[', at)) return closeOf(xml, ']]>', at + 9, 'a CDATA section', at);
  if (xml.startsWith('<!DOCTYPE', at)) return endOfDoctype(xml, at);
  throw new XmlDamageError(`there is ${near(xml, at)} where a tag should be`);
}

/**
 * The next element tag (opening, closing or self-closing) at or after `from`, or undefined when
 * there is none. `from` must not be inside a tag, comment or CDATA section.
 */
export function nextTag(xml: string, from: number): Tag | undefined {
  let at = xml.indexOf('<', from);
  while (at >= 0) {
    const next = xml.charCodeAt(at + 1);
    if (next === BANG || next === QUESTION) {
      at = xml.indexOf('<', endOfOtherMarkup(xml, at));
      continue;
    }
    const closing = next === SLASH;
    const nameStart = at + (closing ? 2 : 1);
    if (!canStartName(xml.charCodeAt(nameStart))) throw new XmlDamageError(`there is ${near(xml, at)} where a tag should be`);
    let nameEnd = nameStart + 1;
    let colon = -1;
    for (; nameEnd < xml.length; nameEnd++) {
      const c = xml.charCodeAt(nameEnd);
      if (isNameEnd(c)) break;
      if (c === COLON) colon = nameEnd;
      else if (c === LT || c === EQUALS || c === DOUBLE_QUOTE || c === SINGLE_QUOTE)
        throw new XmlDamageError(`the tag ${near(xml, at)} is broken`);
    }
    // Up to the `>`, which may stand inside a quoted value; a `<` may not, quoted or not.
    let end = nameEnd;
    let quote = 0;
    for (; end < xml.length; end++) {
      const c = xml.charCodeAt(end);
      if (c === LT) throw new XmlDamageError(`the tag ${near(xml, at)} is never closed`);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) quote = c;
      else if (c === GT) break;
    }
    if (end >= xml.length) throw new XmlDamageError(`the tag ${near(xml, at)} is cut off`);
    const selfClosing = xml.charCodeAt(end - 1) === SLASH && end - 1 >= nameEnd;
    const attributeText = end === nameEnd ? '' : xml.slice(nameEnd, selfClosing ? end - 1 : end);
    if (closing && (selfClosing || !/^\s*$/.test(attributeText))) throw new XmlDamageError(`the closing tag ${near(xml, at)} is broken`);
    return {
      name: colon >= 0 ? xml.slice(colon + 1, nameEnd) : xml.slice(nameStart, nameEnd),
      prefix: colon >= 0 ? xml.slice(nameStart, colon + 1) : '',
      start: at,
      end: end + 1,
      closing,
      selfClosing,
      attributeText,
    };
  }
  return undefined;
}

/**
 * Only white space, comments and processing instructions (and, before the root, a document type)
 * may stand outside the root element: not text, not CDATA, not a second element.
 */
function checkOutsideRoot(xml: string, from: number, to: number, beforeRoot: boolean): void {
  for (let at = from; at < to; at++) {
    const c = xml.charCodeAt(at);
    if (isXmlSpace(c)) continue;
    const markup = c === LT ? xml.charCodeAt(at + 1) : 0;
    const skippable = markup === QUESTION || xml.startsWith('<!--', at) || (beforeRoot && xml.startsWith('<!DOCTYPE', at));
    if (!skippable) {
      throw new XmlDamageError(
        c === LT && !xml.startsWith('<![CDATA[', at)
          ? `there is a second element ${near(xml, at)} after the root element`
          : `there is text ${near(xml, at)} outside the root element`,
      );
    }
    at = endOfOtherMarkup(xml, at) - 1;
  }
}

/**
 * Throws an XmlDamageError unless the text is one sound XML document as far as its structure
 * goes: one root element, every element closed by a tag of the same name in the right order,
 * nothing unclosed or cut short, and no text outside the root. (Attributes, entities and
 * characters are left to the reader's leniency: what KPI Tracker writes is checked again by a
 * full XML parser before the file is saved.)
 */
export function checkWellFormed(xml: string): void {
  let tag = nextTag(xml, 0);
  if (!tag) {
    checkOutsideRoot(xml, 0, xml.length, true);
    throw new XmlDamageError('there is no XML element in it');
  }
  checkOutsideRoot(xml, 0, tag.start, true);
  const open: Tag[] = [];
  let rootEnd = xml.length;
  while (tag) {
    if (tag.closing) {
      const top = open.pop();
      if (!top) throw new XmlDamageError(`a closing tag </${qualifiedName(tag)}> closes nothing`);
      if (top.name !== tag.name || top.prefix !== tag.prefix)
        throw new XmlDamageError(
          `a <${qualifiedName(top)}> at ${near(xml, top.start)} is never closed (</${qualifiedName(tag)}> comes first)`,
        );
    } else if (!tag.selfClosing) open.push(tag);
    if (open.length === 0) {
      rootEnd = tag.end;
      break;
    }
    tag = nextTag(xml, tag.end);
  }
  const unclosed = open.pop();
  if (unclosed) throw new XmlDamageError(`a <${qualifiedName(unclosed)}> at ${near(xml, unclosed.start)} is never closed`);
  checkOutsideRoot(xml, rootEnd, xml.length, false);
}

/** The tag that closes the element `open` starts (`open` itself when it is self-closing). */
export function closingTag(xml: string, open: Tag): Tag {
  if (open.selfClosing) return open;
  let depth = 1;
  let tag = nextTag(xml, open.end);
  while (tag) {
    if (tag.name === open.name && tag.prefix === open.prefix) {
      if (tag.closing) depth--;
      else if (!tag.selfClosing) depth++;
      if (depth === 0) return tag;
    }
    tag = nextTag(xml, tag.end);
  }
  throw new XmlDamageError(`a <${qualifiedName(open)}> at ${near(xml, open.start)} is never closed`);
}

/** The index just after the element that `open` starts. */
export function elementEnd(xml: string, open: Tag): number {
  return closingTag(xml, open).end;
}

/**
 * The text inside an element (from its opening tag to `close`, just after its end tag) as an XML
 * parser gives it: entities decoded, CDATA sections taken as written, comments and processing
 * instructions left out, and line ends as LF.
 */
export function elementText(xml: string, open: Tag, close: number): string {
  const contentEnd = xml.lastIndexOf('<', close - 1);
  let markup = xml.indexOf('<', open.end);
  if (markup >= contentEnd) return decodeXml(normaliseLineEnds(xml.slice(open.end, contentEnd)));
  let text = '';
  let at = open.end;
  while (markup >= 0 && markup < contentEnd) {
    text += decodeXml(normaliseLineEnds(xml.slice(at, markup)));
    const after =
      xml.charCodeAt(markup + 1) === 0x21 || xml.charCodeAt(markup + 1) === 0x3f
        ? endOfOtherMarkup(xml, markup)
        : nextTag(xml, markup)!.end;
    if (xml.startsWith('<![CDATA[', markup)) text += normaliseLineEnds(xml.slice(markup + 9, after - 3));
    at = after;
    markup = xml.indexOf('<', at);
  }
  return text + decodeXml(normaliseLineEnds(xml.slice(at, contentEnd)));
}

function normaliseLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
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

/** Every element named `name` (any prefix) inside [from, to), as its opening tag. */
export function allTags(xml: string, name: string, from = 0, to = xml.length): Tag[] {
  const found: Tag[] = [];
  let tag = nextTag(xml, from);
  while (tag && tag.start < to) {
    if (!tag.closing && tag.name === name) found.push(tag);
    tag = nextTag(xml, tag.end);
  }
  return found;
}

/** The document's root element. */
export function rootTag(xml: string): Tag | undefined {
  return nextTag(xml, 0);
}

/** The element prefix the document uses for its root (`x:` or ''), so new elements can match it. */
export function rootPrefix(xml: string): string {
  return rootTag(xml)?.prefix ?? '';
}

/** One attribute in a tag's attribute text, with where it stands (from the white space before its name). */
export interface AttributeSpan {
  /** As written, with any prefix: `r:id`. */
  readonly name: string;
  /** The value, entities decoded and white space normalised as XML parsers do. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** Every attribute in a tag's attribute text, in order; stops at anything that is not `name="value"`. */
export function attributeSpans(attributeText: string): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  let at = 0;
  const length = attributeText.length;
  for (;;) {
    const start = at;
    while (at < length && isXmlSpace(attributeText.charCodeAt(at))) at++;
    const nameStart = at;
    while (at < length && !isXmlSpace(attributeText.charCodeAt(at)) && attributeText.charCodeAt(at) !== EQUALS) at++;
    const nameEnd = at;
    while (at < length && isXmlSpace(attributeText.charCodeAt(at))) at++;
    if (nameEnd === nameStart || attributeText.charCodeAt(at) !== EQUALS) return spans;
    at++;
    while (at < length && isXmlSpace(attributeText.charCodeAt(at))) at++;
    const quote = attributeText.charCodeAt(at);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return spans;
    const close = attributeText.indexOf(attributeText[at]!, at + 1);
    if (close < 0) return spans;
    spans.push({
      name: attributeText.slice(nameStart, nameEnd),
      value: attributeValue(attributeText.slice(at + 1, close)),
      start,
      end: close + 1,
    });
    at = close + 1;
  }
}

/** An attribute value as an XML parser gives it: line ends, tabs and line feeds as spaces, then entities decoded. */
function attributeValue(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return decodeXml(raw.replace(/\r\n|[\t\n\r]/g, ' '));
  }
  return decodeXml(raw);
}

/**
 * An attribute's value by local name (`id` finds `r:id`; namespace declarations are not
 * attributes), or undefined. Runs for every cell of every sheet, so it steps from `=` to `=`
 * with the string's own searches rather than character by character.
 */
export function attribute(attributeText: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const equals = attributeText.indexOf('=', at);
    if (equals < 0) return undefined;
    let nameEnd = equals;
    while (nameEnd > at && isXmlSpace(attributeText.charCodeAt(nameEnd - 1))) nameEnd--;
    let valueStart = equals + 1;
    while (isXmlSpace(attributeText.charCodeAt(valueStart))) valueStart++;
    const quote = attributeText.charCodeAt(valueStart);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return undefined;
    const close = attributeText.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart + 1);
    if (close < 0) return undefined;
    const localStart = nameEnd - name.length;
    if (localStart >= at && attributeText.startsWith(name, localStart)) {
      const before = localStart === 0 ? 0x20 : attributeText.charCodeAt(localStart - 1);
      if (isXmlSpace(before) || localStart === at || (before === COLON && !isNamespaceDeclaration(attributeText, at, localStart)))
        return attributeValue(attributeText.slice(valueStart + 1, close));
    }
    at = close + 1;
  }
}

/** Whether the prefixed name ending at `localStart` is `xmlns:…`. */
function isNamespaceDeclaration(attributeText: string, from: number, localStart: number): boolean {
  const declaration = attributeText.lastIndexOf('xmlns:', localStart);
  return (
    declaration >= from && declaration + 6 === localStart && (declaration === 0 || isXmlSpace(attributeText.charCodeAt(declaration - 1)))
  );
}

/** An opening tag like `tag` (same prefix and name) with other attributes. */
export function openingTag(tag: Tag, attributeText: string): string {
  return `<${tag.prefix}${tag.name}${attributeText}${tag.selfClosing ? '/>' : '>'}`;
}

/** Attribute text without the attribute written exactly `name` (no prefix). */
export function removeAttribute(attributeText: string, name: string): string {
  const span = attributeSpans(attributeText).find((a) => a.name === name);
  return span ? attributeText.slice(0, span.start) + attributeText.slice(span.end) : attributeText;
}

/** Attribute text with attributes set, replacing any written exactly the same (no prefix). */
export function setAttributeText(attributeText: string, values: Readonly<Record<string, string>>): string {
  let text = attributeText.replace(/\s+$/, '');
  for (const [name, value] of Object.entries(values)) {
    const span = attributeSpans(text).find((a) => a.name === name);
    const written = ` ${name}="${escapeAttribute(value)}"`;
    text = span ? text.slice(0, span.start) + written + text.slice(span.end) : text + written;
  }
  return text;
}

/**
 * The ends of elements in a big, well-formed part (a sheet of tens of megabytes) found by the
 * string's own search rather than tag by tag: a closing `</row` is searched for directly, and
 * a match inside a comment, CDATA section or processing instruction is passed over. Where those
 * stand is found once, up front. Walking every tag of every row cost a 50,000-indicator recalc
 * more than a tenth of its time. Only for text that checkWellFormed has passed: there every `<`
 * outside those starts a tag, so what the search finds is a tag.
 */
export class ElementEnds {
  /** Starts and ends of the comments, CDATA sections and processing instructions, in order, flat. */
  private readonly hidden: number[] = [];

  constructor(private readonly xml: string) {
    const otherMarkup = /<[!?]/g;
    for (let found = otherMarkup.exec(xml); found; found = otherMarkup.exec(xml)) {
      const end = endOfOtherMarkup(xml, found.index);
      this.hidden.push(found.index, end);
      otherMarkup.lastIndex = end;
    }
  }

  /** The index just after the element that `open` starts: the same as elementEnd, found faster. */
  endOf(open: Tag): number {
    if (open.selfClosing) return open.end;
    const name = open.prefix + open.name;
    let depth = 1;
    let from = open.end;
    let nested = this.find(`<${name}`, from);
    for (;;) {
      const close = this.find(`</${name}`, from);
      if (close < 0) throw new XmlDamageError(`a <${name}> at ${near(this.xml, open.start)} is never closed`);
      // Elements of the same name opened inside this one close first.
      while (nested >= 0 && nested < close) {
        const inner = nextTag(this.xml, nested)!;
        if (!inner.selfClosing) depth++;
        nested = this.find(`<${name}`, inner.end);
      }
      from = this.xml.indexOf('>', close) + 1;
      if (--depth === 0) return from;
    }
  }

  /** Where `<name` or `</name` (ending there, not `<rowBreaks` for `<row`) next starts outside hidden markup, or -1. */
  private find(needle: string, from: number): number {
    for (;;) {
      const at = this.xml.indexOf(needle, from);
      if (at < 0) return -1;
      const hiddenEnd = this.hiddenEndAt(at);
      if (hiddenEnd >= 0) from = hiddenEnd;
      else if (!isNameEnd(this.xml.charCodeAt(at + needle.length))) from = at + 1;
      else return at;
    }
  }

  /** The end of the hidden markup holding `at`, or -1 when `at` is outside all of it. */
  private hiddenEndAt(at: number): number {
    const hidden = this.hidden;
    if (hidden.length === 0 || at < hidden[0]!) return -1;
    let low = 0;
    let high = hidden.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (hidden[middle * 2 + 1]! <= at) low = middle + 1;
      else if (hidden[middle * 2]! > at) high = middle - 1;
      else return hidden[middle * 2 + 1]!;
    }
    return -1;
  }
}

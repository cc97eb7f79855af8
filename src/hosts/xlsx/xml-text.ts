/**
 * The text inside an .xlsx part's XML: entities decoded, and the escaping Excel expects (and
 * writes) for characters XML can't hold. Reading the tags themselves is xml-tokenizer.ts.
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

/** An XML Schema boolean read from an attribute: "1" and "true" are true. */
export function isXmlTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

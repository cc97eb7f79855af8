/**
 * Excel turns a typed or API-written string that starts with =, +, - or @ into a formula, and a
 * string that looks like a number or date into one. A leading apostrophe keeps it text: Excel
 * stores the apostrophe as the cell's "quote prefix" and shows the text as it is.
 */
/** "Oct 2024", "April 2024", "Sept-24": Excel reads these as dates. */
// Excel ignores spaces around what it recognises, so "TRUE " becomes the boolean TRUE too.
const MONTH_FIRST = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/]+\d/i;

export function excelLiteral(text: string): string {
  if (text === '') return text;
  if (
    /^[=+\-@'\s]/.test(text) ||
    /^[\d.,£$%(]/.test(text) ||
    /^(true|false)$/i.test(text.trim()) ||
    /^#/.test(text) ||
    MONTH_FIRST.test(text)
  )
    return `'${text}`;
  return text;
}

/**
 * Excel turns a typed or API-written string that starts with =, +, - or @ into a formula, and a
 * string that looks like a number or date into one. A leading apostrophe keeps it text: Excel
 * stores the apostrophe as the cell's "quote prefix" and shows the text as it is.
 */
export function excelLiteral(text: string): string {
  if (text === '') return text;
  if (/^[=+\-@'\s]/.test(text) || /^[\d.,£$%(]/.test(text) || /^(true|false)$/i.test(text) || /^#/.test(text)) return `'${text}`;
  return text;
}

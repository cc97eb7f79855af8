/**
 * Every dash a pasted or exported cell may hold between a year's halves or in a word ("2016‐17"
 * from a PDF's U+2010, "2023–24" from Word's en dash, "−5%" with a minus sign), as a hyphen.
 */
export function plainDashes(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** A data set's field name in camel case ("YTDScaled", "Avg3yr"), as words: "YTD Scaled", "Avg 3yr". */
export function camelCaseWords(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(trimmed) || !/[a-z]/.test(trimmed)) return undefined;
  const words = trimmed.replace(/([a-z])(?=[A-Z0-9])|([A-Z])(?=[A-Z][a-z])|(\d)(?=[A-Z])/g, '$1$2$3 ');
  return words === trimmed ? undefined : words;
}

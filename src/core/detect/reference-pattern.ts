/**
 * A reference looks like `01`, `1a`, `BV66a`, `TP01`, `R2.1`, `KPI 3`, `PMF-01`, `CH02.1`,
 * `1.1.2.PI`, `NI 156`, `PAM/030` (Wales's Public Accountability Measures); an indicator known by
 * several schemes lists them (`BV008, RES038, SP506`).
 */
const ONE_REFERENCE = String.raw`(?:[A-Za-z]{1,5}[ /-]?)?\d{1,6}[A-Za-z]{0,2}(?:[.-]\d{1,3})*(?:[.-][A-Za-z]{1,3})?\.?`;
export const REFERENCE_PATTERN = new RegExp(String.raw`^${ONE_REFERENCE}(?:\s*,\s*${ONE_REFERENCE}){0,5}$`);

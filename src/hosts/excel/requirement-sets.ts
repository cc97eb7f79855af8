/* global Office */

/**
 * What KPI Tracker needs from Excel's JavaScript API. manifest.xml declares the same sets
 * (tests/manifest/requirement-sets.test.ts holds the two, and every Office.js call in the code, to
 * each other):
 * - reading a workbook and judging it needs ExcelApi 1.9 (cell properties, special cells), which the
 *   manifest asks of every Excel the add-in installs in;
 * - writing needs ExcelApi 1.13 as well, to see merged cells (Range.getMergedAreasOrNullObject):
 *   a status cell merged over two indicators must be left alone. The ribbon, the shared runtime and
 *   the custom functions ask for it in the manifest; the task pane, which older Excel can still
 *   open, checks for it here and says so plainly rather than write blind.
 */
export const READ_API = '1.9';
export const MERGED_AREAS_API = '1.13';

/** Whether this Excel supports ExcelApi `version`. False outside Office. */
export function excelApiSupported(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}

export const TOO_OLD_TO_WRITE =
  "This version of Excel can show KPI Tracker's verdicts but cannot tell it which cells are merged, so KPI Tracker will not write to the workbook here. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web to write the statuses and sheets.";

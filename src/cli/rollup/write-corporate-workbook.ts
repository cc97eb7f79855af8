import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsDateFromDate } from '../../core/model/serial-dates';
import { buildCorporateSheets, SUMMARY_SHEET, type SourceLink } from '../../core/rollup/corporate-sheets';
import type { RollupReport } from '../../core/rollup/rollup-report';
import { applyPlanToXlsx } from '../../hosts/xlsx/apply-plan';
import { newWorkbookSource } from '../../hosts/xlsx/new-workbook';
import { addFileLinks, type FileLink } from '../../hosts/xlsx/sheet-hyperlinks';
import { writeXlsxFile } from '../../hosts/xlsx/write-xlsx';

/**
 * Writes the corporate report to `output`: its sheets applied, as a plan, to a new workbook by the
 * same file host that writes every sheet KPI Tracker owns, then each row's source made a link
 * that opens the service's workbook at the sheet and cell it came from.
 */
export async function writeCorporateWorkbook(report: RollupReport, output: string): Promise<void> {
  const { sheets, links } = buildCorporateSheets(report);
  const source = await newWorkbookSource(SUMMARY_SHEET, { title: 'Corporate performance report', created: jsDateFromDate(report.today) });
  const { bytes } = await applyPlanToXlsx(source, { edits: [], sheets, notices: [], refusals: [] });
  const bySheet = new Map<string, FileLink[]>();
  const folder = dirname(resolve(output));
  for (const link of links) {
    const list = bySheet.get(link.sheet) ?? [];
    list.push(fileLink(link, folder));
    bySheet.set(link.sheet, list);
  }
  await writeXlsxFile(await addFileLinks(bytes, bySheet), output);
}

function fileLink(link: SourceLink, reportFolder: string): FileLink {
  const { place } = link;
  return {
    row: link.row,
    col: link.col,
    target: linkTarget(place.file, reportFolder),
    ...(place.sheet ? { location: `'${place.sheet.replace(/'/g, "''")}'!${place.cell ?? 'A1'}` } : {}),
  };
}

/**
 * The workbook's address from the report's folder: relative, so the links keep working when the
 * folder of workbooks and the report move together (a synced SharePoint library, say); a `file:`
 * URL where no relative path leads there (another drive).
 */
export function linkTarget(file: string, reportFolder: string): string {
  const absolute = resolve(file);
  const path = relative(reportFolder, absolute);
  if (path === '' || isAbsolute(path)) return pathToFileURL(absolute).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}

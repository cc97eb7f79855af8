import { parseRangeAddress } from '../../src/core/model/address';
import { cellText } from '../../src/core/model/cell-text';
import { cellAt, findSheet } from '../../src/core/model/workbook';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { decodeXml } from '../../src/hosts/xlsx/xml-text';

/** A chart part as a reader of the file finds it: what it plots, where from, and the cached figures. */
export interface SheetChart {
  readonly drawingPart: string;
  readonly chartPart: string;
  readonly title: string;
  /** The formulas of the labels and the values, e.g. `'Committee Q2 2024-25'!$B$12:$B$15`. */
  readonly labelsFormula: string;
  readonly valuesFormula: string;
  readonly labels: string[];
  readonly values: number[];
  /** The cells the formulas name, as the file host reads them back from the sheet. */
  readonly labelsInSheet: string[];
  readonly valuesInSheet: string[];
  /** Content types the package lists for the drawing and the chart. */
  readonly contentTypes: { readonly drawing?: string; readonly chart?: string };
}

const all = (xml: string, pattern: RegExp): string[] => [...xml.matchAll(pattern)].map((m) => decodeXml(m[1]!));

/** The cells a chart formula names, read from the workbook the file host read back. */
function cellsOf(workbook: Awaited<ReturnType<typeof readXlsxFile>>['workbook'], formula: string): string[] {
  const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(formula);
  if (!match) return [];
  const sheet = findSheet(workbook, match[1]!.replace(/''/g, "'"));
  const range = parseRangeAddress(`${match[2]}${match[3]}:${match[4]}${match[5]}`);
  if (!sheet || !range) return [];
  const texts: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) texts.push(cellText(cellAt(sheet, r, range.left)));
  return texts;
}

/**
 * The chart on a sheet of a written .xlsx, followed the way Excel follows it: the sheet's
 * relationships to its drawing, the drawing's to its chart. Throws where a link is missing.
 */
export async function sheetChart(path: string, sheetName: string): Promise<SheetChart> {
  const { workbook, source } = await readXlsxFile(path);
  const pkg = source.package;
  const sheet = source.sheets.find((entry) => entry.name === sheetName);
  if (!sheet) throw new Error(`no sheet "${sheetName}"`);
  const drawing = [...pkg.relationships(sheet.part).values()].find((rel) => rel.type.endsWith('/drawing'));
  if (!drawing) throw new Error(`"${sheetName}" has no drawing`);
  const sheetXml = pkg.text(sheet.part)!;
  if (!new RegExp(`<drawing r:id="${drawing.id}"/>`).test(sheetXml)) throw new Error(`"${sheetName}" does not place its drawing`);
  const chart = [...pkg.relationships(drawing.target).values()].find((rel) => rel.type.endsWith('/chart'));
  if (!chart) throw new Error(`the drawing of "${sheetName}" has no chart`);
  const drawingXml = pkg.text(drawing.target)!;
  if (!drawingXml.includes(`r:id="${chart.id}"`)) throw new Error('the drawing does not show its chart');
  const xml = pkg.text(chart.target);
  if (xml === undefined) throw new Error(`the chart part ${chart.target} is missing`);
  const [labelsFormula, valuesFormula] = all(xml, /<c:f>(.*?)<\/c:f>/g);
  const strCache = /<c:strCache>(.*?)<\/c:strCache>/.exec(xml)?.[1] ?? '';
  const numCache = /<c:numCache>(.*?)<\/c:numCache>/.exec(xml)?.[1] ?? '';
  const types = pkg.text('[Content_Types].xml')!;
  const typeOf = (part: string): string | undefined =>
    new RegExp(`<Override PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" ContentType="([^"]+)"`).exec(types)?.[1];
  return {
    drawingPart: drawing.target,
    chartPart: chart.target,
    title: all(xml, /<a:t>(.*?)<\/a:t>/g).join(''),
    labelsFormula: labelsFormula!,
    valuesFormula: valuesFormula!,
    labels: all(strCache, /<c:v>(.*?)<\/c:v>/g),
    values: all(numCache, /<c:v>(.*?)<\/c:v>/g).map(Number),
    labelsInSheet: cellsOf(workbook, labelsFormula!),
    valuesInSheet: cellsOf(workbook, valuesFormula!),
    contentTypes: { drawing: typeOf(drawing.target), chart: typeOf(chart.target) },
  };
}

/**
 * Issue 16: the .xlsx host writes the committee sheet's chart of statuses as native parts (a
 * drawing anchored to the sheet, a chart with its figures cached), which Excel and LibreOffice both
 * draw. Rebuilding the sheet replaces them, leaving no part behind; an unchanged sheet keeps its
 * very bytes; and the file reads back whole.
 */
import { readFileSync } from 'node:fs';
import { XlsxPackage } from '../../../src/hosts/xlsx/xlsx-package';
import { readZip } from '../../../src/hosts/xlsx/zip-archive';
import { runCliCapture } from '../../support/cli';
import { packSample, SAMPLE_RUNS } from '../../support/report-sheets';
import { sheetChart } from '../../support/sheet-chart';
import { tempFolder } from '../../support/xlsx-writer';

jest.setTimeout(30_000);

const DEMO = SAMPLE_RUNS.find((run) => run.sample === 'service-plan-quarterly')!;
const SHEET = 'Committee Q2 2024-25';
const folder = tempFolder('chart-parts');
afterAll(() => folder.cleanup());

const drawingAndChartParts = (path: string): string[] =>
  readZip(readFileSync(path))
    .map((entry) => entry.name)
    .filter((name) => /^xl\/(drawings|charts)\//.test(name))
    .sort();

const overrides = (path: string): string[] =>
  [
    ...(new XlsxPackage(readZip(readFileSync(path))).text('[Content_Types].xml') ?? '').matchAll(
      /PartName="\/(xl\/(?:drawings|charts)\/[^"]+)"/g,
    ),
  ]
    .map((m) => m[1]!)
    .sort();

describe('the chart of statuses in the file the command line writes', () => {
  let first: string;
  beforeAll(async () => {
    first = folder.path('first.xlsx');
    expect((await packSample(DEMO, first)).code).toBe(0);
  });

  it('is a drawing and a chart, each listed in the package, tied to the committee sheet', async () => {
    expect(drawingAndChartParts(first)).toEqual([
      'xl/charts/chart1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/drawings/drawing1.xml',
    ]);
    expect(overrides(first)).toEqual(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml']);
    const chart = await sheetChart(first, SHEET);
    expect(chart.labelsFormula).toMatch(/^'Committee Q2 2024-25'!\$B\$\d+:\$B\$\d+$/);
    expect(chart.labels).toEqual(['Met', 'Near miss', 'Not met', 'No data']);
    expect(chart.values).toEqual([5, 2, 1, 6]);
    expect(chart.labelsInSheet).toEqual(chart.labels);
  });

  it('is replaced, not doubled, when the sheet is rebuilt; its figures follow the sheet', async () => {
    const again = folder.path('again.xlsx');
    const run = await runCliCapture(['committee', first, '-o', again, '--today', DEMO.today, '--committee', 'Housing Scrutiny Panel']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Updated sheet "${SHEET}" (rebuilt).`);
    expect(drawingAndChartParts(again)).toEqual(drawingAndChartParts(first));
    expect(overrides(again)).toEqual(overrides(first));
    const chart = await sheetChart(again, SHEET);
    expect(chart.values).toEqual([5, 2, 1, 6]);
  });

  it('keeps its very bytes when a run changes nothing', async () => {
    const same = folder.path('same.xlsx');
    const run = await packSample(DEMO, same.replace('same', 'same-in'), []);
    expect(run.code).toBe(0);
    const second = await runCliCapture(['pack', same.replace('same', 'same-in'), '-o', same, '--today', DEMO.today]);
    expect(second.code).toBe(0);
    expect(readFileSync(same).equals(readFileSync(same.replace('same', 'same-in')))).toBe(true);
  });
});

/**
 * `kpi-tracker map`: the mapping every command uses, printed as JSON, and `map --set`, which saves
 * a corrected mapping into the workbook where the task pane saves it, so that scan, check,
 * recalc, pack and the pane all use it. The workbook is a real one: Bracknell Forest Council's
 * quarter 3 2024/25 KPIs (tests/corpus-real/cases), whose own Status column holds the council's
 * published RAG ratings: an officer who wants them kept as published takes that column out of the
 * mapping, and from then on no command writes there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MappingSchema, type Mapping } from '../../src/core/settings/mapping-json';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
import { LocalPaneCore } from '../../src/taskpane/local-pane-core';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { CASES_DIR, readCase, xlsxSheetsOf } from '../corpus-real/real-corpus';
import { expectPlainMessage, runCliCapture } from '../support/cli';
import { tempFolder, writeXlsx } from '../support/xlsx-writer';

const temp = tempFolder('map-cli');
afterAll(() => temp.cleanup());

const CASE = 'council-bracknell-forest-kpis-q3-2024-25.txt';
const SHEET = 'Engaged and healthy communities';
let book: string;

beforeAll(async () => {
  book = await writeXlsx(temp.path('bracknell.xlsx'), xlsxSheetsOf(readCase(join(CASES_DIR, CASE), CASE)));
});

async function printedMapping(path: string): Promise<Mapping> {
  const run = await runCliCapture(['map', path]);
  expect(run.code).toBe(0);
  return MappingSchema.parse(JSON.parse(run.out));
}

function withoutStatusColumn(mapping: Mapping): Mapping {
  return {
    tables: mapping.tables.map((table) =>
      table.sheet === SHEET && table.headerRows[0] === 16 ? { ...table, columns: table.columns.filter((c) => c.column !== 'G') } : table,
    ),
  };
}

describe('kpi-tracker map', () => {
  test('prints the mapping as JSON that its own schema reads: sheet, header rows, and each column with its role', async () => {
    const mapping = await printedMapping(book);
    const table = mapping.tables.find((t) => t.sheet === SHEET && t.headerRows[0] === 16)!;
    expect(table.columns.map((c) => `${c.column} ${c.role}`)).toEqual([
      'A reference',
      'B description',
      'C owner',
      'D previous',
      'E actual',
      'F target',
      'G status',
    ]);
  });

  describe('map --set saves a corrected mapping that every command then uses', () => {
    let mapped: string;
    beforeAll(async () => {
      const file = temp.path('mapping.json');
      writeFileSync(file, JSON.stringify(withoutStatusColumn(await printedMapping(book)), null, 2));
      mapped = temp.path('bracknell.mapped.xlsx');
      const run = await runCliCapture(['map', book, '--set', file, '-o', mapped]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain('every command and the task pane now use it');
    });

    test('map prints the saved mapping back, the correction included', async () => {
      const table = (await printedMapping(mapped)).tables.find((t) => t.sheet === SHEET && t.headerRows[0] === 16)!;
      expect(table.columns.map((c) => c.column)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    });

    test('scan shows the table as confirmed by the officer, with no status column', async () => {
      const run = await runCliCapture(['scan', mapped, '--json']);
      const table = JSON.parse(run.out).tables.find(
        (t: { sheet: string; range: string }) => t.sheet === SHEET && t.range.startsWith('A16'),
      );
      expect(table.confirmed).toBe(true);
      expect(table.columns.find((c: { column: string }) => c.column === 'G')).toBeUndefined();
    });

    test('check judges the same indicators, and no longer weighs the published rating against the figures', async () => {
      const before = JSON.parse((await runCliCapture(['check', book, '--json', '--today', '2025-03-26'])).out) as Array<{
        ref: string;
        reason: string;
      }>;
      const after = JSON.parse((await runCliCapture(['check', mapped, '--json', '--today', '2025-03-26'])).out) as Array<{
        ref: string;
        reason: string;
      }>;
      expect(after.map((v) => v.ref)).toEqual(before.map((v) => v.ref));
      expect(before.some((v) => v.reason.includes('The sheet itself says'))).toBe(true);
      expect(after.some((v) => v.reason.includes('The sheet itself says'))).toBe(false);
    });

    test('recalc and pack write with it: the published ratings in column G are left as they were', async () => {
      for (const step of ['recalc', 'pack']) {
        const out = temp.path(`bracknell.${step}.xlsx`);
        const run = await runCliCapture([step, mapped, '-o', out, '--today', '2025-03-26']);
        expect(run.code).toBe(0);
        expect(run.out).not.toMatch(new RegExp(`${SHEET}!G\\d+:`));
        const { workbook } = await readXlsxFile(out);
        const sheet = workbook.sheets.find((s) => s.name === SHEET)!;
        expect(sheet.rows[16]![6]!.value).toEqual({ kind: 'text', value: 'Green' });
      }
    });

    test('the task pane reads the same saved mapping', async () => {
      const { workbook } = await readXlsxFile(mapped);
      // The pane's core, as the workbench and the add-in run it (there in a worker), loads what the host read.
      const result = await new LocalPaneCore().load(await new MemoryPaneHost(workbook).read(), { year: 2025, month: 3, day: 26 }, 1);
      const table = result.detection.tables.find((t) => t.sheet === SHEET && t.headerRows[0] === 15)!;
      expect(table.confirmed).toBe(true);
      expect(table.columns.some((c) => c.role === 'status')).toBe(false);
    });
  });

  test('a mapping that does not fit the workbook is refused in a sentence, and nothing is written', async () => {
    const mapping = await printedMapping(book);
    const wrong = { tables: [{ ...mapping.tables[0]!, columns: [{ column: 'C', header: 'Service', role: 'owner' as const }] }] };
    const file = temp.path('wrong.json');
    writeFileSync(file, JSON.stringify(wrong));
    const out = temp.path('never.xlsx');
    const run = await runCliCapture(['map', book, '--set', file, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('column C is headed');
    expect(run.err).toContain('Nothing was written.');
    expectPlainMessage(run.err);
    expect(() => readFileSync(out)).toThrow();
  });

  test('a mapping with a role KPI Tracker does not know is refused, naming where', async () => {
    const file = temp.path('bad-role.json');
    writeFileSync(
      file,
      JSON.stringify({ tables: [{ sheet: SHEET, headerRows: [16], columns: [{ column: 'C', header: 'Directorate', role: 'boss' }] }] }),
    );
    const run = await runCliCapture(['map', book, '--set', file, '-o', temp.path('never2.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/tables\.0\.columns\.0\.role/);
    expectPlainMessage(run.err);
  });
});

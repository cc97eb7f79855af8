/**
 * `kpi-tracker map`: the mapping every command uses, printed as JSON, and `map --set`, which saves
 * a corrected mapping into the workbook where the task pane saves it, so that scan, check,
 * recalc, pack and the pane all use it. The workbook is a real one: Bracknell Forest Council's
 * quarter 3 2024/25 KPIs (tests/corpus-real/cases), whose "Directorate" column detection leaves
 * unread and an officer maps as the owner.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MappingSchema, type Mapping } from '../../src/core/settings/mapping-json';
import { MemoryPaneHost } from '../../src/hosts/memory/memory-pane-host';
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

function withDirectorateAsOwner(mapping: Mapping): Mapping {
  return {
    tables: mapping.tables.map((table) =>
      table.sheet === SHEET && table.headerRows[0] === 16
        ? {
            ...table,
            columns: [...table.columns, { column: 'C', header: 'Directorate', role: 'owner' }].sort((a, b) =>
              a.column.localeCompare(b.column),
            ),
          }
        : table,
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
      'D previous',
      'E actual',
      'F target',
      'G status',
    ]);
    expect(table.columns.find((c) => c.column === 'C')).toBeUndefined();
  });

  describe('map --set saves a corrected mapping that every command then uses', () => {
    let mapped: string;
    beforeAll(async () => {
      const file = temp.path('mapping.json');
      writeFileSync(file, JSON.stringify(withDirectorateAsOwner(await printedMapping(book)), null, 2));
      mapped = temp.path('bracknell.mapped.xlsx');
      const run = await runCliCapture(['map', book, '--set', file, '-o', mapped]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain('every command and the task pane now use it');
    });

    test('map prints the saved mapping back, the correction included', async () => {
      const table = (await printedMapping(mapped)).tables.find((t) => t.sheet === SHEET && t.headerRows[0] === 16)!;
      expect(table.columns.find((c) => c.column === 'C')).toEqual({ column: 'C', header: 'Directorate', role: 'owner' });
    });

    test('scan shows the table as confirmed by the officer, with column C as the owner', async () => {
      const run = await runCliCapture(['scan', mapped, '--json']);
      const table = JSON.parse(run.out).tables.find(
        (t: { sheet: string; range: string }) => t.sheet === SHEET && t.range.startsWith('A16'),
      );
      expect(table.confirmed).toBe(true);
      expect(table.columns.find((c: { column: string }) => c.column === 'C').role).toBe('owner');
    });

    test('check gives each indicator its directorate as owner', async () => {
      const run = await runCliCapture(['check', mapped, '--json', '--today', '2025-03-26']);
      const verdicts = JSON.parse(run.out) as Array<{ ref: string; owner: string | null }>;
      expect(verdicts.find((v) => v.ref === '1.1.2.PI')!.owner).toBe('Communities');
      expect(verdicts.find((v) => v.ref === '1.1.3.KR')!.owner).toBe('People');
    });

    test('recalc and pack write with it: the owner column is read, and no cell of it is changed', async () => {
      for (const step of ['recalc', 'pack']) {
        const out = temp.path(`bracknell.${step}.xlsx`);
        const run = await runCliCapture([step, mapped, '-o', out, '--today', '2025-03-26']);
        expect(run.code).toBe(0);
        const { workbook } = await readXlsxFile(out);
        const sheet = workbook.sheets.find((s) => s.name === SHEET)!;
        expect(sheet.rows[16]![2]!.value).toEqual({ kind: 'text', value: 'Communities' });
        expect(run.out).not.toMatch(/!C\d+:/);
      }
      const pack = await runCliCapture(['pack', mapped, '-o', temp.path('owners.xlsx'), '--today', '2025-03-26']);
      expect(pack.code).toBe(0);
    });

    test('the task pane reads the same saved mapping', async () => {
      const { workbook } = await readXlsxFile(mapped);
      const result = await new MemoryPaneHost(workbook).preview({
        today: { year: 2025, month: 3, day: 26 },
        now: '2025-03-26T09:00:00.000Z',
        command: 'preview',
        steps: { statuses: true, actionPlan: false, committee: false },
      });
      const table = result.detection.tables.find((t) => t.sheet === SHEET && t.headerRows[0] === 15)!;
      expect(table.confirmed).toBe(true);
      expect(table.columns.find((c) => c.col === 2)!.role).toBe('owner');
    });
  });

  test('a mapping that does not fit the workbook is refused in a sentence, and nothing is written', async () => {
    const mapping = await printedMapping(book);
    const wrong = { tables: [{ ...mapping.tables[0]!, columns: [{ column: 'C', header: 'Service', role: 'owner' }] }] };
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

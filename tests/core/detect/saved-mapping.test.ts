/**
 * The officer's confirmed mapping, saved in the workbook (a very hidden sheet whose column A holds
 * a marker, then the settings JSON in chunks), always wins over detection on later runs.
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import type { Detection } from '../../../src/core/detect/types';
import { savedTablesFrom, withConfirmedTables } from '../../../src/core/settings/confirm-mapping';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings-schema';
import { SETTINGS_SHEET, settingsCells } from '../../../src/core/settings/settings-store';
import { buildWorkbook, type SheetInput } from '../../../src/hosts/memory/build-workbook';
import { readXlsxFile } from '../../../src/hosts/xlsx/read-xlsx';
import { columnsOf, indicatorsOf, onlyTable, tableList } from '../../support/detection-view';
import { samplePath } from '../../support/samples';
import { rawSettingsSheet, settingsFrom, settingsSheet, type SettingsInput } from '../../support/settings-sheet';
import { tempFolder, writeXlsx } from '../../support/xlsx-writer';

const detect = (...sheets: SheetInput[]): Detection => detectWorkbook(buildWorkbook(sheets));

/** A sheet no detector could read: nothing in its header means anything. */
const FIGURES: SheetInput = {
  name: 'Team figures',
  rows: [
    ['Tenancy team – figures'],
    ['Col1', 'Fig A', 'Fig B', 'Fig C', 'Col5'],
    ['X1', 'Rent collected as a % of rent due', 0.95, 0.97, null],
    ['X2', 'Void rent loss', 0.021, 0.02, null],
    ['X3', 'Days to re-let', 28, 25, null],
  ],
};

const FIGURES_MAPPING: SettingsInput = {
  version: 1,
  ownedSheets: [],
  tables: [
    {
      sheet: 'Team figures',
      headerRows: [2],
      columns: [
        { column: 'A', header: 'Col1', role: 'reference' },
        { column: 'B', header: 'Fig A', role: 'description' },
        { column: 'C', header: 'Fig B', role: 'actual', period: 'Q1 2024/25' },
        { column: 'D', header: 'Fig C', role: 'target', period: '2024/25' },
        { column: 'E', header: 'Col5', role: 'status' },
      ],
    },
  ],
};

/** A layout A style table that detection reads on its own. */
const QUARTERLY: SheetInput = {
  name: 'KPIs',
  rows: [
    ['Ref', 'Indicator', 'Q1', 'Q2', 'Target', 'Owner', 'Polarity', 'Status', 'Notes for finance'],
    ['A1', 'Rent collected', '95%', '96%', '97%', 'J Smith', 'Higher', 'Q2 up on Q1', null],
    ['A2', 'Void rent loss', '2.1%', '2.0%', '2%', 'J Smith', 'Lower', 'On target now', 'check'],
  ],
};

const quarterlyMapping = (overrides: Partial<Record<string, { header?: string; role?: string; period?: string }>> = {}): SettingsInput => {
  const columns = [
    { column: 'A', header: 'Ref', role: 'reference' },
    { column: 'B', header: 'Indicator', role: 'description' },
    { column: 'C', header: 'Q1', role: 'actual', period: 'Q1 2024/25' },
    { column: 'D', header: 'Q2', role: 'actual', period: 'Q2 2024/25' },
    { column: 'E', header: 'Target', role: 'target', period: '2024/25' },
    { column: 'F', header: 'Owner', role: 'owner' },
    { column: 'G', header: 'Polarity', role: 'polarity' },
    { column: 'H', header: 'Status', role: 'status' },
  ].map((column) => ({ ...column, ...(overrides[column.column] ?? {}) }));
  return { version: 1, ownedSheets: [], tables: [{ sheet: 'KPIs', headerRows: [1], columns }] };
};

describe('a saved mapping wins over detection', () => {
  test('headers nobody could read ("Col1", "Fig A", "Fig C") are read with the saved roles, confirmed', () => {
    // Without the mapping the grid is still found from its shape (names beside figures), but its
    // columns are only a guess from their values, and detection says so.
    const guessed = onlyTable(detect(FIGURES));
    expect(guessed.confirmed).toBe(false);
    expect(columnsOf(guessed)).toEqual(['A reference', 'B description', 'C actual', 'D actual']);
    expect(guessed.doubts.map((doubt) => doubt.code)).toContain('columns-from-contents');
    expect(guessed.doubts.map((doubt) => doubt.message).join(' ')).toMatch(/worked out from their contents/);

    const detection = detect(FIGURES, settingsSheet(FIGURES_MAPPING));
    const table = onlyTable(detection);
    expect(table.sheet).toBe('Team figures');
    expect(table.confirmed).toBe(true);
    expect(table.headerRows).toEqual([1]);
    expect(columnsOf(table)).toEqual(['A reference', 'B description', 'C actual Q1 2024/25', 'D target 2024/25', 'E status']);
    expect(table.columns.every((column) => column.reason === 'confirmed by you' && column.confidence === 1)).toBe(true);
    expect(indicatorsOf(table)).toEqual(['X1 Rent collected as a % of rent due', 'X2 Void rent loss', 'X3 Days to re-let']);
    expect(table.doubts).toEqual([]);
    expect(detection.doubts).toEqual([]);
  });

  test('the settings sheet itself is never reported as a table', () => {
    const detection = detect(FIGURES, settingsSheet(FIGURES_MAPPING));
    expect(detection.tables.map((table) => table.sheet)).not.toContain(SETTINGS_SHEET);
  });

  test('a saved role overrides the detected one: column H "Status" confirmed as commentary', () => {
    const detected = onlyTable(detect(QUARTERLY));
    expect(columnsOf(detected)).toContain('H status');

    const table = onlyTable(detect(QUARTERLY, settingsSheet(quarterlyMapping({ H: { role: 'commentary' } }))));
    expect(table.confirmed).toBe(true);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Q1 2024/25',
      'D actual Q2 2024/25',
      'E target 2024/25',
      'F owner',
      'G polarity',
      'H commentary',
    ]);
    expect(table.columns.filter((column) => column.role === 'status')).toEqual([]);
    expect(indicatorsOf(table)).toEqual(['A1 Rent collected', 'A2 Void rent loss']);
  });

  test('saved periods win over the undated headers ("Q1" confirmed as Q1 2024/25)', () => {
    const detected = onlyTable(detect(QUARTERLY));
    expect(columnsOf(detected).slice(2, 4)).toEqual(['C actual Q1', 'D actual Q2']);
    const table = onlyTable(detect(QUARTERLY, settingsSheet(quarterlyMapping())));
    expect(table.columns[2]!.period).toEqual({ kind: 'quarter', quarter: 1, fy: 2024 });
    expect(table.columns[3]!.period).toEqual({ kind: 'quarter', quarter: 2, fy: 2024 });
  });

  test('a column the officer left out of the mapping is not used ("Notes for finance")', () => {
    const table = onlyTable(detect(QUARTERLY, settingsSheet(quarterlyMapping())));
    expect(table.columns.map((column) => column.header)).not.toContain('Notes for finance');
  });

  test('a saved mapping whose header text no longer matches yields a doubt naming the column and both texts', () => {
    const renamed: SheetInput = {
      ...QUARTERLY,
      rows: [['Ref', 'Indicator', 'Q1', 'Q2', 'Annual target', 'Owner', 'Polarity', 'Status'], ...QUARTERLY.rows.slice(1)],
    };
    const table = onlyTable(detect(renamed, settingsSheet(quarterlyMapping())));
    expect(table.confirmed).toBe(true);
    expect(table.doubts).toHaveLength(1);
    expect(table.doubts[0]!.code).toBe('saved-mapping-no-longer-fits');
    expect(table.doubts[0]!.message).toMatch(/column E/);
    expect(table.doubts[0]!.message).toMatch(/"Target"/);
    expect(table.doubts[0]!.message).toMatch(/"Annual target"/);
    expect(table.doubts[0]!.message).toMatch(/"KPIs"/);
  });

  test('header differences of case or spacing are not a change', () => {
    const respelled: SheetInput = {
      ...QUARTERLY,
      rows: [['REF', ' indicator ', 'Q1', 'Q2', 'target', 'Owner', 'Polarity', 'Status'], ...QUARTERLY.rows.slice(1)],
    };
    const table = onlyTable(detect(respelled, settingsSheet(quarterlyMapping())));
    expect(table.doubts).toEqual([]);
  });

  test('a row inserted above a confirmed table: the officer is told the mapping no longer fits, and the table is still found', () => {
    const shifted: SheetInput = { ...QUARTERLY, rows: [['Housing KPIs 2024/25'], ...QUARTERLY.rows] };
    const detection = detect(shifted, settingsSheet(quarterlyMapping()));
    const doubts = detection.tables.flatMap((table) => table.doubts);
    expect(
      doubts.some(
        (doubt) => doubt.code === 'saved-mapping-no-longer-fits' && /no longer fits/.test(doubt.message) && /column A/.test(doubt.message),
      ),
    ).toBe(true);
    const withIndicators = detection.tables.filter((table) => table.indicators.length > 0);
    expect(withIndicators.map(indicatorsOf)).toEqual([['A1 Rent collected', 'A2 Void rent loss']]);
  });

  test('unreadable settings JSON: a workbook-level doubt, and detection still works', () => {
    const detection = detect(QUARTERLY, rawSettingsSheet(['{"version":1,"tables":[{"sheet":"KPIs",']));
    expect(detection.doubts).toHaveLength(1);
    expect(detection.doubts[0]!.code).toBe('settings-not-json');
    expect(detection.doubts[0]!.message).toMatch(/can't be read/);
    expect(detection.doubts[0]!.message).toContain(SETTINGS_SHEET);
    const table = onlyTable(detection);
    expect(table.confirmed).toBe(false);
    expect(columnsOf(table)).toEqual([
      'A reference',
      'B description',
      'C actual Q1',
      'D actual Q2',
      'E target',
      'F owner',
      'G polarity',
      'H status',
    ]);
  });

  test('settings that are JSON but not valid settings: a workbook-level doubt, and detection still works', () => {
    const detection = detect(QUARTERLY, rawSettingsSheet([JSON.stringify({ version: 2, tables: 'all of them' })]));
    expect(detection.doubts).toHaveLength(1);
    expect(detection.doubts[0]!.code).toBe('settings-invalid');
    expect(detection.doubts[0]!.message).toMatch(/can't be used/);
    expect(onlyTable(detection).confirmed).toBe(false);
  });

  test('settings JSON split over several cells is read whole', () => {
    const cells = settingsCells(settingsFrom(FIGURES_MAPPING));
    const json = cells.slice(1).join('');
    const third = Math.ceil(json.length / 3);
    const detection = detect(FIGURES, rawSettingsSheet([json.slice(0, third), json.slice(third, 2 * third), json.slice(2 * third)]));
    expect(detection.doubts).toEqual([]);
    expect(onlyTable(detection).confirmed).toBe(true);
  });

  test('a table saved as ignored: true is not reported; the next table on the sheet still is', () => {
    const header = ['Ref', 'Indicator', 'Q1', 'Q2', 'Target', 'Status'];
    const sheet: SheetInput = {
      name: 'KPIs',
      rows: [header, ['A1', 'Rent collected', 1, 2, 3, null], [], [], header, ['B1', 'Voids', 1, 2, 3, null]],
    };
    expect(tableList(detect(sheet))).toEqual(['KPIs!A1:F2', 'KPIs!A5:F6']);
    const settings: SettingsInput = {
      version: 1,
      ownedSheets: [],
      tables: [{ sheet: 'KPIs', headerRows: [1], ignored: true, columns: [{ column: 'A', header: 'Ref', role: 'reference' }] }],
    };
    const detection = detect(sheet, settingsSheet(settings));
    expect(tableList(detection)).toEqual(['KPIs!A5:F6']);
    expect(indicatorsOf(detection.tables[0]!)).toEqual(['B1 Voids']);
    expect(detection.doubts).toEqual([]);
  });

  test('an ignored table alone on its sheet: nothing reported, and no doubt about it', () => {
    const settings: SettingsInput = {
      version: 1,
      ownedSheets: [],
      tables: [{ sheet: 'KPIs', headerRows: [1], ignored: true, columns: [{ column: 'A', header: 'Ref', role: 'reference' }] }],
    };
    const detection = detect(QUARTERLY, settingsSheet(settings));
    expect(detection.tables).toEqual([]);
    expect(detection.doubts).toEqual([]);
  });

  test('a mapping saved for a sheet that has gone: a workbook-level doubt naming it', () => {
    const settings: SettingsInput = { ...FIGURES_MAPPING, tables: [{ ...FIGURES_MAPPING.tables![0]!, sheet: 'Old figures' }] };
    const detection = detect(QUARTERLY, settingsSheet(settings));
    expect(detection.doubts).toEqual([{ code: 'saved-sheet-missing', message: expect.stringContaining('"Old figures"') }]);
    expect(tableList(detection)).toEqual(['KPIs!A1:H3']);
  });

  test('sheets KPI Tracker owns (listed in ownedSheets) are not scanned', () => {
    const settings: SettingsInput = { version: 1, ownedSheets: ['KPIs'], tables: [] };
    const detection = detect(QUARTERLY, { ...FIGURES, name: 'Committee Q2' }, settingsSheet(settings));
    expect(detection.tables.map((table) => table.sheet)).not.toContain('KPIs');
  });

  test('.xlsx round trip: the mapping on a very hidden sheet written by exceljs is read back and wins', async () => {
    const temp = tempFolder('saved-mapping');
    try {
      const path = await writeXlsx(temp.path('figures.xlsx'), [
        {
          name: 'Team figures',
          rows: FIGURES.rows.map((row) => row.map((cell) => (cell === undefined ? null : (cell as string | number | null)))),
        },
        { name: SETTINGS_SHEET, state: 'veryHidden', rows: settingsCells(settingsFrom(FIGURES_MAPPING)).map((cell) => [cell]) },
      ]);
      const { workbook } = await readXlsxFile(path);
      expect(workbook.sheets.find((sheet) => sheet.name === SETTINGS_SHEET)!.visibility).toBe('veryHidden');
      const detection = detectWorkbook(workbook);
      const table = onlyTable(detection);
      expect(table.confirmed).toBe(true);
      expect(columnsOf(table)).toEqual(['A reference', 'B description', 'C actual Q1 2024/25', 'D target 2024/25', 'E status']);
      expect(indicatorsOf(table)).toEqual(['X1 Rent collected as a % of rent due', 'X2 Void rent loss', 'X3 Days to re-let']);
    } finally {
      temp.cleanup();
    }
  });
});

describe('a confirmed mapping keeps what the sheet itself says', () => {
  it('layout B: each themed table keeps its theme title (the measures column’s header), not a line from above it', async () => {
    const { workbook } = await readXlsxFile(samplePath('service-delivery-plan-annual'));
    const found = detectWorkbook(workbook);
    const confirmed = detectWorkbook(workbook, withConfirmedTables(DEFAULT_SETTINGS, savedTablesFrom(found.tables)));
    expect(confirmed.tables.every((table) => table.confirmed)).toBe(true);
    expect(confirmed.tables.map((table) => table.title)).toEqual(found.tables.map((table) => table.title));
    expect(confirmed.tables[0]!.title).toBe('TA Reduction');
  });
});

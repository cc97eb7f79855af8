import { SettingsRecord } from '../../../src/core/settings/settings-record';
import { SettingsSchema } from '../../../src/core/settings/settings-schema';
import { settingsJson } from '../../../src/core/settings/settings-store';
import { cellKey, WrittenCells } from '../../../src/core/plan/written-cells';
import { seeded } from '../../../bench/generate';

/** What the settings kept before: a plain object whose keys were set in code-unit order. */
function plainSorted<T>(entries: ReadonlyArray<readonly [string, T]>): Record<string, T> {
  const map = new Map(entries);
  return Object.fromEntries([...map.keys()].sort().map((key) => [key, map.get(key)!]));
}

const AWKWARD_KEYS = [
  'KPIs!H4',
  'KPIs!H10',
  'KPIs!H9',
  '10',
  '9',
  '0',
  '4294967294',
  '4294967295',
  '01',
  'Zed!A1',
  'a"b\\c!B2',
  'tab\there!C3',
  '\ud800lone!A1',
  '😀 smile!A1',
  'é!A1',
  'KPIs!AA1',
  'KPIs!A1',
  'say "hi"!A1',
];

describe('SettingsRecord', () => {
  it('writes the JSON a plain object of the same entries gives, array-index keys first', () => {
    const object = Object.fromEntries(AWKWARD_KEYS.map((key, i) => [key, `print ${i}`]));
    const record = SettingsRecord.fromObject(object);
    expect(record.json()).toBe(JSON.stringify(object));
    expect(JSON.stringify(record)).toBe(JSON.stringify(object));
    expect(record.size).toBe(AWKWARD_KEYS.length);
    for (const key of AWKWARD_KEYS) expect(record.get(key)).toBe(object[key]);
    expect(record.get('KPIs!H5')).toBeUndefined();
    for (const value of ['a "quoted" print', 'back\\slash', 'line\nbreak']) {
      const plain = { 'KPIs!H4': 'plain', 'KPIs!H5': value };
      expect(SettingsRecord.fromObject(plain).json()).toBe(JSON.stringify(plain));
    }
  });

  it('values that are objects are written as JSON.stringify writes them', () => {
    const object = {
      'KPIs!A1': { period: 'Q1 2024/25', actual: '96.0%', fingerprint: 'abc:3' },
      '7': { period: 'p', actual: '"quoted"', fingerprint: 'f' },
    };
    expect(SettingsRecord.fromObject(object).json()).toBe(JSON.stringify(object));
  });

  it('setting entries gives the keys in code-unit order, as the settings always kept them', () => {
    const random = seeded(7);
    for (let round = 0; round < 30; round++) {
      const pick = (): string =>
        random() < 0.3
          ? AWKWARD_KEYS[Math.floor(random() * AWKWARD_KEYS.length)]!
          : `S${Math.floor(random() * 3)}!${String.fromCharCode(65 + Math.floor(random() * 3))}${1 + Math.floor(random() * 120)}`;
      const saved: Array<[string, string]> = Array.from({ length: Math.floor(random() * 20) }, () => [
        pick(),
        `s${Math.floor(random() * 9)}`,
      ]);
      // Saved settings as written before (sorted) or, now and then, edited by hand (in any order).
      const savedObject = random() < 0.7 ? plainSorted(saved) : Object.fromEntries(saved);
      const added = new Map<string, string>();
      for (let i = Math.floor(random() * 20); i > 0; i--) added.set(pick(), `a${Math.floor(random() * 9)}`);
      const record = SettingsRecord.fromObject(savedObject).with([...added.keys()], [...added.values()]);
      const expected = plainSorted([...Object.entries(savedObject), ...added]);
      expect(record.json()).toBe(JSON.stringify(expected));
      for (const key of Object.keys(expected)) expect(record.get(key)).toBe(expected[key]);
    }
  });

  it('settings parse into records and parse again as they are; their JSON is JSON.stringify of the settings', () => {
    const settings = SettingsSchema.parse({
      version: 1,
      written: { 'KPIs!H4': 'a', '3': 'b' },
      seenCommentary: { 'KPIs!A1': { period: 'p', actual: 'a', fingerprint: 'f' } },
    });
    expect(settings.written.get('3')).toBe('b');
    expect(SettingsSchema.parse({ ...settings }).written).toBe(settings.written);
    expect(settingsJson(settings)).toBe(JSON.stringify(settings));
    expect(JSON.parse(settingsJson(settings)).written).toEqual({ '3': 'b', 'KPIs!H4': 'a' });
    expect(SettingsSchema.safeParse({ version: 1, written: { 'KPIs!H4': 3 } }).error?.issues[0]?.path).toEqual(['written', 'KPIs!H4']);
  });
});

describe('WrittenCells', () => {
  it('gives the record a Map of cell keys would, in code-unit order, whatever the sheet names and rows', () => {
    const random = seeded(11);
    const sheets = ['KPIs', 'KPIs 2', 'KPI', 'A!B', 'A', 'Z', 'a"b'];
    for (let round = 0; round < 40; round++) {
      const names = sheets.filter(() => random() < 0.5);
      if (names.length === 0) names.push('KPIs');
      const saved = new Map<string, string>();
      for (let i = Math.floor(random() * 10); i > 0; i--)
        saved.set(cellKey(names[0]!, Math.floor(random() * 200), Math.floor(random() * 30)), `old${i}`);
      const cells = new WrittenCells(SettingsRecord.fromObject(plainSorted([...saved])));
      const reference = new Map(saved);
      for (let i = Math.floor(random() * 400); i > 0; i--) {
        const sheet = names[Math.floor(random() * names.length)]!;
        // Now and then a row far down (Excel's last is 1,048,576): "1000000" sorts before "2".
        const far = round % 8 === 0 && random() < 0.05;
        const row = far ? Math.floor(random() * 1_048_576) : Math.floor(random() * 200);
        const col = far || random() < 0.5 ? 7 : Math.floor(random() * 800);
        cells.set(sheet, row, col, `p${i}`);
        reference.set(cellKey(sheet, row, col), `p${i}`);
        expect(cells.get(sheet, row, col)).toBe(`p${i}`);
      }
      for (const [key, print] of saved) if (reference.get(key) === print) expect(cells.get(names[0]!, ...rowCol(key))).toBe(print);
      expect(cells.record().json()).toBe(JSON.stringify(plainSorted([...reference])));
    }
  });
});

function rowCol(key: string): [number, number] {
  const address = key.slice(key.lastIndexOf('!') + 1);
  const letters = /^[A-Z]+/.exec(address)![0];
  let col = 0;
  for (const letter of letters) col = col * 26 + letter.charCodeAt(0) - 64;
  return [Number(address.slice(letters.length)) - 1, col - 1];
}

describe('SettingsRecord JSON in pieces', () => {
  it('writes large records, and entries needing escapes among plain ones, as JSON.stringify does', () => {
    const random = seeded(3);
    const awkward = ['a "quoted" print', 'back\\slash', 'line\nbreak', '\ud800', '😀', 'é'];
    for (const size of [0, 1, 255, 256, 257, 1000]) {
      const object: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) {
        const text = random() < 0.01 ? awkward[Math.floor(random() * awkward.length)]! : `p${i}`;
        const key = random() < 0.01 ? `${awkward[Math.floor(random() * awkward.length)]!}!A${i}` : `KPIs!H${i}`;
        object[key] =
          random() < 0.5 ? text : random() < 0.9 ? { period: 'Mar 2025', actual: text, fingerprint: `f${i}` } : { period: 'p', n: 3 };
      }
      expect(SettingsRecord.fromObject(object).json()).toBe(JSON.stringify(object));
    }
  });
});

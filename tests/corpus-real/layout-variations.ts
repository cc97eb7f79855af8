/**
 * The working cases laid out again the ways officers' workbooks differ from a published page,
 * one change at a time, with the publisher's reading moved to match: a narrow empty column
 * between the names and the rest, a blank line under the header, a comments column at the end,
 * a unit after each heading, the whole sheet twice side by side. The words and figures stay the
 * publisher's; only where they sit changes. KPI Tracker should read each as it reads the original.
 */
import { columnIndex, columnLetter } from '../../src/core/model/address';
import { ExpectationSchema, type Expectation } from './real-corpus';

interface Parsed {
  /** Directive lines and sheet rows in file order; sheet rows carry their sheet and 1-based row. */
  readonly lines: ReadonlyArray<{ readonly text: string; readonly sheet?: string; readonly row?: number }>;
  readonly expect: Expectation;
}

type Vary = (parsed: Parsed) => { lines: string[]; expect: Expectation } | undefined;

export interface Variation {
  readonly name: string;
  readonly vary: Vary;
}

function parse(text: string): Parsed {
  const all = text.replace(/\r\n/g, '\n').split('\n');
  const at = all.findIndex((line) => line.startsWith('## expect'));
  const lines: Array<{ text: string; sheet?: string; row?: number }> = [];
  let sheet = 'Sheet1';
  let row = 0;
  for (const line of all.slice(0, at)) {
    if (line.startsWith('## ')) {
      const named = /^## sheet:\s*(.*)$/.exec(line);
      if (named) {
        sheet = named[1]!.trim();
        row = 0;
      }
      lines.push({ text: line });
    } else lines.push({ text: line, sheet, row: ++row });
  }
  return { lines, expect: ExpectationSchema.parse(JSON.parse(all.slice(at + 1).join('\n'))) };
}

/** The case's text again, with its expectation. */
export function caseText(lines: readonly string[], expect: Expectation): string {
  return `${lines.join('\n')}\n## expect\n${JSON.stringify(expect)}\n`;
}

/** The expectation with its column letters and row numbers moved. */
function moved(
  expect: Expectation,
  column: (sheet: string, letter: string) => string,
  row: (sheet: string, r: number) => number,
): Expectation {
  const keyed = <T>(sheet: string, value: T | Record<string, T> | undefined): T | Record<string, T> | undefined =>
    value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value as Record<string, T>).map(([letter, v]) => [column(sheet, letter), v]))
      : value;
  return {
    ...expect,
    tables: expect.tables.map((table) => ({
      ...table,
      header: row(table.sheet, table.header),
      columns: Object.fromEntries(Object.entries(table.columns).map(([letter, role]) => [column(table.sheet, letter), role])),
      indicators: table.indicators.map((indicator) => ({
        ...indicator,
        row: row(table.sheet, indicator.row),
        ...(indicator.publisher ? { publisher: keyed(table.sheet, indicator.publisher)! } : {}),
        ...(indicator.status ? { status: keyed(table.sheet, indicator.status)! } : {}),
      })),
    })),
    notTables: expect.notTables.map((range) => {
      const [sheet, address] = range.includes('!') ? range.split('!') : [expect.tables[0]?.sheet ?? 'Sheet1', range];
      const address2 = address!.replace(
        /([A-Z]+)(\d+)/g,
        (_m, letter: string, r: string) => `${column(sheet!, letter)}${row(sheet!, Number(r))}`,
      );
      return range.includes('!') ? `${sheet}!${address2}` : address2;
    }),
  };
}

const cellsOf = (text: string): string[] => text.split('\t');

/** A narrow empty column straight after the first (the names), on every row. */
const spacerAfterNames: Vary = ({ lines, expect }) => ({
  lines: lines.map(({ text, row }) => {
    if (row === undefined) return text;
    const cells = cellsOf(text);
    return cells.length < 2 ? text : [cells[0], '', ...cells.slice(1)].join('\t');
  }),
  expect: moved(
    expect,
    (_sheet, letter) => (columnIndex(letter) >= 1 ? columnLetter(columnIndex(letter) + 1) : letter),
    (_sheet, r) => r,
  ),
});

/** A blank line between a header and its first indicator, where one follows straight on. */
const blankUnderHeader: Vary = ({ lines, expect }) => {
  const after = new Set(
    expect.tables.filter((table) => table.indicators.some((i) => i.row === table.header + 1)).map((t) => `${t.sheet}:${t.header}`),
  );
  if (after.size === 0) return undefined;
  const out: string[] = [];
  for (const { text, sheet, row } of lines) {
    out.push(text);
    if (row !== undefined && after.has(`${sheet}:${row}`)) out.push('');
  }
  const shift = (sheet: string, r: number): number =>
    r + [...after].filter((key) => key.startsWith(`${sheet}:`) && Number(key.slice(sheet.length + 1)) < r).length;
  return { lines: out, expect: moved(expect, (_sheet, letter) => letter, shift) };
};

/** A "Comments" column after the last column any table uses, on its header and indicator rows. */
const commentsColumn: Vary = ({ lines, expect }) => {
  const widest = Math.max(...expect.tables.flatMap((table) => Object.keys(table.columns).map(columnIndex)));
  if (!Number.isFinite(widest)) return undefined;
  const at = widest + 1;
  const headers = new Set(expect.tables.map((table) => `${table.sheet}:${table.header}`));
  const indicators = new Set(expect.tables.flatMap((table) => table.indicators.map((i) => `${table.sheet}:${i.row}`)));
  return {
    lines: lines.map(({ text, sheet, row }) => {
      const key = `${sheet}:${row}`;
      const comment = headers.has(key) ? 'Comments' : indicators.has(key) ? 'Performance is being monitored by the service manager.' : '';
      if (!comment) return text;
      const cells = cellsOf(text);
      while (cells.length < at) cells.push('');
      cells[at] = comment;
      return cells.join('\t');
    }),
    expect,
  };
};

/** " (%)" after every heading of a figures column ("Target (%)", "Dec 17 (%)"). */
const unitAfterHeadings: Vary = ({ lines, expect }) => {
  const figures = new Map<string, Set<number>>();
  for (const table of expect.tables) {
    const key = `${table.sheet}:${table.header}`;
    const cols = figures.get(key) ?? new Set<number>();
    for (const [letter, role] of Object.entries(table.columns)) if (role === 'actual' || role === 'target') cols.add(columnIndex(letter));
    figures.set(key, cols);
  }
  return {
    lines: lines.map(({ text, sheet, row }) => {
      const cols = figures.get(`${sheet}:${row}`);
      if (!cols) return text;
      return cellsOf(text)
        .map((cell, c) => (cols.has(c) && cell.trim() && !cell.includes('%') ? `${cell} (%)` : cell))
        .join('\t');
    }),
    expect,
  };
};

/** Every heading of a table's header row in capitals ("INDICATOR | TARGET | ACTUAL"). */
const capitalHeadings: Vary = ({ lines, expect }) => {
  const headers = new Set(expect.tables.map((table) => `${table.sheet}:${table.header}`));
  return {
    lines: lines.map(({ text, sheet, row }) => (headers.has(`${sheet}:${row}`) ? text.toUpperCase() : text)),
    expect,
  };
};

/** A title straight over each table's header, with no blank line between ("Quarterly performance report"). */
const titleOverHeader: Vary = ({ lines, expect }) => {
  const headers = new Set(expect.tables.map((table) => `${table.sheet}:${table.header}`));
  const out: string[] = [];
  for (const { text, sheet, row } of lines) {
    if (row !== undefined && headers.has(`${sheet}:${row}`)) out.push('Quarterly performance report');
    out.push(text);
  }
  const shift = (sheet: string, r: number): number =>
    r + [...headers].filter((key) => key.startsWith(`${sheet}:`) && Number(key.slice(sheet.length + 1)) <= r).length;
  return { lines: out, expect: moved(expect, (_sheet, letter) => letter, shift) };
};

/** The whole sheet written again to its right, one empty column apart (single-sheet cases). */
const twiceSideBySide: Vary = ({ lines, expect }) => {
  const rows = lines.filter((line) => line.row !== undefined);
  if (new Set(rows.map((line) => line.sheet)).size > 1) return undefined;
  const width = Math.max(...rows.map((line) => cellsOf(line.text).length));
  if (width > 12) return undefined;
  const right = (letter: string): string => columnLetter(columnIndex(letter) + width + 1);
  const copy = moved(
    expect,
    (_sheet, letter) => right(letter),
    (_sheet, r) => r,
  );
  return {
    lines: lines.map(({ text, row }) => {
      if (row === undefined) return text;
      const cells = cellsOf(text);
      while (cells.length < width) cells.push('');
      return [...cells, '', ...cellsOf(text)].join('\t').replace(/\t+$/, '');
    }),
    expect: { ...expect, tables: [...expect.tables, ...copy.tables], notTables: [...expect.notTables, ...copy.notTables] },
  };
};

export const VARIATIONS: readonly Variation[] = [
  { name: 'an empty column after the names', vary: spacerAfterNames },
  { name: 'a blank line under the header', vary: blankUnderHeader },
  { name: 'a comments column at the end', vary: commentsColumn },
  { name: 'a unit after each figure heading', vary: unitAfterHeadings },
  { name: 'the sheet twice, side by side', vary: twiceSideBySide },
  { name: 'headings in capitals', vary: capitalHeadings },
  { name: 'a title straight over the header', vary: titleOverHeader },
];

/** A case's text laid out by one variation, or undefined where the variation does not apply to it. */
export function varied(text: string, variation: Variation): string | undefined {
  const result = variation.vary(parse(text));
  return result ? caseText(result.lines, result.expect) : undefined;
}

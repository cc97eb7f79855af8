/**
 * The fake Excel object model itself (tests/support/fake-excel.ts): the Office.js behaviour the
 * host tests rely on, so a green host test means what it says. Also the literal-text rule
 * (src/hosts/excel/literal-text.ts) against the fake's model of how Excel reads entered text.
 */
import fc from 'fast-check';
import { excelLiteral } from '../../src/hosts/excel/literal-text';
import { buildWorkbook } from '../../src/hosts/memory/build-workbook';
import { layoutASample, snapshot } from '../support/excel-fixtures';
import { enterValue, FakeExcel, FIVE_MB, installFakeExcel } from '../support/fake-excel';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function fakeWith(
  rows: Parameters<typeof buildWorkbook>[0][number]['rows'],
  extra: Partial<Parameters<typeof buildWorkbook>[0][number]> = {},
): FakeExcel {
  const fake = FakeExcel.fromWorkbook(buildWorkbook([{ name: 'Sheet1', rows, ...extra }]));
  uninstall = installFakeExcel(fake);
  return fake;
}

const codeOf = (error: unknown) => (error as { code?: string }).code;

describe('batching', () => {
  it('throws PropertyNotLoaded before the sync that loads a property, and has it after', async () => {
    fakeWith([['a', 1]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(range.isNullObject).toBe(false);
    });
  });

  it('queues writes and applies them at the sync, in order', async () => {
    const fake = fakeWith([['a']]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [['b']];
      range.values = [['c']];
      expect(fake.cell('Sheet1', 'A1')!.value).toBe('a');
      await context.sync();
      expect(fake.cell('Sheet1', 'A1')!.value).toBe('c');
    });
  });

  it('counts requests and their bytes; a sync with nothing queued sends nothing; Excel.run sends what is left', async () => {
    const fake = fakeWith([['a']]);
    await Excel.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['b']];
    });
    expect(fake.syncCalls).toBe(2);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ closing: true, writes: 1 });
    expect(fake.requests[0]!.requestBytes).toBeGreaterThan(JSON.stringify([['b']]).length);
    expect(fake.cell('Sheet1', 'A1')!.value).toBe('b');
  });

  it('gives null objects for *OrNullObject, also chained past the end', async () => {
    fakeWith([['a']]);
    await Excel.run(async (context) => {
      const next = context.workbook.worksheets.getFirst().getNextOrNullObject();
      const after = next.getNextOrNullObject();
      const used = next.getUsedRangeOrNullObject(true);
      next.load('name');
      after.load('name');
      used.load('address');
      await context.sync();
      expect([next.isNullObject, after.isNullObject, used.isNullObject]).toEqual([true, true, true]);
      expect(next.name).toBeUndefined();
    });
  });

  it('stops a request at a failing operation: what ran before stays, nothing after runs, nothing is loaded', async () => {
    const fake = fakeWith([['a', 'b']]);
    const error = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['x']];
      const loaded = sheet.getRange('A1').load('values');
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['y']];
      sheet.getRange('B1').values = [['z']];
      await context.sync().catch((e: unknown) => {
        expect(() => loaded.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
        throw e;
      });
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('ItemNotFound');
    expect(fake.cell('Sheet1', 'A1')!.value).toBe('x');
    expect(fake.cell('Sheet1', 'B1')!.value).toBe('b');
  });
});

describe('Excel on the web limits', () => {
  it('fails a request over 5 MB with RequestPayloadSizeLimitExceeded, applying nothing', async () => {
    const fake = fakeWith([['a']]);
    const big = 'x'.repeat(30_000);
    const rows = Array.from({ length: 200 }, () => [big]);
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').values = rows;
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.requests[0]!.requestBytes).toBeGreaterThan(FIVE_MB);
    expect(fake.cell('Sheet1', 'A1')!.value).toBe('a');
  });

  it('fails a response over 5 MB with ResponsePayloadSizeLimitExceeded', async () => {
    const big = 'y'.repeat(30_000);
    fakeWith(Array.from({ length: 100 }, () => [big]));
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A100').load('values,formulas');
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('entering values as Excel does', () => {
  it.each([
    ['=1+1', { type: 'Double', value: 2, formula: '=1+1' }],
    ['=Met', { type: 'Error', value: '#NAME?', formula: '=Met' }],
    ['+Near miss', { type: 'Error', formula: '=+Near miss' }],
    ['-5', { type: 'Double', value: -5 }],
    ['@home', { type: 'Error', formula: '=@home' }],
    ["'=Met", { type: 'String', value: '=Met', quotePrefix: true }],
    ["'012", { type: 'String', value: '012', quotePrefix: true }],
    ['012', { type: 'Double', value: 12 }],
    ['50%', { type: 'Double', value: 0.5, format: '0%' }],
    ['£1,250.50', { type: 'Double', value: 1250.5 }],
    ['TRUE', { type: 'Boolean', value: true }],
    ['#N/A', { type: 'Error', value: '#N/A' }],
    ['01/04/2024', { type: 'Double', value: 45383 }],
    ['Oct 2024', { type: 'Double', value: 45566 }],
    ['Met', { type: 'String', value: 'Met' }],
  ])('%s', (input, expected) => {
    expect(enterValue(input, 'General')).toMatchObject(expected);
  });

  it('keeps text in a cell formatted as Text', () => {
    expect(enterValue('=1+1', '@')).toEqual({ value: '=1+1', type: 'String' });
  });

  it('reads a quote-prefixed text back from formulas without its apostrophe, as Office.js does', async () => {
    fakeWith([['a']]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [["'=Met"]];
      range.load('values,formulas,valueTypes');
      await context.sync();
      expect([range.values, range.formulas, range.valueTypes]).toEqual([[['=Met']], [['=Met']], [['String']]]);
    });
  });
});

describe('protection and sheets', () => {
  it('refuses writes to a protected sheet with AccessDenied', async () => {
    fakeWith([['a']], { isProtected: true });
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['b']];
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('AccessDenied');
  });

  it('refuses to delete a very hidden sheet (Worksheet.delete in the Office.js reference)', async () => {
    const fake = FakeExcel.fromWorkbook(
      buildWorkbook([
        { name: 'Sheet1', rows: [['a']] },
        { name: 'Hidden', rows: [['b']], visibility: 'veryHidden' },
      ]),
    );
    uninstall = installFakeExcel(fake);
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Hidden').delete();
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('InvalidOperation');
    expect(fake.sheet('Hidden')).toBeDefined();
  });
});

describe('Worksheet.position and adding sheets', () => {
  function threeSheets(): FakeExcel {
    const fake = FakeExcel.fromWorkbook(
      buildWorkbook([
        { name: 'A', rows: [['a']] },
        { name: 'Hidden', rows: [['h']], visibility: 'veryHidden' },
        { name: 'B', rows: [['b']] },
      ]),
    );
    uninstall = installFakeExcel(fake);
    return fake;
  }
  const names = (fake: FakeExcel) => fake.sheets.map((sheet) => sheet.name);

  it('adds a sheet at the end, and moves a sheet to the position set, at the sync; hidden sheets count', async () => {
    const fake = threeSheets();
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add('New');
      added.position = 1;
      expect(names(fake)).toEqual(['A', 'Hidden', 'B']);
      await context.sync();
      expect(names(fake)).toEqual(['A', 'New', 'Hidden', 'B']);
      const b = context.workbook.worksheets.getItem('B');
      b.position = 0;
      b.load('position');
      await context.sync();
      expect(b.position).toBe(0);
    });
    expect(names(fake)).toEqual(['B', 'A', 'New', 'Hidden']);
    expect(fake.requests.map((r) => r.writes)).toEqual([2, 1]);
    expect(fake.requests[1]!.summary).toContain('Worksheet.position');
  });

  it('refuses a position outside the tabs (InvalidArgument) and, with the structure protected, any move (AccessDenied)', async () => {
    const fake = threeSheets();
    const move = (position: number) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').position = position;
        await context.sync();
      }).catch((e: unknown) => e);
    expect(codeOf(await move(3))).toBe('InvalidArgument');
    expect(codeOf(await move(-1))).toBe('InvalidArgument');
    fake.structureProtected = true;
    expect(codeOf(await move(2))).toBe('AccessDenied');
    expect(names(fake)).toEqual(['A', 'Hidden', 'B']);
  });
});

describe('Range.clear', () => {
  function formatted(): FakeExcel {
    const fake = FakeExcel.fromWorkbook(
      buildWorkbook([
        {
          name: 'Sheet1',
          rows: [
            ['Title', null, null],
            [{ v: 0.5, fmt: '0%', fill: '#FFC7CE' }, { f: '1+1', v: 2 }, { date: '2024-10-01' }],
            [{ v: 'text', fmt: '@' }, null, 'keep'],
          ],
          merges: ['A1:C1'],
        },
      ]),
    );
    fake.sheet('Sheet1')!.rows[2]![0]!.style = { format: { font: { bold: true } } };
    fake.sheet('Sheet1')!.rowHeights.set(0, 30);
    fake.sheet('Sheet1')!.columnWidths.set(0, 100);
    fake.sheet('Sheet1')!.frozenRows = 1;
    uninstall = installFakeExcel(fake);
    return fake;
  }
  async function clear(applyTo: unknown, address = 'A1:B3'): Promise<unknown> {
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange(address);
      if (applyTo === undefined) range.clear();
      else range.clear(applyTo as Excel.ClearApplyTo);
      await context.sync();
    }).catch((e: unknown) => e);
  }

  it('All (the default) empties values and formulas and drops formats, fills and the merged areas it touches', async () => {
    const fake = formatted();
    expect(await clear(undefined)).toBeUndefined();
    const sheet = fake.sheet('Sheet1')!;
    for (const address of ['A1', 'A2', 'B2', 'A3']) expect(fake.cell('Sheet1', address)).toBeUndefined();
    expect(sheet.merges).toEqual([]);
    // Outside the range, and what is not a cell format, stays.
    expect(fake.cell('Sheet1', 'C2')).toMatchObject({ type: 'Double', format: 'dd/mm/yyyy' });
    expect(fake.cell('Sheet1', 'C3')).toMatchObject({ value: 'keep' });
    expect([sheet.rowHeights.get(0), sheet.columnWidths.get(0), sheet.frozenRows]).toEqual([30, 100, 1]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ writes: 1, summary: expect.arrayContaining(['Range.clear']) });
  });

  it('Contents empties values and formulas and keeps number formats, fills and merges', async () => {
    const fake = formatted();
    expect(await clear('Contents')).toBeUndefined();
    expect(fake.cell('Sheet1', 'A2')).toEqual({ value: '', type: 'Empty', format: '0%', fill: '#FFC7CE' });
    expect(fake.cell('Sheet1', 'B2')).toBeUndefined();
    expect(fake.cell('Sheet1', 'A3')).toMatchObject({ value: '', type: 'Empty', format: '@', style: { format: { font: { bold: true } } } });
    expect(fake.sheet('Sheet1')!.merges).toHaveLength(1);
  });

  it('Formats keeps values and formulas, and resets number formats (a date reads as its serial), fills, styles and merges', async () => {
    const fake = formatted();
    expect(await clear(Excel.ClearApplyTo.formats, 'A1:C3')).toBeUndefined();
    expect(fake.cell('Sheet1', 'A2')).toEqual({ value: 0.5, type: 'Double', format: 'General' });
    expect(fake.cell('Sheet1', 'B2')).toMatchObject({ value: 2, formula: '=1+1', format: 'General' });
    expect(fake.cell('Sheet1', 'C2')).toMatchObject({ value: 45566, format: 'General' });
    expect(fake.cell('Sheet1', 'A3')).toEqual({ value: 'text', type: 'String', format: 'General' });
    expect(fake.sheet('Sheet1')!.merges).toEqual([]);
  });

  it('Hyperlinks and RemoveHyperlinks change nothing here (the fake has no hyperlinks); ResetContents is Contents', async () => {
    const fake = formatted();
    const before = snapshot(fake.toWorkbook());
    expect(await clear('Hyperlinks')).toBeUndefined();
    expect(await clear(Excel.ClearApplyTo.removeHyperlinks)).toBeUndefined();
    expect(snapshot(fake.toWorkbook())).toEqual(before);
    expect(await clear('ResetContents', 'A2')).toBeUndefined();
    expect(fake.cell('Sheet1', 'A2')).toMatchObject({ type: 'Empty', format: '0%' });
  });

  it('clears a whole (very hidden) sheet with getRange()', async () => {
    const fake = FakeExcel.fromWorkbook(
      buildWorkbook([
        { name: 'Sheet1', rows: [['a']] },
        { name: 'Hidden', rows: [['x', 'y'], [], [{ v: 'z', fill: '#FF0000' }]], merges: ['A5:B5'], visibility: 'veryHidden' },
      ]),
    );
    uninstall = installFakeExcel(fake);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Hidden').getRange().clear(Excel.ClearApplyTo.all);
      const used = context.workbook.worksheets.getItem('Hidden').getUsedRangeOrNullObject();
      used.load('address');
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
    expect(fake.sheet('Hidden')).toMatchObject({ visibility: 'VeryHidden', merges: [] });
  });

  it('refuses an unknown applyTo (InvalidArgument) and a protected sheet (AccessDenied)', async () => {
    formatted();
    expect(codeOf(await clear('Everything'))).toBe('InvalidArgument');
    uninstall?.();
    fakeWith([['a']], { isProtected: true });
    expect(codeOf(await clear('Contents', 'A1'))).toBe('AccessDenied');
  });
});

describe('Range.getSpecialCells', () => {
  function mixed(): FakeExcel {
    return fakeWith(
      [
        ['Ref', 'Actual', 'Target', 'Status'],
        ['A1', { f: '1+1', v: 2 }, 0.9, { f: 'IF(B2>C2,"Met","Missed")', v: 'Met' }],
        ['A2', { f: '2+2', v: 4 }, 0.9, { f: '1/0', error: '#DIV/0!' }],
        ['A3', 7, null, null],
        [null, null, null, { f: 'TRUE()', v: true }],
      ],
      { hiddenRows: [4] },
    );
  }
  async function special(
    address: string,
    cellType: string,
    valueType?: string,
  ): Promise<
    { isNull: boolean; areas?: Array<{ address: string; formulas: unknown[][]; values: unknown[][] }>; address?: string } | { code: string }
  > {
    return Excel.run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange(address)
        .getSpecialCellsOrNullObject(cellType as Excel.SpecialCellType, valueType as Excel.SpecialCellValueType);
      areas.load('address,areas/items/address,areas/items/formulas,areas/items/values');
      await context.sync();
      if (areas.isNullObject) return { isNull: true };
      return {
        isNull: false,
        address: areas.address,
        areas: areas.areas.items.map((area) => ({ address: area.address, formulas: area.formulas, values: area.values })),
      };
    }).catch((e: unknown) => ({ code: codeOf(e)! }));
  }

  it('Formulas: the cells holding a formula, as rectangles with their formulas and values', async () => {
    mixed();
    expect(await special('A1:D5', Excel.SpecialCellType.formulas)).toEqual({
      isNull: false,
      address: 'Sheet1!B2:B3,Sheet1!D2:D3,Sheet1!D5',
      areas: [
        { address: 'Sheet1!B2:B3', formulas: [['=1+1'], ['=2+2']], values: [[2], [4]] },
        { address: 'Sheet1!D2:D3', formulas: [['=IF(B2>C2,"Met","Missed")'], ['=1/0']], values: [['Met'], ['#DIV/0!']] },
        { address: 'Sheet1!D5', formulas: [['=TRUE()']], values: [[true]] },
      ],
    });
  });

  it('Formulas with a value type: Errors, Logical, Numbers, Text and their combinations', async () => {
    mixed();
    const addresses = async (valueType: string) => {
      const got = await special('A1:D5', 'Formulas', valueType);
      return 'areas' in got && got.areas ? got.areas.map((area) => area.address) : got;
    };
    expect(await addresses('Errors')).toEqual(['Sheet1!D3']);
    expect(await addresses('Logical')).toEqual(['Sheet1!D5']);
    expect(await addresses('Numbers')).toEqual(['Sheet1!B2:B3']);
    expect(await addresses('Text')).toEqual(['Sheet1!D2']);
    expect(await addresses('ErrorsLogical')).toEqual(['Sheet1!D3', 'Sheet1!D5']);
    expect(await addresses('NumbersText')).toEqual(['Sheet1!B2:B3', 'Sheet1!D2']);
  });

  it('Constants are the other non-empty cells, a quote-prefixed "=Met" among them; Blanks stop at the used range; Visible skips hidden rows', async () => {
    const fake = mixed();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('E1').values = [["'=Met"]];
      await context.sync();
    });
    const addressesOf = (got: Awaited<ReturnType<typeof special>>) =>
      'areas' in got && got.areas ? got.areas.map((area) => area.address) : got;
    expect(addressesOf(await special('A1:E5', 'Constants'))).toEqual(['Sheet1!A1:E1', 'Sheet1!A2:A3', 'Sheet1!C2:C3', 'Sheet1!A4:B4']);
    expect(addressesOf(await special('A1:E5', 'Constants', 'Numbers'))).toEqual(['Sheet1!C2:C3', 'Sheet1!B4']);
    expect(addressesOf(await special('A1:Z100', 'Blanks'))).toEqual(['Sheet1!E2:E3', 'Sheet1!C4:E4', 'Sheet1!A5:C5', 'Sheet1!E5']);
    // Row 4 is hidden.
    expect(addressesOf(await special('A1:B6', 'Visible'))).toEqual(['Sheet1!A1:B3', 'Sheet1!A5:B6']);
    expect(fake.cell('Sheet1', 'E1')).toMatchObject({ type: 'String', value: '=Met', quotePrefix: true });
  });

  it('no such cells: the OrNullObject variant gives a null object, getSpecialCells fails with ItemNotFound', async () => {
    mixed();
    expect(await special('A1:A5', 'Formulas')).toEqual({ isNull: true });
    expect(await special('A1:D5', 'DataValidations')).toEqual({ isNull: true });
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').getSpecialCells(Excel.SpecialCellType.formulas).load('address');
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('ItemNotFound');
  });

  it('refuses an unknown cell type or value type (InvalidArgument)', async () => {
    mixed();
    expect(await special('A1:D5', 'Formula')).toEqual({ code: 'InvalidArgument' });
    expect(await special('A1:D5', 'Formulas', 'Dates')).toEqual({ code: 'InvalidArgument' });
  });

  it('is counted in the request, and what it loads in the response', async () => {
    const fake = mixed();
    await special('A1:D5', 'Formulas');
    const [request] = fake.requests;
    expect(request!.summary).toEqual(expect.arrayContaining(['RangeAreas.path getSpecialCellsOrNullObject', 'RangeAreas.load']));
    expect(request!.responseBytes).toBeGreaterThan(JSON.stringify([['=IF(B2>C2,"Met","Missed")'], ['=1/0']]).length);
  });
});

describe('building and reading back', () => {
  it('gives back the core workbook it was built from', async () => {
    const sample = await layoutASample();
    expect(snapshot(FakeExcel.fromWorkbook(sample).toWorkbook())).toEqual(snapshot(sample));
  });
});

describe('the literal-text rule (excelLiteral) against Excel entering text', () => {
  async function roundTrip(texts: readonly string[]): Promise<string[]> {
    const fake = fakeWith([]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${texts.length}`).values = texts.map((text) => [excelLiteral(text)]);
      await context.sync();
    });
    uninstall?.();
    uninstall = undefined;
    return texts.map((_, i) => {
      const cell = fake.cell('Sheet1', `A${i + 1}`);
      return cell && cell.type === 'String' && cell.formula === undefined
        ? String(cell.value)
        : `<${cell?.type ?? 'Empty'} ${String(cell?.value)}${cell?.formula ? ` ${cell.formula}` : ''}>`;
    });
  }

  it('keeps text that Excel would take for a formula, number, percentage, amount, boolean or error', async () => {
    const texts = [
      '=Met',
      '=1+1',
      '+44 20 7946 0000',
      '-Not met',
      '-5',
      '@home',
      "'quoted",
      '12',
      '012',
      '1,234',
      '50%',
      '.5',
      '£5',
      '(12)',
      '1e5',
      '1/2/2024',
      '2024-01-02',
      '10:30',
      'TRUE',
      'false',
      // Seen once from the property below: Excel reads a boolean with a space after it as the boolean.
      'TRUE ',
      '#N/A',
      ' 12',
      'Met',
    ];
    expect(await roundTrip(texts)).toEqual(texts);
  });

  it('keeps any text, whatever it starts with', async () => {
    const starts = fc.constantFrom('', '=', '+', '-', '@', "'", ' ', '#', '£', '$', '%', '(', '.', ',', '0', '1', 'TRUE', 'a');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc
            .tuple(starts, fc.string({ maxLength: 12 }))
            .map(([a, b]) => a + b)
            .filter((text) => text !== '' && text.trim() !== ''),
          { minLength: 1, maxLength: 20 },
        ),
        async (texts) => {
          expect(await roundTrip(texts)).toEqual(texts);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps text Excel reads as a month, e.g. an officer\'s label "Oct 2024" or "April 2024"', async () => {
    const texts = ['Oct 2024', 'April 2024', 'Sept-24'];
    expect(await roundTrip(texts)).toEqual(texts);
  });
});

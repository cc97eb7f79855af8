import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import { verdictWith, type IndicatorVerdict } from '../../../src/core/engine/indicator-verdict';
import { parseActualCell } from '../../../src/core/engine/parse-actual';
import { chooseVerdicts } from '../../../src/core/plan/recalc-plan';
import { buildWorkbook } from '../../../src/hosts/memory/build-workbook';

/*
 * A target table's verdicts keep their figures in a store shared by the table and read their
 * actual's text back from its cell. These tests pin what an officer sees of each verdict: the
 * figures, the text as the sheet shows it, the figure before, and the latest period with figures.
 */

const pct = (v: number, fmt = '0.0%') => ({ v, fmt });

function judged(): IndicatorVerdict[] {
  const workbook = buildWorkbook([
    {
      name: 'KPIs',
      rows: [
        ['Ref', 'Indicator', 'Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Target', 'Status'],
        ['R1', 'Proportion of rent collected', pct(0.902), 'TBC', pct(0.95), null, pct(0.92, '0%'), null],
        ['R2', 'Average days to re-let empty homes', 31, 24, { v: 1234.5, fmt: '#,##0.0' }, 'TBC', '28 days', null],
        ['R3', 'Review the homelessness strategy', 'On going', 'Achieved', null, null, 'March 2025', null],
      ],
    },
  ]);
  return evaluateWorkbook(workbook, detectWorkbook(workbook), { today: { year: 2024, month: 8, day: 1 } });
}

const find = (all: readonly IndicatorVerdict[], ref: string, period: string): IndicatorVerdict => {
  const verdict = all.find((v) => v.ref === ref && v.periodLabel === period);
  if (!verdict) throw new Error(`no verdict for ${ref} ${period}`);
  return verdict;
};

describe('the verdicts of a target table', () => {
  const all = judged();

  it('show the actual as the cell shows it, and its figure as judged', () => {
    const april = find(all, 'R1', 'Apr 2024');
    expect(april.actualText).toBe('90.2%');
    expect(april.actualValue).toBe(90.2);
    expect(april.targetValue).toBe(92);
    expect(april.unit).toBe('percent');
    expect(april.actualCell).toBe('C2');
    expect(find(all, 'R2', 'Jun 2024').actualText).toBe('1,234.5');
    expect(find(all, 'R1', 'May 2024').actualText).toBe('TBC');
  });

  it('take the figure before from the latest earlier period that had one, passing over TBC', () => {
    const june = find(all, 'R1', 'Jun 2024');
    expect(june.previousActual).toBe(90.2);
    expect(june.trend).toBe('better');
    expect(find(all, 'R1', 'Apr 2024').previousActual).toBeNull();
    // A period with no figure keeps the indicator's unit and the figure before it.
    const tbc = find(all, 'R2', 'Jul 2024');
    expect(tbc.status).toBe('no-data');
    expect(tbc.previousActual).toBe(1234.5);
    expect(tbc.actualValue).toBeUndefined();
    expect(tbc.varianceValue).toBeUndefined();
  });

  it('give their reason in words, worked out from the cell and the target they were judged against', () => {
    const june = find(all, 'R2', 'May 2024');
    expect(june.status).toBe('met');
    expect(june.reason).toMatch(/24 .*28/);
    expect(june.targetText).toBe('28 days');
    expect(june.targetKind).toBe('threshold');
  });

  it('serialise every field, the worded ones included', () => {
    const plain = JSON.parse(JSON.stringify(find(all, 'R1', 'Jun 2024'))) as Record<string, unknown>;
    expect(plain).toMatchObject({
      status: 'met',
      actualText: '95.0%',
      actualValue: 95,
      previousActual: 90.2,
      trend: 'better',
      variance: '+3%',
      periodLabel: 'Jun 2024',
      ref: 'R1',
      row: 1,
    });
    expect(typeof plain.reason).toBe('string');
  });

  it('keep every other field when shown with another status', () => {
    const june = find(all, 'R1', 'Jun 2024');
    const shown = verdictWith(june, { status: 'near' });
    expect(shown.status).toBe('near');
    expect([shown.actualText, shown.previousActual, shown.periodLabel, shown.reason]).toEqual([
      june.actualText,
      june.previousActual,
      june.periodLabel,
      june.reason,
    ]);
  });
});

describe('choosing each indicator’s verdict', () => {
  const all = judged();

  it('takes the latest period with figures; a blank cell is no data even where a milestone calls it not due', () => {
    const chosen = chooseVerdicts(all, undefined);
    expect(chosen.map((v) => `${v.ref} ${v.periodLabel}`)).toEqual(['R1 Jun 2024', 'R2 Jun 2024', 'R3 May 2024']);
  });

  it('takes the asked-for period, and a period it cannot read as no period at all', () => {
    expect(chooseVerdicts(all, 'May 2024').map((v) => `${v.ref} ${v.actualText}`)).toEqual(['R1 TBC', 'R2 24', 'R3 Achieved']);
    expect(chooseVerdicts(all, 'not a period')).toEqual(chooseVerdicts(all, undefined));
  });

  it('keeps the order indicators first appear when their verdicts are not side by side', () => {
    const byRef = (ref: string) => all.filter((v) => v.ref === ref);
    const [r1, r2] = [byRef('R1'), byRef('R2')];
    // Read from the end, R1 is met first; it also appears first, and that order is the one kept.
    const interleaved = [r1[0]!, r2[0]!, r2[1]!, r2[2]!, r2[3]!, r1[1]!, r1[2]!];
    expect(chooseVerdicts(interleaved, undefined).map((v) => `${v.ref} ${v.periodLabel}`)).toEqual(['R1 Jun 2024', 'R2 Jun 2024']);
  });
});

describe('a figure read from a number cell', () => {
  it('reads and writes out like any other actual, its text as the cell shows it', () => {
    const percent = parseActualCell({ value: { kind: 'number', value: 0.902 }, format: '0.0%' });
    expect(JSON.parse(JSON.stringify(percent))).toEqual({
      kind: 'number',
      text: '90.2%',
      value: 90.2,
      unit: 'percent',
      fromPercentFormat: true,
    });
    expect(Object.keys(percent).sort()).toEqual(['kind', 'unit', 'value']);
    const pounds = parseActualCell({ value: { kind: 'number', value: 84396 }, format: '"£"#,##0' });
    expect(JSON.parse(JSON.stringify(pounds))).toEqual({ kind: 'number', text: '£84,396', value: 84396, unit: 'money' });
    expect(JSON.parse(JSON.stringify(parseActualCell({ value: { kind: 'number', value: 1234.5 } })))).toEqual({
      kind: 'number',
      text: '1,234.5',
      value: 1234.5,
    });
  });
});

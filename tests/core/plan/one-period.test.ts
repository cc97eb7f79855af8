/**
 * Issue 16: one reporting period per run. Every indicator is judged for the same period (asked
 * for, or the latest with figures); one with no figure for it is No data for that period, and says
 * which figure it does have. Judged on a monthly workbook with a quarterly indicator, from Mole
 * Valley District Council's published figures (see tests/support/mole-valley.ts).
 */
import { detectWorkbook } from '../../../src/core/detect/detect-workbook';
import { evaluateWorkbook } from '../../../src/core/engine/evaluate';
import type { IndicatorVerdict } from '../../../src/core/engine/indicator-verdict';
import { chooseVerdicts, latestPeriodWithData } from '../../../src/core/plan/recalc-plan';
import { runKpiTracker } from '../../../src/core/run/run-kpi-tracker';
import { lastYearFigures } from '../../../src/core/sheets/last-year';
import { indicatorGroups } from '../../../src/core/sheets/committee-groups';
import { buildWorkbook, type SheetInput } from '../../../src/hosts/memory/build-workbook';
import { moleValleySheets } from '../../support/mole-valley';
import { colourInWords } from '../../../src/core/plan/colour-words';
import { DEFAULT_COLOURS } from '../../../src/core/plan/status-style';

const today = { year: 2024, month: 2, day: 20 };
const workbook = buildWorkbook(moleValleySheets() as unknown as SheetInput[]);
const detection = detectWorkbook(workbook);
const verdicts = evaluateWorkbook(workbook, detection, { today });
const line = (v: IndicatorVerdict): string => `${v.ref} ${v.periodLabel} ${v.status}`;

describe('the period a run is about', () => {
  it('is the latest month with figures, January 2024, though the quarterly indicator has none for it', () => {
    expect(latestPeriodWithData(verdicts)).toBe('Jan 2024');
  });

  it('where a month and a quarter end together, is the month: December 2023, not Q3 2023/24', () => {
    const withoutJanuary = verdicts.filter((v) => v.periodLabel !== 'Jan 2024');
    expect(latestPeriodWithData(withoutJanuary)).toBe('Dec 2023');
    // The telecare table alone reports on its quarter.
    expect(latestPeriodWithData(withoutJanuary.filter((v) => v.ref === '1'))).toBe('Q3 2023/24');
  });
});

describe('each indicator’s verdict for the run’s period', () => {
  const chosen = chooseVerdicts(verdicts, 'Jan 2024');

  it('is the period’s own for every indicator with a column for it, in the order they appear', () => {
    expect(chosen.map(line)).toEqual(['2 Jan 2024 no-target', '3 Jan 2024 no-target', '4 Jan 2024 no-target', '1 Jan 2024 no-data']);
    expect(chosen.slice(0, 3).map((v) => v.actualText)).toEqual(['513', '20', '630']);
  });

  it('is No data for January 2024 where the indicator is counted quarterly, naming the latest figure it has', () => {
    const telecare = chosen[3]!;
    expect(telecare.indicator).toBe('Number of Telecare service users');
    expect(telecare.reason).toBe('No figure for Jan 2024. The latest figure is 1,153, for Q3 2023/24.');
    expect([telecare.actualText, telecare.actualCell, telecare.variance, telecare.trend, telecare.previousActual]).toEqual([
      '',
      null,
      null,
      null,
      null,
    ]);
    // Still the indicator's own row, target and place: its status cell is written there.
    expect([telecare.row, telecare.targetText, telecare.sheet]).toEqual([11, 'Higher than previous year', 'PIs 2023-24']);
  });

  it('is No data for a period after every figure, and says so when the indicator has none at all', () => {
    const march = chooseVerdicts(verdicts, 'Mar 2024');
    expect(march.map(line)).toEqual(['2 Mar 2024 no-data', '3 Mar 2024 no-data', '4 Mar 2024 no-data', '1 Mar 2024 no-data']);
    expect(march[0]!.reason).toBe('No figure for Mar 2024. The latest figure is 513, for Jan 2024.');
  });

  it('for December 2023, is the quarter that ends with it where the indicator is counted quarterly (Q3 2023/24)', () => {
    const december = chooseVerdicts(verdicts, 'Dec 2023');
    expect(december.map(line)).toEqual(['2 Dec 2023 no-target', '3 Dec 2023 no-target', '4 Dec 2023 no-target', '1 Q3 2023/24 unreadable']);
    // Its figure, judged as its quarter's ("Higher than previous year" is a target the engine cannot read yet).
    expect([december[3]!.actualText, december[3]!.periodLabel]).toEqual(['1,153', 'Q3 2023/24']);
  });

  it('is the same whether asked for or found as the latest: one run, one period', () => {
    const run = runKpiTracker(workbook, {
      today,
      now: '2024-02-20T09:00:00.000Z',
      command: 'pack',
      steps: { statuses: true, actionPlan: true, committee: true },
    });
    expect(run.reportPeriod).toBe('Jan 2024');
    expect(run.chosen.map((choice) => line(choice.verdict))).toEqual(chosen.map(line));
    const committee = run.plan.sheets.find((sheet) => sheet.purpose === 'committee')!;
    expect(committee.name).toBe('Committee Jan 2024');
    // The status cells say the committee's statuses.
    const written = run.plan.edits
      .filter((edit) => edit.purpose === 'status')
      .map((edit) => [edit.row, (edit.value as { text: string }).text]);
    expect(written).toEqual([
      [4, 'No target'],
      [5, 'No target'],
      [6, 'No target'],
      [11, 'No data'],
    ]);
    // The commentary KPI Tracker writes begins with the period, so the sheet says which period its statuses are for.
    const words = run.plan.edits.filter((edit) => edit.purpose === 'commentary').map((edit) => (edit.value as { text: string }).text);
    expect(words).toHaveLength(4);
    for (const text of words) expect(text.startsWith('Jan 2024: ')).toBe(true);
    // The change log says which period the run was about.
    const log = run.plan.sheets.find((sheet) => sheet.purpose === 'change-log')!;
    expect(log.rows.slice(1).map((row) => (row[1]!.value as { text: string }).text)).toEqual(
      Array<string>(log.rows.length - 1).fill('pack for Jan 2024'),
    );
  });
});

describe('what the committee sheet adds to each verdict', () => {
  const chosen = chooseVerdicts(verdicts, 'Jan 2024');

  it('the same month last year, where the workbook has it (the Housing Register has no 2022/23 figures)', () => {
    expect(lastYearFigures(verdicts, chosen)).toEqual(['534', '23', '', '']);
  });

  it('no group headings where every table has the same title', () => {
    expect(indicatorGroups(detection, chosen)).toEqual(['', '', '', '']);
  });
});

describe('fills in the change log', () => {
  it('read in words, not hex', () => {
    expect(colourInWords('')).toBe('none');
    expect(colourInWords(DEFAULT_COLOURS.met)).toBe('light green');
    expect(colourInWords(DEFAULT_COLOURS.missed)).toBe('light orange');
    expect(colourInWords('#FFC7CE')).toBe('light red');
    expect(colourInWords('#C6EFCE')).toBe('light green');
    expect(colourInWords('#1F4E79')).toBe('dark blue');
    expect(colourInWords('#808080')).toBe('grey');
  });
});

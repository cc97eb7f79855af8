import { detectWorkbook } from '../core/detect/detect-workbook';
import type { Detection } from '../core/detect/types';
import type { IndicatorVerdict } from '../core/engine/evaluate';
import { formatFigure } from '../core/engine/format-figure';
import type { CalendarDate } from '../core/model/serial-dates';
import type { Workbook } from '../core/model/workbook';
import { comparePeriods } from '../core/periods/period';
import { chooseVerdicts } from '../core/plan/recalc-plan';
import { latestPeriodWithData, runKpiTracker, type RunOptions } from '../core/run/run-kpi-tracker';
import { readSettings } from '../core/settings/settings-store';
import type { IndicatorRow, PaneCore, PaneData, RunOutcome, RunStage, SignOffRequest } from './pane-core';
import { periodsOf } from './periods';
import { summarisePreview, type PreviewSummary } from './preview-summary';
import { signOffFor, type SignOffDraft } from './sign-off';
import { statusLook } from './status-look';
import { groupOfTable, tableGroups } from './table-groups';
import { indicatorKey, type TrendPoint } from './trend';

const NOTHING = { statuses: false, actionPlan: false, committee: false } as const;

interface Loaded {
  readonly workbook: Workbook;
  readonly detection: Detection;
  readonly verdicts: readonly IndicatorVerdict[];
}

/** Every field of a verdict as plain data, its reason worded: what can cross to the page. */
export function plainVerdict(v: IndicatorVerdict): IndicatorVerdict {
  const plain: { readonly [K in keyof Required<IndicatorVerdict>]: IndicatorVerdict[K] } = {
    status: v.status,
    reason: v.reason,
    variance: v.variance,
    varianceValue: v.varianceValue,
    actualValue: v.actualValue,
    targetValue: v.targetValue,
    unit: v.unit,
    targetKind: v.targetKind,
    sheet: v.sheet,
    tableIndex: v.tableIndex,
    ref: v.ref,
    indicator: v.indicator,
    row: v.row,
    period: v.period,
    periodLabel: v.periodLabel,
    actualText: v.actualText,
    targetText: v.targetText,
    actualCell: v.actualCell,
    polarity: v.polarity,
    polarityAssumed: v.polarityAssumed,
    owner: v.owner,
    previousActual: v.previousActual,
    trend: v.trend,
    commentary: v.commentary,
  };
  return plain;
}

/** Each indicator's figures across its periods, earliest first, in one pass over the verdicts. */
function trendsOf(verdicts: readonly IndicatorVerdict[]): Map<string, TrendPoint[]> {
  const byIndicator = new Map<string, IndicatorVerdict[]>();
  for (const v of verdicts) {
    if (v.actualValue === undefined || !v.period) continue;
    const key = indicatorKey(v);
    const list = byIndicator.get(key);
    if (list) list.push(v);
    else byIndicator.set(key, [v]);
  }
  const trends = new Map<string, TrendPoint[]>();
  for (const [key, list] of byIndicator) {
    list.sort((a, b) => comparePeriods(a.period!, b.period!));
    trends.set(
      key,
      list.map((v) => ({ period: v.periodLabel, value: v.actualValue!, text: formatFigure(v.actualValue!, v.unit) })),
    );
  }
  return trends;
}

/** The part of the workbook an indicator belongs to: its sub-heading, its table's title, or its sheet. */
function sectionsOf(detection: Detection): (v: IndicatorVerdict) => string {
  const groups = groupOfTable(tableGroups(detection.tables));
  const sectionByRow = new Map<string, string>();
  detection.tables.forEach((table, index) => {
    for (const indicator of table.indicators) if (indicator.section) sectionByRow.set(`${index}:${indicator.row}`, indicator.section);
  });
  return (v) => {
    const group = groups.get(v.tableIndex);
    return sectionByRow.get(`${v.tableIndex}:${v.row}`) ?? group?.title ?? v.sheet;
  };
}

/**
 * The pane's core worked out in place: inside the Web Worker in the add-in and the workbench, and
 * on the page in the tests. It keeps the workbook last loaded and what judging it found.
 */
export class LocalPaneCore implements PaneCore {
  private loaded: Loaded | undefined;

  async load(workbook: Workbook, today: CalendarDate, version: number): Promise<PaneData> {
    const run = runKpiTracker(workbook, { today, now: new Date().toISOString(), command: 'task pane', steps: NOTHING });
    this.loaded = { workbook, detection: run.detection, verdicts: run.verdicts };
    return {
      settings: run.settings,
      detection: run.detection,
      look: statusLook(workbook, run.detection, run.settings),
      periods: periodsOf(run.verdicts),
      latestPeriod: latestPeriodWithData(run.verdicts),
      version,
    };
  }

  async indicators(period: string | null): Promise<IndicatorRow[]> {
    const { verdicts, detection } = this.current();
    const trends = trendsOf(verdicts);
    const sectionOf = sectionsOf(detection);
    return chooseVerdicts(verdicts, period ?? undefined).map((v) => {
      const key = indicatorKey(v);
      return { key, verdict: plainVerdict(v), trend: trends.get(key) ?? [], section: sectionOf(v) };
    });
  }

  async preview(options: RunOptions): Promise<PreviewSummary> {
    const { workbook, detection } = this.current();
    return summarisePreview(runKpiTracker(workbook, { ...options, detection }));
  }

  async signOff(input: SignOffRequest): Promise<SignOffDraft> {
    const { workbook, detection, verdicts } = this.current();
    return signOffFor({ workbook, detection, verdicts, ...input });
  }

  async findTables(workbook: Workbook): Promise<Detection> {
    return detectWorkbook(workbook, readSettings(workbook).settings);
  }

  async plan(workbook: Workbook, options: RunOptions, onStage?: (stage: RunStage) => void): Promise<RunOutcome> {
    let detection = options.detection;
    if (!detection) {
      onStage?.('finding tables');
      detection = await this.findTables(workbook);
    }
    onStage?.('judging');
    const run = runKpiTracker(workbook, { ...options, detection });
    return { plan: run.plan, reportPeriod: run.reportPeriod };
  }

  /** Work in place can't be stopped part way; the worker's can. */
  cancel(): void {}

  private current(): Loaded {
    if (!this.loaded) throw new Error('KPI Tracker has not read the workbook yet.');
    return this.loaded;
  }
}

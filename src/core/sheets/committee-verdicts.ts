import type { IndicatorVerdict } from '../engine/evaluate';
import { parsePeriodLabel } from '../periods/parse-period-label';
import { comparePeriods, periodLabel, type Period } from '../periods/period';
import { chooseVerdicts, labelMatches, type ChosenVerdict } from '../plan/recalc-plan';

/** The report period's verdicts, and which of them planning chose too. */
export interface ReportVerdicts {
  /** `chooseVerdicts(verdicts, period)`: each indicator's verdict for the period. */
  readonly verdicts: readonly IndicatorVerdict[];
  /** For each of them, its index in planning's choice where planning chose this very verdict; otherwise -1. */
  readonly plannedAt: readonly number[];
}

/**
 * Each indicator's verdict for the report period, as `chooseVerdicts(verdicts, period)` gives it,
 * found with the help of planning's choice: `chosen` is `chooseVerdicts(verdicts, chosenFor)`, one
 * verdict per indicator in the order indicators first appear. Where planning chose for this very
 * period, that is the answer.
 */
export function reportPeriodVerdicts(
  verdicts: readonly IndicatorVerdict[],
  period: string,
  chosen: readonly ChosenVerdict[],
  chosenFor: string | undefined,
): ReportVerdicts {
  if (chosenFor === period) return { verdicts: chosen.map((choice) => choice.verdict), plannedAt: chosen.map((_, i) => i) };
  const wanted = parsePeriodLabel(period);
  if (wanted) {
    const labelled: IndicatorVerdict[] = [];
    collectLabelled(verdicts, 0, verdicts.length, periodLabel(wanted), wanted.fy === undefined, labelled);
    const found = fromLabelled(labelled, period, chosen);
    if (found) return found;
  }
  return fromAll(verdicts, period, chosen);
}

/** The latest period any verdict has figures for, and every indicator's verdict for it (see `reportPeriodVerdicts`). */
export interface LatestPeriodReport extends ReportVerdicts {
  /** `latestPeriodWithData(verdicts)`. */
  readonly period: string;
}

/**
 * `latestPeriodWithData(verdicts)` and `reportPeriodVerdicts` for it, where `chosen` is each
 * indicator's latest verdict with figures (`chooseVerdicts(verdicts, undefined)`), in one pass over
 * the verdicts rather than two: a pass reads 600,000 verdicts in a large workbook, and reading them
 * from memory is most of its cost. Verdicts labelled like the latest period so far are gathered as
 * they pass; when a later period turns up, those before it are looked at again only at the end.
 */
export function latestPeriodReport(verdicts: readonly IndicatorVerdict[], chosen: readonly ChosenVerdict[]): LatestPeriodReport | null {
  let latest: Period | undefined;
  // What chooseVerdicts takes for the latest period so far is labelled `label` (or, for a period
  // named without its year, begins with it), so only such verdicts are gathered, from `from` on.
  let label: string | undefined;
  let withoutYear = false;
  let from = 0;
  let labelled: IndicatorVerdict[] = [];
  // Periods no later than the latest so far stay so as it moves on. Verdicts share their period
  // (a table's column), so each period is compared once rather than each verdict.
  const notLater = new Set<Period>();
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i]!;
    const period = v.period;
    if (period && period !== latest && !notLater.has(period) && v.status !== 'no-data') {
      if (!latest || comparePeriods(period, latest) > 0) {
        latest = period;
        const wanted = parsePeriodLabel(periodLabel(period));
        const wantedLabel = wanted ? periodLabel(wanted) : undefined;
        if (wantedLabel !== label || (wanted !== undefined && (wanted.fy === undefined) !== withoutYear)) {
          label = wantedLabel;
          withoutYear = wanted !== undefined && wanted.fy === undefined;
          labelled = [];
          from = i;
        }
      }
      notLater.add(period);
    }
    if (label !== undefined && labelMatches(v.periodLabel, label, withoutYear)) labelled.push(v);
  }
  if (!latest) return null;
  const period = periodLabel(latest);
  if (label === undefined) return { period, ...fromAll(verdicts, period, chosen) };
  if (from > 0) {
    const before: IndicatorVerdict[] = [];
    collectLabelled(verdicts, 0, from, label, withoutYear, before);
    labelled = before.concat(labelled);
  }
  return { period, ...(fromLabelled(labelled, period, chosen) ?? fromAll(verdicts, period, chosen)) };
}

/**
 * Verdicts in [start, end) labelled `label` (or beginning with it, `withoutYear`): the only ones
 * chooseVerdicts can take for a period of that label, so the others cannot change its answer.
 */
function collectLabelled(
  verdicts: readonly IndicatorVerdict[],
  start: number,
  end: number,
  label: string,
  withoutYear: boolean,
  into: IndicatorVerdict[],
): void {
  for (let i = start; i < end; i++) {
    const v = verdicts[i]!;
    if (labelMatches(v.periodLabel, label, withoutYear)) into.push(v);
  }
}

/**
 * chooseVerdicts' answer for the period from the verdicts labelled like it, where their indicators
 * come in planning's order (chooseVerdicts orders indicators by where they first appear among all
 * the verdicts); undefined where they do not, for chooseVerdicts to answer from all of them.
 */
function fromLabelled(labelled: readonly IndicatorVerdict[], period: string, chosen: readonly ChosenVerdict[]): ReportVerdicts | undefined {
  const wanted = parsePeriodLabel(period);
  if (!wanted) return undefined;
  const forPeriod: IndicatorVerdict[] = [];
  const plannedAt: number[] = [];
  let at = 0;
  let taken: IndicatorVerdict | undefined;
  for (let i = 0; i < labelled.length; i++) {
    const v = labelled[i]!;
    const own = v.period;
    // chooseVerdicts' rule, of which the label was tested already: a period named with its year
    // is that very period, of the same kind.
    if (!own || (wanted.fy !== undefined && own.kind !== wanted.kind)) continue;
    // Mostly planning chose this very verdict; otherwise its indicator is further on in planning's
    // order, or it is the indicator just taken (whose first verdict for the period counts).
    if (at >= chosen.length || chosen[at]!.verdict !== v) {
      const table = v.tableIndex;
      const row = v.row;
      if (taken && taken.tableIndex === table && taken.row === row) continue;
      while (
        at < chosen.length &&
        chosen[at]!.verdict !== v &&
        (chosen[at]!.verdict.tableIndex !== table || chosen[at]!.verdict.row !== row)
      )
        at++;
      if (at >= chosen.length) return undefined;
    }
    forPeriod.push(v);
    plannedAt.push(chosen[at]!.verdict === v ? at : -1);
    taken = v;
    at++;
  }
  return { verdicts: forPeriod, plannedAt };
}

function fromAll(verdicts: readonly IndicatorVerdict[], period: string, chosen: readonly ChosenVerdict[]): ReportVerdicts {
  const forPeriod = chooseVerdicts(verdicts, period);
  const planned = new Map<IndicatorVerdict, number>();
  for (let i = 0; i < chosen.length; i++) planned.set(chosen[i]!.verdict, i);
  return { verdicts: forPeriod, plannedAt: forPeriod.map((v) => planned.get(v) ?? -1) };
}

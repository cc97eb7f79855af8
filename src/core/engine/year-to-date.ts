import type { CalendarDate } from '../model/serial-dates';
import { calendarMonthOf, financialMonthSpan, MONTH_NAMES, type Period } from '../periods/period';
import type { AnnualTarget } from './annual-count';
import type { IndicatorVerdict } from './indicator-verdict';
import type { JudgeContext } from './judge';
import type { PolarityDecision } from './polarity';
import type { Actual, Target } from './target-types';
import type { Tolerance } from './tolerance';
import { keptVerdict, type IndicatorPlace } from './verdict-store';

/**
 * An annual count's figures so far in one financial year, added up period by period as an
 * indicator's periods are judged: the year-end figure they are on course for, and the year to
 * date judged against the target's share of the year.
 */
export class YearToDate {
  private sum = 0;
  /** The financial month the latest figure added ends in (1 = April). */
  private months = 0;
  private fy: number | undefined;
  private counted = 0;
  private annual: { readonly target: AnnualTarget; readonly polarity: PolarityDecision } | undefined;

  /** Adds a period's figure; a period of another year starts the count afresh. */
  add(period: Period & { fy: number }, value: number, annual: AnnualTarget, polarity: PolarityDecision): void {
    if (this.fy !== period.fy) {
      this.sum = 0;
      this.months = 0;
      this.counted = 0;
    }
    this.sum += value;
    this.months = financialMonthSpan(period).last;
    this.fy = period.fy;
    this.counted++;
    this.annual = { target: annual, polarity };
  }

  /** The year-end figure at the rate so far, where any figure has been added. */
  projectedYearEnd(): number | undefined {
    return this.months > 0 ? (this.sum / this.months) * 12 : undefined;
  }

  /**
   * The year to date for an annual count: the figures so far against the target's share of the
   * year, with the year-end figure they are on course for. Undefined where nothing was added.
   */
  verdict(place: IndicatorPlace, today: CalendarDate, tolerance: Tolerance): IndicatorVerdict | undefined {
    const annual = this.annual;
    if (!annual || this.counted === 0 || this.fy === undefined) return undefined;
    const { sum, months } = this;
    const period: Period = { kind: 'ytd', fy: this.fy };
    const share = Math.round(((annual.target.value * months) / 12) * 100) / 100;
    const projected = Math.round((sum / months) * 12 * 10) / 10;
    const monthName = MONTH_NAMES[calendarMonthOf(months) - 1]!;
    const annualText = annual.target.text.trim();
    const target: Target = {
      kind: 'threshold',
      text: `${annualText} a year`,
      value: share,
      unit: 'count',
      ...(annual.target.direction ? { direction: annual.target.direction } : {}),
    };
    const actual: Actual = { kind: 'number', text: String(sum), value: sum };
    const context: JudgeContext = {
      polarity: annual.polarity,
      today,
      tolerance,
      period,
      projectedYearEnd: projected,
      annualTarget: annual.target.value,
    };
    const onCourse = annual.polarity.polarity === 'lower' ? projected <= annual.target.value : projected >= annual.target.value;
    const frame = (reason: string): string =>
      `${sum} so far this year against ${share} by the end of ${monthName} (${annualText} a year, pro rata). ${reason} At this rate the year ends at about ${projected}, ${onCourse ? 'on course for' : 'short of'} the annual target of ${annual.target.value}.`;
    return keptVerdict(place, period, undefined, actual, { target, context, frame });
  }
}

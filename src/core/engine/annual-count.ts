import type { ColumnMapping } from '../detect/types';
import type { Target, Unit } from './target-types';

/*
 * Counts of things done in the year ("Number of …", "… per year") against an annual target: a
 * quarter or a month is judged against its share of the year, and the year to date is added up.
 */

export type AnnualTarget = Extract<Target, { kind: 'threshold' }>;

/** Whether a target column's target is an annual count for this indicator. */
export function isAnnualCount(target: Target, targetColumn: ColumnMapping | undefined, description: string): target is AnnualTarget {
  if (target.kind !== 'threshold') return false;
  const days = target.unit === 'days' || target.unit === 'working days';
  if (target.unit !== 'count' && !(days && isDaysLostPerHead(description))) return false;
  const annualColumn =
    targetColumn !== undefined &&
    (targetColumn.period?.kind === 'year' || /annual|year|p\.?\s?a\.?\b|per annum/i.test(targetColumn.header));
  return annualColumn && (days || addsUpOverTheYear(description));
}

/**
 * Sickness days lost per employee ("Average number of days lost per employee", Bolsover): an
 * average over staff, but of days that add up through the year, so a quarter's figure is held to a
 * quarter of the year's target; not a rolling twelve months' figure, a projected year end or a
 * cumulative one, each a whole year's or the year so far.
 */
function isDaysLostPerHead(description: string): boolean {
  return (
    /\b(days?|shifts?) lost\b|\bsickness (absence )?days\b|\bdays (of )?sick(ness)?\b/i.test(description) &&
    /\bper\b|\beach\b/i.test(description) &&
    !/\brolling\b|\b12 months?\b|\btwelve months?\b|\bannuali[sz]ed\b|\bprojected\b|\bforecast\b|\byear[- ]end\b|\boutturn\b|\bcumulative\b|\bytd\b|\byear to date\b/i.test(
      description,
    )
  );
}

/**
 * Whether an indicator's figures add up across the year: a count of things done ("Number of …",
 * "… issued", "… prevented"), never an average, a rate or a share, whatever else its name says.
 */
export function addsUpOverTheYear(description: string): boolean {
  const flow =
    /\b(number|no\.)\s+of\b|\bper (year|annum)\b|\ba year\b|\beach year\b|\bannual(ly)?\b|\btotal\b|\bprevent(ed|ing)?\b|\bdelivered\b|\bcompleted\b|\bissued\b|\bbrought back into use\b/i.test(
      description,
    );
  return flow && !isShareOrAverage(description) && !isCountAtAMoment(description);
}

/** A count taken at a moment (see STOCK), unless its words say something was done to them. */
function isCountAtAMoment(description: string): boolean {
  return STOCK.test(description) && !THINGS_DONE.test(description);
}

/** An average, a rate or a share: never added up. */
export function isShareOrAverage(description: string): boolean {
  return /\b(average|mean|median|rate|ratio|percentage|proportion|per cent|satisf\w*|index|score)\b|%/i.test(description);
}

/**
 * Whether a quarter's figure may be held against a year's: a share, an average or a count taken at
 * a moment may; a count of things done may not.
 */
export function comparesAcrossLengths(description: string, unit: Unit | undefined): boolean {
  return unit === 'percent' || isShareOrAverage(description) || isCountAtAMoment(description);
}

/**
 * A count taken at a moment, not of things done: households in temporary accommodation, homes
 * standing empty, complaints still open, rough sleepers on the night counted. Each quarter's
 * figure is the count then, so it is held against the whole target, and never added up. Where
 * the words say something was done to them ("void properties let", "households placed in
 * temporary accommodation", "open days held"), it is a count of things done after all.
 */
const STOCK =
  /\b(snapshot|as at|at (the )?(end|close) of|at any (one )?time|in (temporary accommodation|b ?& ?b|bed and breakfast)|on the (housing )?(register|waiting list)|waiting list|open|outstanding|backlog|caseload|current(ly)?|empty|vacant|void|rough sleep(ers|ing))\b/i;
const THINGS_DONE =
  /\b(let|handled|held|supported|placed|filled|inspected|built|completed|processed|helped|delivered|issued|prevented|brought back|returned|resolved|answered|received|made|carried out|undertaken|provided|approved|determined|collected|cleared|removed|repaired|visited|attended|recruited|trained|rehoused|housed|moved|closed|started|created|awarded|paid|installed|improved|refurbished)\b/i;

/** An annual count as a rate a year, for judging a period shorter than a year against its share. */
export function annualAsRate(annual: AnnualTarget): Target {
  return {
    kind: 'rate',
    text: `${annual.text.trim()} a year`,
    value: annual.value,
    unit: annual.unit,
    per: 'year',
    ...(annual.direction ? { direction: annual.direction } : {}),
  };
}

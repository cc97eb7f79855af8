import { dateFromIso, type CalendarDate } from '../core/model/serial-dates';

/** The samples the picker offers: the four in assets/samples, read to JSON at build time. */
export const SAMPLES = [
  { id: 'service-plan-quarterly', label: 'Service plan, quarterly (layout A)' },
  { id: 'service-delivery-plan-annual', label: 'Service delivery plan, annual (layout B)' },
  { id: 'kpi-return', label: 'KPI return (layout C)' },
  { id: 'inspection-action-plan', label: 'Inspection action plan (layout E)' },
] as const;

/** Built in the page rather than read from a file; not offered in the picker (the browser tests use it). */
export const HIDDEN_SAMPLES = ['hostile-text'] as const;

export type SampleId = (typeof SAMPLES)[number]['id'] | (typeof HIDDEN_SAMPLES)[number];

export const DEFAULT_SAMPLE: SampleId = 'service-plan-quarterly';

export function isSampleId(value: string): value is SampleId {
  return SAMPLES.some((sample) => sample.id === value) || (HIDDEN_SAMPLES as readonly string[]).includes(value);
}

export interface WorkbenchOptions {
  readonly sample: SampleId;
  /** From `?today=yyyy-mm-dd`; absent means the real today. */
  readonly today?: CalendarDate;
  /** What in the address could not be used, in words. */
  readonly warnings: readonly string[];
}

/** Reads `?sample=…&today=…` from the page's address. */
export function optionsFromSearch(search: string): WorkbenchOptions {
  const params = new URLSearchParams(search);
  const warnings: string[] = [];
  let sample = DEFAULT_SAMPLE;
  const asked = params.get('sample');
  if (asked !== null) {
    if (isSampleId(asked)) sample = asked;
    else warnings.push(`There is no sample called "${asked}"; showing ${DEFAULT_SAMPLE} instead.`);
  }
  let today: CalendarDate | undefined;
  const todayText = params.get('today');
  if (todayText !== null) {
    today = dateFromIso(todayText);
    if (!today) warnings.push(`"${todayText}" is not a date written as yyyy-mm-dd; using today's date instead.`);
  }
  return { sample, ...(today ? { today } : {}), warnings };
}

/** The address with `?sample=` changed and everything else kept. */
export function searchWithSample(search: string, sample: SampleId): string {
  const params = new URLSearchParams(search);
  params.set('sample', sample);
  return `?${params.toString()}`;
}

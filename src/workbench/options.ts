import { dateFromIso, type CalendarDate } from '../core/model/serial-dates';

/** The samples the picker offers: the four in assets/samples, read to JSON at build time. */
export const SAMPLES = [
  { id: 'service-plan-quarterly', label: 'Service plan, quarterly (layout A)' },
  { id: 'service-delivery-plan-annual', label: 'Service delivery plan, annual (layout B)' },
  { id: 'kpi-return', label: 'KPI return (layout C)' },
  { id: 'inspection-action-plan', label: 'Inspection action plan (layout E)' },
] as const;

/**
 * Built in the page rather than read from a file; not offered in the picker. The browser tests
 * use `hostile-text`; `generated` is the benchmark's seeded workbook (`&indicators=10000`), for
 * trying the pane on a large workbook.
 */
export const HIDDEN_SAMPLES = ['hostile-text', 'generated'] as const;

export type SampleId = (typeof SAMPLES)[number]['id'] | (typeof HIDDEN_SAMPLES)[number];

export const DEFAULT_SAMPLE: SampleId = 'service-plan-quarterly';

export function isSampleId(value: string): value is SampleId {
  return SAMPLES.some((sample) => sample.id === value) || (HIDDEN_SAMPLES as readonly string[]).includes(value);
}

/** How many indicators `generated` has unless `&indicators=` says. */
export const DEFAULT_GENERATED_INDICATORS = 1000;
const MAX_GENERATED_INDICATORS = 50_000;

/**
 * Office's theme as Office.context.officeTheme tells it, for `?theme=dark` (Excel's Black theme)
 * or `light` (Colorful): the pane follows it exactly as it does in Excel.
 */
export const OFFICE_THEMES = {
  light: { bodyBackgroundColor: '#FFFFFF' },
  dark: { bodyBackgroundColor: '#262626' },
} as const;

export interface WorkbenchOptions {
  readonly sample: SampleId;
  /** The Office theme the pane is shown in. */
  readonly theme: keyof typeof OFFICE_THEMES;
  /** For the `generated` sample: how many indicators (each with 12 monthly actuals). */
  readonly indicators: number;
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
  let theme: keyof typeof OFFICE_THEMES = 'light';
  const themeText = params.get('theme');
  if (themeText !== null) {
    if (themeText === 'dark' || themeText === 'light') theme = themeText;
    else warnings.push(`There is no theme called "${themeText}"; use theme=dark or theme=light. Showing the light theme.`);
  }
  let indicators = DEFAULT_GENERATED_INDICATORS;
  const indicatorsText = params.get('indicators');
  if (indicatorsText !== null) {
    const asked = Number(indicatorsText);
    if (Number.isInteger(asked) && asked >= 1 && asked <= MAX_GENERATED_INDICATORS) indicators = asked;
    else
      warnings.push(
        `"${indicatorsText}" is not a number of indicators from 1 to ${MAX_GENERATED_INDICATORS.toLocaleString('en-GB')}; using ${DEFAULT_GENERATED_INDICATORS.toLocaleString('en-GB')}.`,
      );
  }
  let today: CalendarDate | undefined;
  const todayText = params.get('today');
  if (todayText !== null) {
    today = dateFromIso(todayText);
    if (!today) warnings.push(`"${todayText}" is not a date written as yyyy-mm-dd; using today's date instead.`);
  }
  return { sample, theme, indicators, ...(today ? { today } : {}), warnings };
}

/** The address with `?sample=` changed and everything else kept. */
export function searchWithSample(search: string, sample: SampleId): string {
  const params = new URLSearchParams(search);
  params.set('sample', sample);
  return `?${params.toString()}`;
}

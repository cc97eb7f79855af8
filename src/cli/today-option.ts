import { dateFromIso, isRealDate, type CalendarDate } from '../core/model/serial-dates';
import { UsageError } from './args';
import { todayHere } from '../shared/today';

/**
 * A date as an officer in the UK writes it, day first (`15/10/2025`, `15/10/25`, `15.10.2025`,
 * `15-10-2025`), or as ISO writes it (`2025-10-15`). A two-figure year is this century's.
 */
export function dateFromWritten(text: string): CalendarDate | undefined {
  const trimmed = text.trim();
  const iso = dateFromIso(trimmed);
  if (iso) return iso;
  const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(trimmed);
  if (!uk) return undefined;
  const year = Number(uk[4]!.length === 2 ? `20${uk[4]}` : uk[4]);
  const date = { year, month: Number(uk[3]), day: Number(uk[1]) };
  return isRealDate(date) ? date : undefined;
}

/** `--today`, or today's date where the computer is. */
export function todayFrom(flags: ReadonlyMap<string, string | true>): CalendarDate {
  const given = flags.get('--today');
  if (typeof given === 'string') {
    const date = dateFromWritten(given);
    if (!date)
      throw new UsageError(
        `--today needs a date written dd/mm/yyyy or yyyy-mm-dd, such as 31/03/2025 or 2025-03-31; "${given}" is not a date.`,
      );
    return date;
  }
  return todayHere();
}

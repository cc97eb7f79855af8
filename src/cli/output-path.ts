import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from './args';

/** `book.xlsx` → `book.checked.xlsx`; the input is written over only with --in-place. */
export function outputPathFor(input: string, flags: ReadonlyMap<string, string | true>, suffix = 'checked'): string {
  const given = flags.get('-o') ?? flags.get('--output');
  const inPlace = flags.has('--in-place');
  if (inPlace && typeof given === 'string') throw new UsageError('Use either -o or --in-place, not both.');
  if (inPlace) return input;
  if (typeof given === 'string') {
    if (resolve(given) === resolve(input))
      throw new UsageError(`-o ${given} is the workbook being read; KPI Tracker won't write over it unless you add --in-place.`);
    if (isFolder(given))
      throw new UsageError(`-o ${given} is a folder; give a file name, such as ${join(given, basename(defaultOutput(input, suffix)))}.`);
    if (!/\.xlsx$/i.test(given)) throw new UsageError(`-o ${given}: the output must be an .xlsx file.`);
    return given;
  }
  return defaultOutput(input, suffix);
}

function defaultOutput(input: string, suffix: string): string {
  return input.replace(/(\.xlsx)?$/i, `.${suffix}.xlsx`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

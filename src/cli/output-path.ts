import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from './args';

/**
 * `.xlsx` or `.xlsm`: a macro-enabled workbook keeps its macros, and Excel opens a file only
 * when its extension says which of the two it is, so the copy takes the input's extension.
 */
function workbookExtension(path: string): '.xlsx' | '.xlsm' {
  return /\.xlsm$/i.test(path) ? '.xlsm' : '.xlsx';
}

/** `book.xlsx` → `book.checked.xlsx`, `book.xlsm` → `book.checked.xlsm`; the input is written over only with --in-place. */
export function outputPathFor(input: string, flags: ReadonlyMap<string, string | true>, suffix = 'checked'): string {
  const given = flags.get('-o') ?? flags.get('--output');
  const inPlace = flags.has('--in-place');
  const extension = workbookExtension(input);
  if (inPlace && typeof given === 'string') throw new UsageError('Use either -o or --in-place, not both.');
  if (inPlace) return input;
  if (typeof given === 'string') {
    if (resolve(given) === resolve(input))
      throw new UsageError(`-o ${given} is the workbook being read; KPI Tracker won't write over it unless you add --in-place.`);
    if (isFolder(given))
      throw new UsageError(`-o ${given} is a folder; give a file name, such as ${join(given, basename(defaultOutput(input, suffix)))}.`);
    if (!/\.xls[xm]$/i.test(given) || workbookExtension(given) !== extension)
      throw new UsageError(
        extension === '.xlsm'
          ? `-o ${given}: the workbook is macro-enabled (.xlsm), so its copy must be an .xlsm file too; Excel won't open one saved as .xlsx.`
          : `-o ${given}: the output must be an .xlsx file, like the workbook it is a copy of.`,
      );
    return given;
  }
  return defaultOutput(input, suffix);
}

function defaultOutput(input: string, suffix: string): string {
  return input.replace(/(\.xls[xm])?$/i, `.${suffix}${workbookExtension(input)}`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

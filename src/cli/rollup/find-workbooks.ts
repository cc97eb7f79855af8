import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { NotIncluded } from '../../core/rollup/workbook-summary';

/** A file to roll up, or one found that will not be read, with the reason. */
export type Found = { readonly kind: 'read'; readonly file: string } | { readonly kind: 'not-included'; readonly notIncluded: NotIncluded };

export interface FoundFiles {
  /** In the order given; a folder's files in name order. */
  readonly files: readonly Found[];
  /** Folders inside the folders given that were not looked in (no `--recursive`). */
  readonly skippedFolders: readonly string[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Why a file found in a folder is not read, by its kind as its name tells it. */
function notAWorkbookReason(file: string): string {
  const name = basename(file);
  if (name.startsWith('~$'))
    return `${name} is the lock file Excel keeps while someone has ${name.slice(2)} open; it is not a workbook. ${name.slice(2)} itself is read if it is in the folder.`;
  const extension = extname(name).toLowerCase();
  if (extension === '.xls')
    return `${name} is an Excel 97–2003 workbook (.xls); KPI Tracker reads .xlsx and .xlsm workbooks. Open it in Excel and save it as "Excel Workbook (.xlsx)".`;
  if (extension === '.xlsb')
    return `${name} is an Excel binary workbook (.xlsb); KPI Tracker reads .xlsx and .xlsm workbooks. Open it in Excel and save it as "Excel Workbook (.xlsx)".`;
  return `${name} is not an Excel workbook (${extension || 'no file extension'}); only .xlsx and .xlsm workbooks are rolled up.`;
}

/**
 * Every workbook to roll up from the files and folders given: files as given (whatever their
 * name: the file host says what is wrong with one that is not a workbook), and the .xlsx and
 * .xlsm files in each folder, in name order, looking into folders inside it only when
 * `recursive`. Other files in a folder are listed as not included, never passed over in silence;
 * hidden files (a dot first) are left alone. Each file comes once, and `exclude` (the report
 * being written) never.
 */
export async function findWorkbooks(
  inputs: readonly string[],
  options: { recursive: boolean; exclude: readonly string[] },
): Promise<FoundFiles> {
  const files: Found[] = [];
  const skippedFolders: string[] = [];
  const seen = new Set(options.exclude.map((path) => resolve(path)));
  const add = (found: Found, path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(found);
  };
  const walk = async (folder: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (options.recursive) await walk(path);
        else skippedFolders.push(path);
      } else if (WORKBOOK.test(entry.name) && !entry.name.startsWith('~$')) add({ kind: 'read', file: path }, path);
      else if (entry.isFile() || entry.isSymbolicLink())
        add({ kind: 'not-included', notIncluded: { file: path, kind: 'not-a-workbook-file', reason: notAWorkbookReason(path) } }, path);
    }
  };
  for (const input of inputs) {
    let isFolder = false;
    try {
      isFolder = (await stat(input)).isDirectory();
    } catch {
      // A path that can't be looked at is handed on as a file: reading it says why, in the report.
    }
    if (isFolder) await walk(input);
    else add({ kind: 'read', file: input }, input);
  }
  return { files, skippedFolders };
}

import { constants } from 'node:fs';
import { access, open, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compoundFileKind, isCompoundFile } from '../hosts/xlsx/compound-file';

/** The workbook or the place to write can't be used: exit status 1, and nothing was written. */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

async function firstBytes(path: string, count: number): Promise<Uint8Array | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(count);
      const { bytesRead } = await file.read(buffer, 0, count, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    // Missing, a folder, unreadable: reading the workbook says which, in its own words.
    return undefined;
  }
}

/**
 * Old .xls workbooks and password-protected .xlsx workbooks are both OLE2 compound files; each
 * gets its own sentence, since what the officer has to do differs.
 */
export async function checkInput(path: string): Promise<void> {
  const start = await firstBytes(path, 8);
  if (!start || !isCompoundFile(start)) return;
  const name = basename(path);
  const kind = compoundFileKind(await readFile(path));
  if (kind === 'encrypted-workbook')
    throw new Refusal(
      `${name} is password-protected (encrypted), so KPI Tracker can't read it. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear the password), save it, and try again.`,
    );
  if (kind === 'old-excel-workbook')
    throw new Refusal(
      `${name} is an Excel 97–2003 workbook (.xls), which KPI Tracker can't read. Open it in Excel and save it as .xlsx (File → Save As → Excel Workbook), then run KPI Tracker on the .xlsx file.`,
    );
}

/** The lock file a spreadsheet program keeps beside a workbook while it is open, if there is one. */
export async function openLockOf(path: string): Promise<{ program: string; lock: string } | undefined> {
  const folder = dirname(path);
  const name = basename(path);
  const candidates = [
    { program: 'Excel', lock: join(folder, `~$${name}`) },
    { program: 'LibreOffice', lock: join(folder, `.~lock.${name}#`) },
  ];
  for (const candidate of candidates) if (await exists(candidate.lock)) return candidate;
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [realA, realB] = await Promise.all([realpath(a).catch(() => undefined), realpath(b).catch(() => undefined)]);
  return realA !== undefined && realA === realB;
}

/** The folder a new file will be made in, or the nearest one above it that exists already. */
async function nearestFolder(path: string): Promise<string> {
  let folder = dirname(resolve(path));
  while (!(await exists(folder)) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/**
 * Everything about where the result will go that can be known before any work is done: it is not
 * the workbook being read (unless --in-place), not open in Excel, and its folder can be written
 * to (-o naming a folder is refused with the other mistakes in writing the command).
 */
export async function checkDestination(input: string, output: string, inPlace: boolean): Promise<void> {
  if (!inPlace && (await samePath(input, output)))
    throw new Refusal(
      `${output} is the workbook being read; KPI Tracker won't write over it unless you add --in-place. Nothing was written.`,
    );
  const lock = await openLockOf(output);
  if (lock) {
    const lockName = basename(lock.lock);
    const instead = inPlace ? 'leave out --in-place to write a copy' : 'choose another file with -o';
    throw new Refusal(
      `${output} is open in ${lock.program} (${lockName} is beside it), so KPI Tracker won't write over it. Close it in ${lock.program} and run again, or ${instead}. If ${lock.program} is not running, ${lockName} was left behind: delete it and run again. Nothing was written.`,
    );
  }
  const existing = await stat(output).catch(() => undefined);
  if (existing && !(await canWrite(output)))
    throw new Refusal(`${output} can't be written: it is read-only or you don't have permission. Nothing was written.`);
  const folder = await nearestFolder(output);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory()) throw new Refusal(`${output} can't be written: ${folder} is a file, not a folder. Nothing was written.`);
  if (!(await canWrite(folder)))
    throw new Refusal(`${output} can't be written: you don't have permission to write in ${folder}. Nothing was written.`);
}

async function canWrite(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

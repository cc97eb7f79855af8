import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { printCopyOfSheet } from '../../hosts/xlsx/print-copy';

/** Where LibreOffice installs itself on a Mac or Windows, which do not put it on the PATH. */
const USUAL_PLACES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  win32: 'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
};

/** LibreOffice's command, from the PATH or where it usually installs itself; null when it is not installed. */
export function findSoffice(path = process.env.PATH ?? ''): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const folder of path.split(delimiter).filter(Boolean))
    for (const name of names) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  const usual = USUAL_PLACES[process.platform];
  return usual && existsSync(usual) ? usual : null;
}

export const HOW_TO_GET_PDF =
  'No PDF was written: --pdf needs LibreOffice, which is not installed on this computer; install it (on Debian or Ubuntu: sudo apt-get install libreoffice-calc, otherwise from libreoffice.org) and run the command again.';

export type PdfOutcome = { readonly kind: 'written'; readonly path: string } | { readonly kind: 'no-libreoffice' };

/**
 * Prints a written workbook, every sheet in order with its own print set-up, to a PDF beside it
 * (`report.xlsx` → `report.pdf`) with LibreOffice, headless.
 */
export async function writeWorkbookPdf(workbookPath: string, soffice = findSoffice()): Promise<PdfOutcome> {
  if (!soffice) return { kind: 'no-libreoffice' };
  return convertBeside(soffice, workbookPath, async () => workbookPath, basename(workbookPath));
}

/**
 * Prints one sheet of a written workbook to a PDF beside it (`book.xlsx` → `book.pdf`): a copy of
 * the workbook in which only that sheet is visible is converted, so the PDF is that sheet on its
 * own, with its own print set-up (A4 landscape, one page wide, header rows repeated, "Page x of y").
 */
export async function writeSheetPdf(workbookPath: string, sheetName: string, soffice = findSoffice()): Promise<PdfOutcome> {
  if (!soffice) return { kind: 'no-libreoffice' };
  return convertBeside(
    soffice,
    workbookPath,
    async (folder) => {
      const copy = join(folder, basename(workbookPath));
      await writeFile(copy, await printCopyOfSheet(await readFile(workbookPath), sheetName));
      return copy;
    },
    `"${sheetName}"`,
  );
}

/**
 * Converts the workbook `prepare` gives (in a temporary folder of its own) and puts the PDF
 * beside the written workbook. LibreOffice runs with a profile of its own in that folder, so an
 * open LibreOffice window does not get in the way.
 */
async function convertBeside(
  soffice: string,
  workbookPath: string,
  prepare: (folder: string) => Promise<string>,
  what: string,
): Promise<PdfOutcome> {
  const target = workbookPath.replace(/\.xlsx$/i, '') + '.pdf';
  const folder = await mkdtemp(join(tmpdir(), 'kpi-tracker-pdf-'));
  try {
    const input = await prepare(folder);
    await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      folder,
      input,
    ]);
    const made = join(folder, `${basename(input).replace(/\.xlsx$/i, '')}.pdf`);
    if (!existsSync(made)) throw new Error(`LibreOffice did not write a PDF of ${what}.`);
    await copyFile(made, target);
    return { kind: 'written', path: target };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`LibreOffice could not print the workbook (${String(stderr).trim() || error.message}).`));
      else resolve();
    });
  });
}

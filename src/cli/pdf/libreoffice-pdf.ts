import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
 * (`report.xlsx` → `report.pdf`) with LibreOffice, headless. LibreOffice runs with a profile of its
 * own in a temporary folder, so an open LibreOffice window does not get in the way.
 */
export async function writeWorkbookPdf(workbookPath: string, soffice = findSoffice()): Promise<PdfOutcome> {
  if (!soffice) return { kind: 'no-libreoffice' };
  const target = workbookPath.replace(/\.xlsx$/i, '') + '.pdf';
  const folder = await mkdtemp(join(tmpdir(), 'kpi-tracker-pdf-'));
  try {
    await run(soffice, [
      `-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      folder,
      workbookPath,
    ]);
    const made = join(folder, `${basename(workbookPath).replace(/\.xlsx$/i, '')}.pdf`);
    if (!existsSync(made)) throw new Error(`LibreOffice did not write a PDF of ${basename(workbookPath)}.`);
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

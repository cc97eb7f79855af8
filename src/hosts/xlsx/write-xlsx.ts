import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkbookFileError } from './read-xlsx';

/**
 * Writes the workbook to a temporary file beside the target and renames it into place, so a
 * failure half way never leaves a damaged workbook where the officer's file was.
 */
export async function writeXlsxFile(bytes: Uint8Array, path: string): Promise<void> {
  const temporary = `${path}.kpi-tracker-${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    // Never leave a half-written copy beside the officer's workbook.
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new WorkbookFileError(`Can't write ${path}: you don't have permission (is it open in Excel?).`);
    throw new WorkbookFileError(`Can't write ${path}: ${(error as Error).message}`);
  }
}

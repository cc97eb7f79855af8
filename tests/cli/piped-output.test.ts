/**
 * Officers pipe the command line into `head` or a pager and quit it early. The run must still
 * finish and write its workbook, with no stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';
import { ROOT, samplePath } from '../support/samples';
import { tempFolder } from '../support/xlsx-writer';

const temp = tempFolder('piped-cli');
afterAll(() => temp.cleanup());

it('pack piped into a reader that has gone still writes the workbook and exits 0', async () => {
  const output = temp.path('pack.xlsx');
  const child = spawn(
    process.execPath,
    [join('bin', 'kpi-tracker.js'), 'pack', samplePath('service-plan-quarterly'), '-o', output, '--today', '2024-11-20'],
    { cwd: ROOT },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The reader has gone before the first line, as when `head` or a pager is quit at once.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(existsSync(output)).toBe(true);
  const { workbook } = await readXlsxFile(output);
  expect(workbook.sheets.map((sheet) => sheet.name)).toContain('KPI Tracker change log');
});

/**
 * Converts the sample workbooks (assets/samples/*.xlsx) to JSON for the browser workbench, so the
 * page needs no .xlsx reader: `tsx scripts/workbench-samples.ts <out-dir>`.
 * webpack.workbench.js runs it before each build; the JSON is served as samples/<name>.json.
 * Each file is read with the command line's own reader (src/hosts/xlsx) and checked to round-trip.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readXlsxFile } from '../src/hosts/xlsx/read-xlsx';
import { deserialiseWorkbook, serialiseWorkbook } from '../src/hosts/memory/workbook-json';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'dist-workbench', 'samples'));
  const samplesDir = join(root, 'assets', 'samples');
  const files = (await readdir(samplesDir)).filter((name) => name.endsWith('.xlsx')).sort();
  if (files.length === 0) throw new Error(`No .xlsx samples in ${samplesDir}`);
  await mkdir(outDir, { recursive: true });
  for (const file of files) {
    const { workbook } = await readXlsxFile(join(samplesDir, file));
    const json = serialiseWorkbook(workbook);
    const text = JSON.stringify(json);
    if (JSON.stringify(serialiseWorkbook(deserialiseWorkbook(JSON.parse(text)))) !== text) {
      throw new Error(`${file}: the workbook does not survive a JSON round trip`);
    }
    await writeFile(join(outDir, `${basename(file, '.xlsx')}.json`), text);
  }
  console.log(`workbench samples: ${files.length} written to ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

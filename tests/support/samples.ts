import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectWorkbook } from '../../src/core/detect/detect-workbook';
import type { Detection } from '../../src/core/detect/types';
import type { Workbook } from '../../src/core/model/workbook';
import { scanJson, type ScanJson } from '../../src/cli/output/scan-json';
import { readXlsxFile } from '../../src/hosts/xlsx/read-xlsx';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLES_DIR = join(ROOT, 'assets', 'samples');

/** The sample workbooks, by file name without `.xlsx`. */
export const SAMPLE_NAMES = ['service-plan-quarterly', 'service-delivery-plan-annual', 'kpi-return', 'inspection-action-plan'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function samplePath(name: SampleName): string {
  return join(SAMPLES_DIR, `${name}.xlsx`);
}

/** The path `scan --json` reports in goldens: relative to the project, so the files do not depend on the machine. */
export function sampleDisplayPath(name: SampleName): string {
  return `assets/samples/${name}.xlsx`;
}

export function sampleFilesOnDisk(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((file) => file.endsWith('.xlsx'))
    .map((file) => file.replace(/\.xlsx$/, ''))
    .sort();
}

export interface LoadedSample {
  readonly workbook: Workbook;
  readonly detection: Detection;
  readonly scan: ScanJson;
}

const cache = new Map<SampleName, Promise<LoadedSample>>();

/** Reads and scans a sample once per test file. */
export function loadSample(name: SampleName): Promise<LoadedSample> {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = readXlsxFile(samplePath(name)).then(({ workbook }) => {
      const detection = detectWorkbook(workbook);
      return { workbook, detection, scan: scanJson(sampleDisplayPath(name), detection) };
    });
    cache.set(name, loaded);
  }
  return loaded;
}

/** One row of a "Tables and blocks" table in assets/samples/README.md. */
export interface ReadmeBlock {
  readonly sheet: string;
  /** As written, without backticks: `A3:I6`, `16:16`. */
  readonly range: string;
  readonly headerRows: string;
  readonly what: string;
}

/** The "Tables and blocks" rows the samples README lists for one workbook. */
export function readmeBlocks(name: SampleName): ReadmeBlock[] {
  const readme = readFileSync(join(SAMPLES_DIR, 'README.md'), 'utf8');
  const start = readme.indexOf(`## \`${name}.xlsx\``);
  if (start < 0) throw new Error(`assets/samples/README.md has no section for ${name}.xlsx`);
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const blocks: ReadmeBlock[] = [];
  for (const line of section.split('\n')) {
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
    if (cells.length !== 4 || cells[0] === 'Sheet' || /^-+$/.test(cells[0]!)) continue;
    blocks.push({ sheet: cells[0]!, range: cells[1]!.replace(/`/g, ''), headerRows: cells[2]!, what: cells[3]! });
  }
  return blocks;
}

/** The seed text a sample was built from (the copies under tests/fixtures/seeds). */
export function seedText(file: 'layout-a-service-plan' | 'layout-b-service-delivery-plan' | 'layout-c-kpi-return'): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', 'seeds', `${file}.txt`), 'utf8');
}

/**
 * Issue 15, "What broke, each seen": workbooks whose XML or zip is unusual, ambiguous or damaged,
 * each as small as shows the case, run through the command line. Either the run does what it
 * says (the cells it reports are the ones a real XML parser finds in the output, and every part
 * it wrote is sound XML), or it refuses with a plain sentence and writes nothing.
 */
import JSZip from 'jszip';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { entryFromContent, readZip, writeZip } from '../../../src/hosts/xlsx/zip-archive';
import { expectPlainMessage, runCliCapture } from '../../support/cli';
import { tempFolder } from '../../support/xlsx-writer';
import { MAIN_NS, REL_NS, worksheet, xlsxFromParts } from './excel-parts';
import { cellTextsByParser, xmlError } from './real-xml';
import { openSandbox, type Sandbox } from './sandbox';
import { rowOf, SEED_INDICATORS, SEED_STATUSES, seedKpiRows } from './seed-kpi-rows';

jest.setTimeout(60_000);

const TODAY = '2025-01-15';
const DAMAGED = /^The workbook .+ looks damaged: open it in Excel and save it again, then run KPI Tracker on the saved workbook\./;
const tmp = tempFolder('hostile-packages');
let sandbox: Sandbox | undefined;
afterAll(async () => {
  await sandbox?.close();
  tmp.cleanup();
});

let files = 0;
function saved(bytes: Uint8Array, extension = 'xlsx'): string {
  const path = tmp.path(`book${++files}.${extension}`);
  writeFileSync(path, bytes);
  return path;
}

const seedBook = (sheetXml = worksheet(seedKpiRows())): Promise<Buffer> => xlsxFromParts({ sheets: [{ name: 'KPIs', xml: sheetXml }] });

/** The workbook with some parts replaced (or, given null, taken out). */
async function withParts(bytes: Buffer, parts: Readonly<Record<string, string | Uint8Array | null>>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, content] of Object.entries(parts)) {
    if (content === null) zip.remove(name);
    else zip.file(name, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function partsOf(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) parts.set(name, await zip.file(name)!.async('nodebuffer'));
  return parts;
}

/** Every XML part of the written file reads as sound XML with a real parser. */
async function expectSoundXml(path: string): Promise<Map<string, Buffer>> {
  const parts = await partsOf(path);
  const faults = [...parts]
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([name, bytes]) => [name, xmlError(bytes.toString('utf8'))])
    .filter(([, error]) => error !== undefined);
  expect(faults).toEqual([]);
  return parts;
}

/** recalc into a copy; the run must succeed. Returns the copy's path. */
async function recalc(input: string): Promise<string> {
  const output = input.replace(/\.(xlsx|xlsm)$/, '.out.$1');
  const run = await runCliCapture(['recalc', input, '-o', output, '--today', TODAY]);
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
  return output;
}

/** The statuses a real XML parser finds in the status column of the seed table. */
function statusesIn(sheetXml: string): Record<string, string | undefined> {
  const cells = cellTextsByParser(sheetXml);
  return Object.fromEntries(SEED_INDICATORS.map((kpi) => [kpi.ref, cells.get(`H${rowOf(kpi.ref)}`)]));
}

/** A run that refuses: exit 1, a plain sentence, no file written. */
async function expectRefused(argv: string[], message: RegExp): Promise<void> {
  const output = tmp.path(`refused${++files}.xlsx`);
  const run = await runCliCapture([...argv, ...(argv[0] === 'scan' ? [] : ['-o', output, '--today', TODAY])]);
  expect(run.code).toBe(1);
  expect(run.err).toMatch(message);
  expectPlainMessage(run.err);
  expect(existsSync(output)).toBe(false);
}

it('an old copy of a row kept in an XML comment is left alone: the status goes into the real row', async () => {
  const oldCopy = '<!-- <row r="4"><c r="A4" t="inlineStr"><is><t>01</t></is></c><c r="H4"/></row> -->';
  const sheet = worksheet(seedKpiRows().replace('<row r="4">', `${oldCopy}<row r="4">`));
  const output = await recalc(saved(await seedBook(sheet)));
  const written = (await expectSoundXml(output)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
  expect(statusesIn(written)).toEqual(SEED_STATUSES);
  expect(written).toContain(oldCopy);
});

it('cell markup inside a CDATA section of a description stays words: the status lands in the status cell', async () => {
  const words = 'Rent collected, as the old sheet had it: <c r="G4"><v>0.92</v></c><c r="H4"><v>1</v></c>';
  const description = `<c r="B4" t="inlineStr"><is><t><![CDATA[${words}]]></t></is></c>`;
  const sheet = worksheet(seedKpiRows().replace(/<c r="B4"[\s\S]*?<\/c>/, description));
  const output = await recalc(saved(await seedBook(sheet)));
  const cells = cellTextsByParser((await expectSoundXml(output)).get('xl/worksheets/sheet1.xml')!.toString('utf8'));
  expect(cells.get('B4')).toBe(words);
  expect(cells.get('H4')).toBe(SEED_STATUSES['01']);
});

it('content types and relationships written with a namespace prefix are added to in the same prefix, as sound XML', async () => {
  const book = await seedBook();
  const zip = await JSZip.loadAsync(book);
  const prefixed = (xml: string, root: string, children: string[], prefix: string): string =>
    children
      .reduce((text, child) => text.replaceAll(`<${child} `, `<${prefix}:${child} `), xml)
      .replace(`<${root} xmlns=`, `<${prefix}:${root} xmlns:${prefix}=`)
      .replace(`</${root}>`, `</${prefix}:${root}>`);
  const types = prefixed(await zip.file('[Content_Types].xml')!.async('string'), 'Types', ['Default', 'Override'], 'ct');
  const rels = prefixed(await zip.file('xl/_rels/workbook.xml.rels')!.async('string'), 'Relationships', ['Relationship'], 'pr');
  expect(types).toMatch(/^<\?xml[^>]*\?><ct:Types xmlns:ct="[^"]+"><ct:Default /);
  const output = await recalc(saved(await withParts(book, { '[Content_Types].xml': types, 'xl/_rels/workbook.xml.rels': rels })));
  const parts = await expectSoundXml(output);
  const writtenTypes = parts.get('[Content_Types].xml')!.toString('utf8');
  const writtenRels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  // The change log is the run's new sheet: one content type and one relationship for it, prefixed like their neighbours.
  expect(writtenTypes.match(/<ct:Override PartName="\/xl\/worksheets\/sheet2\.xml"/g)).toHaveLength(1);
  expect(writtenRels.match(/<pr:Relationship [^>]*Target="worksheets\/sheet2\.xml"/g)).toHaveLength(1);
  expect(statusesIn(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8'))).toEqual(SEED_STATUSES);
});

it('a sheet whose root element has a prefix and whose other elements have none is patched, not refused', async () => {
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:worksheet xmlns:x="${MAIN_NS}" xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${seedKpiRows()}</sheetData></x:worksheet>`;
  const output = await recalc(saved(await seedBook(sheet)));
  const written = (await expectSoundXml(output)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
  expect(statusesIn(written)).toEqual(SEED_STATUSES);
  // In the prefix of the row it joins, as its neighbours are written.
  expect(written).toMatch(/<c r="H4" s="\d+" t="inlineStr"><is><t xml:space="preserve">Near miss<\/t><\/is><\/c>/);
});

it('a workbook without its list of content types is refused as damaged, by scan and by recalc', async () => {
  const path = saved(await withParts(await seedBook(), { '[Content_Types].xml': null }));
  await expectRefused(['scan', path], DAMAGED);
  await expectRefused(['recalc', path], DAMAGED);
});

it('a row that is never closed is refused as damaged, and nothing is written', async () => {
  const sheet = worksheet(seedKpiRows().replace('</row><row r="6">', '<row r="6">'));
  const path = saved(await seedBook(sheet));
  await expectRefused(['scan', path], DAMAGED);
  await expectRefused(['recalc', path], /looks damaged[\s\S]*\(Its part xl\/worksheets\/sheet1\.xml is not sound XML: .*never closed/);
});

it('a comment that is never closed is refused as damaged in good time, not read for ever', async () => {
  sandbox ??= openSandbox();
  const sheet = worksheet(seedKpiRows().replace('<row r="6">', '<!-- the old figures <row r="6">'));
  const path = saved(await seedBook(sheet));
  for (const argv of [
    ['scan', path],
    ['recalc', path, '-o', tmp.path('never.xlsx'), '--today', TODAY],
  ]) {
    const reply = await sandbox.run({ kind: 'cli', argv }, 20);
    expect(reply).toMatchObject({ outcome: 'exited', code: 1, err: expect.stringMatching(DAMAGED) });
  }
  expect(existsSync(tmp.path('never.xlsx'))).toBe(false);
});

it('a content type left behind for a part no longer there is replaced, not doubled, when the run adds that part', async () => {
  const stale =
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>';
  const book = await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: worksheet(seedKpiRows()) }], extraContentTypes: stale });
  const output = await recalc(saved(book));
  const types = (await expectSoundXml(output)).get('[Content_Types].xml')!.toString('utf8');
  expect(types.match(/PartName="\/xl\/worksheets\/sheet2\.xml"/g)).toHaveLength(1);
  expect(types).toContain(
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
  );
});

it('a zip holding two parts of the same name is refused as damaged: which one Excel would read is anyone’s guess', async () => {
  const entries = readZip(await seedBook());
  const twin = await entryFromContent('xl/worksheets/sheet1.xml', worksheet(''));
  const path = saved(writeZip([...entries, twin]));
  await expectRefused(['scan', path], /looks damaged[\s\S]*two parts named xl\/worksheets\/sheet1\.xml/);
  await expectRefused(['recalc', path], DAMAGED);
});

it('parts written in UTF-16 are read, and those the run rewrites are written as UTF-8 saying so', async () => {
  const utf16 = (xml: string): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]);
  const book = await seedBook();
  const zip = await JSZip.loadAsync(book);
  const sheet = utf16(await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
  const workbook = utf16(await zip.file('xl/workbook.xml')!.async('string'));
  const styles = utf16(await zip.file('xl/styles.xml')!.async('string'));
  const path = saved(await withParts(book, { 'xl/worksheets/sheet1.xml': sheet, 'xl/workbook.xml': workbook, 'xl/styles.xml': styles }));
  const scan = await runCliCapture(['scan', path]);
  expect(scan.code).toBe(0);
  const output = await recalc(path);
  const parts = await expectSoundXml(output);
  for (const part of ['xl/worksheets/sheet1.xml', 'xl/workbook.xml']) {
    const text = parts.get(part)!.toString('utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
  }
  expect(statusesIn(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8'))).toEqual(SEED_STATUSES);
});

it('a part whose XML names an encoding nothing can read is refused plainly', async () => {
  const book = await seedBook();
  const sheet = worksheet(seedKpiRows()).replace('encoding="UTF-8"', 'encoding="x-no-such-charset"');
  await expectRefused(['scan', saved(await withParts(book, { 'xl/worksheets/sheet1.xml': sheet }))], /character set "x-no-such-charset"/);
});

it('a part that would not read back as XML stops the save: nothing is written and the officer is told why', async () => {
  // An entity no XML parser knows, in a row the run does not touch: copied as it is, it would break the file.
  const sheet = worksheet(seedKpiRows().replace('<t>Q4 2024/25</t>', '<t>Q4&nbsp;2024/25</t>'));
  await expectRefused(
    ['recalc', saved(await seedBook(sheet))],
    /could not make a sound copy of .*its part xl\/worksheets\/sheet1\.xml would not read back as XML[\s\S]*Nothing was written/,
  );
});

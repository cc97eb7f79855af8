import JSZip from 'jszip';
import { entryFromContent, inflateEntry, readZip, writeZip, ZipFormatError } from '../../../src/hosts/xlsx/zip-archive';

const PARTS: Record<string, string> = {
  '[Content_Types].xml': '<Types/>',
  'xl/workbook.xml': '<workbook>'.padEnd(5000, ' ') + '</workbook>',
  'xl/media/café.txt': 'non-ASCII part name',
};

async function jszipBytes(compression: 'STORE' | 'DEFLATE', streamFiles = false): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(PARTS)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression, streamFiles });
}

it.each([
  ['stored', 'STORE', false],
  ['deflated', 'DEFLATE', false],
  ['deflated with data descriptors', 'DEFLATE', true],
] as const)('reads a zip whose parts are %s', async (_label, compression, streamFiles) => {
  const entries = readZip(await jszipBytes(compression, streamFiles));
  const files = entries.filter((entry) => !entry.name.endsWith('/'));
  expect(Object.fromEntries(files.map((entry) => [entry.name, inflateEntry(entry).toString('utf8')]))).toEqual(PARTS);
});

it('what it writes, another zip reader reads: copied entries and new ones alike', async () => {
  const copied = readZip(await jszipBytes('DEFLATE'));
  const bytes = writeZip([...copied, await entryFromContent('xl/new.xml', '<new>é</new>')]);
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, text] of Object.entries(PARTS)) expect(await zip.file(name)!.async('string')).toBe(text);
  expect(await zip.file('xl/new.xml')!.async('string')).toBe('<new>é</new>');
});

it('a file that is not a whole zip is named as such', () => {
  expect(() => readZip(Buffer.from('PK\u0003\u0004 but nothing else of a zip at all'))).toThrow(ZipFormatError);
});

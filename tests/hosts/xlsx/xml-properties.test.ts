/**
 * Issue 15: property tests (fast-check) of the file host's XML reading against a real XML
 * parser (saxes, namespaces on), and of the whole command line against damaged input.
 *
 *  - On generated XML holding comments, CDATA sections, processing instructions, namespace
 *    prefixes on any element and white space wherever a tag allows it (with markup written
 *    inside the comments, CDATA and instructions), the tokenizer reports the very elements,
 *    attributes and texts saxes reports.
 *  - On that XML cut short or mutated, the tokenizer ends within a time limit, either reading
 *    the text or naming the damage, and it reads everything saxes reads.
 *  - On a workbook whose zip bytes or XML are cut short or mutated, recalc ends within a time
 *    limit with exit 0 or a plain refusal (exit 1), and whatever it writes saxes reads.
 *
 * The time limits hold because those runs happen in a worker thread the test stops (sandbox.ts).
 * At least 1,000 cases for the pure properties locally and 10,000 when `CI` is set; the runs
 * through the command line are fewer, each being a whole run.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { attribute, attributeSpans, elementEnd, elementText, nextTag, type Tag } from '../../../src/hosts/xlsx/xml-tokenizer';
import { inflateEntry, readZip } from '../../../src/hosts/xlsx/zip-archive';
import { expectPlainMessage } from '../../support/cli';
import { tempFolder } from '../../support/xlsx-writer';
import { worksheet, xlsxFromParts } from './excel-parts';
import { xmlError } from './real-xml';
import { openSandbox, type Sandbox } from './sandbox';
import { seedKpiRows } from './seed-kpi-rows';
import { SaxesParser } from 'saxes';

const CI = Boolean(process.env.CI);
const PURE_RUNS = { numRuns: CI ? 10_000 : 1_000 };
const SANDBOX_RUNS = { numRuns: CI ? 2_000 : 400 };
const CLI_RUNS = { numRuns: CI ? 600 : 150 };
/** Far more than any of these inputs takes; a reader that loops runs into it. */
const TIME_LIMIT = 20;
jest.setTimeout(CI ? 600_000 : 180_000);

let sandbox: Sandbox;
const tmp = tempFolder('xml-properties');
beforeAll(() => {
  sandbox = openSandbox();
});
afterAll(async () => {
  await sandbox.close();
  tmp.cleanup();
});

// ---------------------------------------------------------------- generated XML

/** Prefixes declared on every generated root; '' is the default namespace. */
const NAMESPACES = { '': 'urn:kpi:main', 'x:': 'urn:kpi:x', 'ns1:': 'urn:kpi:other' } as const;
const prefix = fc.constantFrom(...(Object.keys(NAMESPACES) as Array<keyof typeof NAMESPACES>));
const elementName = fc
  .tuple(prefix, fc.constantFrom('row', 'c', 'v', 't', 'is', 'sheetData', 'Relationship', 'a.b', '_q', 'é', 'r-1'))
  .map(([p, local]) => p + local);
const attributeName = fc.constantFrom('r', 's', 't', 'id', 'x:id', 'ns1:val', 'xml:space', 'spans', 'x:r');

/** White space as it may stand inside a tag. */
const space = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n'), minLength: 1, maxLength: 3 });
const optionalSpace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n'), maxLength: 2 });

/** Raw characters, markup among them, before escaping. */
const raw = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '7',
    ' ',
    '\n',
    '\r\n',
    '\r',
    '\t',
    '<',
    '>',
    '&',
    '"',
    "'",
    ']',
    ']]>',
    '-',
    '?>',
    '<row r="4">',
    '</c>',
    '<c r="H4"/>',
    '<!--',
    '-->',
    '<![CDATA[',
    'é',
    '😀',
  ),
  maxLength: 10,
});
const entity = fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#10;', '&#13;', '&#x41;', '&#233;');

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = fc.oneof(raw.map(escapeText), entity);
const comment = raw.map((body) => `<!--${body.replace(/-/g, '_')}-->`);
const cdata = raw.map((body) => `<![CDATA[${body.split(']]>').join(']] >')}]]>`);
const instruction = fc
  .tuple(fc.constantFrom('kpi', 'mso-application', 'x-y'), space, raw)
  .map(([target, gap, body]) => `<?${target}${gap}${body.split('?>').join('? >')}?>`);

const attributeText = fc
  .tuple(
    fc.uniqueArray(fc.tuple(attributeName, optionalSpace, optionalSpace, fc.constantFrom('"', "'"), raw, space), {
      selector: ([name]) => name,
      maxLength: 3,
    }),
    optionalSpace,
  )
  .map(
    ([attributes, trailing]) =>
      attributes
        .map(([name, before, after, quote, value, gap]) => {
          const escaped = value
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');
          return `${gap}${name}${before}=${after}${quote}${escaped}${quote}`;
        })
        .join('') + trailing,
  );

const { element } = fc.letrec<{ element: string; node: string }>((tie) => ({
  element: fc
    .tuple(elementName, attributeText, fc.array(tie('node'), { maxLength: 4 }), fc.boolean(), optionalSpace)
    .map(([name, attributes, children, selfClosing, closingSpace]) =>
      selfClosing && children.length === 0
        ? `<${name}${attributes}/>`
        : `<${name}${attributes}>${children.join('')}</${name}${closingSpace}>`,
    ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, comment, cdata, instruction, tie('element')),
}));

const misc = fc.array(fc.oneof(comment, instruction, space), { maxLength: 3 }).map((items) => items.join(''));

/** A whole document: declaration, comments and instructions around one root declaring the prefixes. */
const document = fc
  .tuple(
    fc.boolean(),
    misc,
    elementName,
    attributeText,
    fc.array(fc.oneof(text, comment, cdata, instruction, element), { maxLength: 6 }),
    misc,
  )
  .map(([declared, before, name, attributes, children, after]) => {
    const declarations = Object.entries(NAMESPACES)
      .map(([p, uri]) => (p === '' ? ` xmlns="${uri}"` : ` xmlns:${p.slice(0, -1)}="${uri}"`))
      .join('');
    const declaration = declared ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : '';
    return `${declaration}${before}<${name}${declarations}${attributes}>${children.join('')}</${name}>${after}`;
  });

// ---------------------------------------------------------------- what each side reports

type Event =
  readonly ['open', string, ReadonlyArray<readonly [string, string]>] | readonly ['close', string] | readonly ['text', string, string];

/** What saxes reports: each element opened (with its attributes) and closed, and the text of each element without children. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: true });
  const open: Array<{ name: string; text: string; hasChildren: boolean }> = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (open.length > 0) open[open.length - 1]!.hasChildren = true;
    open.push({ name: tag.name, text: '', hasChildren: false });
    events.push(['open', tag.name, Object.entries(tag.attributes).map(([name, a]) => [name, a.value] as const)]);
  });
  const addText = (text: string): void => {
    if (open.length > 0) open[open.length - 1]!.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const closed = open.pop()!;
    if (!closed.hasChildren) events.push(['text', tag.name, closed.text]);
    events.push(['close', tag.name]);
  });
  parser.write(xml).close();
  return events;
}

/** What the tokenizer reports, in the same terms. */
function tokenizerEvents(xml: string): Event[] {
  const events: Event[] = [];
  for (let tag: Tag | undefined = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    const name = tag.prefix + tag.name;
    if (tag.closing) {
      events.push(['close', name]);
      continue;
    }
    events.push(['open', name, attributeSpans(tag.attributeText).map((a) => [a.name, a.value] as const)]);
    const end = elementEnd(xml, tag);
    const child = nextTag(xml, tag.end);
    const leaf = tag.selfClosing || (child !== undefined && child.closing && child.end === end);
    if (leaf) events.push(['text', name, tag.selfClosing ? '' : elementText(xml, tag, end)]);
    if (tag.selfClosing) events.push(['close', name]);
  }
  return events;
}

describe('the tokenizer against a real XML parser', () => {
  it('on XML with comments, CDATA, instructions, prefixes and white space in tags, reports what saxes reports', () => {
    fc.assert(
      fc.property(document, (xml) => {
        expect(xmlError(xml)).toBeUndefined();
        expect(tokenizerEvents(xml)).toEqual(saxesEvents(xml));
      }),
      PURE_RUNS,
    );
  });

  it('finds each attribute by its local name as the first of that name, whatever its prefix, never a namespace declaration', () => {
    fc.assert(
      fc.property(fc.boolean(), attributeText, fc.constantFrom('r', 's', 't', 'id', 'val', 'space', 'spans'), (declares, more, local) => {
        const text = `${declares ? ' xmlns:r="urn:r"' : ''}${more}`;
        const first = attributeSpans(text).find((a) => !a.name.startsWith('xmlns:') && (a.name === local || a.name.endsWith(`:${local}`)));
        expect(attribute(text, local)).toBe(first?.value);
      }),
      PURE_RUNS,
    );
  });
});

// ---------------------------------------------------------------- damaged XML

/** Ways a file gets damaged: cut short, a piece lost, a piece doubled, stray markup let in. */
const JUNK = ['<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '"', "'", '=', '</row>', '<row r="4">', '&', '\u0000'];
function mutate(text: string, how: readonly [number, number, number, number]): string {
  const [kind, a, b, junk] = how;
  const at = a % (text.length + 1);
  const to = Math.min(text.length, at + (b % 40));
  switch (kind % 4) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(to);
    case 2:
      return text.slice(0, to) + text.slice(at, to) + text.slice(to);
    default:
      return text.slice(0, at) + JUNK[junk % JUNK.length] + text.slice(at);
  }
}
const mutation = fc.tuple(fc.nat(3), fc.nat(), fc.nat(), fc.nat());
const damage = fc.array(mutation, { minLength: 1, maxLength: 3 });

describe('the tokenizer on damaged XML', () => {
  it('ends in good time, reading the text or naming the damage, and reads everything saxes reads', async () => {
    await fc.assert(
      fc.asyncProperty(document, damage, async (xml, mutations) => {
        const damaged = mutations.reduce(mutate, xml);
        const reply = await sandbox.run({ kind: 'xml', text: damaged }, TIME_LIMIT);
        expect(['read', 'refused']).toContain(reply.outcome);
        if (xmlError(damaged) === undefined) expect(reply).toEqual({ outcome: 'read' });
      }),
      SANDBOX_RUNS,
    );
  });
});

// ---------------------------------------------------------------- damaged workbooks

describe('the command line on damaged workbooks', () => {
  let book: Buffer;
  beforeAll(async () => {
    const sheet = worksheet(`<!-- kept by the officer --><?kpi note?>${seedKpiRows()}`);
    book = await xlsxFromParts({ sheets: [{ name: 'KPIs', xml: sheet }] });
  });

  /** The workbook with its bytes damaged, or one of its XML parts damaged and the zip written sound. */
  const damagedBook = fc.oneof(
    fc.record({ bytes: damage }),
    fc.record({
      part: fc.constantFrom(
        'xl/worksheets/sheet1.xml',
        'xl/workbook.xml',
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
      ),
      xml: damage,
    }),
  );

  it('recalc ends in good time with exit 0 or a plain refusal, and whatever it writes reads as sound XML', async () => {
    let run = 0;
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(damagedBook, async (how) => {
        let bytes: Buffer;
        if ('bytes' in how)
          bytes = Buffer.from(
            how.bytes.reduce((text, m) => mutate(text, m), book.toString('latin1')),
            'latin1',
          );
        else {
          const zip = await JSZip.loadAsync(book);
          const original = await zip.file(how.part)!.async('string');
          zip.file(how.part, how.xml.reduce(mutate, original));
          bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        }
        const input = tmp.path(`damaged-${++run}.xlsx`);
        const output = tmp.path(`damaged-${run}.out.xlsx`);
        writeFileSync(input, bytes);
        const reply = await sandbox.run({ kind: 'cli', argv: ['recalc', input, '-o', output, '--today', '2025-01-15'] }, TIME_LIMIT);
        expect(reply.outcome).toBe('exited');
        if (reply.outcome !== 'exited') return;
        expect([0, 1]).toContain(reply.code);
        codes.set(reply.code, (codes.get(reply.code) ?? 0) + 1);
        if (reply.code === 1) {
          expectPlainMessage(reply.err);
          expect(existsSync(output)).toBe(false);
        } else {
          // Parts copied from the input keep its compressed bytes; every other part the run wrote.
          const copied = new Map(readZip(bytes).map((entry) => [entry.name, Buffer.from(entry.raw)]));
          for (const entry of readZip(readFileSync(output))) {
            if (copied.get(entry.name)?.equals(entry.raw) || !/\.(xml|rels)$/.test(entry.name)) continue;
            expect({ part: entry.name, error: xmlError(inflateEntry(entry).toString('utf8')) }).toEqual({
              part: entry.name,
              error: undefined,
            });
          }
        }
        rmSync(input, { force: true });
        rmSync(output, { force: true });
      }),
      CLI_RUNS,
    );
    // Both ends were tried: workbooks the damage left readable, and workbooks it did not.
    expect([...codes.keys()].sort()).toEqual([0, 1]);
  });

  it('its undamaged workbook is read and written, so the damage is what the property tries', async () => {
    const input = tmp.path('undamaged.xlsx');
    writeFileSync(input, book);
    const reply = await sandbox.run(
      { kind: 'cli', argv: ['recalc', input, '-o', tmp.path('undamaged.out.xlsx'), '--today', '2025-01-15'] },
      TIME_LIMIT,
    );
    expect(reply).toMatchObject({ outcome: 'exited', code: 0 });
    expect(readFileSync(tmp.path('undamaged.out.xlsx')).length).toBeGreaterThan(0);
  });
});

/**
 * Offline checks of manifest.xml: what `office-addin-manifest validate` would
 * catch (it needs Microsoft's online service), plus the links between the
 * manifest, the ribbon command code, the icons and the webpack build. Its
 * structure (element order, known elements) is checked against Office's
 * published schemas in schema.test.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..');
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const manifestText = readFileSync(MANIFEST_PATH, 'utf8');

// ---- a small ordered XML tree ----------------------------------------------

interface XmlNode {
  /** Name as written, e.g. "bt:Image". */
  name: string;
  /** Name without its namespace prefix, e.g. "Image". */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  parent: XmlNode | null;
}

type RawNode = Record<string, unknown>;

function toTree(raw: RawNode[], parent: XmlNode | null): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of raw) {
    const name = Object.keys(entry).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const node: XmlNode = {
      name,
      local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
      attrs: (entry[':@'] as Record<string, string> | undefined) ?? {},
      children: [],
      text: '',
      parent,
    };
    const content = entry[name] as RawNode[];
    node.text = content
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('')
      .trim();
    node.children = toTree(content, node);
    nodes.push(node);
  }
  return nodes;
}

function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = toTree(parser.parse(xml) as RawNode[], null);
  if (roots.length !== 1 || !roots[0]) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

function walk(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(walk)];
}

function child(node: XmlNode, local: string): XmlNode {
  const found = node.children.find((c) => c.local === local);
  if (!found) throw new Error(`<${node.name}> has no <${local}>`);
  return found;
}

function pathOf(node: XmlNode): string {
  const parts: string[] = [];
  for (let n: XmlNode | null = node; n; n = n.parent) parts.unshift(n.local);
  return parts.join('/');
}

const xsiType = (node: XmlNode): string | undefined => node.attrs['xsi:type'];

const root = parseManifest(manifestText);
const all = walk(root);
const versionOverrides = child(root, 'VersionOverrides');
const resources = child(versionOverrides, 'Resources');

/** The origin the task pane is served from; every URL must share it. */
const paneUrl = new URL(child(child(root, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue ?? '');

/** Resource id -> its definitions (more than one is an error). */
const definitions = new Map<string, XmlNode[]>();
for (const group of resources.children) {
  for (const def of group.children) {
    const id = def.attrs.id ?? '';
    definitions.set(id, [...(definitions.get(id) ?? []), def]);
  }
}

function resource(resid: string): XmlNode {
  const defs = definitions.get(resid);
  if (!defs || defs.length !== 1 || !defs[0]) throw new Error(`resid ${resid} is not defined exactly once`);
  return defs[0];
}

// ---- the ribbon command code, loaded with a stand-in for Office.js ----------

const associate = jest.fn();
let ribbonCommands: Record<string, unknown> = {};
let registered: string[] = [];

beforeAll(async () => {
  const officeStub = {
    onReady: jest.fn((callback?: (info: { host: string; platform: string }) => void) => {
      callback?.({ host: 'Excel', platform: 'PC' });
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    }),
    actions: { associate },
  };
  (globalThis as unknown as { Office: unknown }).Office = officeStub;
  const commands = await import('../../src/commands/commands');
  ribbonCommands = commands.ribbonCommands;
  registered = associate.mock.calls.map((call: unknown[]) => String(call[0]));
});

afterAll(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

// ---- the webpack build, to know which pages it serves -----------------------

interface BuildOutputs {
  pages: Set<string>;
  copiesAssetPngs: boolean;
}

async function buildOutputs(): Promise<BuildOutputs> {
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    options: { mode: string },
  ) => Promise<{ plugins: object[]; entry: Record<string, string>; output: { filename: string } }>;
  const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: 'production' });
  const pages = new Set<string>();
  // Each entry becomes a script named after it (output.filename is "[name].js").
  for (const name of Object.keys(config.entry)) pages.add(config.output.filename.replace('[name]', name));
  let copiesAssetPngs = false;
  for (const plugin of config.plugins) {
    const html = (plugin as { userOptions?: { filename?: string } }).userOptions;
    if (plugin.constructor.name === 'HtmlWebpackPlugin' && html?.filename) pages.add(html.filename);
    const metadata = (plugin as { options?: { output?: string } }).options;
    if (plugin.constructor.name === 'CustomFunctionsMetadataPlugin' && metadata?.output) pages.add(metadata.output);
    const patterns = (plugin as { patterns?: Array<{ from: string; to?: string }> }).patterns;
    if (plugin.constructor.name === 'CopyPlugin' && patterns) {
      for (const pattern of patterns) {
        if (pattern.to && !pattern.to.includes('[')) pages.add(pattern.to);
        if (pattern.from === 'assets/*.png' && pattern.to === 'assets/[name][ext]') copiesAssetPngs = true;
      }
    }
  }
  return { pages, copiesAssetPngs };
}

// ---- PNG size ---------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (data.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR chunk first`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** assets/ file behind an https://localhost:3000/assets/NAME.png URL. */
function assetFile(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname).toMatch(/^\/assets\/[\w.-]+\.png$/);
  return join(ROOT, pathname.slice(1));
}

// ---- the tests ----------------------------------------------------------------

describe('manifest.xml', () => {
  it('is well-formed XML with an OfficeApp task pane root', () => {
    expect(XMLValidator.validate(manifestText)).toBe(true);
    expect(root.local).toBe('OfficeApp');
    expect(xsiType(root)).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(versionOverrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(xsiType(versionOverrides)).toBe('VersionOverridesV1_0');
  });

  it('has a GUID id, a four-part version, an en-GB locale and the development add-in names', () => {
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'DefaultLocale').text).toBe('en-GB');
    expect(child(root, 'ProviderName').text).toBe('KPI Tracker');
    // manifest.xml is the development add-in; the production build renames it (tests/manifest/deployment.test.ts).
    expect(child(root, 'DisplayName').attrs.DefaultValue).toBe('KPI Tracker (dev)');
    expect(child(root, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
  });

  it('asks for ReadWriteDocument', () => {
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('defines every resid it uses exactly once, in the right kind of resource', () => {
    const kindOf: Record<string, string> = {
      Image: 'Images',
      SourceLocation: 'Urls',
      FunctionFile: 'Urls',
      LearnMoreUrl: 'Urls',
      Runtime: 'Urls',
      Label: 'ShortStrings',
      Title: 'ShortStrings',
      Namespace: 'ShortStrings',
      Description: 'LongStrings',
    };
    const used = all.filter((node) => node.attrs.resid !== undefined);
    expect(used.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const node of used) {
      const resid = node.attrs.resid ?? '';
      if (resid.length > 32) problems.push(`resid ${resid} is longer than 32 characters`);
      const defs = definitions.get(resid) ?? [];
      if (defs.length !== 1) {
        problems.push(`resid ${resid} (used by ${pathOf(node)}) is defined ${defs.length} times`);
        continue;
      }
      const expectedKind = kindOf[node.local];
      const actualKind = defs[0]?.parent?.local;
      if (expectedKind && actualKind !== expectedKind) {
        problems.push(`${pathOf(node)} uses ${resid}, a resource of ${actualKind}, not ${expectedKind}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses every resource it defines', () => {
    const used = new Set(all.map((node) => node.attrs.resid).filter((r): r is string => r !== undefined));
    expect([...definitions.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('gives every id attribute a unique value', () => {
    const ids = all.map((node) => node.attrs.id).filter((id): id is string => id !== undefined);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(ids.length).toBeGreaterThan(0);
    expect(duplicates).toEqual([]);
  });

  it('points every URL at https on the task pane origin', () => {
    expect(paneUrl.protocol).toBe('https:');
    expect(paneUrl.origin).toBe('https://localhost:3000');
    const urls: Array<{ where: string; url: string }> = [];
    for (const node of all) {
      for (const [attr, value] of Object.entries(node.attrs)) {
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) && value.includes('//')) urls.push({ where: `${pathOf(node)}@${attr}`, url: value });
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.text)) urls.push({ where: pathOf(node), url: node.text });
    }
    // The URLs that must be there, at least.
    const where = urls.map((u) => u.where);
    for (const expected of [
      'OfficeApp/IconUrl@DefaultValue',
      'OfficeApp/HighResolutionIconUrl@DefaultValue',
      'OfficeApp/SupportUrl@DefaultValue',
      'OfficeApp/DefaultSettings/SourceLocation@DefaultValue',
      'OfficeApp/VersionOverrides/Resources/Urls/Url@DefaultValue',
      'OfficeApp/VersionOverrides/Resources/Images/Image@DefaultValue',
    ]) {
      expect(where).toContain(expected);
    }
    const offOrigin = urls.filter(({ url }) => {
      const parsed = new URL(url);
      return parsed.protocol !== 'https:' || parsed.origin !== paneUrl.origin;
    });
    expect(offOrigin).toEqual([]);
  });

  it('points every page URL at a page the webpack build produces', async () => {
    const { pages, copiesAssetPngs } = await buildOutputs();
    expect(copiesAssetPngs).toBe(true);
    const urls = [
      paneUrl.href,
      child(root, 'SupportUrl').attrs.DefaultValue ?? '',
      ...child(resources, 'Urls').children.map((u) => u.attrs.DefaultValue ?? ''),
    ];
    for (const url of urls) {
      const { pathname } = new URL(url);
      expect(pages).toContain(pathname.slice(1));
    }
  });

  it('runs everything in one long-lived shared runtime', () => {
    const requirements = child(versionOverrides, 'Requirements');
    const sets = walk(requirements).filter((n) => n.local === 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toContainEqual(['SharedRuntime', '1.1']);

    const runtimes = all.filter((n) => n.local === 'Runtime');
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlNode;
    expect(runtime.attrs.lifetime).toBe('long');
    expect(runtime.parent?.local).toBe('Runtimes');
    const resid = runtime.attrs.resid ?? '';
    expect(resource(resid).attrs.DefaultValue).toBe(paneUrl.href);

    const functionFiles = all.filter((n) => n.local === 'FunctionFile');
    expect(functionFiles.length).toBeGreaterThan(0);
    for (const ff of functionFiles) expect(ff.attrs.resid).toBe(resid);

    const showTaskpane = all.filter((n) => n.local === 'Action' && xsiType(n) === 'ShowTaskpane');
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) expect(child(action, 'SourceLocation').attrs.resid).toBe(resid);

    // Custom functions, when they arrive, must share the runtime too.
    for (const ep of all.filter((n) => n.local === 'ExtensionPoint' && xsiType(n) === 'CustomFunctions')) {
      expect(child(child(ep, 'Page'), 'SourceLocation').attrs.resid).toBe(resid);
    }
  });

  it('has the KPI Tracker (dev) tab with the Open KPI Tracker button', () => {
    const tab = all.find((n) => n.local === 'CustomTab');
    expect(tab?.attrs.id).toBe('KpiTracker.Tab');
    expect(resource(child(tab as XmlNode, 'Label').attrs.resid ?? '').attrs.DefaultValue).toBe('KPI Tracker (dev)');
    const open = all.find((n) => n.local === 'Control' && n.attrs.id === 'KpiTracker.OpenPane');
    expect(open).toBeDefined();
    expect(resource(child(open as XmlNode, 'Label').attrs.resid ?? '').attrs.DefaultValue).toBe('Open KPI Tracker');
    expect(xsiType(child(open as XmlNode, 'Action'))).toBe('ShowTaskpane');
  });

  it('registers every ribbon FunctionName in code, and uses every registered command', () => {
    const functionNames = all
      .filter((n) => n.local === 'Action' && xsiType(n) === 'ExecuteFunction')
      .map((action) => child(action, 'FunctionName').text);
    const commandNames = Object.keys(ribbonCommands);
    expect([...functionNames].sort()).toEqual([...new Set(functionNames)].sort());
    expect([...functionNames].sort()).toEqual([...commandNames].sort());
    // Office.onReady ran the registration, which associated each command.
    expect([...registered].sort()).toEqual([...commandNames].sort());
  });

  it('references icons that exist in assets/ at the stated pixel size', () => {
    const checks: Array<{ url: string; size: number }> = [
      { url: child(root, 'IconUrl').attrs.DefaultValue ?? '', size: 32 },
      { url: child(root, 'HighResolutionIconUrl').attrs.DefaultValue ?? '', size: 64 },
    ];
    for (const use of all.filter((n) => n.local === 'Image' && n.attrs.resid !== undefined)) {
      checks.push({ url: resource(use.attrs.resid ?? '').attrs.DefaultValue ?? '', size: Number(use.attrs.size) });
    }
    for (const def of child(resources, 'Images').children) {
      const declared = /(\d+)x(\d+)$/.exec(def.attrs.id ?? '');
      if (declared) checks.push({ url: def.attrs.DefaultValue ?? '', size: Number(declared[1]) });
    }
    expect(checks.length).toBeGreaterThan(2);
    for (const { url, size } of checks) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it('keeps short strings within 125 characters and descriptions within 250', () => {
    const problems: string[] = [];
    const limit = (text: string, max: number, where: string) => {
      if (text.length === 0) problems.push(`${where} is empty`);
      if (text.length > max) problems.push(`${where} is ${text.length} characters (max ${max})`);
    };
    for (const s of child(resources, 'ShortStrings').children) limit(s.attrs.DefaultValue ?? '', 125, `ShortString ${s.attrs.id}`);
    for (const s of child(resources, 'LongStrings').children) limit(s.attrs.DefaultValue ?? '', 250, `LongString ${s.attrs.id}`);
    limit(child(root, 'DisplayName').attrs.DefaultValue ?? '', 125, 'DisplayName');
    limit(child(root, 'ProviderName').text, 125, 'ProviderName');
    limit(child(root, 'Description').attrs.DefaultValue ?? '', 250, 'Description');
    for (const o of all.filter((n) => n.local === 'Override' && n.attrs.Value !== undefined)) {
      const max = o.parent?.local === 'Description' ? 250 : 125;
      limit(o.attrs.Value ?? '', max, pathOf(o));
    }
    expect(problems).toEqual([]);
  });
});

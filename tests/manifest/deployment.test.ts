/**
 * Deploying the add-in: manifest.xml is the development add-in ("KPI Tracker (dev)" on
 * https://localhost:3000/, what `npm start` sideloads and `npm run dev-server` serves); the
 * production build writes the production add-in's manifest, with its own Id and name so both can be
 * installed side by side, and every address on the web host given in KPI_TRACKER_URL. Without that
 * variable a production build stops with one sentence saying how to set it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifestText = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const { DEV_ORIGIN, DEVELOPMENT, PRODUCTION, productionAddress, productionManifest } =
  require('../../scripts/webpack/production-manifest.cjs') as {
    DEV_ORIGIN: string;
    DEVELOPMENT: { id: string; name: string };
    PRODUCTION: { id: string; name: string };
    productionAddress: (value: string | undefined) => string | Error;
    productionManifest: (xml: string, address: string) => string;
  };

const HOST = 'https://kpi.example-council.gov.uk/performance/';

const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
const displayNameOf = (xml: string) => /<DisplayName DefaultValue="([^"]*)"/.exec(xml)?.[1];
const tabLabelOf = (xml: string) => /<bt:String id="Tab.Label" DefaultValue="([^"]*)"/.exec(xml)?.[1];
/** Every address the manifest points Office at (its xmlns names are not addresses). */
const urlsOf = (xml: string) => [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);

type CopyPattern = { from: string; transform?: (content: Buffer) => string | Buffer };

async function manifestTransform(mode: 'development' | 'production'): Promise<(content: Buffer) => string | Buffer> {
  const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    options: { mode: string },
  ) => Promise<{ plugins: Array<{ patterns?: CopyPattern[] }> }>;
  const config = await makeConfig({ WEBPACK_SERVE: false }, { mode });
  const pattern = config.plugins.flatMap((plugin) => plugin.patterns ?? []).find((p) => p.from === 'manifest.xml');
  if (!pattern?.transform) throw new Error('webpack.config.js no longer copies manifest.xml through a transform');
  return pattern.transform;
}

describe('the development add-in (manifest.xml, served by the dev server)', () => {
  it('is "KPI Tracker (dev)", with its own Id, on https://localhost:3000/', () => {
    expect(idOf(manifestText)).toBe(DEVELOPMENT.id);
    expect(displayNameOf(manifestText)).toBe('KPI Tracker (dev)');
    expect(tabLabelOf(manifestText)).toBe('KPI Tracker (dev)');
    for (const url of urlsOf(manifestText)) expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  });

  it('is served by the development build as it is', async () => {
    const transform = await manifestTransform('development');
    expect(transform(Buffer.from(manifestText)).toString()).toBe(manifestText);
  });
});

describe('the production add-in (dist/manifest.xml)', () => {
  const production = productionManifest(manifestText, HOST);

  it('has an Id and name of its own, so it installs beside the development add-in', () => {
    expect(idOf(production)).toBe(PRODUCTION.id);
    expect(PRODUCTION.id).not.toBe(DEVELOPMENT.id);
    expect(displayNameOf(production)).toBe('KPI Tracker');
    expect(tabLabelOf(production)).toBe('KPI Tracker');
  });

  it('points every address at the web host, none at localhost', () => {
    const urls = urlsOf(production);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(HOST)).toBe(true);
    expect(production).not.toContain('localhost');
  });

  it('is what the production build writes for KPI_TRACKER_URL', async () => {
    const saved = process.env.KPI_TRACKER_URL;
    process.env.KPI_TRACKER_URL = 'https://kpi.example-council.gov.uk/performance';
    try {
      const transform = await manifestTransform('production');
      expect(transform(Buffer.from(manifestText)).toString()).toBe(production);
    } finally {
      if (saved === undefined) delete process.env.KPI_TRACKER_URL;
      else process.env.KPI_TRACKER_URL = saved;
    }
  });
});

describe('KPI_TRACKER_URL', () => {
  it('is taken as the address the add-in is served from, ending in /', () => {
    expect(productionAddress('https://kpi.example-council.gov.uk')).toBe('https://kpi.example-council.gov.uk/');
    expect(productionAddress(' https://intranet.example.org/apps/kpi/ ')).toBe('https://intranet.example.org/apps/kpi/');
  });

  it.each([
    ['missing', undefined, /set KPI_TRACKER_URL, for example KPI_TRACKER_URL=https:\/\/.+ npm run build/],
    ['empty', '', /set KPI_TRACKER_URL/],
    ['plain http', 'http://kpi.example.org/', /must be a plain https address/],
    ['not an address', 'kpi.example.org', /must be a plain https address/],
    ['with a query', 'https://kpi.example.org/?x=1', /must be a plain https address/],
  ])('%s: refused with a sentence saying how to set it', (_what, value, sentence) => {
    const result = productionAddress(value);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(sentence);
    expect((result as Error).message).toContain('README');
  });
});

describe('npm run build without KPI_TRACKER_URL', () => {
  let out: string;
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'kpi-no-address-'));
    const env = { ...process.env };
    delete env.KPI_TRACKER_URL;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    result = spawnSync(npm, ['run', 'build', '--', '--output-path', out], { cwd: ROOT, env, encoding: 'utf8', timeout: 170_000 });
  }, 180_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('fails, saying how to set the address, and writes no add-in', () => {
    expect(result.status).not.toBe(0);
    expect(`${String(result.stdout)}${String(result.stderr)}`).toContain(
      'The production build needs the web address the add-in will be served from: set KPI_TRACKER_URL',
    );
    expect(existsSync(join(out, 'manifest.xml'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});

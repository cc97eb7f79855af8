/**
 * `npm run build` puts functions.json in the output with KPI.STATUS, KPI.VARIANCE and KPI.WORKDAYS
 * and their parameter descriptions, and the functions are associated and loaded in the shared
 * runtime. The build runs once, into a temporary folder (`npm run build -- --output-path …`), so
 * the project's dist/ is not cleaned under anyone's feet. About 10 s.
 *
 * (tests/functions checks the metadata generator on src/functions/functions.ts directly; this
 * checks what the build actually ships.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateManifest } from '../support/manifest-schema';

const ROOT = join(__dirname, '..', '..');
let out: string;

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Array<{ name: string; description?: string; type: string; optional?: boolean }>;
  result: { type: string };
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'kpi-build-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', 'build', '--', '--output-path', out], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 170_000,
    env: { ...process.env, KPI_TRACKER_URL: 'https://kpi-tracker.test/' },
  });
}, 180_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function functionsJson(): { functions: FunctionMetadata[] } {
  return JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8')) as { functions: FunctionMetadata[] };
}

describe('npm run build', () => {
  it('writes functions.json with STATUS, VARIANCE and WORKDAYS', () => {
    const { functions } = functionsJson();
    expect(functions.map((f) => f.id).sort()).toEqual(['STATUS', 'VARIANCE', 'WORKDAYS']);
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });

  it('describes every parameter', () => {
    const byId = new Map(functionsJson().functions.map((f) => [f.id, f]));
    expect(byId.get('STATUS')!.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ['actual', false],
      ['target', false],
      ['polarity', true],
      ['tolerance', true],
    ]);
    expect(byId.get('VARIANCE')!.parameters.map((p) => p.name)).toEqual(['actual', 'target']);
    expect(byId.get('WORKDAYS')!.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ['start', false],
      ['end', false],
      ['region', true],
    ]);
    for (const f of byId.values()) {
      for (const p of f.parameters)
        expect({ fn: f.id, param: p.name, described: (p.description ?? '').trim().length > 5 }).toEqual({
          fn: f.id,
          param: p.name,
          described: true,
        });
    }
    expect(byId.get('WORKDAYS')!.result.type).toBe('number');
  });

  it('ships KPI.STATUS as volatile (it judges deadlines against today), and the others not', () => {
    const functions = functionsJson().functions as Array<FunctionMetadata & { options?: { volatile?: boolean } }>;
    expect(Object.fromEntries(functions.map((f) => [f.id, Boolean(f.options?.volatile)]))).toEqual({
      STATUS: true,
      VARIANCE: false,
      WORKDAYS: false,
    });
  });

  it('associates the three functions in functions.js, loaded by the shared-runtime page', () => {
    const bundle = readFileSync(join(out, 'functions.js'), 'utf8');
    for (const id of ['STATUS', 'VARIANCE', 'WORKDAYS']) expect(bundle).toContain(`associate("${id}"`);
    const page = readFileSync(join(out, 'taskpane.html'), 'utf8');
    for (const script of ['taskpane.js', 'commands.js', 'functions.js']) expect(page).toContain(`src="${script}"`);
  });

  it("ships a manifest that validates against Office's add-in manifest schemas", () => {
    expect(validateManifest(readFileSync(join(out, 'manifest.xml'), 'utf8'))).toEqual({ valid: true, errors: [] });
  });

  it('ships a manifest that points at functions.json and the KPI namespace', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(manifest).toMatch(/<bt:Url id="Functions\.Metadata\.Url" DefaultValue="https:\/\/[^"]+\/functions\.json"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions\.Namespace" DefaultValue="KPI"\/>/);
  });

  it("builds the pane's worker beside the page, not as a script of the page; the page lets workers come only from its own origin", () => {
    const worker = readFileSync(join(out, 'core-worker.js'), 'utf8');
    const page = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(page).not.toContain('core-worker.js');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)![1]!;
    expect(policy.split(';').map((directive) => directive.trim())).toContain("worker-src 'self'");
    // The core only: no React, no Office.js (those stay on the page).
    expect(worker).not.toMatch(/react-dom|Office\.onReady/);
  });
});

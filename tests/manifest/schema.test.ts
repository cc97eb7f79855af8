/**
 * The manifests validate against Office's published add-in manifest schemas, vendored in
 * tests/manifest/schemas (their source, licence and the few changes made are in its README), with
 * xmllint: the development manifest.xml, the production manifest the build writes from it, and (in
 * tests/excel/functions-build.test.ts) the one in an actual build's output. The validator is real:
 * it refuses elements out of order, elements the schemas do not know and required elements left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../support/manifest-schema';

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const { productionManifest } = require('../../scripts/webpack/production-manifest.cjs') as {
  productionManifest: (xml: string, address: string) => string;
};

function replaceOnce(xml: string, from: string, to: string): string {
  if (xml.split(from).length !== 2) throw new Error(`expected one ${from} in manifest.xml`);
  return xml.replace(from, to);
}

describe('Office add-in manifest schemas', () => {
  it('accept manifest.xml, the development add-in', () => {
    expect(validateManifest(manifest)).toEqual({ valid: true, errors: [] });
  });

  it('accept the production manifest', () => {
    expect(validateManifest(productionManifest(manifest, 'https://kpi.example-council.gov.uk/performance/'))).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('refuse an element out of order', () => {
    const swapped = replaceOnce(
      replaceOnce(manifest, '<Version>0.1.0.0</Version>', ''),
      '<ProviderName>KPI Tracker</ProviderName>',
      '<ProviderName>KPI Tracker</ProviderName>\n  <Version>0.1.0.0</Version>',
    );
    const result = validateManifest(swapped);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/ProviderName.*This element is not expected\. Expected is .*Version/);
  });

  it('refuse an element the schemas do not know', () => {
    const result = validateManifest(replaceOnce(manifest, '<Runtimes>', '<SharedRuntimes/>\n        <Runtimes>'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/SharedRuntimes.*This element is not expected/);
  });

  it('refuse a ribbon button with no Action', () => {
    const result = validateManifest(
      replaceOnce(
        manifest,
        '<Action xsi:type="ExecuteFunction">\n                    <FunctionName>buildActionPlan</FunctionName>\n                  </Action>',
        '',
      ),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Missing child element\(s\)\. Expected is .*Action/);
  });

  it('refuse a runtime whose lifetime is neither short nor long', () => {
    const result = validateManifest(replaceOnce(manifest, 'lifetime="long"', 'lifetime="forever"'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/lifetime.*forever/);
  });
});

/**
 * Validates an add-in manifest against Office's published manifest schemas (tests/manifest/schemas,
 * see its README) with libxml2's xmllint, a standard XSD validator.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const SCHEMAS = join(__dirname, '..', 'manifest', 'schemas');

export interface SchemaResult {
  readonly valid: boolean;
  /** xmllint's complaints, one a line, with the line of the manifest each is about. */
  readonly errors: string[];
}

export function validateManifest(xml: string): SchemaResult {
  const run = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'), '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(`xmllint could not run (${run.error.message}): install libxml2-utils, as scripts/install-test-packages.sh does.`);
  const errors = run.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/ validates$/.test(line) && !/ fails to validate$/.test(line));
  return { valid: run.status === 0 && !/fails to validate/.test(run.stderr), errors };
}

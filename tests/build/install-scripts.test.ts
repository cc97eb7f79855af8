import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// `npm ci` on a fresh machine must build nothing native and download nothing from outside the
// npm registry. A package with an install script is where that happens (keytar, pulled in by the
// sideloading tool, built against libsecret and broke every fresh install), so each one in the
// lock file must be on this list, with the reason it is safe.
const reviewed: Record<string, string> = {
  esbuild: 'its binary comes from the registry as @esbuild/<platform>; the script only checks it',
  '@swc/core': 'its binary comes from the registry as @swc/core-<platform>; the script only checks it',
  '@parcel/watcher': 'its binary comes from the registry as @parcel/watcher-<platform>; it builds only when that is missing',
  'unrs-resolver': 'its binary comes from the registry as @unrs/resolver-binding-<platform>; the script only checks it',
  'core-js-pure': 'the script only prints a message; package.json denies it',
};

const root = join(__dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  allowScripts?: Record<string, boolean>;
  devDependencies: Record<string, string>;
};

function packagesWithInstallScripts(): string[] {
  const names = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return [...new Set(names)].sort();
}

describe('a clean install', () => {
  it('runs install scripts only of packages reviewed as shipping their binaries through the registry', () => {
    const unreviewed = packagesWithInstallScripts().filter((name) => !(name in reviewed));
    expect(unreviewed).toEqual([]);
  });

  it('has npm’s own allowScripts agree with the reviewed list, so npm 11 runs what npm 10 runs', () => {
    const decided = Object.keys(manifest.allowScripts ?? {}).sort();
    expect(decided).toEqual(packagesWithInstallScripts());
  });

  it('does not install the sideloading tool, which pulls in keytar; npm start fetches it', () => {
    expect(manifest.devDependencies).not.toHaveProperty('office-addin-debugging');
    expect(lock.packages).not.toHaveProperty(['node_modules/keytar']);
  });
});

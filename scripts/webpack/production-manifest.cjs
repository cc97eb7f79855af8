/* manifest.xml is the development add-in: "KPI Tracker (dev)", served by `npm run dev-server` from
 * https://localhost:3000/. The production build turns it into the production add-in, with its own
 * Id and name (so an officer or developer can have both installed side by side) and every address
 * on the web host named by KPI_TRACKER_URL. webpack.config.js uses this; tests/manifest checks it.
 */
const DEV_ORIGIN = 'https://localhost:3000/';
const DEVELOPMENT = { id: '6d43f56e-4f2d-48d5-9b48-cd903eaaa917', name: 'KPI Tracker (dev)' };
const PRODUCTION = { id: '2803de0f-2315-4804-a9e6-603d44d8747a', name: 'KPI Tracker' };

const EXAMPLE = 'KPI_TRACKER_URL=https://kpi.example-council.gov.uk/ npm run build';
const HOW = `(see "The add-in in Excel" in the README)`;

/**
 * The production address from KPI_TRACKER_URL, ending in "/", or an Error whose message says in one
 * sentence how to set it.
 */
function productionAddress(value) {
  if (value === undefined || value.trim() === '') {
    return new Error(
      `The production build needs the web address the add-in will be served from: set KPI_TRACKER_URL, for example ${EXAMPLE} ${HOW}.`,
    );
  }
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    return new Error(
      `KPI_TRACKER_URL must be a plain https address such as https://kpi.example-council.gov.uk/ (Office loads add-ins only over https), not "${value}" ${HOW}.`,
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function replaceAll(xml, from, to, what) {
  if (!xml.includes(from))
    throw new Error(`manifest.xml no longer holds ${what} (${from}): update scripts/webpack/production-manifest.cjs.`);
  return xml.split(from).join(to);
}

/** The production manifest: the production Id and name, and every URL on `address`. */
function productionManifest(xml, address) {
  // The opening comment describes the development manifest; say what this one is instead.
  let out = xml.replace(
    /<!--[\s\S]*?-->/,
    () => `<!-- KPI Tracker: the production add-in, served from ${address}. Built by npm run build from manifest.xml. -->`,
  );
  out = replaceAll(out, `<Id>${DEVELOPMENT.id}</Id>`, `<Id>${PRODUCTION.id}</Id>`, 'the development Id');
  out = replaceAll(out, `DefaultValue="${DEVELOPMENT.name}"`, `DefaultValue="${PRODUCTION.name}"`, 'the development name');
  out = replaceAll(out, DEV_ORIGIN, address, 'the development address');
  return out;
}

module.exports = { DEV_ORIGIN, DEVELOPMENT, PRODUCTION, productionAddress, productionManifest };

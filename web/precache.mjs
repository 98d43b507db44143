// Writes dist/sw.js from the template web/sw.js: it lists every file of the site with its
// SHA-256, and names the version after all of them, so any change to any file (a content
// edit changes ruvoya.wasm) is a new service worker and a new cache. No hand-kept list.
//   node web/precache.mjs <dist-dir>
// The browser tests import buildServiceWorker() to turn a changed copy into a new deploy.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./sw.js', import.meta.url));

// the worker itself, and the one-file build that is for opening from disk, not for serving
const NOT_PRECACHED = new Set(['sw.js', 'ruvoya.html']);
const PLACEHOLDER = "const BUILD = { version: 'template', files: {} };";

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

// every file under dir, as sorted '/'-separated paths relative to root
async function walk(root, dir = root) {
  const found = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    // hidden files, and copies a server may have compressed ahead (hosting.md)
    if (entry.name.startsWith('.') || /\.(br|gz)$/.test(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await walk(root, full)));
    } else if (entry.isFile()) {
      found.push(relative(root, full).split(sep).join('/'));
    }
  }
  return found.sort();
}

// writes <dist>/sw.js; resolves to { version, files: { path: sha256 } }
export async function buildServiceWorker(dist, template = TEMPLATE) {
  const source = await readFile(template, 'utf8');
  if (source.split(PLACEHOLDER).length !== 2) {
    throw new Error(`${template}: expected exactly one line "${PLACEHOLDER}" to fill in`);
  }

  // the hash of each file, then the version over all of them and the worker's own code
  const files = {};
  for (const path of await walk(dist)) {
    // install icons are fetched by the browser when someone installs the app; offline
    // use never needs them, so the first visit does not download them
    if (NOT_PRECACHED.has(path) || path.startsWith('icons/')) continue;
    files[path] = sha256(await readFile(join(dist, path)));
  }
  if (!files['index.html']) throw new Error(`${dist}: no index.html to precache`);
  const listing = Object.entries(files).map(([p, h]) => `${h}  ${p}\n`).join('');
  const version = sha256(listing + sha256(source)).slice(0, 16);

  const build = JSON.stringify({ version, files }, null, 2);
  await writeFile(join(dist, 'sw.js'), source.replace(PLACEHOLDER, `const BUILD = ${build};`));
  return { version, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dist] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: node web/precache.mjs <dist-dir>');
    process.exit(2);
  }
  buildServiceWorker(dist)
    .then(({ version, files }) => {
      console.log(`sw.js: version ${version}, ${Object.keys(files).length} files precached`);
    })
    .catch((err) => {
      console.error(`precache: ${err.message}`);
      process.exit(1);
    });
}

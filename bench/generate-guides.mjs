// Writes a deterministic content tree of many guides for the scale benchmark, and the search
// queries the benchmark types. Each generated guide is a real guide from content/guides
// (taken in turn) with every section filled in English and Russian, its id numbered, about a
// fifth of its words swapped for other words of the real guides (so texts differ and search
// has real vocabulary), and new route, related and guide-link references. Route edges only
// ever point from a lower number to a higher one, so the route graph is a DAG.
// site.json, categories.json, ui/*.json and schema/ are copied from the real content.
//   node bench/generate-guides.mjs [count] [out-root]   (out-root gets a content/ folder)
// Files are rewritten only when their text changes, so a rebuild compiles nothing new.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TOP = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT = join(TOP, 'content');
const LOCALES = ['en', 'ru'];
const SEED = 0x52755679;

// a small seeded generator (mulberry32): the same numbers on every machine and run
export function random(seed = SEED) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

const WORD = /^\p{L}+$/u;

function isText(node) {
  return node && typeof node === 'object' && !Array.isArray(node) &&
    typeof node.en === 'string' && Object.keys(node).every((k) => LOCALES.includes(k));
}

// the real guides, sorted by id, and every word of their texts per locale
export async function realGuides() {
  const dir = join(CONTENT, 'guides');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const guides = [];
  for (const name of names) guides.push(JSON.parse(await readFile(join(dir, name), 'utf8')));
  const words = Object.fromEntries(LOCALES.map((l) => [l, new Set()]));
  const collect = (node) => {
    if (isText(node)) {
      for (const l of LOCALES) {
        for (const w of (node[l] || '').split(/\s+/)) if (WORD.test(w)) words[l].add(w);
      }
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(collect);
    }
  };
  guides.forEach(collect);
  return { guides, words: Object.fromEntries(LOCALES.map((l) => [l, [...words[l]].sort()])) };
}

// swaps about a fifth of the words, never making the text longer than it was (so every
// length limit the original met still holds) and never empty
function vary(text, pool, rand) {
  const parts = text.split(' ');
  const out = parts.map((p) => (WORD.test(p) && rand() < 0.2 ? pick(rand, pool) : p)).join(' ');
  if (out.length <= text.length) return out;
  const cut = out.lastIndexOf(' ', text.length);
  const short = (cut > 0 ? out.slice(0, cut) : out.slice(0, text.length)).trim();
  return short || text;
}

function varyAll(node, words, rand) {
  if (isText(node)) {
    const out = {};
    for (const l of LOCALES) {
      if (typeof node[l] === 'string') out[l] = vary(node[l], words[l], rand);
    }
    return out;
  }
  if (Array.isArray(node)) return node.map((n) => varyAll(n, words, rand));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, varyAll(v, words, rand)]));
  }
  return node;
}

export function guideId(guides, i) {
  return `${guides[i % guides.length].id}-${String(i).padStart(4, '0')}`;
}

// guide i of count: a varied copy of real guide i mod 14 with references among the new set
function makeGuide(guides, words, i, count) {
  const rand = random(SEED + i);
  const id = (n) => guideId(guides, n);
  const inRange = (n) => n >= 0 && n < count && n !== i;
  const g = varyAll(guides[i % guides.length], words, rand);
  g.id = id(i);
  g.status = 'published';

  // edges go from lower numbers to higher ones only: no cycle is possible
  g.route = {
    before: [i - 2, i - 9].filter(inRange).map(id),
    after: [i + 1, i + 3].filter(inRange).map(id),
  };
  g.related = [...new Set([i + 5, i - 5, (i + 50) % count].filter(inRange))].map(id);

  // guide links point at distinct other generated guides
  let k = 0;
  for (const link of g.links) {
    if (link.kind !== 'guide') continue;
    k++;
    link.guide = id((i + 7 * k) % count === i ? (i + 1) % count : (i + 7 * k) % count);
  }
  const seen = new Set();
  g.links = g.links.filter((l) => l.kind !== 'guide' || (!seen.has(l.guide) && seen.add(l.guide)));
  return g;
}

async function writeIfChanged(path, text) {
  const old = await readFile(path, 'utf8').catch(() => null);
  if (old === text) return false;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return true;
}

async function copyTree(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      await copyTree(join(from, entry.name), join(to, entry.name));
    } else {
      await writeIfChanged(join(to, entry.name), await readFile(join(from, entry.name), 'utf8'));
    }
  }
}

// writes <outRoot>/content/; resolves to { count, written }
export async function generate(count, outRoot) {
  const { guides, words } = await realGuides();
  const out = join(outRoot, 'content');

  // everything but the guides comes from the real content as it is
  for (const name of ['site.json', 'categories.json']) {
    await writeIfChanged(join(out, name), await readFile(join(CONTENT, name), 'utf8'));
  }
  await copyTree(join(CONTENT, 'ui'), join(out, 'ui'));
  await copyTree(join(CONTENT, 'schema'), join(out, 'schema'));

  // guides: rewrite changed ones, remove any left from a different count
  const wanted = new Set();
  let written = 0;
  for (let i = 0; i < count; i++) {
    const g = makeGuide(guides, words, i, count);
    wanted.add(`${g.id}.json`);
    const text = JSON.stringify(g, null, 2) + '\n';
    if (await writeIfChanged(join(out, 'guides', `${g.id}.json`), text)) written++;
  }
  for (const name of await readdir(join(out, 'guides'))) {
    if (!wanted.has(name)) await rm(join(out, 'guides', name));
  }
  return { count, written };
}

// n search queries drawn from the real guides' words: whole words, prefixes as someone
// types them, two-word phrases, Russian words, keywords and a few that match nothing
export async function searchQueries(n = 100) {
  const { guides, words } = await realGuides();
  const rand = random(SEED ^ 0x5eed);
  const long = (l) => words[l].filter((w) => w.length >= 5);
  const keywords = guides.flatMap((g) => Object.values(g.keywords || {}).flat());
  const queries = [];

  // every query differs from the one before it, so each one is a change the app must run
  for (let i = 0; queries.length < n; i++) {
    const kind = i % 10;
    if (kind < 3) {
      queries.push(pick(rand, long('en')).toLowerCase());
    } else if (kind < 5) {
      queries.push(pick(rand, long('en')).toLowerCase().slice(0, 3 + Math.floor(rand() * 3)));
    } else if (kind === 5) {
      queries.push(`${pick(rand, long('en'))} ${pick(rand, long('en'))}`.toLowerCase());
    } else if (kind < 8) {
      queries.push(pick(rand, long('ru')).toLowerCase());
    } else if (kind === 8) {
      queries.push(pick(rand, keywords));
    } else {
      queries.push(`zq${Math.floor(rand() * 1e6)}x`);
    }
    if (new Set(queries).size !== queries.length) queries.pop();
  }
  return queries;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const count = Number(process.argv[2] || 1000);
  const root = resolve(process.argv[3] || join(TOP, 'build/bench/content1000'));
  const { written } = await generate(count, root);
  console.log(`bench: ${count} guides in ${join(root, 'content')} (${written} rewritten)`);
}

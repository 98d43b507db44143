// `make bench`: measures the release build in headless Chromium and prints a table, writes
// bench/results.json, and puts the table into docs/performance.md (which explains each
// figure and how it is taken). bench/build.sh must have built the 1,000-guide app and the
// bare Dear ImGui window first; the Makefile runs both.
//
// Index (greppable banners):
//   [SECTION] Set-up
//   [SECTION] Page-side probes
//   [SECTION] Transfer
//   [SECTION] Loads: first frame, start-up memory
//   [SECTION] Frame CPU: scrolling and typing
//   [SECTION] Idle, memory after every guide, search latency
//   [SECTION] Content compile
//   [SECTION] Report
//   [SECTION] Main
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { findItem, centre, launch } from '../tests/browser/harness.mjs';
import { serve } from '../web/serve.mjs';
import { searchQueries } from './generate-guides.mjs';

// [SECTION] Set-up --------------------------------------------------------------------------

const TOP = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS || 7);
const VIEWPORT = { width: 1920, height: 1080 };
const IDLE_MS = 10000;
const QUERIES = 100;
const AFTER_LOAD_MS = 300;
const AFTER_HEAVY_MS = 2000;
const DIRS = {
  app: join(TOP, 'dist'),
  app1000: join(TOP, 'build/bench/site-1000'),
  bare: join(TOP, 'build/bench/bare'),
};
const FONTS = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']
  .map((f) => join('/usr/share/fonts/truetype/noto', f));

const KB = 1024;
const MB = 1024 * 1024;

function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// nearest-rank percentile
function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

function round(x, digits = 2) {
  return x === null || x === undefined ? null : Number(x.toFixed(digits));
}

const START = Date.now();

function log(line) {
  const s = Math.round((Date.now() - START) / 1000);
  process.stderr.write(`bench: [${String(s).padStart(3)} s] ${line}\n`);
}

// a server per site that records every path asked for, service worker requests included
async function site(dir) {
  const { server, url } = await serve(dir, { port: 0 });
  const requests = [];
  server.on('request', (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const entry = { path, at: Date.now() };
    requests.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
  });
  return { server, url, requests };
}

// [SECTION] Page-side probes ------------------------------------------------------------------

// Installed before any page script. The first frame is the moment the requestAnimationFrame
// callback that rendered it returns (window.ruvoya.frames() has become > 0), in
// performance.now() milliseconds, which count from navigation start. Every rAF callback is
// wrapped so the check runs right after the app's own frame; a rAF poll of our own backs it
// up, should a frame come from somewhere else.
const PROBE = () => {
  const raf = window.requestAnimationFrame.bind(window);
  const bench = (window.__bench = { firstFrame: null, guideFrame: null });
  const check = () => {
    const r = window.ruvoya;
    if (bench.firstFrame === null && r && typeof r.frames === 'function' && r.frames() > 0) {
      bench.firstFrame = performance.now();
    }

    // a guide's page is titled "<guide> — Ruvoya" once the guide itself is drawn (while
    // its body is on its way the page shows its title and a loading line)
    if (bench.firstFrame !== null && bench.guideFrame === null &&
        document.title.includes(' — ')) {
      bench.guideFrame = performance.now();
    }
  };
  window.requestAnimationFrame = (cb) => raf((t) => {
    try {
      cb(t);
    } finally {
      check();
    }
  });
  const poll = () => {
    check();
    if (bench.firstFrame === null || bench.guideFrame === null) raf(poll);
  };
  raf(poll);
};

// waits in the page until the app has rendered and then drawn nothing for `quiet` animation
// frames in a row; resolves to the frames rendered since `since`
async function settleInPage(page, since, quiet = 6, timeoutMs = 5000) {
  return page.evaluate(({ since: from, quiet: q, timeoutMs: limit }) => new Promise((done) => {
    const start = performance.now();
    let last = window.ruvoya.frames();
    let still = 0;
    const step = () => {
      const now = window.ruvoya.frames();
      still = now === last && now > from ? still + 1 : 0;
      last = now;
      if (still >= q || performance.now() - start > limit) done(now - from);
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), { since, quiet, timeoutMs });
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  return { context, page };
}

async function openAndSettle(browser, url) {
  const { context, page } = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000 });
  await settleInPage(page, 0);
  return { context, page };
}

// after a garbage collection: the app's wasm memory and the page's JS heap in use
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => window.ruvoya.wasmMemory());
  return { wasm, jsHeap: heap.usedSize };
}

// the CPU times (ms) of the frames rendered since the frame count was `since`
async function framesSince(page, since) {
  return page.evaluate((from) => {
    const n = window.ruvoya.frames() - from;
    return n > 0 ? window.ruvoya.frameTimes().slice(-n) : [];
  }, since);
}

// [SECTION] Transfer --------------------------------------------------------------------------

const sizeCache = new Map();

async function compressedSizes(file) {
  if (sizeCache.has(file)) return sizeCache.get(file);
  const data = await readFile(file);

  // quality 11 takes half a minute on the 15 MB wasm of the 1,000 guides; 9 is close
  const quality = data.length > 2 * MB ? 9 : 11;
  const sizes = {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
    brotliQuality: quality,
  };
  sizeCache.set(file, sizes);
  return sizes;
}

function sum(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  return total;
}

// the first visit with an empty cache: every file asked for until the first frame, then
// every further file (the guides' bodies, the service worker's offline copy) until the
// service worker reports offline-ready
async function firstVisitTransfer(browser, srv, dir) {
  srv.requests.length = 0;
  const { context, page } = await newPage(browser);
  await page.goto(srv.url);
  await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000 });
  const frameAt = await page.evaluate(() => performance.timeOrigin + window.__bench.firstFrame);
  await page.waitForFunction(() => window.ruvoya.offlineReady === true, null, { timeout: 20000 })
    .catch(() => log('the service worker did not report offline-ready in 20 s'));
  await settleInPage(page, 0);
  await context.close();

  const seen = new Map();
  srv.requests.forEach(({ path, at, status }) => {
    const name = path === '/' ? 'index.html' : path.replace(/^\//, '');
    const phase = at <= frameAt ? 'start' : 'after';
    if (!seen.has(name)) seen.set(name, { phase, sent: 0, r: 0 });
    if (status === 304) seen.get(name).r++;
    else seen.get(name).sent++;
  });

  // a file counts once; a second fetch that got "304 Not Modified" moved no body
  const files = [];
  for (const [name, { phase, sent, r }] of seen) {
    const full = join(dir, name);
    if (!(await stat(full).catch(() => null))?.isFile()) continue;
    const fetches = r ? `${sent} + ${r}x304` : String(sent);
    files.push({ file: name, phase, fetches, ...(await compressedSizes(full)) });
  }
  files.sort((a, b) => (a.phase === b.phase ? b.brotli - a.brotli : a.phase === 'start' ? -1 : 1));
  return {
    files,
    total: sum(files),
    beforeFirstFrame: sum(files.filter((f) => f.phase === 'start')),
    requests: srv.requests.length,
  };
}

// [SECTION] Loads: first frame, start-up memory ----------------------------------------------

async function load(browser, url, withMemory) {
  const { context, page } = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60000 });
  if (url.includes('#/guide/')) {
    await page.waitForFunction(() => window.__bench.guideFrame !== null, null,
                               { timeout: 60000 });
  }
  const timing = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => /\.wasm$/.test(e.name));
    return {
      firstFrame: window.__bench.firstFrame,
      guideFrame: window.__bench.guideFrame,
      wasmFetched: wasm ? wasm.responseEnd : null,
    };
  });
  let mem = null;
  if (withMemory) {
    await settleInPage(page, 0);
    mem = await memory(page);
  }
  await context.close();
  return { ...timing, ...(mem || {}) };
}

// [SECTION] Frame CPU: scrolling and typing -------------------------------------------------

async function scrollSession(browser, url, guide) {
  const { context, page } = await openAndSettle(browser, `${url}#/guide/${guide}`);
  const since = await page.evaluate(() => window.ruvoya.frames());
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  await settleInPage(page, since);
  const times = await framesSince(page, since);
  await context.close();
  return times;
}

async function typingSession(browser, url) {
  const { context, page } = await openAndSettle(browser, url);
  const { x, y } = centre(await findItem(page, 'Search guides', 'input'));
  await page.mouse.click(x, y);
  await settleInPage(page, 0);
  const since = await page.evaluate(() => window.ruvoya.frames());
  await page.keyboard.type('medical insurance policy', { delay: 60 });
  await settleInPage(page, since);
  const times = await framesSince(page, since);
  await context.close();
  return times;
}

function frameSummary(runs) {
  return {
    p50: round(median(runs.map((t) => median(t)))),
    p95: round(median(runs.map((t) => percentile(t, 95)))),
    max: round(Math.max(...runs.flat())),
    frames: runs.map((t) => t.length),
  };
}

// [SECTION] Idle, memory after every guide, search latency ------------------------------------

async function idleFrames(browser, url) {
  const { context, page } = await openAndSettle(browser, url);
  const before = await page.evaluate(() => window.ruvoya.frames());
  await page.waitForTimeout(IDLE_MS);
  const after = await page.evaluate(() => window.ruvoya.frames());
  await context.close();
  return after - before;
}

async function guideIds(dir) {
  return (await readdir(dir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)).sort();
}

// the longest guide, by the size of its source
async function longestGuide() {
  const dir = join(TOP, 'content/guides');
  let best = null;
  for (const id of await guideIds(dir)) {
    const { size } = await stat(join(dir, `${id}.json`));
    if (!best || size > best.size) best = { id, size };
  }
  return best.id;
}

async function everyGuide(browser, url, ids) {
  const { context, page } = await openAndSettle(browser, url);
  const startup = await memory(page);
  for (const id of ids) {
    const since = await page.evaluate((g) => {
      const n = window.ruvoya.frames();
      window.location.hash = `#/guide/${g}`;
      return n;
    }, id);
    await settleInPage(page, since, 4);
  }
  const after = await memory(page);
  await context.close();
  return { startup, after };
}

// each query goes in through the address (#/search/<query>), which the app reads on
// hashchange; its latency is the CPU time of the heaviest frame it caused: the frame that ran
// the query and drew its first results
async function searchLatency(browser, url, queries) {
  const { context, page } = await openAndSettle(browser, url);
  const latencies = [];
  const queryOnly = [];
  for (const q of queries) {
    const since = await page.evaluate((query) => {
      const n = window.ruvoya.frames();
      window.location.hash = `#/search/${encodeURIComponent(query)}`;
      return n;
    }, q);
    await settleInPage(page, since, 4);
    const times = await framesSince(page, since);
    if (!times.length) continue;
    latencies.push(Math.max(...times));

    // the other frames of the same change draw the same results without running the query:
    // the difference estimates the query's own share
    const rest = [...times].sort((a, b) => a - b).slice(0, -1);
    if (rest.length) queryOnly.push(Math.max(0, Math.max(...times) - median(rest)));
  }
  const mem = await memory(page);
  await context.close();
  return {
    queries: queries.length,
    measured: latencies.length,
    p50: round(median(latencies)),
    p95: round(percentile(latencies, 95)),
    max: round(Math.max(...latencies)),
    queryOnly: { p50: round(median(queryOnly)), p95: round(percentile(queryOnly, 95)) },
    memoryAfter: mem,
  };
}

// [SECTION] Content compile -------------------------------------------------------------------

function compileMs(root, out) {
  const contentc = join(TOP, 'build/native/ruvoya-contentc');
  const args = ['--root', root, '--out', out, ...FONTS.flatMap((f) => ['--font', f])];
  const times = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    execFileSync(contentc, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return round(median(times), 0);
}

async function contentCompile() {
  const real = join(TOP, 'build/bench/contentc-real');
  const big = join(TOP, 'build/bench/contentc-1000');
  await mkdir(real, { recursive: true });
  await mkdir(big, { recursive: true });
  const realMs = compileMs(TOP, real);
  const bigMs = compileMs(join(TOP, 'build/bench/content1000'), big);
  return {
    realMs,
    scaleMs: bigMs,
    realBundle: (await stat(join(real, 'bundle.bin'))).size,
    scaleBundle: (await stat(join(big, 'bundle.bin'))).size,
    realBodies: (await stat(join(real, 'bodies.bin'))).size,
    scaleBodies: (await stat(join(big, 'bodies.bin'))).size,
  };
}

// [SECTION] Report ----------------------------------------------------------------------------

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function mb(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}

function ms(x) {
  return x === null ? 'n/a' : `${x.toFixed(1)} ms`;
}

function pad(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
}

function budgets(r) {
  const b = [
    ['first-load transfer, real guides (brotli)', 300 * KB, r.transfer.total.brotli, kb],
    ['first frame / bare ImGui window', 1.3, r.firstFrame.ratioToBare, (x) => `${x.toFixed(2)}x`],
    ['frames while idle 10 s', 0, r.idle.frames, String],
    ['frame CPU p95 scrolling, 1920x1080', 4, r.frameCpu.scroll.p95, ms],
    ['frame CPU p95 typing search, 1920x1080', 4, r.frameCpu.typing.p95, ms],
    ['1,000 guides: first frame / real set', 2, r.firstFrame.ratio1000, (x) => `${x.toFixed(2)}x`],
    ['1,000 guides: search p95', 5, r.scale.search.p95, ms],
    ['1,000 guides: wasm memory (max seen)', 64 * MB, r.scale.wasmMemoryMax, mb],
  ];
  return b.map(([name, limit, value, fmt]) => {
    const met = value !== null && value <= limit;
    const text = [name, fmt(value), `<= ${fmt(limit)}`, met ? 'met' : 'NOT MET'];
    return { name, limit, value, met, text };
  });
}

function table(r) {
  const t = r.transfer;
  const lines = [];
  const m0 = r.machine;
  lines.push(`Ruvoya benchmark, ${r.date}, ${m0.cpus} x ${m0.cpu}, ${m0.browser}`);
  lines.push(`median of ${r.runs} runs, fresh browser context per load, viewport 1920x1080`);
  lines.push('');
  lines.push('First-load transfer (every file the first visit fetches; the server compresses');
  lines.push('nothing, gzip -9 and brotli q11 are what a compressing host would send):');
  lines.push(...pad([
    ['file', 'when', 'fetches', 'raw', 'gzip', 'brotli'],
    ...t.files.map((f) => [f.file, f.phase, f.fetches, kb(f.raw), kb(f.gzip), kb(f.brotli)]),
    ['until first frame', '', '', kb(t.beforeFirstFrame.raw), kb(t.beforeFirstFrame.gzip),
      kb(t.beforeFirstFrame.brotli)],
    ['total', '', t.requests, kb(t.total.raw), kb(t.total.gzip), kb(t.total.brotli)],
  ]).map((l) => `  ${l}`));
  lines.push('');
  const ff = r.firstFrame;
  lines.push('Time from navigation start to first rendered frame:');
  lines.push(...pad([
    ['page', 'first frame', 'wasm fetched', 'runs'],
    ['bare Dear ImGui window', ms(ff.bare.median), ms(ff.bare.wasmFetched), ff.bare.runs.join(' ')],
    ['app, real guides', ms(ff.app.median), ms(ff.app.wasmFetched), ff.app.runs.join(' ')],
    ['app, #/guide/medical-help (guide drawn)', ms(ff.deepLink.median), ms(ff.deepLink.wasmFetched),
      ff.deepLink.runs.join(' ')],
    ['app, 1,000 guides', ms(ff.app1000.median), ms(ff.app1000.wasmFetched),
      ff.app1000.runs.join(' ')],
  ]).map((l) => `  ${l}`));
  lines.push(`  app / bare = ${ff.ratioToBare.toFixed(2)}x; 1,000 guides / real = ` +
    `${ff.ratio1000.toFixed(2)}x`);
  lines.push('');
  const fc = r.frameCpu;
  lines.push('Frame CPU inside the app (window.ruvoya.frameTimes()), 1920x1080:');
  lines.push(...pad([
    ['activity', 'p50', 'p95', 'max', 'frames per run'],
    [`scrolling ${fc.scroll.guide} (wheel)`, ms(fc.scroll.p50), ms(fc.scroll.p95),
      ms(fc.scroll.max), fc.scroll.frames.join(' ')],
    ['typing a search', ms(fc.typing.p50), ms(fc.typing.p95), ms(fc.typing.max),
      fc.typing.frames.join(' ')],
    ['search, real guides (100 queries)', ms(r.search.p50), ms(r.search.p95), ms(r.search.max), ''],
    ['  over the other frames (est.)', ms(r.search.queryOnly.p50),
      ms(r.search.queryOnly.p95), '', ''],
  ]).map((l) => `  ${l}`));
  lines.push('');
  lines.push(`Idle: ${r.idle.frames} frames rendered in ${IDLE_MS / 1000} s with no input`);
  lines.push('');
  const m = r.memory;
  lines.push('Memory (after a garbage collection):');
  lines.push(...pad([
    ['moment', 'wasm memory', 'JS heap used'],
    ['after start-up', mb(m.startup.wasm), mb(m.startup.jsHeap)],
    [`after opening all ${m.guides} guides`, mb(m.allGuides.wasm), mb(m.allGuides.jsHeap)],
  ]).map((l) => `  ${l}`));
  lines.push('');
  const s = r.scale;
  lines.push('Scale: 1,000 generated guides (en + ru, every section filled):');
  lines.push(...pad([
    ['figure', 'real set (14)', '1,000 guides'],
    ['content compile', `${s.compile.realMs} ms`, `${s.compile.scaleMs} ms`],
    ['bundle.bin (head, in the wasm)', kb(s.compile.realBundle), kb(s.compile.scaleBundle)],
    ['bodies.bin', kb(s.compile.realBodies), kb(s.compile.scaleBodies)],
    ['ruvoya.wasm raw', kb(s.wasm.real.raw), kb(s.wasm.scale.raw)],
    ['ruvoya.wasm brotli', `${kb(s.wasm.real.brotli)} (q${s.wasm.real.brotliQuality})`,
      `${kb(s.wasm.scale.brotli)} (q${s.wasm.scale.brotliQuality})`],
    ['first frame', ms(ff.app.median), ms(ff.app1000.median)],
    ['search p50 / p95 (100 queries)', `${ms(r.search.p50)} / ${ms(r.search.p95)}`,
      `${ms(s.search.p50)} / ${ms(s.search.p95)}`],
    ['  over other frames p50 / p95',
      `${ms(r.search.queryOnly.p50)} / ${ms(r.search.queryOnly.p95)}`,
      `${ms(s.search.queryOnly.p50)} / ${ms(s.search.queryOnly.p95)}`],
    ['wasm memory after start-up', mb(m.startup.wasm), mb(s.startupMemory.wasm)],
    ['wasm memory after 100 searches', mb(r.search.memoryAfter.wasm),
      mb(s.search.memoryAfter.wasm)],
    ['JS heap after start-up', mb(m.startup.jsHeap), mb(s.startupMemory.jsHeap)],
  ]).map((l) => `  ${l}`));
  lines.push('');
  lines.push('Budgets (reported, never failing the build):');
  lines.push(...pad([['budget', 'measured', 'limit', ''], ...r.budgets.map((b) => b.text)])
    .map((l) => `  ${l}`));
  return lines.join('\n');
}

// keeps the latest table in docs/performance.md, between its two marker lines
async function updateDoc(text) {
  const path = join(TOP, 'docs/performance.md');
  const doc = await readFile(path, 'utf8').catch(() => null);
  const begin = '<!-- bench:table:begin -->';
  const end = '<!-- bench:table:end -->';
  if (!doc || !doc.includes(begin) || !doc.includes(end)) {
    log('docs/performance.md has no table markers; table not copied there');
    return;
  }
  const before = doc.slice(0, doc.indexOf(begin) + begin.length);
  const after = doc.slice(doc.indexOf(end));
  await writeFile(path, `${before}\n\n\`\`\`text\n${text}\n\`\`\`\n\n${after}`);
}

// [SECTION] Main ------------------------------------------------------------------------------

async function main() {
  for (const [name, dir] of Object.entries(DIRS)) {
    if (!(await stat(dir).catch(() => null))) {
      throw new Error(`${dir} is missing (${name}): run make bench, which builds it first`);
    }
  }
  
  // the content compiler runs before the browser starts, so the two do not compete
  log('content compile (3 runs each)');
  const compile = await contentCompile();

  const browser = await launch();
  const sites = {};
  for (const [name, dir] of Object.entries(DIRS)) sites[name] = await site(dir);
  try {
    log('first-load transfer');
    const transfer = await firstVisitTransfer(browser, sites.app, DIRS.app);

    // interleaved loads, the order rotating each run, so machine noise hits all alike; the
    // 1,000-guide app goes last in each run and is followed by a pause, since its heavy
    // start-up goes on using the machine for a while after its page has closed
    const kinds = ['bare', 'app', 'deepLink', 'app1000'];
    const rotating = kinds.slice(0, 3);
    const urls = {
      bare: sites.bare.url,
      app: sites.app.url,
      deepLink: `${sites.app.url}#/guide/medical-help`,
      app1000: sites.app1000.url,
    };
    const loads = Object.fromEntries(kinds.map((k) => [k, []]));
    log('loads, one round to warm up (not counted)');
    for (const kind of kinds) await load(browser, urls[kind], false);
    await sleep(AFTER_HEAVY_MS);
    for (let run = 0; run < RUNS; run++) {
      log(`loads, run ${run + 1} of ${RUNS}`);
      const order = [...rotating.slice(run % 3), ...rotating.slice(0, run % 3), 'app1000'];
      for (const kind of order) {
        loads[kind].push(await load(browser, urls[kind], kind === 'app' || kind === 'app1000'));
        await sleep(kind === 'app1000' ? AFTER_HEAVY_MS : AFTER_LOAD_MS);
      }
    }
    // the deep link counts until the guide itself is drawn, not its loading line
    const figure = (kind, l) => (kind === 'deepLink' ? l.guideFrame : l.firstFrame);
    const summary = (kind) => ({
      median: round(median(loads[kind].map((l) => figure(kind, l))), 1),
      wasmFetched: round(median(loads[kind].map((l) => l.wasmFetched).filter((x) => x)), 1),
      runs: loads[kind].map((l) => Math.round(figure(kind, l))),
    });
    const firstFrame = Object.fromEntries(kinds.map((k) => [k, summary(k)]));
    firstFrame.ratioToBare = round(firstFrame.app.median / firstFrame.bare.median, 3);
    firstFrame.ratio1000 = round(firstFrame.app1000.median / firstFrame.app.median, 3);
    const startupMemory = (kind) => ({
      wasm: median(loads[kind].map((l) => l.wasm)),
      jsHeap: median(loads[kind].map((l) => l.jsHeap)),
    });

    log(`frame CPU: scrolling and typing, ${RUNS} runs each`);
    const guide = await longestGuide();
    const scrolls = [];
    const typings = [];
    for (let run = 0; run < RUNS; run++) {
      scrolls.push(await scrollSession(browser, sites.app.url, guide));
      typings.push(await typingSession(browser, sites.app.url));
    }
    const frameCpu = {
      scroll: { guide, ...frameSummary(scrolls) },
      typing: frameSummary(typings),
    };

    log(`idle for ${IDLE_MS / 1000} s`);
    const idle = { frames: await idleFrames(browser, sites.app.url), seconds: IDLE_MS / 1000 };

    log('memory after opening every guide');
    const ids = await guideIds(join(TOP, 'content/guides'));
    const every = await everyGuide(browser, sites.app.url, ids);

    log(`search latency, ${QUERIES} queries on each set`);
    const queries = await searchQueries(QUERIES);
    const search = await searchLatency(browser, sites.app.url, queries);
    const search1000 = await searchLatency(browser, sites.app1000.url, queries);

    const scaleStartup = startupMemory('app1000');
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model || 'unknown',
        browser: `Chromium ${browser.version()}`,
      },
      runs: RUNS,
      transfer,
      firstFrame,
      frameCpu,
      idle,
      memory: {
        guides: ids.length,
        startup: startupMemory('app'),
        allGuides: every.after,
      },
      search,
      scale: {
        guides: 1000,
        compile,
        wasm: {
          real: await compressedSizes(join(DIRS.app, 'ruvoya.wasm')),
          scale: await compressedSizes(join(DIRS.app1000, 'ruvoya.wasm')),
        },
        startupMemory: scaleStartup,
        search: search1000,
        wasmMemoryMax: Math.max(scaleStartup.wasm, search1000.memoryAfter.wasm),
      },
      seconds: 0,
    };
    results.budgets = budgets(results);
    results.seconds = Math.round((Date.now() - START) / 1000);

    const text = table(results);
    console.log(text);
    for (const b of results.budgets) delete b.text;
    await writeFile(join(TOP, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
    await updateDoc(text);
    log('done; results in bench/results.json, table in docs/performance.md');
  } finally {
    await browser.close();
    for (const s of Object.values(sites)) s.server.close();
  }
}

main().catch((err) => {
  console.error(`bench: ${err.stack || err}`);
  process.exit(1);
});

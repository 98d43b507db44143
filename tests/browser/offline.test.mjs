// The hosted build as an installable, offline app, in headless Chromium: the service worker
// precaches the build (hash-checked), the app starts and saves ticks with the server gone,
// a new deploy shows the "Updated guides are ready" notice and reloads into the new version
// with progress kept and one cache left, a tab coming back checks for updates (at most
// once in 5 minutes), and the browser is asked to keep the storage.
// Each test serves its own copy of dist/, so it can stop it or deploy over it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServiceWorker } from '../../web/precache.mjs';
import { serve } from '../../web/serve.mjs';
import { centre, findItem, items, launch, settle } from './harness.mjs';

const GUIDE = '#/guide/medical-help';
const ITEM = 'Policy and insurer phone are found';

let browser;
const cleanup = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const undo of cleanup.reverse()) await undo();
});

// a private copy of dist/ on its own server
async function deployCopy() {
  const dir = await mkdtemp(join(tmpdir(), 'ruvoya-dist-'));
  await cp('dist', dir, { recursive: true });
  const { server, url } = await serve(dir, { port: 0 });
  const stop = () => {
    server.closeAllConnections();
    return new Promise((done) => server.close(() => done()));
  };
  cleanup.push(() => rm(dir, { recursive: true, force: true }), () => server.listening && stop());
  return { dir, url, stop };
}

// opens the app, records console errors and the 'ruvoya-persist' events, and waits until
// the first frames are drawn and this version is stored for offline use
async function openHosted(url, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale || 'en-US',
  });
  await context.addInitScript(() => {
    window.persistEvents = [];
    addEventListener('ruvoya-persist', () => {
      window.persistEvents.push(window.ruvoya.storagePersisted);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  if (options.now) await page.clock.setFixedTime(options.now);
  await page.goto(url + (options.hash || ''));
  await started(page);
  await page.waitForFunction(() => window.ruvoya.offlineReady === true);
  return { context, page, errors };
}

async function started(page) {
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready &&
                                   window.ruvoya.frames() > 0);
  await settle(page);
}

async function reload(page) {
  await page.reload();
  await started(page);
}

// scrolls down with the mouse wheel until the item is wholly on screen
async function scrollTo(page, text, kind) {
  const { height } = page.viewportSize();
  for (let step = 0; step < 60; step++) {
    const found = (await items(page)).find((i) => i.label.includes(text) && i.kind === kind);
    if (found && found.y >= 0 && found.y + found.h <= height) return found;
    await page.mouse.move(640, height / 2);
    await page.mouse.wheel(0, found && found.y < 0 ? -200 : 400);
    await settle(page);
  }
  return findItem(page, text, kind);
}

async function openGuideAndTick(page) {
  await page.evaluate((hash) => { window.location.hash = hash; }, GUIDE);
  await settle(page);
  const box = await scrollTo(page, ITEM, 'checkbox');
  assert.equal(box.checked, false, 'the item starts unticked');
  const { x, y } = centre(box);
  await page.mouse.click(x, y);
  await settle(page);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true, 'the click ticks it');
}

// the app's keys in localStorage (their values change as the app notes when a guide was
// opened, so the tick itself is checked on screen)
function savedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ruvoya.'))
    .sort());
}

// a new deploy of the copy in dir: a marked page and a new sw.js; resolves to the version
async function deployMarked(dir, mark) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  await writeFile(join(dir, 'index.html'),
    html.replace('</head>', `  <meta name="ruvoya-test-deploy" content="${mark}">\n</head>`));
  return (await buildServiceWorker(dir)).version;
}

// a valid wasm with one more custom section: the same app, other bytes, as a content-only
// change would give
function withCustomSection(wasm, note) {
  const name = Buffer.from('ruvoya-test');
  const payload = Buffer.concat([Buffer.from([name.length]), name, Buffer.from(note)]);
  assert.ok(payload.length < 128, 'one-byte section size');
  return Buffer.concat([wasm, Buffer.from([0, payload.length]), payload]);
}

function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the build lists every file the app uses in sw.js with its SHA-256', async () => {
  const sw = await readFile('dist/sw.js', 'utf8');
  const build = JSON.parse(/const BUILD = (\{[\s\S]*?\n\});/.exec(sw)[1]);
  const expected = {};
  async function walk(dir, prefix) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        await walk(join(dir, entry.name), path + '/');
      } else if (path !== 'sw.js' && path !== 'ruvoya.html' && !path.startsWith('icons/')) {
        expected[path] = createHash('sha256').update(await readFile(join(dir, entry.name)))
          .digest('hex');
      }
    }
  }
  await walk('dist', '');
  assert.deepEqual(build.files, expected);
  assert.match(build.version, /^[0-9a-f]{16}$/);
  for (const name of ['index.html', 'ruvoya.wasm', 'ruvoya.js', 'manifest.webmanifest']) {
    assert.ok(build.files[name], `${name} is precached`);
  }
});

test('the page carries the documented Content-Security-Policy', async () => {
  const html = await readFile('dist/index.html', 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1];
  const docs = await readFile('docs/hosting.md', 'utf8');
  const header = /^Content-Security-Policy: (.*)$/m.exec(docs)[1];
  assert.equal(header, `${meta}; frame-ancestors 'none'`, 'docs/hosting.md and index.html agree');
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(html, /<script>|<style>| style="/, 'nothing inline for the policy to allow');
});

test('the manifest makes the app installable, with icons of the declared sizes', async () => {
  const manifest = JSON.parse(await readFile('dist/manifest.webmanifest', 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#0e57a6');
  assert.equal(manifest.background_color, '#f6f7f9');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  for (const icon of manifest.icons) {
    const [w, h] = pngSize(await readFile(join('dist', icon.src)));
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
  }
  assert.deepEqual(pngSize(await readFile('dist/icons/apple-touch-icon.png')), [180, 180]);

  // and Chromium agrees, but for the test's private window, where nothing installs
  const { url } = await deployCopy();
  const { context, page, errors } = await openHosted(url);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const ids = installabilityErrors.map((e) => e.errorId);
  assert.deepEqual(ids.filter((id) => id !== 'in-incognito'), []);
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('after the first visit the app starts, opens a guide and keeps a tick offline',
  async () => {
    const { url, stop } = await deployCopy();
    const { context, page, errors } = await openHosted(url);

    // no network and no server at all
    await context.setOffline(true);
    await stop();
    await reload(page);
    assert.equal(await page.isHidden('#loading'), true);
    await openGuideAndTick(page);
    const saved = await savedKeys(page);
    assert.notDeepEqual(saved, [], 'the tick is saved under a ruvoya. key');

    await reload(page);
    assert.ok(page.url().endsWith(GUIDE), `still on the guide: ${page.url()}`);
    assert.equal((await scrollTo(page, ITEM, 'checkbox')).checked, true, 'the tick is kept');
    assert.deepEqual(await savedKeys(page), saved);
    assert.deepEqual(errors, []);
    await context.close();
  });

test('a new deploy is offered with a notice, and Reload brings it with progress kept',
  async () => {
    const { dir, url } = await deployCopy();
    const { context, page, errors } = await openHosted(url);
    await openGuideAndTick(page);
    const saved = await savedKeys(page);
    assert.notDeepEqual(saved, [], 'the tick is saved under a ruvoya. key');
    const oldKeys = await page.evaluate(() => caches.keys());
    assert.equal(oldKeys.length, 1);
    assert.equal(await page.isVisible('#update-body'), false, 'no notice before a deploy');

    // deploy: a content-only change (new wasm bytes) and a marked page, new sw.js
    const wasm = await readFile(join(dir, 'ruvoya.wasm'));
    const newWasm = withCustomSection(wasm, 'deploy 2');
    await writeFile(join(dir, 'ruvoya.wasm'), newWasm);
    const version = await deployMarked(dir, '2');
    assert.notEqual(`ruvoya-${version}`, oldKeys[0]);

    // the check a visible tab makes; the notice appears while the old version runs on
    await page.evaluate(() => window.ruvoya.checkForUpdate());
    await page.waitForSelector('#update-body', { state: 'visible' });
    assert.equal(await page.getAttribute('#update', 'role'), 'status');
    assert.equal(await page.textContent('#update-text'), 'Updated guides are ready');
    const button = page.getByRole('button', { name: 'Reload' });
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, `the Reload button is ${box.height} px tall`);
    assert.equal(await page.locator('meta[name="ruvoya-test-deploy"]').count(), 0);

    // the notice speaks the app's language
    await page.evaluate(() => { document.documentElement.lang = 'ru'; });
    await page.waitForFunction(() => document.getElementById('update-reload').textContent ===
                                     'Обновить');
    assert.equal(await page.textContent('#update-text'), 'Готовы обновлённые справочники');
    await page.evaluate(() => { document.documentElement.lang = 'en'; });

    // one press, one reload, into the new version
    let loads = 0;
    page.on('load', () => { loads++; });
    await Promise.all([page.waitForEvent('load'), button.click()]);
    await started(page);
    await page.waitForTimeout(1500);
    assert.equal(loads, 1, 'exactly one reload');
    assert.equal(await page.locator('meta[name="ruvoya-test-deploy"]').count(), 1,
      'the page is the new deploy');
    const served = await page.evaluate(async () => (await fetch('ruvoya.wasm')).arrayBuffer()
      .then((b) => b.byteLength));
    assert.equal(served, newWasm.length, 'the new wasm is served');
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`ruvoya-${version}`]);
    assert.equal(await page.isVisible('#update-body'), false, 'no notice after the update');

    // progress survives the update
    assert.deepEqual(await savedKeys(page), saved);
    assert.ok(page.url().endsWith(GUIDE));
    assert.equal((await scrollTo(page, ITEM, 'checkbox')).checked, true, 'the tick is kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

test('the browser is asked to keep the storage and the answer is readable', async () => {
  const { url } = await deployCopy();
  const { context, page, errors } = await openHosted(url);
  await page.waitForFunction(() => window.persistEvents.length > 0);
  const { events, value } = await page.evaluate(() => ({
    events: window.persistEvents, value: window.ruvoya.storagePersisted,
  }));
  assert.equal(events.length, 1, 'one ruvoya-persist event');
  assert.ok([true, false, null].includes(value), `storagePersisted is ${value}`);
  assert.equal(events[0], value);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tab that comes back looks for an update, but not more than once in 5 minutes',
  async () => {
    const start = new Date('2026-06-01T10:00:00Z').getTime();
    const { dir, url } = await deployCopy();
    const { context, page, errors } = await openHosted(url, { now: start });
    await deployMarked(dir, '2');
    const comeBack = () => page.evaluate(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });

    // a minute after the start's own check, coming back asks nothing
    await page.clock.setFixedTime(start + 60 * 1000);
    await comeBack();
    await page.waitForTimeout(2000);
    assert.equal(await page.isVisible('#update-body'), false, 'no check a minute later');

    // six minutes later it does, and finds the new deploy
    await page.clock.setFixedTime(start + 6 * 60 * 1000);
    await comeBack();
    await page.waitForSelector('#update-body', { state: 'visible' });
    assert.equal(await page.evaluate(() => window.ruvoya.updateReady), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

// The one-file build (dist/ruvoya.html) in headless Chromium: opened from file:// with every
// network request refused, as from a USB stick on a machine with no network, it draws the
// app with no console error (its own strict, hash-based Content-Security-Policy included).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { items, launch, settle } from './harness.mjs';

const FILE = resolve('dist/ruvoya.html');

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('ruvoya.html names no file or server besides itself', async () => {
  const html = await readFile(FILE, 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  // data: URLs and links to a place inside the page itself are not outside references
  assert.deepEqual(refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#')), []);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(html, /<link rel="manifest"/);
});

test('from file:// with the network blocked, ruvoya.html starts and can be used', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    refused.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));

  await page.goto(pathToFileURL(FILE).href);
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready &&
                                   window.ruvoya.frames() > 0);
  await settle(page);
  const shown = await items(page);
  assert.ok(shown.length > 0, 'items are on screen');
  assert.ok(shown.some((i) => i.kind === 'heading'), 'a heading is on screen');
  assert.equal(await page.isHidden('#loading'), true, 'the loading screen is gone');
  assert.equal(await page.evaluate(() => window.ruvoya.offlineReady), false, 'no worker');


  // the page works as a page from disk does: localStorage as the browser allows it
  assert.equal(await page.evaluate(() => {
    localStorage.setItem('ruvoya.single-file-test', '1');
    return localStorage.getItem('ruvoya.single-file-test');
  }), '1');
  assert.deepEqual(refused, [], 'no request left the file');
  assert.deepEqual(errors, []);
  await context.close();
});

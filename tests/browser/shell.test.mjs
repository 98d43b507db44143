// The app shell in headless Chromium: loading, a crisp canvas at any pixel ratio, mouse,
// touch and idling. Every check reads what the app really drew or recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  centre, click, darkPixels, drag, findItem, frames, items, openApp, screenshotPixels, settle,
  tap, useApp,
} from './harness.mjs';

// Chromium and a server of dist/ for this file's tests
const app = useApp();

async function canvasSize(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, dpr: devicePixelRatio };
  });
}

test('the page loads with no console errors and the first frame is not blank', async () => {
  const { context, page, errors } = await openApp(app.browser, app.url);
  const ink = await darkPixels(page);
  assert.ok(ink > 500, `expected drawn text on the first frame, found ${ink} dark pixels`);
  assert.equal(await page.isHidden('#loading'), true, 'the loading screen is gone');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const dpr of [1, 2]) {
  test(`at device pixel ratio ${dpr} the drawing buffer is CSS size times ${dpr}`, async () => {
    const { context, page } = await openApp(app.browser, app.url, {
      viewport: { width: 412, height: 780 }, dpr,
    });
    const size = await canvasSize(page);
    assert.equal(size.w, Math.round(size.cssW * dpr));
    assert.equal(size.h, Math.round(size.cssH * dpr));
    assert.equal(size.cssW, 412);
    await context.close();
  });
}

test('after a viewport resize the drawing buffer and the layout follow', async () => {
  const { context, page } = await openApp(app.browser, app.url, { dpr: 2 });
  const before = await findItem(page, 'All guides', 'heading');
  await page.setViewportSize({ width: 500, height: 700 });
  await settle(page);
  const size = await canvasSize(page);
  assert.deepEqual([size.w, size.h], [1000, 1400]);
  const afterResize = await findItem(page, 'All guides', 'heading');
  assert.notEqual(afterResize.x, before.x, 'the column re-centres in the narrower window');
  await context.close();
});

const CHECKLIST = '#/guide/medical-help/checklist';
const ITEM = 'Policy and insurer phone are found';

test('a mouse click at a checkbox toggles it', async () => {
  const { context, page } = await openApp(app.browser, app.url, { hash: CHECKLIST });
  const box = await findItem(page, ITEM, 'checkbox');
  assert.equal(box.checked, false);
  const { x, y } = centre(box);
  await page.mouse.click(x, y);
  await settle(page);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true);
  await page.mouse.click(x, y);
  await settle(page);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, false);
  await context.close();
});

test('a touch tap toggles the checkbox under the finger, not at an old position', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    viewport: { width: 360, height: 640 }, dpr: 2, touch: true, mobile: true, hash: CHECKLIST,
  });
  const box = await findItem(page, ITEM, 'checkbox');
  const { x, y } = centre(box);

  // the first tap also switches the layout to touch sizes; find the box again after it
  await tap(page, 5, 600);
  await settle(page);
  const moved = centre(await findItem(page, ITEM, 'checkbox'));
  await tap(page, moved.x, moved.y);
  await settle(page);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true);
  assert.ok(x > 0 && y > 0);
  await context.close();
});

test('a finger drag scrolls the content by the distance dragged', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    viewport: { width: 360, height: 640 }, dpr: 2, touch: true, mobile: true,
  });
  // a first tap on empty space switches to touch sizes before measuring
  await tap(page, 5, 630);
  await settle(page);
  // the first guide link, which stays below the top bar after the drag
  const before = (await items(page)).find((i) => i.kind === 'link');
  await drag(page, 180, 500, -150);
  await settle(page);
  const moved = await findItem(page, before.label, 'link');
  assert.ok(Math.abs(moved.y - (before.y - 150)) <= 2,
            `link moved from ${before.y} to ${moved.y}, expected ${before.y - 150}`);
  assert.match(page.url(), /#\/$|\/$/, 'dragging over a guide link does not open it');
  await context.close();
});

test('with no input for 2 seconds no frame is rendered', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  const start = await frames(page);
  await page.waitForTimeout(2000);
  assert.equal(await frames(page), start);

  // and input wakes it
  await page.mouse.move(300, 300);
  await page.waitForTimeout(200);
  assert.ok((await frames(page)) > start);
  await context.close();
});

test('Cyrillic text renders with real glyphs', async () => {
  const { context, page } = await openApp(app.browser, app.url, { dpr: 2, locale: 'ru-RU' });
  const heading = (await items(page)).find((i) => i.kind === 'heading' && i.level === 1);
  assert.match(heading.label, /[А-Яа-я]/, 'a Russian browser gets the Russian UI');
  assert.equal(await page.evaluate((t) => window.ruvoya.missingGlyphs(t), heading.label), 0);
  assert.ok(await page.evaluate(() => window.ruvoya.missingGlyphs('中文')) > 0,
            'the glyph check can tell a missing glyph');

  // the heading's pixels are not the fallback '?' drawn over and over: many distinct
  // column patterns
  const { width, height, data } = await screenshotPixels(page, {
    x: heading.x, y: heading.y, width: heading.w, height: heading.h,
  });
  const columns = new Set();
  for (let x = 0; x < width; x++) {
    let key = '';
    for (let y = 0; y < height; y++) key += data[(y * width + x) * 4] < 128 ? '1' : '0';
    columns.add(key);
  }
  const distinct = columns.size;
  assert.ok(distinct > 60, `only ${distinct} distinct glyph columns`);
  await context.close();
});

test('a link opens in a new tab inside the click, with no opener', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  await context.route(/^https:/, (route) => route.fulfill({ status: 200, body: 'ok' }));
  const link = await findItem(page, 'Open official guide', 'button');
  const opens = await findItem(page, 'Opens ', 'text');
  const { x, y } = centre(link);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.mouse.click(x, y)]);
  await popup.waitForLoadState();
  assert.equal(new URL(popup.url()).host, opens.label.replace('Opens ', ''));
  assert.equal(await popup.evaluate(() => window.opener), null);
  await context.close();
});

test('paste puts the clipboard text into a field; Copy report fills the clipboard',
     async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/report',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await page.evaluate(() => navigator.clipboard.writeText('Step 2 shows an old link'));
  const field = centre(await findItem(page, 'What looks wrong?', 'input'));
  await page.mouse.click(field.x, field.y);
  await settle(page);
  await page.keyboard.press('Control+V');
  await settle(page);
  const copy = centre(await findItem(page, 'Copy report', 'button'));
  await page.mouse.click(copy.x, copy.y);
  await settle(page);
  await findItem(page, 'Report copied', 'status');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /Step 2 shows an old link/);
  assert.match(copied, /medical-help/);
  await context.close();
});

test('the mouse cursor takes the shape ImGui asks for', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/report',
  });
  const field = centre(await findItem(page, 'What looks wrong?', 'input'));
  await page.mouse.move(field.x, field.y);
  await settle(page);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor), 'text');
  const button = centre(await findItem(page, 'Copy report', 'button'));
  await page.mouse.move(button.x, button.y);
  await settle(page);
  assert.equal(await page.evaluate(() => document.getElementById('canvas').style.cursor),
               'pointer');
  await context.close();
});

test('without WebGL 2 the page says so plainly instead of staying blank', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
    };
  });
  await page.goto(app.url);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error-text'), /WebGL 2/);
  await context.close();
});

test('a browser with no WebGL 2 at all is told so before the app is downloaded', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebGL2RenderingContext; });
  const asked = [];
  page.on('request', (req) => asked.push(new URL(req.url()).pathname));
  await page.goto(app.url);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error-text'), /WebGL 2/);
  assert.deepEqual(asked.filter((p) => /ruvoya\.(wasm|js)$/.test(p)), []);
  await context.close();
});

// every request for `file` answered only after ms milliseconds
async function delay(context, file, ms) {
  await context.route(`**/${file}`, async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    await route.continue();
  });
}

test('a slow start shows the loading screen with its progress, then the app', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await delay(context, 'ruvoya.wasm', 1500);
  await page.goto(app.url);
  await page.waitForSelector('#loading:not([hidden])', { timeout: 1400 });
  assert.equal(await page.isVisible('#loading-progress'), true);
  assert.match(await page.textContent('#loading-text'), /Loading guides/);
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.frames &&
                                   window.ruvoya.frames() > 0);
  assert.equal(await page.isHidden('#loading'), true, 'the loading screen is gone');
  await context.close();
});

test('the service worker is registered only after the first frame', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const real = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.framesAtRegister = window.ruvoya && window.ruvoya.frames ? window.ruvoya.frames() : 0;
      return real(...args);
    };
  });
  await page.goto(app.url);
  await page.waitForFunction(() => window.framesAtRegister !== undefined, null,
                             { timeout: 10000 });
  assert.ok(await page.evaluate(() => window.framesAtRegister) > 0,
            'registered before the app had drawn anything');
  await context.close();
});

test('a failed download says what happened and offers to try again', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await context.route('**/ruvoya.wasm', (route) => route.abort());
  await page.goto(app.url);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error-text'), /could not be downloaded/);
  assert.equal(await page.isVisible('#error-retry'), true);
  await context.close();
});

// waits until some on-screen item's label contains text
async function waitForItem(page, text, timeout = 10000) {
  await page.waitForFunction((t) => window.ruvoya && window.ruvoya.items &&
    window.ruvoya.items().some((i) => i.label.includes(t)), text, { timeout });
}

test('the catalogue is drawn before the guides\' bodies are fetched', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  let framesAtFetch = null;
  page.on('request', (req) => {
    // the page's own fetch, not the service worker's offline copy; the page may be gone
    // by the time a late request is seen
    if (!req.url().endsWith('/bodies.bin') || req.serviceWorker()) return;
    page.evaluate(() => window.ruvoya.frames())
      .then((n) => { framesAtFetch = n; }, () => {});
  });
  await page.goto(app.url);
  await waitForItem(page, 'All guides');
  await page.waitForFunction(() => window.ruvoya.items().length > 0);
  await settle(page);
  assert.ok(framesAtFetch > 0, `bodies fetched with ${framesAtFetch} frames drawn`);
  await click(page, 'Migration card on arrival', 'link');
  await waitForItem(page, 'Mark it off');
  await context.close();
});

test('a guide opened by its address says it is loading, then shows itself', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await delay(context, 'bodies.bin', 1500);
  await page.goto(app.url + '#/guide/medical-help');
  await waitForItem(page, 'Loading this guide');
  await findItem(page, 'How to get medical help', 'heading');
  await waitForItem(page, 'Mark it off');
  assert.match(page.url(), /#\/guide\/medical-help$/);
  await context.close();
});

test('a search opened by its address waits for the guides, then finds them', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await delay(context, 'bodies.bin', 1000);
  await page.goto(app.url + '#/search/insurance');
  await waitForItem(page, 'Getting the guides ready to search');
  await waitForItem(page, 'How to get medical help');
  await context.close();
});

test('when the bodies never come, a guide says so instead of opening', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  let asked = 0;
  await context.route('**/bodies.bin', (route) => {
    // the page's own tries; the service worker's offline copy asks too
    if (!route.request().serviceWorker()) asked++;
    return route.abort();
  });
  await page.goto(app.url + '#/guide/medical-help');
  await waitForItem(page, 'Some guide texts could not be loaded', 20000);
  assert.equal(asked, 3, 'the first try and two more');
  await context.close();
});

test('bodies from another build are refused, and the console says why', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (msg) => warnings.push(msg.text()));
  await context.route('**/bodies.bin', async (route) => {
    const real = await route.fetch();
    const bytes = Buffer.from(await real.body());

    // "RVYD", the format (one byte), then the id's hex digits: change the first
    bytes[5] = bytes[5] === 0x30 ? 0x31 : 0x30;
    await route.fulfill({ response: real, body: bytes });
  });
  await page.goto(app.url + '#/search/insurance');
  await waitForItem(page, 'Some guide texts could not be loaded');
  assert.ok(warnings.some((w) => /bundle\.bodies: from another build/.test(w)),
            warnings.join('\n'));
  await context.close();
});

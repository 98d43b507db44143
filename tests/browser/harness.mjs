// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (no
// browser download), the built dist/ served on loopback, and helpers that read the app's
// screen view (window.ruvoya.items()) to find what to click.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../web/serve.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// flags that keep headless Chromium off the network and give it software WebGL
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export async function startServer(dir = 'dist') {
  return serve(dir, { port: 0 });
}

// For a test file: Chromium launched and dir served before its tests, both closed after.
// The returned object's browser and url are set once the file's tests start.
export function useApp(dir = 'dist') {
  const app = { browser: null, url: '' };
  let server;
  before(async () => {
    app.browser = await launch();
    ({ server, url: app.url } = await startServer(dir));
  });
  after(async () => {
    await app.browser?.close();
    server?.close();
  });
  return app;
}

// opens the app in a new context and waits for its first frames; collects console errors
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.dpr || 1,
    hasTouch: !!options.touch,
    isMobile: !!options.mobile,
    locale: options.locale || 'en-US',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url + (options.hash || ''));
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready &&
                                   window.ruvoya.frames() > 0);
  await settle(page);
  return { context, page, errors };
}

// waits until the app stops rendering (it idles when nothing changes)
export async function settle(page, quietMs = 150, timeoutMs = 5000) {
  const start = Date.now();
  let last = await frames(page);
  let since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await page.waitForTimeout(30);
    const now = await frames(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

export async function frames(page) {
  return page.evaluate(() => (window.ruvoya && window.ruvoya.frames ? window.ruvoya.frames() : 0));
}

// reloads the page and waits for the app's first frames again
export async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready &&
                                   window.ruvoya.frames() > 0);
  await settle(page);
}

export async function items(page) {
  return page.evaluate(() => window.ruvoya.items());
}

// the first on-screen item whose label contains text (and of a kind, if given)
export async function findItem(page, text, kind) {
  const all = await items(page);
  const found = all.find((i) => i.label.includes(text) && (!kind || i.kind === kind));
  if (!found) {
    const labels = all.map((i) => `${i.kind}:${i.label}`).join(' | ');
    throw new Error(`no item "${text}"${kind ? ` of kind ${kind}` : ''} on screen: ${labels}`);
  }
  return found;
}

// clicks the centre of the on-screen item with that label, then lets the app settle
export async function click(page, label, kind) {
  const { x, y } = centre(await findItem(page, label, kind));
  await page.mouse.click(x, y);
  await settle(page);
}

export function centre(item) {
  return { x: item.x + item.w / 2, y: item.y + item.h / 2 };
}

// the RGBA pixels of a screenshot of the page (or of its clip rectangle), decoded by the
// browser itself; they come back as base64, far smaller than an array of numbers
export async function screenshotPixels(page, clip) {
  const png = await page.screenshot(clip ? { clip } : {});
  const { width, height, rgba } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let bytes = '';
    for (let i = 0; i < d.length; i += 0x8000) {
      bytes += String.fromCharCode(...d.subarray(i, i + 0x8000));
    }
    return { width: img.width, height: img.height, rgba: btoa(bytes) };
  }, png.toString('base64'));
  return { width, height, data: new Uint8ClampedArray(Buffer.from(rgba, 'base64')) };
}

// how many pixels of a screenshot of the page are dark (text, lines): 0 on a blank page
export async function darkPixels(page) {
  const { data } = await screenshotPixels(page);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
  return dark;
}

// a real touch tap through the DevTools protocol (Input.dispatchTouchEvent)
export async function tap(page, x, y) {
  const cdp = await page.context().newCDPSession(page);
  const point = [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// a finger drag from (x, y) by dy, in steps, as a person's finger moves
export async function drag(page, x, y, dy, steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart', touchPoints: [{ x, y, id: 1 }],
  });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove', touchPoints: [{ x, y: y + (dy * i) / steps, id: 1 }],
    });
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Kiosk mode in headless Chromium with Playwright's clock: the attract screen, the idle
// countdown and wipe, links shown as QR codes (decoded here with jsQR), the hand-off to a
// phone, and target sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import {
  centre, click, findItem, items, openApp, screenshotPixels, settle, useApp,
} from './harness.mjs';

// Chromium and a server of dist/ for this file's tests
const app = useApp();

const ITEM = 'Policy and insurer phone are found';

// a kiosk at 1920x1080 with a controllable clock, past its attract screen
async function startKiosk() {
  const context = await app.browser.newContext({
    viewport: { width: 1920, height: 1080 }, hasTouch: true, locale: 'en-US',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.clock.install();
  await page.goto(app.url + '?kiosk=1');
  // polled from here: with the page's clock faked, in-page polling would wait on it
  for (let i = 0; i < 300; i++) {
    const up = await page.evaluate(() => !!(window.ruvoya && window.ruvoya.ready &&
                                            window.ruvoya.frames() > 0));
    if (up) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await settle(page);
  return { context, page, errors };
}

// reads the QR code drawn at an item's rectangle from a real screenshot
async function decodeQr(page, item) {
  const pad = 8;
  const { width, height, data } = await screenshotPixels(page, {
    x: item.x - pad, y: item.y - pad, width: item.w + 2 * pad, height: item.h + 2 * pad,
  });
  const code = jsQR(data, width, height);
  assert.ok(code, 'a readable QR code');
  return code.data;
}

async function ruvoyaKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ruvoya.')));
}

test('the attract screen starts a session; idling counts down, and the reset wipes it',
     async () => {
  const { context, page, errors } = await startKiosk();
  await findItem(page, 'Touch to start', 'text');
  await findItem(page, 'Коснитесь', 'text');
  await click(page, 'English', 'button');
  await findItem(page, 'All guides', 'heading');

  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  await click(page, ITEM, 'checkbox');
  assert.ok((await ruvoyaKeys(page)).includes('ruvoya.progress'));

  // no countdown until 20 s before the 90 s timeout
  await page.clock.fastForward(65_000);
  await settle(page);
  assert.equal((await items(page)).some((i) => i.kind === 'status'), false);
  await page.clock.fastForward(7_000);
  await settle(page);
  const countdown = await findItem(page, 'cleared in', 'status');
  assert.match(countdown.label, /in (1[4-9]|20) seconds/);

  // "I'm still here" cancels it
  await click(page, "I'm still here", 'button');
  assert.equal((await items(page)).some((i) => i.kind === 'status'), false);
  await findItem(page, ITEM, 'checkbox');

  // left alone, the countdown runs out: storage wiped, attract screen back
  await page.clock.fastForward(95_000);
  await settle(page);
  await page.clock.fastForward(2_000);
  await settle(page);
  await findItem(page, 'Touch to start', 'text');
  assert.deepEqual(await ruvoyaKeys(page), []);
  assert.equal(new URL(page.url()).hash, '#/');

  // the next person starts clean
  await click(page, 'English', 'button');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a kiosk an external link shows a QR code of its address and opens no page',
     async () => {
  const { context, page } = await startKiosk();
  await click(page, 'English', 'button');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help'; });
  await settle(page);
  const opens = await findItem(page, 'Opens ', 'text');
  let popups = 0;
  context.on('page', () => popups++);
  await click(page, 'Open official guide', 'button');
  const qr = await findItem(page, 'QR code', 'qr');
  const address = await decodeQr(page, qr);
  assert.equal(new URL(address).host, opens.label.replace('Opens ', ''));
  await page.waitForTimeout(300);
  assert.equal(popups, 0);
  await context.close();
});

test('the hand-off QR code carries the guide and the ticks to a phone, which asks first',
     async () => {
  const { context, page } = await startKiosk();
  await click(page, 'English', 'button');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  await click(page, ITEM, 'checkbox');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help'; });
  await settle(page);
  await click(page, 'Continue on your phone', 'button');
  const address = await decodeQr(page, await findItem(page, 'QR code', 'qr'));
  assert.match(address, /#\/take\/medical-help\/[a-z0-9.-]+\/[a-z0-9._-]+$/);
  assert.ok(address.startsWith(app.url), `${address} starts at the kiosk's own address`);

  // the phone: a second browser context, with nothing in common with the kiosk
  const phone = await openApp(app.browser, '', {
    viewport: { width: 390, height: 800 }, dpr: 2, touch: true, mobile: true, hash: address,
  });
  await findItem(phone.page, 'Continue from a kiosk', 'heading');
  await findItem(phone.page, '1 ticked items', 'text');
  await click(phone.page, "Add the kiosk's ticks", 'button');
  await phone.page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(phone.page);
  assert.equal((await findItem(phone.page, ITEM, 'checkbox')).checked, true);
  await phone.context.close();
  await context.close();
});

test('every control on a kiosk is at least 48 CSS px tall', async () => {
  const { context, page } = await startKiosk();
  await click(page, 'English', 'button');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  const controls = (await items(page)).filter((i) =>
    ['button', 'checkbox', 'link', 'disclosure', 'input'].includes(i.kind));
  assert.ok(controls.length > 5);
  const small = controls.filter((i) => i.h < 48).map((i) => `${i.kind}:${i.label}:${i.h}`);
  assert.deepEqual(small, []);
  await context.close();
});

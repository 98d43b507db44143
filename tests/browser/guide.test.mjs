// The guide experience in headless Chromium, by real clicks, taps and typing on the canvas:
// search, opening a guide, ticking and keeping ticks, history, deep links, language,
// the report form's personal-data block, and a broken saved state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  centre, click, darkPixels, findItem, items, openApp, reload, settle, tap, useApp,
} from './harness.mjs';

// Chromium and a server of dist/ for this file's tests
const app = useApp();

const TITLE = 'How to get medical help as a foreigner';
const ITEMS = ['Policy and insurer phone are found', 'You know whether this is emergency'];

// scrolls the content with the wheel until an item is on screen
async function scrollTo(page, label, kind) {
  for (let i = 0; i < 60; i++) {
    const found = (await items(page)).find((it) => it.label.includes(label) &&
      (!kind || it.kind === kind) && it.y > 90 && it.y + it.h < page.viewportSize().height);
    if (found) return found;
    await page.mouse.move(page.viewportSize().width / 2, page.viewportSize().height / 2);
    await page.mouse.wheel(0, 300);
    await settle(page, 100);
  }
  throw new Error(`never scrolled to "${label}"`);
}

async function stored(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('ruvoya.progress') || '{}'));
}

test('typing "insurance" in search finds medical-help, and its title opens it', async () => {
  const { context, page, errors } = await openApp(app.browser, app.url);
  await click(page, 'Search guides', 'input');
  await page.keyboard.type('insurance');
  await settle(page);

  // the address follows once typing pauses
  await page.waitForURL(/#\/search\/insurance$/);
  await findItem(page, 'Match in:', 'text');
  await click(page, TITLE, 'link');
  assert.match(page.url(), /#\/guide\/medical-help$/);
  assert.equal(await page.title(), `${TITLE} — Ruvoya`);
  await findItem(page, TITLE, 'heading');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two ticked checklist items are still ticked after a reload', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/checklist',
  });
  for (const label of ITEMS) await click(page, label, 'checkbox');
  for (const label of ITEMS) assert.equal((await findItem(page, label, 'checkbox')).checked, true);
  const saved = await stored(page);
  assert.equal(saved.guides['medical-help'].checked.length, 2);

  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready);
  await settle(page);
  for (const label of ITEMS) assert.equal((await findItem(page, label, 'checkbox')).checked, true);
  await findItem(page, '2 of 3 required done');
  await context.close();
});

test('back and forward move between the catalogue and a guide', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  const first = (await items(page)).find((i) => i.kind === 'link');
  await click(page, first.label, 'link');
  await findItem(page, first.label, 'heading');
  await page.goBack();
  await settle(page);
  await findItem(page, 'All guides', 'heading');
  assert.equal(await page.title(), 'Ruvoya');
  await page.goForward();
  await settle(page);
  await findItem(page, first.label, 'heading');
  assert.equal(await page.title(), `${first.label} — Ruvoya`);
  await context.close();
});

test('going back restores the catalogue where the reader left it', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  await scrollTo(page, TITLE, 'link');

  // a busy machine can pause between frames while the wheel still eases: wait it out
  await settle(page, 500);
  const link = await findItem(page, TITLE, 'link');
  const { x, y } = centre(link);
  await page.mouse.click(x, y);
  await settle(page);
  await page.goBack();
  await settle(page);
  // unrestored, the catalogue would start at its top and the link would be far off
  // screen; within one wheel notch of where it was is restored
  // FIXME: on a busy machine the restored place is sometimes 50 px off (seen once in
  // CI); the cause is not found yet (a wheel glide still running at the click, or the
  // DOM tree's focus scrolling its target into view are suspects)
  const again = await findItem(page, TITLE, 'link');
  assert.ok(Math.abs(again.y - link.y) < 100, `link at ${again.y}, was at ${link.y}`);
  await context.close();
});

test('a deep link to a section opens the guide scrolled to that section', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/faq',
  });
  const heading = await findItem(page, 'Quick answers', 'heading');
  assert.ok(heading.y > 80 && heading.y < 300, `section heading at ${heading.y}`);
  await context.close();
});

test('switching to Russian changes the UI and the guide; switching back restores it',
     async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  await click(page, 'Русский', 'button');
  const ru = (await items(page)).find((i) => i.kind === 'heading' && i.level === 1);
  assert.match(ru.label, /[А-Яа-я]/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  await click(page, 'English', 'button');
  await findItem(page, TITLE, 'heading');
  assert.equal((await stored(page)).settings.language, 'en');
  await context.close();
});

test('a report holding a bank card number is blocked and says why', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/report',
  });
  await click(page, 'What looks wrong?', 'input');
  await page.keyboard.type('My card 4111 1111 1111 1111 was refused at the clinic');
  await click(page, 'Copy report', 'button');
  const alert = await findItem(page, 'personal data', 'alert');
  assert.match(alert.label, /bank card number/);

  // without the number it goes through
  await click(page, 'What looks wrong?', 'input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('Step 2 lists an old phone page');
  await click(page, 'Copy report', 'button');
  await findItem(page, 'Report copied', 'status');
  await context.close();
});

test('on a 360x640 touch screen, taps search, open a guide and tick an item', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    viewport: { width: 360, height: 640 }, dpr: 2, touch: true, mobile: true,
  });
  await tap(page, 5, 630);
  await settle(page);
  const field = centre(await findItem(page, 'Search guides', 'input'));
  await tap(page, field.x, field.y);
  await settle(page);
  await page.keyboard.type('insurance');
  await settle(page);
  const result = centre(await findItem(page, TITLE, 'link'));
  await tap(page, result.x, result.y);
  await settle(page);
  assert.match(page.url(), /#\/guide\/medical-help$/);

  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  const box = await findItem(page, ITEMS[0], 'checkbox');
  assert.ok(box.h >= 44, `touch target ${box.h} px tall`);
  await tap(page, centre(box).x, centre(box).y);
  await settle(page);
  assert.equal((await findItem(page, ITEMS[0], 'checkbox')).checked, true);
  await context.close();
});

test('an unreadable saved state is kept aside, reported, and the app still works', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  await page.evaluate(() => localStorage.setItem('ruvoya.progress', '{"version": 1, "guid'));
  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready);
  await settle(page);
  await findItem(page, 'could not be read', 'text');
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('ruvoya.progress.corrupt-'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"version": 1, "guid']);
  const link = centre(await scrollTo(page, TITLE, 'link'));
  await page.mouse.click(link.x, link.y);
  await settle(page);
  await findItem(page, TITLE, 'heading');
  await context.close();
});

test('when a guide changed under saved ticks, existing ticks stay and the reader is told',
     async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/checklist',
  });
  await click(page, ITEMS[0], 'checkbox');

  // the saved progress as an older revision of the guide would have left it
  await page.evaluate(() => {
    const doc = JSON.parse(localStorage.getItem('ruvoya.progress'));
    const entry = doc.guides['medical-help'];
    entry.checked.push('an-item-that-was-removed');
    entry.revision = '0123456789abcdef';
    localStorage.setItem('ruvoya.progress', JSON.stringify(doc));
  });
  await page.evaluate(() => { window.location.hash = '#/'; });
  await reload(page);
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help/checklist'; });
  await settle(page);
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help'; });
  await settle(page);
  const notice = await findItem(page, 'This guide was updated', 'text');
  assert.match(notice.label, /1 checklist items changed/);
  const saved = await stored(page);
  assert.deepEqual(saved.guides['medical-help'].checked.length, 1);
  assert.notEqual(saved.guides['medical-help'].revision, '0123456789abcdef');
  await context.close();
});

// waits until the guide opened by the address is drawn (its body comes after the first frame)
async function guideDrawn(page) {
  await page.waitForFunction(() => document.title.includes(' — '), null, { timeout: 10000 });
  await settle(page);
}

// the on-screen items a reader can see, by label and place
async function layout(page) {
  return (await items(page)).map((i) => `${i.kind}:${i.label}@${Math.round(i.y)}+${i.h}`);
}

test('wrapped text is measured again when the column narrows or the text grows',
     async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  await guideDrawn(page);
  const summary = (await items(page)).find((i) => i.kind === 'text' && i.label.length >= 100);
  assert.ok(summary, 'the guide opens with a summary');
  const height = async () => (await findItem(page, summary.label, 'text')).h;

  // sizes are remembered per wrap width: narrow wraps to more lines, wide again as before
  await page.setViewportSize({ width: 600, height: 800 });
  await settle(page);
  const narrow = await height();
  assert.ok(narrow > summary.h, `summary ${narrow} px tall at 600 px, ${summary.h} at 1280`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
  assert.equal(await height(), summary.h);

  // and per text size
  await page.evaluate(() => { window.location.hash = '#/settings'; });
  await settle(page);
  await click(page, 'Larger', 'button');
  await page.evaluate(() => { window.location.hash = '#/guide/medical-help'; });
  await guideDrawn(page);
  const larger = await height();
  assert.ok(larger > summary.h, `summary ${larger} px tall at a larger size, was ${summary.h}`);
  await context.close();
});

test('a long guide keeps its layout and its whole DOM tree wherever it is scrolled',
     async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/migration-registration',
  });
  await guideDrawn(page);
  const top = await layout(page);
  assert.equal((await items(page)).some((i) => i.kind === 'heading' &&
                                              i.label === 'Related guides'), false,
               'the last section starts off screen');

  // what is off screen is not drawn, yet the DOM tree holds it
  await page.waitForFunction(() => {
    const tree = document.getElementById('ruvoya-a11y').textContent;
    return tree.includes('Related guides') && tree.includes('Quick answers');
  }, null, { timeout: 5000 });

  // scrolled down, the sections below are there and drawn
  await scrollTo(page, 'Related guides', 'heading');
  await settle(page, 300);
  const ink = await darkPixels(page);
  assert.ok(ink > 2000, `expected the guide's end drawn, found ${ink} dark pixels`);

  // and back at the top everything is where it was
  const title = top.find((i) => i.startsWith('heading:'));
  for (let i = 0; i < 80 && !(await layout(page)).includes(title); i++) {
    await page.mouse.wheel(0, -1200);
    await settle(page, 100);
  }
  await settle(page, 300);
  assert.deepEqual(await layout(page), top);
  await context.close();
});

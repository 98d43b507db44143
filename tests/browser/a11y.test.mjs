// Accessibility tests in headless Chromium: the hidden semantic DOM tree found with
// Playwright's role queries only, a keyboard-only walk through the app, and axe-core on
// the catalogue and a guide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { findItem, openApp, settle, tap, useApp } from './harness.mjs';

// Chromium and a server of dist/ for this file's tests
const app = useApp();

const TITLE = 'How to get medical help as a foreigner';
const ITEM = 'Policy and insurer phone are found';
const SOURCES = 'Sources and report outdated information';

async function stored(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('ruvoya.progress') || '{}'));
}

// what has keyboard focus: its tag and the name a screen reader would read
async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const name = a.getAttribute('aria-label') ||
      (a.type === 'checkbox' ? a.parentElement.textContent : a.textContent);
    return { tag: a.tagName.toLowerCase(), type: a.type || '', name: (name || '').trim() };
  });
}

// presses a key until what has focus matches, at most `max` times
async function pressUntil(page, key, match, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (match(now)) return now;
  }
  const now = JSON.stringify(await focused(page));
  throw new Error(`${key} never reached the item; focus is on ${now}`);
}

test('role queries find the guide, its sections, and a checklist tick that lasts', async () => {
  const { context, page, errors } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  const main = page.getByRole('main');
  assert.equal(await main.getByRole('heading', { level: 1, name: TITLE }).count(), 1);

  // every section the section list names has its heading in the main content
  const nav = page.getByRole('navigation');
  const sections = await nav.getByRole('link').allTextContents();
  assert.ok(sections.length >= 9, `only ${sections.length} sections listed`);
  for (const name of sections) {
    if (name === SOURCES) {
      const toggle = main.getByRole('button', { name, exact: true, expanded: false });
      assert.equal(await toggle.count(), 1, `no closed section "${name}"`);
    } else {
      const heading = main.getByRole('heading', { level: 2, name, exact: true });
      assert.equal(await heading.count(), 1, `no heading "${name}"`);
    }
  }

  // ticked with the keyboard on the DOM checkbox, as a screen reader user would
  const box = main.getByRole('checkbox', { name: ITEM });
  assert.equal(await box.isChecked(), false);
  await box.focus();
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await box.isChecked(), true);
  assert.ok((await stored(page)).guides['medical-help'].checked.includes('policy-found'));

  // the canvas shows the tick too, and scrolled the box into view when it took focus
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true);

  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready);
  await settle(page);
  assert.equal(await page.getByRole('checkbox', { name: ITEM }).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the DOM tree follows the page: language, expanded state and progress', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  const main = page.getByRole('main');
  const toggle = main.getByRole('button', { name: SOURCES, exact: true });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await main.getByRole('textbox', { name: 'What looks wrong?' }).count(), 1);

  // an external link is a real link to its address
  const external = main.locator('a[href^="https://"]');
  assert.ok(await external.count() > 0, 'no external link with an address');
  assert.equal(await external.first().getAttribute('target'), '_blank');

  const bar = main.getByRole('progressbar');
  assert.equal(await bar.getAttribute('aria-valuenow'), '0');

  // the report form's section choice is a real select, kept by the app
  const choice = main.getByRole('combobox', { name: 'Which section?' });
  await choice.selectOption({ index: 4 });
  await settle(page);

  const russian = page.getByRole('banner').getByRole('button', { name: 'Русский' });
  assert.equal(await russian.getAttribute('lang'), 'ru');
  await russian.focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await main.getByRole('combobox').inputValue(), '4');
  const h1 = await main.getByRole('heading', { level: 1 }).textContent();
  assert.match(h1, /[А-Яа-я]/);
  await context.close();
});

test('keyboard alone: search, open a guide, tick an item, go back', async () => {
  const { context, page } = await openApp(app.browser, app.url);

  // Tab from the page enters the tree at the skip link, then moves in visual order
  const first = await pressUntil(page, 'Tab', () => true, 1);
  assert.equal(first.name, 'Skip to content');
  await pressUntil(page, 'Tab', (f) => f.tag === 'input' && f.name === 'Search guides', 20);
  await page.keyboard.type('insurance');
  await settle(page);
  assert.match(decodeURIComponent(page.url()), /#\/search\/insurance$/);

  await pressUntil(page, 'Tab', (f) => f.tag === 'a' && f.name === TITLE, 40);
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(page.url(), /#\/guide\/medical-help$/);
  assert.equal((await focused(page)).name, TITLE, 'focus went to the new page heading');

  await pressUntil(page, 'Tab', (f) => f.type === 'checkbox' && f.name.includes(ITEM));
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal(await page.getByRole('checkbox', { name: ITEM }).isChecked(), true);
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true, 'canvas followed focus');

  await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'button' && f.name.endsWith('Back'));
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match(page.url(), /#\/$/);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'All guides' }).count(), 1);
  await context.close();
});

test('Tab out of a field being edited on the canvas moves into the tree and stays', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  const field = await findItem(page, 'Search guides', 'input');
  await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
  await settle(page);
  await page.keyboard.type('sim');
  await settle(page);
  await page.keyboard.press('Tab');
  await settle(page);
  const inTree = await page.evaluate(() => document.getElementById('ruvoya-a11y')
    .contains(document.activeElement));
  assert.equal(inTree, true);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'sim');

  // focus went on from the search field to the first result
  const now = await focused(page);
  assert.equal(now.tag, 'a');
  assert.match(now.name, /SIM/);
  await context.close();
});

test('page and arrow keys scroll the content, from the canvas and from the tree', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  const y = async () => (await findItem(page, TITLE, 'heading')).y;
  const top = await y();
  await page.keyboard.press('ArrowDown');
  await settle(page);
  const down = await y();
  assert.ok(down < top - 20, `heading at ${down}, was at ${top}`);

  // with a button of the tree focused, the same keys still scroll
  await page.getByRole('button', { name: 'Whole guide' }).focus();
  await settle(page);
  const before = await y();
  await page.keyboard.press('ArrowDown');
  await settle(page);
  assert.ok(await y() < before - 20);
  await page.keyboard.press('PageDown');
  await settle(page);
  assert.equal((await page.evaluate(() => window.ruvoya.items()))
    .some((i) => i.kind === 'heading' && i.label === TITLE), false);
  await context.close();
});

test('Escape closes the emergency numbers opened from the DOM tree', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  await page.getByRole('button', { name: 'Emergency: 112' }).focus();
  await page.keyboard.press('Enter');
  await settle(page);
  await findItem(page, 'Close', 'button');

  // focus moves into the dialog, and the page behind it is out of reach
  const dialog = page.getByRole('dialog', { name: 'Emergency numbers' });
  assert.equal(await dialog.count(), 1);
  assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true);
  assert.equal(await page.locator('main').evaluate((m) => m.inert), true);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true);
  }

  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await page.evaluate(() => window.ruvoya.items()))
    .filter((i) => i.label === 'Close').length, 0);
  assert.equal(await dialog.count(), 0);
  assert.equal((await focused(page)).name, 'Emergency: 112');
  await context.close();
});

// replaces the browser's speech engine with a recorder (headless Chromium has no voices)
async function recordSpeech(page) {
  await page.evaluate(() => {
    const synth = window.speechSynthesis;
    window.spoken = [];
    window.speechCalls = [];
    synth.speak = (u) => window.spoken.push({ text: u.text, lang: u.lang });
    for (const name of ['cancel', 'pause', 'resume']) {
      synth[name] = () => window.speechCalls.push(name);
    }
  });
}

async function press(page, locator, key = 'Enter') {
  await locator.focus();
  await page.keyboard.press(key);
  await settle(page);
}

test('read aloud: the current step, a section or the guide, in its language', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help',
  });
  await recordSpeech(page);
  const main = page.getByRole('main');

  // the current step is the first one not done, and only it is read
  await press(page, main.getByRole('button', { name: 'Current step' }));
  let spoken = await page.evaluate(() => window.spoken);
  assert.ok(spoken.some((s) => s.text === 'Decide if it is urgent'), JSON.stringify(spoken));
  assert.ok(!spoken.some((s) => s.text === 'Call the insurer'));
  assert.ok(spoken.every((s) => s.lang === 'en'));

  // while reading, the controls turn into pause (then resume) and stop, keeping the focus
  assert.equal((await focused(page)).name, 'Stop');
  await press(page, main.getByRole('button', { name: 'Pause' }));
  assert.equal((await focused(page)).name, 'Resume');
  await page.keyboard.press('Enter');
  await settle(page);
  await press(page, main.getByRole('button', { name: 'Stop' }));
  assert.deepEqual((await page.evaluate(() => window.speechCalls)).slice(-3),
    ['pause', 'resume', 'cancel']);
  assert.equal(await main.getByRole('button', { name: 'Whole guide' }).count(), 1);

  // a section reads from its heading to the next one
  await page.evaluate(() => { window.spoken = []; });
  const sections = main.getByRole('button', { name: 'Read this section' });
  await press(page, sections.nth(7));
  spoken = (await page.evaluate(() => window.spoken)).map((s) => s.text);
  assert.equal(spoken[0], 'Quick answers');
  assert.ok(!spoken.includes('Related guides'), spoken.join(' | '));
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal(await main.getByRole('button', { name: 'Stop' }).count(), 0);

  // in Russian, the whole guide is read in Russian
  await press(page, page.getByRole('banner').getByRole('button', { name: 'Русский' }));
  await page.evaluate(() => { window.spoken = []; });
  await press(page, main.getByRole('button', { name: 'Всё руководство' }));
  spoken = await page.evaluate(() => window.spoken);
  assert.ok(spoken.length > 20, `${spoken.length} parts read`);
  assert.ok(spoken.every((s) => s.lang === 'ru'));
  assert.match(spoken[0].text, /[А-Яа-я]/);
  await context.close();
});

// the colour of one CSS pixel, decoded from a 1x1 PNG screenshot: with one pixel, every
// PNG row filter leaves the bytes as they are, so no unfiltering is needed
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const data = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') {
      data.push(png.subarray(at + 8, at + 8 + len));
    }
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  return [raw[1], raw[2], raw[3]];
}

test('the theme follows the system colour scheme and contrast until one is picked', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  const at = [6, 500];
  assert.deepEqual(await pixel(page, ...at), [0xf6, 0xf7, 0xf9]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle(page);
  assert.deepEqual(await pixel(page, ...at), [0x14, 0x17, 0x1c]);
  await page.emulateMedia({ colorScheme: 'dark', contrast: 'more' });
  await settle(page);
  assert.deepEqual(await pixel(page, ...at), [0, 0, 0]);

  // a theme picked in Settings wins, now and after a reload
  await page.getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await page.getByRole('button', { name: 'High contrast', pressed: true }).count(),
               1);
  await page.getByRole('button', { name: /Light/ }).focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(await pixel(page, ...at), [0xf6, 0xf7, 0xf9]);
  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready);
  await settle(page);
  assert.deepEqual(await pixel(page, ...at), [0xf6, 0xf7, 0xf9]);
  await context.close();
});

test('with reduced motion a wheel notch scrolls at once instead of gliding', async () => {
  const { context, page } = await openApp(app.browser, app.url);

  // how far a heading moved two animation frames after one notch (the first frame takes
  // the notch, the second shows it)
  async function moved() {
    const before = await findItem(page, 'Documents', 'heading');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 120);
    await page.evaluate(() => new Promise((done) => {
      requestAnimationFrame(() => requestAnimationFrame(done));
    }));
    const after = await findItem(page, 'Documents', 'heading');
    await settle(page);
    return before.y - after.y;
  }
  assert.ok(await moved() < 120, 'without the preference a notch glides');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await page.waitForFunction(() => window.ruvoya && window.ruvoya.ready);
  await settle(page);
  assert.equal(await moved(), 120);
  await context.close();
});

// axe-core runs inside the page; its source goes in through DevTools, which the page's
// script policy does not restrict
async function axe(page) {
  const require = createRequire(import.meta.url);
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
  }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('targets are at least 24 CSS px with a mouse and 44 on a touch screen', async () => {
  for (const touch of [false, true]) {
    const { context, page } = await openApp(app.browser, app.url, {
      hash: '#/guide/medical-help', viewport: touch ? { width: 360, height: 640 } : undefined,
      touch, mobile: touch, dpr: touch ? 2 : 1,
    });
    // on a touch screen targets grow from the first tap on (here on empty space)
    if (touch) {
      await tap(page, 5, 630);
      await settle(page);
    }
    const min = touch ? 44 : 24;
    const targets = (await page.evaluate(() => window.ruvoya.items()))
      .filter((i) => /^(button|link|checkbox|disclosure|input|combobox)$/.test(i.kind));
    assert.ok(targets.length > 5, `${targets.length} targets on screen`);
    const small = targets.filter((i) => i.h < min - 0.5 || i.w < min - 0.5)
      .map((i) => `${i.kind}:${i.label}:${Math.round(i.w)}x${Math.round(i.h)}`);
    assert.deepEqual(small, [], touch ? 'touch' : 'mouse');
    await context.close();
  }
});

test('axe-core finds no serious or critical violations on the catalogue', async () => {
  const { context, page } = await openApp(app.browser, app.url);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('axe-core finds no serious or critical violations on a guide', async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/report',
  });
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test("a setting's current choice is announced as a pressed toggle", async () => {
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/settings',
  });
  await page.getByRole('button', { name: 'Dark', exact: true }).focus();
  await page.keyboard.press('Enter');
  await settle(page);
  await assertPressed(page, 'Dark', true);
  await assertPressed(page, 'Light', false);
  await assertPressed(page, 'English', true);
  await context.close();
});

async function assertPressed(page, name, pressed) {
  const button = page.getByRole('button', { name, exact: true });
  assert.equal(await button.getAttribute('aria-pressed'), pressed ? 'true' : 'false', name);
}

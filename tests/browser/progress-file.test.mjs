// Taking progress along: export to a file, clear the browser, import with a preview;
// a damaged file changes nothing and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  centre, click, findItem, openApp, reload, settle, useApp,
} from './harness.mjs';

// Chromium and a server of dist/ for this file's tests
const app = useApp();

const ITEM = 'Policy and insurer phone are found';

async function go(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await settle(page);
}

// FIXME: on a busy CI machine a click here once opened no file chooser (30 s timeout);
// the cause is not known (suspect: the settings page still laying out after the hash
// change, so the button was not where the screen view said). The click is now retried
// after settling; an app that never opens the chooser still fails all three.
async function importFile(page, path) {
  let chooser = null;
  for (let attempt = 1; !chooser; attempt++) {
    const { x, y } = centre(await findItem(page, 'Load progress from a file', 'button'));
    const waiting = page.waitForEvent('filechooser', { timeout: 8000 }).catch(() => null);
    await page.mouse.click(x, y);
    chooser = await waiting;
    if (!chooser && attempt === 3) {
      throw new Error('three clicks on "Load progress from a file" opened no file chooser');
    }
    if (!chooser) await settle(page);
  }
  await chooser.setFiles(path);
  await page.waitForTimeout(300);
  await settle(page);
}

test('progress exported to a file comes back after storage is cleared', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ruvoya-export-'));
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/checklist',
  });
  await click(page, ITEM, 'checkbox');
  await go(page, '#/settings');
  const { x, y } = centre(await findItem(page, 'Save progress to a file', 'button'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(x, y)]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.match(await readFile(file, 'utf8'), /"format":\s*"ruvoya-progress"/);

  // a fresh browser state: nothing ticked
  await page.evaluate(() => localStorage.clear());
  await reload(page);
  await go(page, '#/guide/medical-help/checklist');
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, false);

  // the import says what it will do, and does it only when asked
  await go(page, '#/settings');
  await importFile(page, file);
  const preview = await findItem(page, 'This file holds', 'status');
  assert.match(preview.label, /1 added/);
  await click(page, 'Load it', 'button');
  await findItem(page, 'Progress loaded', 'status');
  await go(page, '#/guide/medical-help/checklist');
  assert.equal((await findItem(page, ITEM, 'checkbox')).checked, true);
  await context.close();
});

test('importing a damaged file changes nothing and says why', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ruvoya-import-'));
  const damaged = join(dir, 'progress.json');
  await writeFile(damaged, '{"format": "ruvoya-progress", "version": 1, "guides": {"medi');
  const { context, page } = await openApp(app.browser, app.url, {
    hash: '#/guide/medical-help/checklist',
  });
  await click(page, ITEM, 'checkbox');
  const before = await page.evaluate(() => localStorage.getItem('ruvoya.progress'));
  await go(page, '#/settings');
  await importFile(page, damaged);
  const refused = await findItem(page, 'nothing changed', 'status');
  assert.match(refused.label, /damaged/);
  assert.equal(await page.evaluate(() => localStorage.getItem('ruvoya.progress')), before);
  await context.close();
});

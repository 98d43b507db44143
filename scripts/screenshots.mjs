// Renders the screenshots in docs/screenshots/ from the built dist/: the catalogue and a
// guide at phone and desktop sizes. Run after `make dist`: node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import { launch, openApp, startServer } from '../tests/browser/harness.mjs';

const SHOTS = [
  { name: 'catalogue-desktop', width: 1440, height: 900, dpr: 1, hash: '' },
  { name: 'guide-desktop', width: 1440, height: 900, dpr: 1, hash: '#/guide/medical-help' },
  { name: 'catalogue-phone', width: 390, height: 844, dpr: 2, hash: '', touch: true },
  { name: 'guide-phone', width: 390, height: 844, dpr: 2, touch: true,
    hash: '#/guide/medical-help/checklist' },
  { name: 'kiosk-attract', width: 1920, height: 1080, dpr: 1, hash: '?kiosk=1' },
];

const browser = await launch();
const { server, url } = await startServer('dist');
await mkdir('docs/screenshots', { recursive: true });
for (const shot of SHOTS) {
  const { context, page } = await openApp(browser, url, {
    viewport: { width: shot.width, height: shot.height }, dpr: shot.dpr,
    touch: shot.touch, mobile: shot.touch, hash: shot.hash,
  });
  await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
  await context.close();
  console.log(`docs/screenshots/${shot.name}.png`);
}
await browser.close();
server.close();

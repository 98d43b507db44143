// Writes dist/ruvoya.html: the whole app in one file, to double-click or open from a USB
// stick with no network. Made from the assembled dist/ (the same build as the site): the
// style, the loader and the app's script inline, the favicon as a data: URI, and the wasm
// and the guides' bodies as base64 in non-executing <script> elements that the loader
// decodes. No service worker and no manifest (neither works from file://). Its
// Content-Security-Policy allows exactly the inline code it carries, by hash, and no
// network at all.
//   node web/single-file.mjs <dist-dir> <out.html>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

function hash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// text that would end or confuse an inline element is written in an equivalent form
function inlineSafe(code, tag) {
  return code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

// replaces the one match of pattern in html; a missing match means index.html changed
// shape, which must stop the build rather than yield a page that silently needs the network
function replaceOnce(html, pattern, by, what) {
  const found = html.match(new RegExp(pattern.source, 'g'));
  if (!found || found.length !== 1) {
    throw new Error(`index.html: expected one ${what} (${pattern}), found ${found?.length || 0}`);
  }
  return html.replace(pattern, () => by);
}

export function buildSingleFile(dist) {
  const read = (name) => readFileSync(join(dist, name));
  let html = read('index.html').toString('utf8');
  const style = inlineSafe(read('style.css').toString('utf8'), 'style');
  const loader = inlineSafe(read('loader.js').toString('utf8'), 'script');
  const app = inlineSafe(read('ruvoya.js').toString('utf8'), 'script');
  const wasm = read('ruvoya.wasm').toString('base64');
  const bodies = read('bodies.bin').toString('base64');
  const icon = read('favicon.svg').toString('base64');

  const policy = [
    "default-src 'none'",
    `script-src ${hash(loader)} ${hash(app)} 'wasm-unsafe-eval'`,
    `style-src ${hash(style)}`,
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`, 'CSP meta element');
  html = replaceOnce(html, /\s*<link rel="manifest"[^>]*>/, '', 'manifest link');
  html = replaceOnce(html, /\s*<link rel="apple-touch-icon"[^>]*>/, '', 'apple-touch-icon link');
  html = replaceOnce(html, /href="favicon\.svg"/, `href="data:image/svg+xml;base64,${icon}"`,
    'favicon link');
  html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/,
    `<style>${style}</style>`, 'stylesheet link');
  html = replaceOnce(html, /\s*<script src="loader\.js" defer><\/script>/, '', 'loader script');

  // at the end of the body, in order: the wasm and the guides' bodies (data only), the
  // loader, the app
  const scripts = `<script type="application/octet-stream" id="ruvoya-wasm">${wasm}</script>\n` +
    `<script type="application/octet-stream" id="ruvoya-bodies">${bodies}</script>\n` +
    `<script>${loader}</script>\n<script>${app}</script>\n`;
  html = replaceOnce(html, /<\/body>/, `${scripts}</body>`, '</body>');
  return html;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dist, out] = process.argv.slice(2);
  if (!dist || !out) {
    console.error('usage: node web/single-file.mjs <dist-dir> <out.html>');
    process.exit(2);
  }
  try {
    writeFileSync(out, buildSingleFile(dist));
  } catch (err) {
    console.error(`single-file: ${err.message}`);
    process.exit(1);
  }
}

// Derives every icon of the site from the one source SVG (web/icon.svg), at build time:
//   favicon.svg                     the source with rounded corners
//   icons/icon-192.png, -512.png    the same, for the web app manifest ("any")
//   icons/icon-maskable-512.png     the full-bleed source; the platform cuts its own shape
//   icons/apple-touch-icon.png      180 px, full bleed and opaque, as iOS wants it
// PNGs come from rsvg-convert (Debian's librsvg2-bin).
//   node web/icons.mjs <source.svg> <dist-dir>
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CORNER_RADIUS = 14 / 64;

// the source without comments, and its square size from the viewBox
function parse(svg) {
  const text = svg.replace(/<!--[\s\S]*?-->/g, '').trim();
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(text);
  if (!box || box[1] !== box[2]) throw new Error('the icon needs a square viewBox="0 0 N N"');
  return { text, size: Number(box[1]) };
}

// the source clipped to a rounded square, as one self-contained SVG
function rounded({ text, size }) {
  const r = +(size * CORNER_RADIUS).toFixed(3);
  const inner = text.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">` +
    `<clipPath id="c"><rect width="${size}" height="${size}" rx="${r}"/></clipPath>` +
    `<g clip-path="url(#c)">${inner}</g></svg>\n`;
}

function png(svg, px, out) {
  const bytes = execFileSync('rsvg-convert', ['--width', `${px}`, '--height', `${px}`,
    '--format', 'png'], { input: svg, maxBuffer: 64 << 20 });
  writeFileSync(out, bytes);
}

export function buildIcons(sourcePath, dist) {
  const source = parse(readFileSync(sourcePath, 'utf8'));
  const round = rounded(source);
  mkdirSync(join(dist, 'icons'), { recursive: true });
  writeFileSync(join(dist, 'favicon.svg'), round);
  png(round, 192, join(dist, 'icons/icon-192.png'));
  png(round, 512, join(dist, 'icons/icon-512.png'));
  png(source.text, 512, join(dist, 'icons/icon-maskable-512.png'));
  png(source.text, 180, join(dist, 'icons/apple-touch-icon.png'));
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [source, dist] = process.argv.slice(2);
  if (!source || !dist) {
    console.error('usage: node web/icons.mjs <source.svg> <dist-dir>');
    process.exit(2);
  }
  try {
    buildIcons(source, dist);
  } catch (err) {
    const hint = err.code === 'ENOENT' ? ' (rsvg-convert is in librsvg2-bin: make deps)' : '';
    console.error(`icons: ${err.message}${hint}`);
    process.exit(1);
  }
}

// Says what a .wasm is made of: bytes per section, the data segments, and the code grouped
// by the owner of each function (Dear ImGui, the app's UI, the content model, search, JSON,
// the C++ library...). Function names come from the wasm's "name" section, so link with
// --profiling-funcs for a useful answer (a release build has no names). Not part of
// `make bench`: docs/performance.md shows how to build such a wasm and run this.
//   node bench/wasm-size.mjs <file.wasm> [top-n]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount'];

// who owns a function, from its (demangled) name; first match wins
const OWNERS = [
  ['nlohmann::json', /nlohmann/],
  ['Dear ImGui', /^(ImGui|Im[A-Z]|ImGui_|stbtt|stb_|STB|ImFont|ImDraw|ImStb)/],
  ['app UI (ruvoya::ui)', /ruvoya::ui/],
  ['platform (src/platform)', /ruvoya::platform|ruvoya_web|^on_|render_frame/],
  ['content model (ruvoya::content)', /ruvoya::content/],
  ['search (ruvoya::search)', /ruvoya::search/],
  ['text folding (ruvoya::text)', /ruvoya::text/],
  ['other ruvoya core', /ruvoya/],
  ['C++ library (std::)', /std::|__cxx|__cxa|operator new|operator delete/],
  ['C library and runtime',
    /^(em|_em|__|mem|str|malloc|free|sbrk|s?n?printf|vfprintf|fmt|frexp|qsort|ato|is|to)/],
];

function leb(bytes, at) {
  let result = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, pos];
  }
}

function name(bytes, at) {
  const [len, pos] = leb(bytes, at);
  return [Buffer.from(bytes.subarray(pos, pos + len)).toString('utf8'), pos + len];
}

// sections, function body sizes (by function index) and function names
export function parse(bytes) {
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = leb(bytes, pos + 1);
    const end = start + size;
    let label = SECTIONS[id] || `id ${id}`;
    if (id === 0) label = `custom "${name(bytes, start)[0]}"`;
    sections.push({ label, size: end - pos });
    if (id === 2) {
      // imports: functions among them come first in the function index space
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        [, p] = name(bytes, p);
        [, p] = name(bytes, p);
        const kind = bytes[p++];
        if (kind === 0) {
          imported++;
          [, p] = leb(bytes, p);
        } else if (kind === 1) {
          p += 1;
          const [flags, q] = leb(bytes, p);
          [, p] = leb(bytes, q);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const [flags, q] = leb(bytes, p);
          [, p] = leb(bytes, q);
          if (flags & 1) [, p] = leb(bytes, p);
        } else {
          p += 2;
        }
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [len, q] = leb(bytes, p);
        bodies.push({ index: imported + i, size: q - p + len });
        p = q + len;
      }
    } else if (id === 0 && name(bytes, start)[0] === 'name') {
      let p = name(bytes, start)[1];
      while (p < end) {
        const kind = bytes[p];
        const [len, q] = leb(bytes, p + 1);
        if (kind === 1) {
          let [count, r] = leb(bytes, q);
          for (let i = 0; i < count; i++) {
            let index;
            let n;
            [index, r] = leb(bytes, r);
            [n, r] = name(bytes, r);
            names.set(index, n);
          }
        }
        p = q + len;
      }
    }
    pos = end;
  }
  return { sections, bodies, names };
}

function owner(fn) {
  for (const [label, re] of OWNERS) if (re.test(fn)) return label;
  return 'unattributed';
}

function main() {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/wasm-size.mjs <file.wasm> [top-n]');
    process.exit(2);
  }
  const bytes = readFileSync(file);
  const { sections, bodies, names } = parse(bytes);
  const br = zlib.brotliCompressSync(bytes).length;
  console.log(`${file}: ${bytes.length} bytes, ${br} brotli`);
  console.log('\nsections:');
  for (const s of sections) console.log(`  ${String(s.size).padStart(9)}  ${s.label}`);

  const groups = new Map();
  for (const b of bodies) {
    const fn = names.get(b.index) || '';
    const g = owner(fn);
    groups.set(g, (groups.get(g) || 0) + b.size);
  }
  const code = bodies.reduce((a, b) => a + b.size, 0);
  console.log(`\ncode by owner (${bodies.length} functions, ${code} bytes` +
    `${names.size ? '' : '; no name section: link with --profiling-funcs'}):`);
  for (const [g, size] of [...groups].sort((a, b) => b[1] - a[1])) {
    const share = ((100 * size) / code).toFixed(1).padStart(5);
    console.log(`  ${String(size).padStart(9)}  ${share} %  ${g}`);
  }
  console.log(`\nlargest ${top} functions:`);
  for (const b of [...bodies].sort((a, c) => c.size - a.size).slice(0, Number(top))) {
    const fn = names.get(b.index) || `#${b.index}`;
    console.log(`  ${String(b.size).padStart(9)}  ${fn.slice(0, 88)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) main();

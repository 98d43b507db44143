// A small static file server for dist/: correct MIME types (wasm included), no directory
// listing, nothing outside the folder, loopback only. Every file is revalidated (no-cache
// with an ETag), so the service worker always sees the current deploy. `make run` uses it,
// and so do the browser tests (import { serve } from './serve.mjs').
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

// the headers docs/hosting.md asks of a real host; a page's Content-Security-Policy is its
// own <meta> one plus frame-ancestors, which only works as a header
const PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
  'bluetooth=(), hid=(), midi=()';
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

function pageHeaders(file, body) {
  if (extname(file) !== '.html') return {};
  const meta = META_CSP.exec(body.toString('utf8'));
  return {
    ...(meta && { 'Content-Security-Policy': `${meta[1]}; frame-ancestors 'none'` }),
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS,
  };
}

// serves root on host:port (port 0 picks a free one); resolves to { server, url }
export function serve(root, { port = 8080, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' }).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
        ...pageHeaders(file, body),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: bound } = server.address();
      ok({ server, url: `http://${host}:${bound}/` });
    });
  });
}

// node web/serve.mjs <dir> [port]
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  serve(dir, { port: Number(port) })
    .then(({ url }) => console.log(`Ruvoya is served at ${url}  (Ctrl+C stops it)`))
    .catch((err) => {
      console.error(`serve: cannot listen on port ${port}: ${err.message}` +
        (err.code === 'EADDRINUSE' ? ` (try: make run PORT=${Number(port) + 1})` : ''));
      process.exit(1);
    });
}

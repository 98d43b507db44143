// Ruvoya's service worker: keeps one version of the site in a cache of its own, so the app
// starts and works with no network, and serves every file of a page from that one version.
// This file is a template: web/precache.mjs copies it to dist/sw.js with BUILD filled in
// (the version and the SHA-256 of every file), so each deploy is a new service worker.
//
// Life of a version:
//   install   fetch every file, check each against its hash, keep them in a new cache;
//             any mismatch (a half-finished deploy) fails the install, to be retried later
//   waiting   the page shows "Updated guides are ready"; its Reload button sends
//             'skip-waiting'
//   activate  drop every older cache; the swap is atomic, since each version reads only
//             its own cache
'use strict';

const BUILD = { version: 'template', files: {} };

const PREFIX = 'ruvoya-';
const CACHE = PREFIX + BUILD.version;
const INDEX = 'index.html';

// the path of a URL relative to this worker's scope, or null when it is outside it
function scopePath(url) {
  const u = new URL(url);
  const scope = new URL(self.registration.scope);
  if (u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return null;
  return decodeURIComponent(u.pathname.slice(scope.pathname.length));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function fetchChecked(cache, path, expected) {
  // revalidate with the server: a stale HTTP cache entry would only fail the hash check
  const response = await fetch(new Request(path, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const copy = response.clone();
  const body = await response.arrayBuffer();
  const actual = hex(await crypto.subtle.digest('SHA-256', body));
  if (actual !== expected) {
    throw new Error(`${path}: the server has another version of this file (deploy under way?)`);
  }

  // a redirected response cannot answer a navigation, so keep a clean copy of it
  const kept = response.redirected
    ? new Response(body, { headers: { 'Content-Type': response.headers.get('Content-Type') } })
    : copy;
  await cache.put(path, kept);
}

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(Object.entries(BUILD.files).map(([p, h]) => fetchChecked(cache, p, h)));
  } catch (err) {
    // a half-filled cache must never be served: drop it, and the install fails
    await caches.delete(CACHE);
    throw err;
  }
}

async function dropOldCaches() {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE)
    .map((k) => caches.delete(k)));
}

async function fromCache(path, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(path);

  // the cache can be evicted under storage pressure: the network is the fallback
  return hit || fetch(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  // claim also takes the very first page, so it hears about the next update
  event.waitUntil(dropOldCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  let path = scopePath(request.url);
  if (path === null) return;

  // any navigation to the app's root is the page itself; the route lives in the hash
  if (request.mode === 'navigate' && path === '') path = INDEX;
  if (!Object.prototype.hasOwnProperty.call(BUILD.files, path)) return;
  event.respondWith(fromCache(path, request));
});

// Starts the app: checks that the browser can run it, downloads the wasm with a progress
// bar, and says plainly what went wrong instead of leaving a blank page. No inline script:
// the hosted build's Content-Security-Policy allows scripts from the site itself only.
//
// After the first frame, once the page is idle, it also:
//   - registers the service worker (web/sw.js) that makes the app work offline, and shows
//     the "Updated guides are ready" notice when a new version has been downloaded;
//   - asks the browser to keep the site's storage (navigator.storage.persist()).
// In the one-file build (dist/ruvoya.html, made by web/single-file.mjs) the wasm comes
// from the page itself and there is no service worker.
//
// Hooks on window.ruvoya (the app adds its own to the same object):
//   storagePersisted  true/false once known, null when unknown; 'ruvoya-persist' event
//   offlineReady      true once this version is stored for offline use; 'ruvoya-offline'
//   updateReady       true once a downloaded update waits for Reload; 'ruvoya-update'
//   checkForUpdate()  asks the server for a new version now; resolves when the check ends
(function () {
  'use strict';

  var ru = /^ru\b/i.test(navigator.language || '');
  var text = {
    loading: ru ? 'Загружаем справочники…' : 'Loading guides…',
    retry: ru ? 'Попробовать снова' : 'Try again',
    wasm: ru
      ? 'Этот браузер не поддерживает WebAssembly. ' +
        'Откройте Ruvoya в свежей версии Chrome, Firefox, Safari или Edge.'
      : 'This browser cannot run WebAssembly. ' +
        'Please open Ruvoya in a current Chrome, Firefox, Safari or Edge.',
    webgl: ru
      ? 'Этот браузер или устройство не поддерживает WebGL 2, без которого Ruvoya ' +
        'не может рисовать. Попробуйте другой браузер или включите аппаратное ускорение.'
      : 'This browser or device does not support WebGL 2, which Ruvoya needs to draw. ' +
        'Try another browser or turn on hardware acceleration.',
    download: ru
      ? 'Не удалось загрузить Ruvoya. Проверьте подключение к интернету и попробуйте снова.'
      : 'Ruvoya could not be downloaded. Check your connection and try again.',
    abort: ru
      ? 'Ruvoya остановилась из-за ошибки. Обновите страницу; ваш прогресс сохранён.'
      : 'Ruvoya stopped because of an error. Please reload; your progress is saved.',
  };

  // the update notice follows the app's language (<html lang>), which the app may change
  var updateText = {
    en: { ready: 'Updated guides are ready', reload: 'Reload', later: 'Later' },
    ru: { ready: 'Готовы обновлённые справочники', reload: 'Обновить', later: 'Позже' },
  };

  // a visible tab asks for updates at most this often; nothing polls in the background
  var UPDATE_CHECK_GAP_MS = 5 * 60 * 1000;

  var hooks = (window.ruvoya = window.ruvoya || {});
  var loading = document.getElementById('loading');
  var bar = document.getElementById('loading-progress');
  var inlineWasm = document.getElementById('ruvoya-wasm');
  document.getElementById('loading-text').textContent = text.loading;
  if (ru) document.documentElement.lang = 'ru';

  // The loading screen appears only when the app has not started after this long. A quick
  // start then shows no flash of it, and its text is not laid out at all: the page's first
  // text costs a font lookup that would otherwise delay the app's first frame.
  var LOADING_SCREEN_DELAY_MS = 400;
  var loadingTimer = setTimeout(function () {
    if (!document.documentElement.classList.contains('ruvoya-ready')) loading.hidden = false;
  }, LOADING_SCREEN_DELAY_MS);

  function fail(kind, detail) {
    if (detail) console.error('ruvoya: ' + kind + ': ' + detail);
    clearTimeout(loadingTimer);
    loading.hidden = true;
    var box = document.getElementById('error');
    document.getElementById('error-text').textContent = text[kind] || text.abort;
    var retry = document.getElementById('error-retry');
    retry.textContent = text.retry;
    retry.hidden = kind === 'wasm' || kind === 'webgl';
    retry.onclick = function () { window.location.reload(); };
    box.hidden = false;
    document.getElementById('canvas').hidden = true;
  }
  window.ruvoyaFail = fail;

  // in the one-file build the app's script follows this one in the page: give it a Module
  // that never starts, so a browser that cannot run the app shows only the message
  function stop(kind) {
    if (inlineWasm) window.Module = { instantiateWasm: function () { return {}; } };
    fail(kind);
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return stop('wasm');
  }
  // only whether WebGL 2 exists at all: a context made here just to ask would cost the
  // start-up tens of milliseconds. A device that has it but refuses a context is reported
  // by the app itself, when its own context cannot be made.
  if (typeof WebGL2RenderingContext !== 'function') {
    return stop('webgl');
  }

  // ---- getting the wasm --------------------------------------------------------------

  // The wasm comes through fetch so that its progress can be shown: it compiles while it
  // downloads (compileStreaming), and the bar counts its bytes as they pass; without
  // streaming support it is read whole, then compiled.
  function fetchOk(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response;
    });
  }

  function download(url) {
    return fetchOk(url).then(function (response) {
      var streaming = typeof WebAssembly.compileStreaming === 'function' &&
        /^application\/wasm\b/.test(response.headers.get('Content-Type') || '');
      var tracked = withProgress(response);
      if (streaming) return WebAssembly.compileStreaming(tracked);
      return tracked.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  function withProgress(response) {
    // a compressed response's length is not the wasm's: the bar then just moves
    var encoded = /\S/.test(response.headers.get('Content-Encoding') || '');
    var total = encoded ? 0 : Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total || typeof TransformStream !== 'function') return response;
    var received = 0;
    var counted = response.body.pipeThrough(new TransformStream({
      transform: function (chunk, controller) {
        received += chunk.length;
        bar.value = Math.min(99, Math.round((received / total) * 100));
        controller.enqueue(chunk);
      },
    }));
    return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
  }

  // any other file, read whole by the browser
  function downloadBytes(url) {
    return fetchOk(url)
      .then(function (response) { return response.arrayBuffer(); })
      .then(function (buffer) { return new Uint8Array(buffer); });
  }

  // the one-file build carries the wasm and the guides' bodies as base64 in non-executing script
  // elements
  function embedded(element) {
    return new Promise(function (resolve) {
      var raw = atob(element.textContent.replace(/\s+/g, ''));
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      resolve(bytes);
    });
  }

  // ---- keeping the storage -------------------------------------------------------------

  function announcePersisted(value) {
    hooks.storagePersisted = value;
    window.dispatchEvent(new Event('ruvoya-persist'));
  }

  // saved progress lives in localStorage; ask the browser not to evict it under pressure
  function persistStorage() {
    var storage = navigator.storage;
    if (!storage || typeof storage.persist !== 'function') return announcePersisted(null);
    var known = typeof storage.persisted === 'function'
      ? storage.persisted() : Promise.resolve(false);
    known
      .then(function (already) { return already || storage.persist(); })
      .then(function (granted) { announcePersisted(granted === true); })
      .catch(function () { announcePersisted(null); });
  }

  // ---- offline use and updates -----------------------------------------------------------

  var registration = null;
  var lastCheck = 0;
  var reloading = false;

  function language() {
    var lang = document.documentElement.lang || navigator.language || '';
    return /^ru\b/i.test(lang) ? 'ru' : 'en';
  }

  function renderNotice() {
    var words = updateText[language()];
    document.getElementById('update-text').textContent = words.ready;
    document.getElementById('update-reload').textContent = words.reload;
    document.getElementById('update-later').textContent = words.later;
  }

  // the new version takes over, then the page reloads once, into it
  function applyUpdate() {
    if (reloading) return;
    reloading = true;
    var waiting = registration && registration.waiting;
    if (!waiting) return window.location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      window.location.reload();
    });
    waiting.postMessage({ type: 'skip-waiting' });

    // should the switch not be reported, reloading anyway is safe: a still-waiting
    // version shows the notice again and nothing reloads without a press
    setTimeout(function () { window.location.reload(); }, 4000);
  }

  function showNotice() {
    if (hooks.updateReady) return;
    hooks.updateReady = true;
    renderNotice();
    document.getElementById('update-reload').onclick = applyUpdate;
    document.getElementById('update-later').onclick = function () {
      document.getElementById('update-body').hidden = true;
    };
    document.getElementById('update-body').hidden = false;
    window.dispatchEvent(new Event('ruvoya-update'));
  }

  // a version that finished installing while an older one runs this page is an update
  function watchInstall(worker) {
    if (!worker) return;
    worker.addEventListener('statechange', function () {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) showNotice();
    });
  }

  function checkForUpdate() {
    if (!registration) return Promise.resolve();
    lastCheck = Date.now();

    // offline or a failing server: try again the next time the tab comes back
    return registration.update().then(function () {}, function () {});
  }

  function markOfflineReady() {
    hooks.offlineReady = true;
    window.dispatchEvent(new Event('ruvoya-offline'));
  }

  function startServiceWorker() {
    // the one-file build is for file://, and stays self-contained wherever it is served
    if (inlineWasm || !('serviceWorker' in navigator)) return;
    if (!/^https?:$/.test(window.location.protocol)) return;
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      registration = reg;
      lastCheck = Date.now();
      if (reg.waiting && navigator.serviceWorker.controller) showNotice();
      watchInstall(reg.installing);
      reg.addEventListener('updatefound', function () { watchInstall(reg.installing); });
      return navigator.serviceWorker.ready.then(markOfflineReady);
    }).catch(function (err) {
      console.warn('ruvoya: offline use is not available: ' + err);
    });

    // coming back to the tab is when a new version matters; no timers in between
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - lastCheck >= UPDATE_CHECK_GAP_MS) checkForUpdate();
    });
    new MutationObserver(function () { if (hooks.updateReady) renderNotice(); })
      .observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hooks.storagePersisted = null;
  hooks.offlineReady = false;
  hooks.updateReady = false;
  hooks.checkForUpdate = checkForUpdate;

  // ---- starting ------------------------------------------------------------------------

  // Both wait until the first frame is on screen and the page is idle: the service worker
  // downloads and compiles the app again for its offline copy, which on a phone's few cores
  // would slow the first frame down.
  function started() {
    var go = function () {
      persistStorage();
      startServiceWorker();
    };
    var whenIdle = function () {
      if (typeof window.requestIdleCallback === 'function') {
        window.requestIdleCallback(go, { timeout: 2000 });
      } else {
        setTimeout(go, 200);
      }
    };
    if (typeof hooks.frames === 'function' && hooks.frames() > 0) return whenIdle();
    window.addEventListener('ruvoya-first-frame', whenIdle, { once: true });
  }

  // the wasm is fetched and compiled from now on, while ruvoya.js downloads beside it
  var compiled = inlineWasm
    ? embedded(inlineWasm).then(function (bytes) { return WebAssembly.compile(bytes); })
    : download('ruvoya.wasm');
  compiled.catch(function (err) { fail(inlineWasm ? 'abort' : 'download', String(err)); });

  // The guides' bodies (steps, checklists, links) come in a file of their own: the app has
  // what its catalogue shows built in. A page that opens on a guide, a search or a
  // hand-off needs them at once; otherwise they wait for the first frame, so that a big
  // catalogue is on screen before all its guides have arrived. A failed fetch is tried
  // twice more; the app is told either way.
  var BODIES_RETRY_MS = [1000, 4000];

  function fetchBodies(attempt) {
    var got = inlineWasm
      ? embedded(document.getElementById('ruvoya-bodies'))
      : downloadBytes('bodies.bin');
    got.then(function (bytes) {
      window.Module.ruvoyaBodies = bytes;
      window.dispatchEvent(new Event('ruvoya-bodies'));
    }, function (err) {
      if (attempt < BODIES_RETRY_MS.length) {
        setTimeout(function () { fetchBodies(attempt + 1); }, BODIES_RETRY_MS[attempt]);
        return;
      }
      console.error('ruvoya: the guides could not be downloaded: ' + err);
      window.Module.ruvoyaBodiesFailed = true;
      window.dispatchEvent(new Event('ruvoya-bodies'));
    });
  }

  // The first use of localStorage in a page opens the site's storage, a wait of several
  // milliseconds. Done now, it overlaps the download instead of delaying the first frame,
  // whose settings (language, text size) the app reads from there.
  try {
    void window.localStorage.length;
  } catch (err) {
    // storage refused (private mode, policy): the app works without saved progress
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: function (imports, done) {
      compiled
        .then(function (module) {
          return WebAssembly.instantiate(module, imports).then(function (instance) {
            bar.value = 100;
            done(instance, module);
          });
        })
        .catch(function (err) { fail(inlineWasm ? 'abort' : 'download', String(err)); });
      return {};
    },
    postRun: [started],
    onAbort: function (what) { fail('abort', String(what)); },
    print: function (line) { console.log(line); },
    printErr: function (line) { console.warn(line); },
  };

  if (/^#\/(guide|search|take)\//.test(window.location.hash)) {
    fetchBodies(0);
  } else {
    // from a task of its own: the first frame is painted before the fetch starts
    window.addEventListener('ruvoya-first-frame', function () {
      setTimeout(function () { fetchBodies(0); }, 0);
    }, { once: true });
  }

  // the one-file build has the app's script inline, right after this one
  if (inlineWasm) return;
  var script = document.createElement('script');
  script.src = 'ruvoya.js';
  script.onerror = function () { fail('download', 'ruvoya.js'); };
  document.body.appendChild(script);
})();

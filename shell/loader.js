// Starts the app: checks that the browser can run it, downloads the wasm with a progress
// bar, and says plainly what went wrong instead of leaving a blank page. No inline script:
// the hosted build's Content-Security-Policy allows scripts from the site itself only.
(function () {
  'use strict';

  var ru = /^ru\b/i.test(navigator.language || '');
  var text = {
    loading: ru ? 'Загружаем справочники…' : 'Loading guides…',
    retry: ru ? 'Попробовать снова' : 'Try again',
    wasm: ru
      ? 'Этот браузер не поддерживает WebAssembly. Откройте Ruvoya в свежей версии Chrome, Firefox, Safari или Edge.'
      : 'This browser cannot run WebAssembly. Please open Ruvoya in a current Chrome, Firefox, Safari or Edge.',
    webgl: ru
      ? 'Этот браузер или устройство не поддерживает WebGL 2, без которого Ruvoya не может рисовать. Попробуйте другой браузер или включите аппаратное ускорение.'
      : 'This browser or device does not support WebGL 2, which Ruvoya needs to draw. Try another browser or turn on hardware acceleration.',
    download: ru
      ? 'Не удалось загрузить Ruvoya. Проверьте подключение к интернету и попробуйте снова.'
      : 'Ruvoya could not be downloaded. Check your connection and try again.',
    abort: ru
      ? 'Ruvoya остановилась из-за ошибки. Обновите страницу; ваш прогресс сохранён.'
      : 'Ruvoya stopped because of an error. Please reload; your progress is saved.',
  };

  var loading = document.getElementById('loading');
  var bar = document.getElementById('loading-progress');
  document.getElementById('loading-text').textContent = text.loading;
  if (ru) document.documentElement.lang = 'ru';

  function fail(kind, detail) {
    if (detail) console.error('ruvoya: ' + kind + ': ' + detail);
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

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return fail('wasm');
  }
  if (!document.createElement('canvas').getContext('webgl2')) {
    return fail('webgl');
  }

  // the wasm comes through fetch so that its progress can be shown
  function download(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      var total = Number(response.headers.get('Content-Length')) || 0;
      if (!response.body || !total) return response.arrayBuffer();
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) {
            var bytes = new Uint8Array(received);
            var at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            return bytes.buffer;
          }
          chunks.push(step.value);
          received += step.value.length;
          bar.value = Math.min(99, Math.round((received / total) * 100));
          return pump();
        });
      }
      return pump();
    });
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm: function (imports, done) {
      download('ruvoya.wasm')
        .then(function (bytes) { return WebAssembly.instantiate(bytes, imports); })
        .then(function (result) { bar.value = 100; done(result.instance, result.module); })
        .catch(function (err) { fail('download', String(err)); });
      return {};
    },
    onAbort: function (what) { fail('abort', String(what)); },
    print: function (line) { console.log(line); },
    printErr: function (line) { console.warn(line); },
  };

  var script = document.createElement('script');
  script.src = 'ruvoya.js';
  script.onerror = function () { fail('download', 'ruvoya.js'); };
  document.body.appendChild(script);
})();

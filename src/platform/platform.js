// The browser half of the platform layer: what C++ cannot reach through html5.h.
// Text entry through a hidden textarea (phone keyboards, IME, paste), the clipboard,
// the cursor shape, opening links, localStorage and the hook that tests read
// (window.ruvoya). Linked with --js-library; every function here is called from
// src/platform/web_platform.cpp.

mergeInto(LibraryManager.library, {
  $RuvoyaWeb: {
    canvas: null,
    input: null,
    frames: 0,
    frameTimes: [],
    idlePending: false,
    composing: false,
    clipboard: '',
    cursor: '',

    // fn(budget ms) once the page is idle, at most timeout ms from now; without
    // requestIdleCallback (Safari), a short slice after a pause
    whenIdle: function (fn, timeout) {
      if (typeof window.requestIdleCallback === 'function') {
        window.requestIdleCallback(function (deadline) { fn(deadline.timeRemaining()); },
                                   { timeout: timeout });
      } else {
        setTimeout(function () { fn(8); }, Math.min(50, timeout));
      }
    },

    // a hidden, focusable textarea receives what the user types, on any keyboard
    createInput: function () {
      var el = document.createElement('textarea');
      el.id = 'ruvoya-text-input';
      el.setAttribute('autocapitalize', 'off');
      el.setAttribute('autocomplete', 'off');
      el.setAttribute('autocorrect', 'off');
      el.setAttribute('spellcheck', 'false');
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('tabindex', '-1');
      el.className = 'ruvoya-text-input';
      document.body.appendChild(el);

      // text arrives as input events: typed characters, a phone keyboard's words, IME
      el.addEventListener('compositionstart', function () { RuvoyaWeb.composing = true; });
      el.addEventListener('compositionend', function (e) {
        RuvoyaWeb.composing = false;
        RuvoyaWeb.sendText(e.data || '');
        el.value = '';
      });
      el.addEventListener('input', function (e) {
        if (RuvoyaWeb.composing || e.isComposing) return;
        var type = e.inputType || '';
        if (type === 'deleteContentBackward') {
          _ruvoya_on_key_tap(1);
        } else if (type === 'insertLineBreak') {
          _ruvoya_on_key_tap(2);
        } else if (type.indexOf('insert') === 0 && type !== 'insertFromPaste') {
          RuvoyaWeb.sendText(e.data || el.value);
        }
        el.value = '';
      });
      el.addEventListener('paste', function (e) {
        var text = (e.clipboardData || window.clipboardData).getData('text');
        e.preventDefault();
        RuvoyaWeb.sendText(text, _ruvoya_on_paste);
      });
      RuvoyaWeb.input = el;
    },

    sendFile: function (name, text) {
      var n = lengthBytesUTF8(name) + 1;
      var t = lengthBytesUTF8(text) + 1;
      var pn = _malloc(n);
      var pt = _malloc(t);
      stringToUTF8(name, pn, n);
      stringToUTF8(text, pt, t);
      _ruvoya_on_file(pn, pt);
      _free(pn);
      _free(pt);
    },

    sendText: function (text, receiver) {
      if (!text) return;
      var len = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(len);
      stringToUTF8(text, ptr, len);
      (receiver || _ruvoya_on_text)(ptr);
      _free(ptr);
    },
  },

  ruvoya_web_init__deps: ['$RuvoyaWeb'],
  ruvoya_web_init: function () {
    RuvoyaWeb.canvas = document.getElementById('canvas');
    RuvoyaWeb.createInput();

    // the canvas takes key focus so keyboard navigation works without a first click
    RuvoyaWeb.canvas.setAttribute('tabindex', '0');
    RuvoyaWeb.canvas.focus({ preventScroll: true });
    RuvoyaWeb.canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

    // the loader says when the guides' bodies have come (or failed to)
    window.addEventListener('ruvoya-bodies', function () { _ruvoya_on_bodies(); });

    // a test hook and a debugging aid; it exposes nothing a page script could not see
    window.ruvoya = window.ruvoya || {};
    window.ruvoya.frames = function () { return RuvoyaWeb.frames; };
    window.ruvoya.frameTimes = function () { return RuvoyaWeb.frameTimes.slice(); };
    window.ruvoya.wasmMemory = function () { return HEAP8.buffer.byteLength; };
    window.ruvoya.items = function () {
      return JSON.parse(UTF8ToString(_ruvoya_items_json()));
    };
    window.ruvoya.missingGlyphs = function (text) {
      var len = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(len);
      stringToUTF8(text, ptr, len);
      var missing = _ruvoya_missing_glyphs(ptr);
      _free(ptr);
      return missing;
    };
    window.ruvoya.ready = true;
    document.documentElement.classList.add('ruvoya-ready');
  },

  ruvoya_web_frame_done__deps: ['$RuvoyaWeb'],
  ruvoya_web_frame_done: function (cpuMs) {
    RuvoyaWeb.frames++;

    // the loader waits for this to start what can wait (service worker, storage request)
    if (RuvoyaWeb.frames === 1) window.dispatchEvent(new Event('ruvoya-first-frame'));

    // the CPU time of recent frames, for the benchmark; a bounded ring, no growth
    var t = RuvoyaWeb.frameTimes;
    if (t.length >= 600) t.shift();
    t.push(cpuMs);
  },

  ruvoya_web_device_pixel_ratio: function () {
    return window.devicePixelRatio || 1;
  },

  // the drawing buffer follows the CSS size times the device pixel ratio
  ruvoya_web_sync_canvas__deps: ['$RuvoyaWeb'],
  ruvoya_web_sync_canvas: function (outCss, outPx) {
    var c = RuvoyaWeb.canvas;
    var rect = c.getBoundingClientRect();
    var dpr = window.devicePixelRatio || 1;
    var w = Math.max(1, Math.round(rect.width * dpr));
    var h = Math.max(1, Math.round(rect.height * dpr));
    if (c.width !== w) c.width = w;
    if (c.height !== h) c.height = h;
    HEAPF32[outCss >> 2] = rect.width;
    HEAPF32[(outCss >> 2) + 1] = rect.height;
    HEAP32[outPx >> 2] = w;
    HEAP32[(outPx >> 2) + 1] = h;
  },

  ruvoya_web_set_cursor__deps: ['$RuvoyaWeb'],
  ruvoya_web_set_cursor: function (name) {
    var css = UTF8ToString(name);
    if (css !== RuvoyaWeb.cursor) {
      RuvoyaWeb.cursor = css;
      RuvoyaWeb.canvas.style.cursor = css;
    }
  },

  ruvoya_web_set_clipboard__deps: ['$RuvoyaWeb'],
  ruvoya_web_set_clipboard: function (text) {
    var s = UTF8ToString(text);
    RuvoyaWeb.clipboard = s;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(s).catch(function () {});
    }
  },

  // opened inside the user's own event handler, so it is not blocked as a pop-up
  ruvoya_web_open_url: function (url) {
    var s = UTF8ToString(url);
    if (/^(tel|mailto|sms):/i.test(s)) {
      window.location.href = s;
      return 1;
    }
    if (!/^https:\/\//i.test(s)) return 0;
    window.open(s, '_blank', 'noopener,noreferrer');
    return 1;
  },

  // focus the hidden textarea while ImGui edits text, at the caret's place on screen
  ruvoya_web_text_input__deps: ['$RuvoyaWeb'],
  ruvoya_web_text_input: function (active, x, y, lineHeight) {
    var el = RuvoyaWeb.input;
    if (!el) return;
    if (active) {
      el.style.left = x + 'px';
      el.style.top = y + 'px';
      el.style.height = lineHeight + 'px';
      if (document.activeElement !== el) el.focus({ preventScroll: true });
    } else if (document.activeElement === el) {
      el.blur();
      RuvoyaWeb.canvas.focus({ preventScroll: true });
    }
  },

  ruvoya_web_text_input_focused__deps: ['$RuvoyaWeb'],
  ruvoya_web_text_input_focused: function () {
    return document.activeElement === RuvoyaWeb.input ? 1 : 0;
  },

  ruvoya_web_now_ms: function () {
    return Date.now();
  },
});

mergeInto(LibraryManager.library, {
  // The guides' bodies the loader fetched (Module.ruvoyaBodies, a Uint8Array), copied
  // into the heap with a zero after them; the page's copy is let go. Never freed: the app
  // reads its texts in place for as long as it runs. Module.ruvoyaBodiesFailed says the
  // fetch failed for good.
  ruvoya_web_take_bodies: function (outSize, outFailed) {
    HEAP32[outFailed >> 2] = Module['ruvoyaBodiesFailed'] ? 1 : 0;
    var bytes = Module['ruvoyaBodies'];
    if (!bytes) return 0;
    delete Module['ruvoyaBodies'];
    var ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    HEAPU32[outSize >> 2] = bytes.length;
    return ptr;
  },

  // strings returned to C++ are malloc'ed here and freed by the caller
  ruvoya_web_storage_get: function (key) {
    try {
      var v = window.localStorage.getItem(UTF8ToString(key));
      if (v === null) return 0;
      var len = lengthBytesUTF8(v) + 1;
      var ptr = _malloc(len);
      stringToUTF8(v, ptr, len);
      return ptr;
    } catch (e) {
      return 0;
    }
  },

  ruvoya_web_storage_set: function (key, value) {
    try {
      window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
      return 1;
    } catch (e) {
      return 0;
    }
  },

  ruvoya_web_storage_remove: function (key) {
    try {
      window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) {
      // storage unavailable: nothing to remove
    }
  },

  ruvoya_web_set_title: function (title) {
    document.title = UTF8ToString(title);
  },

  ruvoya_web_set_hash: function (hash, replace) {
    var h = UTF8ToString(hash);
    if (window.location.hash === h) return;
    if (replace) {
      history.replaceState(history.state, '', h);
    } else {
      history.pushState(null, '', h);
    }
  },

  ruvoya_web_get_hash: function () {
    var h = window.location.hash || '#/';
    var len = lengthBytesUTF8(h) + 1;
    var ptr = _malloc(len);
    stringToUTF8(h, ptr, len);
    return ptr;
  },

  ruvoya_web_preferred_language: function () {
    var l = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    var len = lengthBytesUTF8(l) + 1;
    var ptr = _malloc(len);
    stringToUTF8(l, ptr, len);
    return ptr;
  },

  ruvoya_web_set_language: function (lang) {
    document.documentElement.lang = UTF8ToString(lang);
  },

  ruvoya_web_set_timeout: function (ms) {
    setTimeout(function () { _ruvoya_on_timer(); }, ms);
  },

  // one pending call at a time
  ruvoya_web_request_idle__deps: ['$RuvoyaWeb'],
  ruvoya_web_request_idle: function () {
    if (RuvoyaWeb.idlePending) return;
    RuvoyaWeb.idlePending = true;
    RuvoyaWeb.whenIdle(function (budget) {
      RuvoyaWeb.idlePending = false;
      _ruvoya_on_idle(budget);
    }, 1000);
  },

  ruvoya_web_storage_keys: function (prefix) {
    var p = UTF8ToString(prefix);
    var keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(p) === 0) keys.push(k);
      }
    } catch (e) {
      // storage unavailable: no keys
    }
    var v = keys.join('\n');
    var len = lengthBytesUTF8(v) + 1;
    var ptr = _malloc(len);
    stringToUTF8(v, ptr, len);
    return ptr;
  },

  ruvoya_web_save_file: function (name, mime, data) {
    var blob = new Blob([UTF8ToString(data)], { type: UTF8ToString(mime) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },

  // the picked file is read as text and handed to C++; nothing is uploaded anywhere
  ruvoya_web_open_file: function (accept) {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      // a file far larger than any progress export is refused before reading it
      if (file.size > 4 * 1024 * 1024) {
        RuvoyaWeb.sendFile(file.name, '');
        return;
      }
      file.text().then(function (text) { RuvoyaWeb.sendFile(file.name, text); },
                       function () { RuvoyaWeb.sendFile(file.name, ''); });
    });
    document.body.appendChild(input);
    input.click();
  },

  ruvoya_web_storage_persisted: function () {
    var p = window.ruvoya && window.ruvoya.storagePersisted;
    return p === true ? 1 : (p === false ? 0 : -1);
  },

  ruvoya_web_url_param: function (name) {
    var v = new URLSearchParams(window.location.search).get(UTF8ToString(name)) || '';
    var len = lengthBytesUTF8(v) + 1;
    var ptr = _malloc(len);
    stringToUTF8(v, ptr, len);
    return ptr;
  },

  ruvoya_web_page_url: function () {
    var v = window.location.origin + window.location.pathname;
    if (window.location.protocol === 'file:') v = window.location.href.split(/[?#]/)[0];
    var len = lengthBytesUTF8(v) + 1;
    var ptr = _malloc(len);
    stringToUTF8(v, ptr, len);
    return ptr;
  },

  ruvoya_web_set_timer__deps: ['$RuvoyaWeb'],
  ruvoya_web_set_timer: function (ms) {
    if (RuvoyaWeb.timer) clearTimeout(RuvoyaWeb.timer);
    RuvoyaWeb.timer = 0;
    if (ms > 0) {
      RuvoyaWeb.timer = setTimeout(function () {
        RuvoyaWeb.timer = 0;
        _ruvoya_on_timer();
      }, ms);
    }
  },

  ruvoya_web_lock_down: function () {
    document.documentElement.classList.add('ruvoya-kiosk');
    document.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    document.addEventListener('selectstart', function (e) { e.preventDefault(); });
    // no pinch zoom: the viewport is fixed at device width
    var meta = document.querySelector('meta[name=viewport]');
    if (meta) {
      meta.setAttribute('content', 'width=device-width, initial-scale=1, maximum-scale=1, ' +
                        'user-scalable=no, viewport-fit=cover');
    }
    document.addEventListener('gesturestart', function (e) { e.preventDefault(); });
  },

  ruvoya_web_listen_hash: function () {
    window.addEventListener('hashchange', function () { _ruvoya_on_hash_change(); });
  },
});

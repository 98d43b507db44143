// The semantic DOM tree: a visually hidden copy of every screen for screen readers and the
// keyboard, kept in sync with the canvas. After each frame it pulls the semantic view
// (src/ui/semantics.cpp) when it changed and patches the DOM by key, never rebuilding it.
// Clicks, Enter, Space, typing and focus in the tree go back to the app through
// web_platform.cpp, which runs a frame inside the same event, so links still open.
// It also reads aloud (speech synthesis) and reports the system's colour scheme, contrast
// and reduced-motion preferences. Linked with --js-library next to platform.js.

mergeInto(LibraryManager.library, {
  $RuvoyaA11y: {
    root: null,
    skip: null,
    version: -1,
    // a sync with the last frame drawn is scheduled (ruvoya_a11y_frame_done)
    syncPending: false,
    // key -> element for every node on the page; id -> the control the user operates
    // (made in init: the library's objects are copied into the output as text)
    nodes: null,
    controls: null,
    navShown: 0,
    // what had focus when a dialog opened, to go back to when it closes
    opener: null,

    // reading aloud: 0 idle, 1 speaking, 2 paused; run tells a finished reading from one
    // that was replaced
    speech: 0,
    scope: '',
    run: 0,

    // the labels this file and the read-aloud controls use, in the UI's language; the app
    // hands them over from content/ui whenever the language changes
    words: {},

    word: function (name) {
      return RuvoyaA11y.words[name] || '';
    },

    // the page's CSP allows no inline style, so the rules come as a constructed sheet
    addStyle: function () {
      if (!('adoptedStyleSheets' in document)) return;
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '.ruvoya-a11y{position:fixed;left:0;top:0;width:1px;height:1px;margin:-1px;' +
        'padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);' +
        'white-space:nowrap}' +
        '.ruvoya-skip{position:fixed;left:8px;top:8px;z-index:30;min-height:44px;' +
        'box-sizing:border-box;padding:10px 16px;background:#fff;color:#0b4f94;' +
        'font:700 17px/1.4 "Noto Sans",system-ui,sans-serif;border:3px solid #0b4f94;' +
        'border-radius:6px;transform:translateY(-300%)}' +
        '.ruvoya-skip:focus{transform:none;outline:3px solid #181c23;outline-offset:2px}');
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    },

    init: function () {
      var A = RuvoyaA11y;
      var canvas = document.getElementById('canvas');
      A.nodes = new Map();
      A.controls = new Map();
      A.addStyle();

      // the skip link stands first, outside the clipped tree, and shows when focused
      A.skip = document.createElement('a');
      A.skip.className = 'ruvoya-skip';
      A.skip.href = '#ruvoya-main';
      A.skip.textContent = A.word('skip');
      A.skip.addEventListener('click', function (e) {
        e.preventDefault();
        A.focusMain();
      });
      A.skip.addEventListener('focusin', A.onFocusIn);
      A.skip.addEventListener('focusout', A.onFocusOut);

      A.root = document.createElement('div');
      A.root.id = 'ruvoya-a11y';
      A.root.className = 'ruvoya-a11y';
      canvas.parentNode.insertBefore(A.skip, canvas);
      canvas.parentNode.insertBefore(A.root, canvas);

      A.root.addEventListener('click', A.onClick);
      A.root.addEventListener('input', A.onInput);
      A.root.addEventListener('keydown', A.onKey);
      A.root.addEventListener('focusin', A.onFocusIn);
      A.root.addEventListener('focusout', A.onFocusOut);
      document.addEventListener('keydown', A.onDocumentKey);

      // the theme follows the system's colour scheme and contrast while the app runs
      ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)']
        .forEach(function (q) {
          if (!window.matchMedia) return;
          window.matchMedia(q).addEventListener('change', function () {
            _ruvoya_a11y_system_changed();
          });
        });

      // a press on the canvas takes focus back from the tree, so its ring goes away
      canvas.addEventListener('pointerdown', function () {
        if (A.root.contains(document.activeElement)) canvas.focus({ preventScroll: true });
      });
    },

    // ---- events from the tree back to the app ---------------------------------------

    idOf: function (el) {
      var ctl = el && el.closest ? el.closest('[data-id]') : null;
      return ctl ? Number(ctl.dataset.id) : 0;
    },

    onClick: function (e) {
      var ctl = e.target.closest('button[data-id], a[data-id], input[type=checkbox][data-id]');
      if (!ctl) return;

      // links and buttons act only through the app, which opens what they open
      if (ctl.tagName !== 'INPUT') e.preventDefault();
      _ruvoya_a11y_activate(Number(ctl.dataset.id));
    },

    onInput: function (e) {
      var el = e.target;
      if (!el.dataset.id || el.type === 'checkbox') return;
      var text = el.value;
      var len = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(len);
      stringToUTF8(text, ptr, len);
      _ruvoya_a11y_set_text(Number(el.dataset.id), ptr);
      _free(ptr);
    },

    onKey: function (e) {
      var A = RuvoyaA11y;

      // Tab goes round inside an open dialog
      var dialog = A.dialog();
      if (e.key === 'Tab' && dialog) {
        var all = A.tabbable(dialog);
        var at = all.indexOf(document.activeElement);
        var wrap = e.shiftKey ? at === 0 : at === all.length - 1;
        if (wrap && all.length) {
          e.preventDefault();
          all[e.shiftKey ? all.length - 1 : 0].focus({ preventScroll: true });
        }
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        if (RuvoyaA11y.speech) RuvoyaA11y.command('stop');
        _ruvoya_a11y_escape();
      }
    },

    onFocusIn: function (e) {
      _ruvoya_a11y_focus(RuvoyaA11y.idOf(e.target), 1);
    },

    onFocusOut: function (e) {
      if (!RuvoyaA11y.root.contains(e.relatedTarget)) _ruvoya_a11y_focus(0, 0);
    },

    // how far a key scrolls the content, in CSS px down the page; null when it does not.
    // Space scrolls only where it activates nothing (the canvas itself).
    scrollBy: function (e, a) {
      var page = window.innerHeight * 0.85;
      var onPage = !a || a === document.body || a.id === 'canvas';
      switch (e.key) {
        case 'ArrowDown': return 40;
        case 'ArrowUp': return -40;
        case 'PageDown': return page;
        case 'PageUp': return -page;
        case 'End': return 1e5;
        case 'Home': return -1e5;
        case ' ': return onPage ? (e.shiftKey ? -page : page) : null;
        default: return null;
      }
    },

    // a field of its own takes its keys: a DOM field, or the canvas's hidden text input
    isField: function (a) {
      return !!a && (a.tagName === 'TEXTAREA' || a.tagName === 'SELECT' ||
                     (a.tagName === 'INPUT' && a.type !== 'checkbox'));
    },

    // scroll keys scroll the content; Tab from the canvas (or nothing) enters the tree: the
    // item ImGui's keyboard navigation is on, else the first or the last item
    onDocumentKey: function (e) {
      var A = RuvoyaA11y;
      var a = document.activeElement;
      var dy = A.isField(a) || e.ctrlKey || e.altKey || e.metaKey ? null : A.scrollBy(e, a);
      if (dy !== null) {
        e.preventDefault();
        _ruvoya_a11y_scroll(dy);
        return;
      }
      var outside = !a || a === document.body || a.id === 'canvas' ||
                    a.id === 'ruvoya-text-input';
      if (e.key !== 'Tab' || !outside) return;
      var target = A.controls.get(_ruvoya_semantics_nav_focus() >>> 0);

      // from a field being edited on the canvas, Tab goes on to what follows its DOM twin
      var field = A.controls.get(_ruvoya_semantics_editing() >>> 0);
      if (field && a && a.id === 'ruvoya-text-input') {
        var order = A.tabbable();
        target = order[order.indexOf(field) + (e.shiftKey ? -1 : 1)] || field;
      }
      var dialog = A.dialog();
      if (!target || (dialog && !dialog.contains(target))) {
        var all = A.tabbable(dialog);
        target = e.shiftKey || dialog ? all[e.shiftKey ? all.length - 1 : 0] : A.skip;
      }
      if (target) {
        e.preventDefault();
        target.focus({ preventScroll: true });
      }
    },

    tabbable: function (within) {
      return Array.prototype.slice.call((within || RuvoyaA11y.root)
        .querySelectorAll('a[href], button, input, select, textarea'));
    },

    // the open dialog, if any
    dialog: function () {
      var d = RuvoyaA11y.nodes && RuvoyaA11y.nodes.get('landmark:dialog');
      return d && d.isConnected ? d : null;
    },

    // the first heading of the main content, or the main landmark itself
    focusMain: function () {
      var main = document.getElementById('ruvoya-main');
      if (!main) return;
      var target = main.querySelector('h1') || main.querySelector('h1,h2,h3,h4') || main;
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    },

    // ---- building and patching the tree ---------------------------------------------

    // the element for a key, reused while its tag stays the same
    element: function (key, tag, used) {
      var A = RuvoyaA11y;
      var el = A.nodes.get(key);
      if (!el || el.tagName !== tag.toUpperCase()) {
        el = document.createElement(tag);
        A.nodes.set(key, el);
      }
      used.add(key);
      return el;
    },

    setText: function (el, text) {
      if (el.textContent !== text) el.textContent = text;
    },

    setAttr: function (el, name, value) {
      if (value === null || value === undefined) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else if (el.getAttribute(name) !== String(value)) {
        el.setAttribute(name, String(value));
      }
    },

    // the element for one node, in the language of its text
    build: function (n, used) {
      var el = RuvoyaA11y.buildNode(n, used);
      RuvoyaA11y.setAttr(el, 'lang', n.g || null);
      return el;
    },

    // the element for one node of the semantic view; controls carry data-id
    buildNode: function (n, used) {
      var A = RuvoyaA11y;
      var el;
      switch (n.r) {
        case 'heading':
          el = A.element(n.k, 'h' + Math.min(6, Math.max(1, n.l || 2)), used);
          A.setText(el, n.t);
          return el;
        case 'button':
        case 'disclosure':
          el = A.element(n.k, 'button', used);
          A.setAttr(el, 'type', 'button');
          A.setAttr(el, 'aria-expanded', n.r === 'disclosure' ? (n.s ? 'true' : 'false') : null);
          // a toggle button (a setting's current choice) says whether it is pressed
          A.setAttr(el, 'aria-pressed',
                    n.r === 'button' && n.s !== undefined ? (n.s ? 'true' : 'false') : null);
          A.setText(el, n.t);
          break;
        case 'combobox': {
          // a real select; each option's value is its index, which goes back as text
          el = A.element(n.k, 'select', used);
          A.setAttr(el, 'aria-label', n.t);
          var options = n.o || [];
          for (var o = 0; o < options.length; o++) {
            var opt = el.options[o] || el.appendChild(document.createElement('option'));
            A.setAttr(opt, 'value', o);
            A.setText(opt, options[o]);
          }
          while (el.options.length > options.length) el.removeChild(el.lastChild);
          if (el.value !== (n.v || '0')) el.value = n.v || '0';
          break;
        }
        case 'link':
          el = A.element(n.k, 'a', used);
          A.setAttr(el, 'href', n.h || '#');
          A.setAttr(el, 'target', n.h ? '_blank' : null);
          A.setAttr(el, 'rel', n.h ? 'noopener noreferrer' : null);
          A.setText(el, n.t);
          break;
        case 'checkbox': {
          // a label around the box names it, as a screen reader expects
          var label = A.element(n.k, 'label', used);
          var box = label.firstChild;
          if (!box) {
            box = document.createElement('input');
            box.type = 'checkbox';
            label.appendChild(box);
            label.appendChild(document.createElement('span'));
          }
          A.setText(label.lastChild, n.t);
          if (box.checked !== !!n.s) box.checked = !!n.s;
          box.dataset.id = String(n.id);
          A.controls.set(n.id, box);
          return label;
        }
        case 'input':
        case 'textarea':
          el = A.element(n.k, n.r === 'input' ? 'input' : 'textarea', used);
          if (n.r === 'input') A.setAttr(el, 'type', 'search');
          A.setAttr(el, 'aria-label', n.t);
          A.setAttr(el, 'placeholder', n.r === 'input' ? n.t : null);
          if (el.value !== (n.v || '') && document.activeElement !== el) el.value = n.v || '';
          break;
        case 'progressbar':
          el = A.element(n.k, 'div', used);
          A.setAttr(el, 'role', 'progressbar');
          A.setAttr(el, 'aria-valuemin', 0);
          A.setAttr(el, 'aria-valuemax', 100);
          A.setAttr(el, 'aria-valuenow', n.p || 0);
          A.setAttr(el, 'aria-label', n.t);
          return el;
        case 'alert':
        case 'status':
          el = A.element(n.k, 'div', used);
          A.setAttr(el, 'role', n.r);
          A.setText(el, n.t);
          return el;
        default:
          el = A.element(n.k, 'p', used);
          A.setText(el, n.t);
          return el;
      }
      el.dataset.id = String(n.id);
      A.controls.set(n.id, el);
      return el;
    },

    landmark: function (role, used) {
      var A = RuvoyaA11y;
      var tags = { banner: 'header', navigation: 'nav', main: 'main' };
      var el = A.element('landmark:' + role, tags[role] || 'div', used);

      // other regions only group what reading aloud picks out (the current step)
      if (!tags[role] && role !== 'dialog') A.setAttr(el, 'data-scope', role);
      if (role === 'main') A.setAttr(el, 'id', 'ruvoya-main');
      if (role === 'navigation') A.setAttr(el, 'aria-label', A.word('sections'));
      if (role === 'dialog') {
        A.setAttr(el, 'role', 'dialog');
        A.setAttr(el, 'aria-modal', 'true');
      }
      return el;
    },

    // while a dialog is open the rest of the page is inert, and focus moves into it when the
    // tree had focus; the heading names the dialog
    modal: function (dialog, hadFocus, active) {
      var A = RuvoyaA11y;
      var entering = dialog && hadFocus && !dialog.contains(active);
      if (entering) A.opener = active;
      for (var c = A.root.firstChild; c; c = c.nextSibling) {
        if (c !== dialog) c.inert = !!dialog;
      }
      A.skip.inert = !!dialog;
      if (!dialog) return;
      var title = dialog.querySelector('h1,h2,h3,h4');
      if (title) {
        title.id = 'ruvoya-dialog-title';
        A.setAttr(dialog, 'aria-labelledby', title.id);
      }
      if (entering) {
        var first = dialog.querySelector('button, a[href]');
        if (first) first.focus({ preventScroll: true });
      }
    },

    // checkboxes in a row, and the links of the section list, read as lists
    listable: function (n, container) {
      return n.r === 'checkbox' || (n.r === 'link' && container.role === 'navigation');
    },

    // puts exactly `kids` into `parent` in order, touching only what differs
    reconcile: function (parent, kids) {
      var want = new Set(kids);
      for (var c = parent.firstChild; c;) {
        var next = c.nextSibling;
        if (!want.has(c)) parent.removeChild(c);
        c = next;
      }
      for (var i = 0; i < kids.length; i++) {
        var at = parent.childNodes[i] || null;
        if (at !== kids[i]) parent.insertBefore(kids[i], at);
      }
    },

    update: function (list) {
      var A = RuvoyaA11y;
      var used = new Set();
      var active = document.activeElement;
      var hadFocus = A.root.contains(active);
      A.controls = new Map();

      // containers as a stack; runs of checkboxes, and of links in the section list,
      // become lists
      var top = { el: A.root, kids: [], role: '' };
      var stack = [top];
      var done = [top];
      var run = null;
      for (var i = 0; i < list.length; i++) {
        var n = list[i];
        top = stack[stack.length - 1];

        // an id drawn twice in one frame still gets an element of its own
        if (used.has(n.k)) n.k += '~' + i;
        if (n.r === 'begin') {
          var lm = { el: A.landmark(n.t, used), kids: [], role: n.t };
          top.kids.push(lm.el);
          stack.push(lm);
          done.push(lm);
          run = null;
          continue;
        }
        if (n.r === 'end') {
          if (stack.length > 1) stack.pop();
          run = null;
          continue;
        }
        // a run is two or more in a row
        var next = list[i + 1];
        var listed = A.listable(n, top) &&
                     ((run && run.kind === n.r && run.parent === top) ||
                      (next && next.r === n.r && A.listable(next, top)));
        var el = A.build(n, used);
        if (!listed) {
          run = null;
          top.kids.push(el);
          continue;
        }
        if (!run || run.kind !== n.r || run.parent !== top) {
          run = { el: A.element('ul:' + n.k, 'ul', used), kids: [], kind: n.r, parent: top };
          top.kids.push(run.el);
          done.push(run);
        }
        var li = A.element('li:' + n.k, 'li', used);
        A.reconcile(li, [el]);
        run.kids.push(li);
      }
      for (var d = 0; d < done.length; d++) A.reconcile(done[d].el, done[d].kids);

      // forget what left the page
      A.nodes.forEach(function (el, key) { if (!used.has(key)) A.nodes.delete(key); });
      A.modal(used.has('landmark:dialog') ? A.nodes.get('landmark:dialog') : null, hadFocus,
              active);

      // when the focused item left the page (a new screen), focus goes to its heading
      if (hadFocus && !A.root.contains(document.activeElement)) {
        var back = A.opener && A.root.contains(A.opener) ? A.opener : null;
        A.opener = null;
        if (back) {
          back.focus({ preventScroll: true });
        } else {
          A.focusMain();
        }
      }
      A.setText(A.skip, A.word('skip'));
    },

    // ---- reading aloud ---------------------------------------------------------------

    readable: 'h1,h2,h3,h4,h5,h6,p,label,a,[role=alert],[role=status]',

    // the texts of a scope, in reading order
    scopeTexts: function (scope) {
      var A = RuvoyaA11y;
      var main = document.getElementById('ruvoya-main');
      if (!main) return [];
      var all = Array.prototype.slice.call(main.querySelectorAll(A.readable));
      if (scope === 'step') {
        var step = main.querySelector('[data-scope="current-step"]');
        all = step ? Array.prototype.slice.call(step.querySelectorAll(A.readable)) : [];
      } else if (scope.indexOf('section:') === 0) {
        var title = scope.slice(8);
        var at = all.findIndex(function (el) {
          return el.tagName === 'H2' && el.textContent.trim() === title;
        });
        all = at >= 0 ? A.sectionOf(all, at) : [];
      }
      return all.map(function (el) { return el.textContent.trim(); })
        .filter(function (t) { return t; });
    },

    // from the level-2 heading at or before `at` to the next one
    sectionOf: function (all, at) {
      var start = at;
      while (start > 0 && all[start].tagName !== 'H2') start--;
      var end = start + 1;
      while (end < all.length && all[end].tagName !== 'H2') end++;
      return all.slice(start, end);
    },

    command: function (cmd) {
      var A = RuvoyaA11y;
      var synth = window.speechSynthesis;
      if (!synth) return;
      if (cmd === 'pause') {
        synth.pause();
        A.speech = 2;
      } else if (cmd === 'resume') {
        synth.resume();
        A.speech = 1;
      } else if (cmd === 'stop') {
        A.run++;
        synth.cancel();
        A.speech = 0;
      } else {
        A.scope = cmd;
        A.speak(A.scopeTexts(cmd));
      }
    },

    // one utterance per paragraph: natural pauses, and no single long one that some
    // engines cut short
    speak: function (texts) {
      var A = RuvoyaA11y;
      var synth = window.speechSynthesis;
      A.run++;
      synth.cancel();
      if (!texts.length) {
        A.speech = 0;
        return;
      }
      var run = A.run;
      var lang = document.documentElement.lang || 'en';
      texts.forEach(function (text, i) {
        var u = new SpeechSynthesisUtterance(text);
        u.lang = lang;
        if (i === texts.length - 1) {
          u.onend = u.onerror = function () {
            if (run !== A.run) return;
            A.speech = 0;
            _ruvoya_on_timer();
          };
        }
        synth.speak(u);
      });
      A.speech = 1;
    },

    // ImGui's own keyboard navigation (arrow keys on the canvas) moves DOM focus along
    followNav: function () {
      var A = RuvoyaA11y;
      var nav = _ruvoya_semantics_nav_focus() >>> 0;
      if (nav === A.navShown) return;
      A.navShown = nav;
      var el = nav ? A.controls.get(nav) : null;
      var a = document.activeElement;
      var ours = A.root.contains(a) || a === document.body || (a && a.id === 'canvas');
      if (el && a !== el && ours) el.focus({ preventScroll: true });
    },
  },

  // The tree follows the frames from a task of its own, once the page is idle (at most
  // 100 ms later): frames in a row (scrolling, typing) then patch it once, and a frame's
  // pixels never wait for the DOM. It reads whatever frame was drawn last.
  ruvoya_a11y_frame_done__deps: ['$RuvoyaA11y', '$RuvoyaWeb'],
  ruvoya_a11y_frame_done: function () {
    var A = RuvoyaA11y;
    if (A.syncPending) return;
    A.syncPending = true;
    var sync = function () {
      A.syncPending = false;
      if (!A.root) A.init();
      var v = _ruvoya_semantics_version();
      if (v !== A.version) {
        A.version = v;
        A.update(JSON.parse(UTF8ToString(_ruvoya_semantics_json())));
      }
      A.followNav();
    };
    RuvoyaWeb.whenIdle(sync, 100);
  },

  ruvoya_a11y_speech_state__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_speech_state: function () {
    return RuvoyaA11y.speech;
  },

  ruvoya_a11y_speech_scope__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_speech_scope: function () {
    var w = RuvoyaA11y.speech ? RuvoyaA11y.scope : '';
    var len = lengthBytesUTF8(w) + 1;
    var ptr = _malloc(len);
    stringToUTF8(w, ptr, len);
    return ptr;
  },

  ruvoya_a11y_speech__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_speech: function (command) {
    RuvoyaA11y.command(UTF8ToString(command));
  },

  // a label for the C++ side, malloc'ed; the caller frees it
  ruvoya_a11y_set_words__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_set_words: function (json) {
    RuvoyaA11y.words = JSON.parse(UTF8ToString(json));
    if (RuvoyaA11y.skip) RuvoyaA11y.setText(RuvoyaA11y.skip, RuvoyaA11y.word('skip'));
  },

  // the system's preferences; forced colours (Windows high contrast) count as more contrast
  ruvoya_a11y_system_theme: function () {
    var m = function (q) { return window.matchMedia && window.matchMedia(q).matches; };
    if (m('(prefers-contrast: more)') || m('(forced-colors: active)')) return 2;
    return m('(prefers-color-scheme: dark)') ? 1 : 0;
  },

  ruvoya_a11y_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches
      ? 1 : 0;
  },

  // which keys the tree takes rather than the canvas: Tab always (focus order is the
  // tree's order), the keys that scroll outside text fields, and all while it has focus
  ruvoya_a11y_wants_key__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_wants_key: function (keyPtr) {
    var A = RuvoyaA11y;
    var key = UTF8ToString(keyPtr);
    if (key === 'Tab') return 1;
    var a = document.activeElement;
    if (!A.isField(a) && A.scrollBy({ key: key }, a) !== null) return 1;
    if (!A.root || !a || (!A.root.contains(a) && a !== A.skip)) return 0;
    return 1;
  },
});

// The semantic DOM tree: a visually hidden copy of every screen for screen readers and the
// keyboard, kept in sync with the canvas. After each frame it pulls the semantic view
// (src/ui/semantics.cpp) when it changed and patches the DOM by key, never rebuilding it.
// Clicks, Enter, Space, typing and focus in the tree go back to the app through
// web_platform.cpp, which runs a frame inside the same event, so links still open.
// Linked with --js-library next to platform.js.

mergeInto(LibraryManager.library, {
  $RuvoyaA11y: {
    root: null,
    skip: null,
    version: -1,
    // key -> element for every node on the page; id -> the control the user operates
    // (made in init: the library's objects are copied into the output as text)
    nodes: null,
    controls: null,
    navShown: 0,
    syncing: false,

    words: {
      en: { skip: 'Skip to content', sections: 'Sections' },
      ru: { skip: 'Перейти к содержанию', sections: 'Разделы' },
    },

    word: function (name) {
      var lang = (document.documentElement.lang || 'en').slice(0, 2);
      return (RuvoyaA11y.words[lang] || RuvoyaA11y.words.en)[name];
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
      if (e.key === 'Escape') {
        e.preventDefault();
        _ruvoya_a11y_escape();
      }
    },

    onFocusIn: function (e) {
      _ruvoya_a11y_focus(RuvoyaA11y.idOf(e.target));
    },

    onFocusOut: function (e) {
      if (!RuvoyaA11y.root.contains(e.relatedTarget)) _ruvoya_a11y_focus(0);
    },

    // Tab from the canvas (or nothing) enters the tree: the item ImGui's keyboard
    // navigation is on, else the first or the last item
    onDocumentKey: function (e) {
      var A = RuvoyaA11y;
      var a = document.activeElement;
      var outside = !a || a === document.body || a.id === 'canvas' ||
                    a.id === 'ruvoya-text-input';
      if (e.key !== 'Tab' || !outside) return;
      var target = A.controls.get(_ruvoya_semantics_nav_focus() >>> 0);
      if (!target) {
        var all = A.tabbable();
        target = e.shiftKey ? all[all.length - 1] : A.skip;
      }
      if (target) {
        e.preventDefault();
        target.focus({ preventScroll: true });
      }
    },

    tabbable: function () {
      return Array.prototype.slice.call(
        RuvoyaA11y.root.querySelectorAll('a[href], button, input, textarea'));
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

    // the element for one node of the semantic view; controls carry data-id
    build: function (n, used) {
      var A = RuvoyaA11y;
      var el;
      switch (n.r) {
        case 'heading':
          el = A.element(n.k, 'h' + Math.min(6, Math.max(1, n.l || 2)), used);
          A.setText(el, n.t);
          return el;
        case 'button':
        case 'disclosure':
        case 'combobox':
          el = A.element(n.k, 'button', used);
          A.setAttr(el, 'type', 'button');
          A.setAttr(el, 'aria-expanded', n.r === 'disclosure' ? (n.s ? 'true' : 'false') : null);
          A.setAttr(el, 'aria-haspopup', n.r === 'combobox' ? 'listbox' : null);
          A.setText(el, n.t);
          break;
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
      if (role === 'main') A.setAttr(el, 'id', 'ruvoya-main');
      if (role === 'navigation') A.setAttr(el, 'aria-label', A.word('sections'));
      if (role === 'dialog') {
        A.setAttr(el, 'role', 'dialog');
        A.setAttr(el, 'aria-modal', 'true');
      }
      return el;
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

      // when the focused item left the page (a new screen), focus goes to its heading
      if (hadFocus && !A.root.contains(active)) A.focusMain();
      A.setText(A.skip, A.word('skip'));
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

  ruvoya_a11y_frame_done__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_frame_done: function () {
    var A = RuvoyaA11y;
    if (!A.root) A.init();
    var v = _ruvoya_semantics_version();
    if (v !== A.version) {
      A.version = v;
      A.update(JSON.parse(UTF8ToString(_ruvoya_semantics_json())));
    }
    A.followNav();
  },

  // which keys the tree takes rather than the canvas: Tab always (focus order is the
  // tree's order), and while the tree has focus everything but the keys that scroll
  ruvoya_a11y_wants_key__deps: ['$RuvoyaA11y'],
  ruvoya_a11y_wants_key: function (keyPtr) {
    var A = RuvoyaA11y;
    var key = UTF8ToString(keyPtr);
    if (key === 'Tab') return 1;
    var a = document.activeElement;
    if (!A.root || !a || (!A.root.contains(a) && a !== A.skip)) return 0;
    var field = a.tagName === 'TEXTAREA' || (a.tagName === 'INPUT' && a.type !== 'checkbox');
    if (!field && /^(Arrow|Page)/.test(key)) return 0;
    return 1;
  },
});

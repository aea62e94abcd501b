// The page side: finds compose boxes, sends their drafts to the checker
// (through the background), underlines what it flags, and asks before a
// risky post goes out. It reads the site's editor but never writes into it:
// underlines are CSS highlights or an overlay in our own shadow root.
'use strict';

(() => {
  if (globalThis.__prepostContent) return; // registered twice on one page
  globalThis.__prepostContent = true;

  const { api, SEVERITIES, rank, worst, siteEnabled } = globalThis.prepost;

  const DEBOUNCE_MS = 200; // after the last keystroke
  const SETTLE_MS = 300;   // the longest a post waits for a check in flight
  const BOX_SELECTOR = 'textarea, input[type="text"], input:not([type]), ' +
    '[contenteditable]:not([contenteditable="false"]), [role="textbox"]';
  const POST_TEST_IDS = ['tweetButton', 'tweetButtonInline'];
  const POST_LABEL = /^(post|post all|tweet|tweet all|reply|reply all|send|share|share now|publish|publish post|toot|comment)$/i;
  const BLOCK_TAGS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT',
    'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
    'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'TD', 'TH', 'UL']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const LABEL = { high: 'High', medium: 'Medium', low: 'Low' };

  let status = null;   // the background's last word: host state and settings
  let port = null;     // to the background
  let requestSeq = 0;
  let checksSent = 0;
  let enabled = false;
  let replaying = false; // while we re-send a post the user approved
  let dialog = null;     // the open confirm dialog
  let lastBox = null;
  let pauseTimer = 0;
  let boxCount = 0;
  const boxes = new Map(); // editor element -> Box

  const settings = () => status && status.settings;
  const paused = () => !!settings() && settings().pausedUntil > Date.now();
  const hostDown = () => !status || status.state === 'down';
  const squash = (s) => s.replace(/\s+/g, '');

  // ---- the background ---------------------------------------------------

  function background() {
    if (port) return port;
    try {
      port = api.runtime.connect({ name: 'prepost-tab' });
    } catch {
      return null; // the extension was reloaded or removed: this page is orphaned
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = null;
      // Chrome stops an idle service worker: send what was in flight again
      for (const box of boxes.values()) {
        if (box.inflight) { box.inflight = null; box.schedule(0); }
      }
    });
    return port;
  }

  function onMessage(msg) {
    if (msg.type === 'status') {
      const wasDown = hostDown();
      status = msg;
      applyStatus(wasDown && !hostDown());
    } else if (msg.type === 'result') {
      for (const box of boxes.values()) {
        if (box.inflight && box.inflight.id === msg.id) { box.onResult(msg); return; }
      }
      // otherwise a reply to a draft that has since changed: dropped
    }
  }

  function applyStatus(recovered) {
    const onList = siteEnabled(location.hostname, settings());
    enabled = onList && !paused();
    clearTimeout(pauseTimer);
    if (!onList) {
      // a site left off the list: let go of any box met before the
      // settings came (a busy browser may be slow to send them), and
      // leave the page as it was
      for (const box of boxes.values()) { box.forget(); ui.drop(box); }
      boxes.clear();
      lastBox = null;
      ui.paintHighlights();
      ui.host.remove();
      return;
    }
    if (paused()) pauseTimer = setTimeout(() => applyStatus(true), settings().pausedUntil - Date.now() + 50);
    for (const box of boxes.values()) {
      if (!enabled) { box.reset(); continue; }
      // drafts checked while the checker was down are checked again
      if (recovered || (box.result && box.result.unavailable && !hostDown())) box.result = null;
      box.schedule(0);
    }
    ui.update();
  }

  // ---- reading a compose box -----------------------------------------------

  // The text of a rich editor, block by block with "\n" between blocks, and
  // a map from each text node to where its characters start in that text.
  // Offsets are UTF-16 code units, as the host gives them.
  function readRich(root) {
    let text = '';
    const segs = [];
    const newline = () => { if (text && !text.endsWith('\n')) text += '\n'; };
    const walk = (node) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === Node.TEXT_NODE) {
          if (c.data) {
            segs.push({ node: c, start: text.length, len: c.data.length });
            text += c.data.replace(/\u00a0/g, ' ');
          }
        } else if (c.nodeType === Node.ELEMENT_NODE && !SKIP_TAGS.has(c.tagName)) {
          if (c.tagName === 'BR') { text += '\n'; continue; }
          if (c.tagName === 'IMG') { text += ' '; continue; } // an emoji picture: a word break
          const block = BLOCK_TAGS.has(c.tagName);
          if (block) newline();
          walk(c);
          if (block) newline();
        }
      }
    };
    walk(root);
    return { text, segs };
  }

  // A DOM range for [start, end) of a rich editor's text, or null.
  function rangeFor(segs, start, end) {
    let a = null;
    let b = null;
    for (const s of segs) {
      if (!a && s.start + s.len > start) a = s;
      if (s.start < end) b = s; else break;
    }
    if (!a || !b || b.start + b.len <= start) return null;
    const range = document.createRange();
    range.setStart(a.node, Math.max(0, start - a.start));
    range.setEnd(b.node, Math.min(b.len, end - b.start));
    return range.collapsed ? null : range;
  }

  // The compose box an element belongs to: a text field, or the outermost
  // editable element (the editing host) of a rich editor.
  function editorOf(el) {
    if (!(el instanceof Element) || el === ui.host) return null;
    if (el.tagName === 'TEXTAREA') return el.readOnly || el.disabled ? null : el;
    if (el.tagName === 'INPUT') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      if (type !== 'text' || el.readOnly || el.disabled) return null;
      const role = el.getAttribute('role');
      if (role === 'searchbox' || role === 'combobox' || el.closest('form[role="search"]')) return null;
      return /username|email|tel|one-time-code/.test(el.autocomplete) ? null : el;
    }
    let root = el.closest('[contenteditable]:not([contenteditable="false"]), [role="textbox"]');
    if (!root) return null;
    while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
    if (!root.isContentEditable && root.getAttribute('role') === 'textbox') {
      const inner = root.querySelector('[contenteditable]:not([contenteditable="false"])');
      if (inner) root = inner;
    }
    return root.isContentEditable || root.getAttribute('role') === 'textbox' ? root : null;
  }

  function track(el) {
    let box = boxes.get(el);
    if (!box) { box = new Box(el); boxes.set(el, box); }
    return box;
  }

  // ---- one compose box ----------------------------------------------------

  class Box {
    constructor(el) {
      this.el = el;
      this.field = el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
      this.number = ++boxCount; // names its badge: data-box
      this.result = null;   // { text, warnings, unavailable } of the last reply
      this.inflight = null; // { id, text } of the check on its way
      this.shown = [];      // [{ w, range }] marked on screen now
      this.timer = 0;
      this.composing = false;
      this.waiters = [];
      this.panelOpen = false;
      // the site changes a rich editor without input events too (clearing
      // it after a post, say): follow those changes as edits
      if (!this.field) {
        this.observer = new MutationObserver(() => {
          if (this.composing) return;
          this.render();
          this.schedule();
        });
        this.observer.observe(el, { childList: true, subtree: true, characterData: true });
      }
    }

    read() {
      return this.field ? { text: this.el.value, segs: null } : readRich(this.el);
    }

    // the reply for the text in the box now, or null
    current() {
      const text = this.read().text;
      return this.result && this.result.text === text ? this.result : null;
    }

    schedule(delay = DEBOUNCE_MS) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), delay);
    }

    check() {
      clearTimeout(this.timer);
      this.timer = 0;
      if (this.composing || !enabled) return;
      const { text } = this.read();
      if ((this.result && this.result.text === text) || (this.inflight && this.inflight.text === text)) {
        this.render();
        return;
      }
      if (!/\S/.test(text)) {
        this.inflight = null;
        this.result = { text, warnings: [] };
        this.render();
        this.release();
        return;
      }
      const p = background();
      if (!p) {
        this.result = { text, warnings: [], unavailable: true };
        this.render();
        this.release();
        return;
      }
      const id = ++requestSeq;
      this.inflight = { id, text };
      try {
        p.postMessage({ type: 'check', id, text, site: location.hostname });
      } catch {
        // the port closed under us (the worker stopped): try again shortly
        port = null;
        this.inflight = null;
        this.schedule();
        return;
      }
      checksSent += 1;
      ui.host.dataset.checks = String(checksSent);
      ui.update();
    }

    onResult(msg) {
      const sent = this.inflight;
      this.inflight = null;
      this.result = { text: sent.text, warnings: msg.warnings || [], unavailable: !!msg.unavailable };
      this.render();
      this.release();
    }

    // resolves when the reply for the text now in the box is in, or after ms
    settle(ms) {
      if (this.current() || !/\S/.test(this.read().text)) return Promise.resolve();
      this.check();
      if (this.current()) return Promise.resolve();
      return new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }

    release() {
      const waiters = this.waiters;
      this.waiters = [];
      for (const f of waiters) f();
    }

    // What to mark: the last reply's warnings if it is for the text in the
    // box now; after an edit, the marks whose words are still where they were.
    render() {
      const snap = this.read();
      if (this.result && this.result.text === snap.text) {
        this.shown = this.result.warnings
          .filter((w) => Number.isInteger(w.start) && Number.isInteger(w.end) && w.end > w.start)
          .map((w) => ({ w, range: this.field ? null : rangeFor(snap.segs, w.start, w.end) }));
      } else {
        this.shown = this.shown.filter(({ w, range }) => this.field
          ? snap.text.slice(w.start, w.end) === w.match
          : range && squash(range.toString()) === squash(String(w.match)));
      }
      ui.update();
    }

    forget() {
      this.reset();
      if (this.observer) this.observer.disconnect();
    }

    reset() {
      clearTimeout(this.timer);
      this.inflight = null;
      this.shown = [];
      this.panelOpen = false;
      this.release();
    }

    // 'checking', 'clean', 'warn', 'down' or 'idle', for the badge
    state() {
      if (!enabled) return 'idle';
      const r = this.current();
      if (!r) return this.inflight || this.timer ? 'checking' : 'idle';
      if (r.unavailable) return 'down';
      return r.warnings.length ? 'warn' : 'clean';
    }
  }

  // ---- what the user sees ---------------------------------------------------

  const STYLE = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    .layer { position: fixed; inset: 0; pointer-events: none; overflow: hidden; }
    .mark { position: fixed; pointer-events: none; border-bottom: 2px solid; }
    .mark.high { border-color: #c5221f; background: rgba(197, 34, 31, .14); }
    .mark.medium { border-color: #b06000; background: rgba(227, 116, 0, .14); }
    .mark.low { border-color: #1a73e8; background: rgba(26, 115, 232, .10); border-bottom-style: dashed; }
    .mirror { position: fixed; visibility: hidden; overflow: hidden; border-color: transparent; }
    .badge { position: fixed; pointer-events: auto; min-width: 24px; height: 24px; padding: 0 7px;
      border-radius: 12px; border: 2px solid #fff; font: 700 13px/20px system-ui, sans-serif;
      color: #fff; cursor: pointer; box-shadow: 0 1px 4px rgba(0,0,0,.35); }
    .badge.high { background: #c5221f; } .badge.medium { background: #b06000; }
    .badge.low { background: #1a73e8; } .badge.down { background: #5f6368; }
    .badge:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
    .badge[hidden], .panel[hidden] { display: none; }
    .panel { position: fixed; pointer-events: auto; width: min(380px, calc(100vw - 16px));
      max-height: min(420px, calc(100vh - 16px)); overflow: auto; background: #fff; color: #202124;
      border-radius: 8px; box-shadow: 0 4px 24px rgba(0,0,0,.3); padding: 12px 14px;
      font: 14px/1.45 system-ui, sans-serif; }
    h2 { font-size: 15px; margin: 0 0 8px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 8px 0; border-top: 1px solid #e0e0e0; }
    li:first-child { border-top: 0; }
    .sev { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 4px; padding: 0 6px;
      color: #fff; margin-right: 6px; }
    .sev.high { background: #c5221f; } .sev.medium { background: #b06000; } .sev.low { background: #1a73e8; }
    q { font-weight: 600; }
    p { margin: 4px 0 0; }
    .advice { color: #3c4043; }
    .policy { color: #5f6368; font-size: 13px; }
    .close { float: right; border: 0; background: none; font-size: 18px; cursor: pointer; color: #5f6368; }
    .backdrop { position: fixed; inset: 0; pointer-events: auto; background: rgba(32,33,36,.45); }
    .dialog { position: fixed; pointer-events: auto; left: 50%; top: 50%; transform: translate(-50%, -50%);
      width: min(480px, calc(100vw - 24px)); max-height: calc(100vh - 24px); overflow: auto;
      background: #fff; color: #202124; border-radius: 10px; padding: 20px 22px;
      box-shadow: 0 8px 40px rgba(0,0,0,.4); font: 15px/1.5 system-ui, sans-serif; }
    .dialog h2 { font-size: 18px; }
    .buttons { display: flex; justify-content: flex-end; gap: 10px; margin-top: 16px; }
    .buttons button { font: 600 14px system-ui, sans-serif; border-radius: 18px; padding: 8px 18px;
      cursor: pointer; border: 1px solid #dadce0; background: #fff; color: #202124; }
    .buttons button.edit { background: #1a73e8; border-color: #1a73e8; color: #fff; }
    .live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  `;

  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  };

  // a known severity's name, for a class; an unknown one shows as low
  const severityOf = (w) => (SEVERITIES.includes(w.severity) ? w.severity : 'low');

  function warningItem(w) {
    const sev = severityOf(w);
    return el('li', {},
      el('span', { class: `sev ${sev}`, text: LABEL[sev] }),
      w.match ? el('q', { text: String(w.match).replace(/\s+/g, ' ') }) : null,
      el('p', { text: String(w.message || '') }),
      w.advice ? el('p', { class: 'advice', text: String(w.advice) }) : null,
      w.policy ? el('p', { class: 'policy', text: `Policy: ${w.policy}` }) : null);
  }

  function downText() {
    const why = status && status.error ? ` The browser said: "${status.error}".` : '';
    return 'The prepost checker is not installed or not running, so this post has not been checked.' +
      `${why} Please contact IT.`;
  }

  const ui = {
    host: document.createElement('prepost-ui'),
    root: null,
    layer: null,
    live: null,
    views: new Map(), // Box -> { badge, panel }
    frame: 0,
    highlights: typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function',

    mount() {
      if (this.root) {
        if (!this.host.isConnected) document.documentElement.append(this.host);
        return;
      }
      // above the site's own layers, and out of its layout
      for (const [k, v] of [['position', 'fixed'], ['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'],
        ['z-index', '2147483647'], ['display', 'block']]) this.host.style.setProperty(k, v, 'important');
      this.root = this.host.attachShadow({ mode: 'open' });
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        this.root.adoptedStyleSheets = [sheet];
      } catch {
        this.root.append(el('style', { text: STYLE }));
      }
      this.layer = el('div', { class: 'layer' });
      this.live = el('div', { class: 'live', role: 'status', 'aria-live': 'polite' });
      this.root.append(this.layer, this.live);
      // keys typed in our panel and dialog are ours, not the site's shortcuts
      this.host.addEventListener('keydown', (e) => e.stopPropagation());
      document.documentElement.append(this.host);
    },

    update() {
      if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.paint(); });
    },

    paint() {
      if (!this.root && !boxes.size) return; // nothing to show yet: stay out of the page
      this.mount();
      for (const [elem, box] of boxes) {
        if (!elem.isConnected) { box.forget(); boxes.delete(elem); this.drop(box); }
      }
      this.paintHighlights();
      this.layer.replaceChildren();
      for (const box of boxes.values()) {
        this.paintMarks(box);
        this.paintBadge(box);
      }
    },

    drop(box) {
      const v = this.views.get(box);
      if (v) { v.badge.remove(); v.panel.remove(); this.views.delete(box); }
    },

    paintHighlights() {
      if (!this.highlights) return;
      const bySeverity = { high: [], medium: [], low: [] };
      for (const box of boxes.values()) {
        for (const { w, range } of box.shown) {
          if (range) bySeverity[severityOf(w)].push(range);
        }
      }
      for (const sev of SEVERITIES) {
        const name = `prepost-${sev}`;
        if (bySeverity[sev].length) CSS.highlights.set(name, new Highlight(...bySeverity[sev]));
        else CSS.highlights.delete(name);
      }
    },

    // the overlay: always for text fields (highlights cannot reach inside
    // them), and for rich editors where the browser has no highlight API
    paintMarks(box) {
      if (!box.shown.length || (!box.field && this.highlights)) return;
      const clip = box.el.getBoundingClientRect();
      for (const { w, range } of box.shown) {
        const rects = box.field ? this.fieldRects(box.el, w.start, w.end) : [...range.getClientRects()];
        for (const r of rects) {
          const left = Math.max(r.left, clip.left);
          const right = Math.min(r.right, clip.right);
          const top = Math.max(r.top, clip.top);
          const bottom = Math.min(r.bottom, clip.bottom);
          if (right <= left || bottom <= top) continue;
          const mark = el('div', { class: `mark ${severityOf(w)}` });
          Object.assign(mark.style, { left: `${left}px`, top: `${top}px`,
            width: `${right - left}px`, height: `${bottom - top}px` });
          this.layer.append(mark);
        }
      }
    },

    // Where characters [start, end) of a textarea or input are drawn: a
    // hidden copy with the same box and font, measured.
    fieldRects(field, start, end) {
      const cs = getComputedStyle(field);
      const r = field.getBoundingClientRect();
      const mirror = el('div', { class: 'mirror' });
      for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
        'fontKerning', 'fontFeatureSettings', 'letterSpacing', 'wordSpacing', 'lineHeight', 'textTransform',
        'textIndent', 'textAlign', 'tabSize', 'direction', 'paddingTop', 'paddingRight', 'paddingBottom',
        'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
        'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle']) mirror.style[p] = cs[p];
      const bx = parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth);
      const by = parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
      Object.assign(mirror.style, {
        boxSizing: 'border-box', left: `${r.left}px`, top: `${r.top}px`,
        width: `${field.clientWidth + bx}px`, height: `${field.clientHeight + by}px`,
        whiteSpace: field.tagName === 'INPUT' ? 'pre' : 'pre-wrap',
        overflowWrap: 'break-word',
      });
      const text = field.value;
      const span = el('span', { text: text.slice(start, end) });
      mirror.append(text.slice(0, start), span, text.slice(end) || '\u200b');
      this.layer.append(mirror);
      mirror.scrollTop = field.scrollTop;
      mirror.scrollLeft = field.scrollLeft;
      const rects = [...span.getClientRects()];
      mirror.remove();
      return rects;
    },

    paintBadge(box) {
      let v = this.views.get(box);
      if (!v) {
        const badge = el('button', { class: 'badge', type: 'button', 'aria-haspopup': 'true',
          'aria-expanded': 'false', 'data-box': String(box.number) });
        const panel = el('div', { class: 'panel', role: 'region', 'aria-label': 'prepost warnings' });
        panel.hidden = true;
        badge.addEventListener('click', () => { box.panelOpen = !box.panelOpen; this.update();
          if (box.panelOpen) requestAnimationFrame(() => panel.focus()); });
        panel.tabIndex = -1;
        panel.addEventListener('keydown', (e) => {
          if (e.key === 'Escape') { box.panelOpen = false; this.update(); badge.focus(); }
        });
        this.root.append(badge, panel);
        v = { badge, panel, summary: '' };
        this.views.set(box, v);
      }
      const { badge, panel } = v;
      const state = box.state();
      const r = box.current();
      const warnings = r && !r.unavailable ? r.warnings : [];
      const sev = worst(warnings);
      badge.dataset.state = state;
      badge.dataset.count = String(warnings.length);
      const rect = box.el.getBoundingClientRect();
      const visible = rect.width > 0 && rect.height > 0 && (state === 'warn' || state === 'down');
      badge.hidden = !visible;
      if (!visible) box.panelOpen = false;
      let summary = '';
      if (state === 'warn') {
        badge.className = `badge ${sev}`;
        badge.textContent = String(warnings.length);
        summary = `prepost: ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}, ` +
          `the most serious ${LABEL[sev] ? LABEL[sev].toLowerCase() : sev}.`;
        badge.setAttribute('aria-label', `${summary} Show details.`);
      } else if (state === 'down') {
        badge.className = 'badge down';
        badge.textContent = '!';
        summary = 'prepost: the checker is not running.';
        badge.setAttribute('aria-label', `${summary} Show details.`);
      }
      badge.title = summary;
      if (visible) {
        const bw = badge.offsetWidth || 24;
        Object.assign(badge.style, { left: `${Math.max(4, rect.right - bw - 6)}px`,
          top: `${Math.max(4, rect.bottom - 30)}px` });
      }
      if (summary !== v.summary && box === lastBox) this.live.textContent = summary;
      v.summary = summary;

      badge.setAttribute('aria-expanded', String(box.panelOpen));
      panel.hidden = !box.panelOpen;
      if (box.panelOpen) {
        const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close', text: '\u00d7' });
        close.addEventListener('click', () => { box.panelOpen = false; this.update(); badge.focus(); });
        const body = state === 'down'
          ? [el('h2', { text: 'Not checked' }), el('p', { text: downText() })]
          : [el('h2', { text: `${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to check` }),
            el('ul', {}, ...warnings.map(warningItem))];
        panel.replaceChildren(close, ...body);
        const below = rect.bottom + 8;
        const height = Math.min(420, panel.offsetHeight || 200);
        const top = below + height < innerHeight ? below : Math.max(8, rect.top - height - 8);
        Object.assign(panel.style, { top: `${top}px`,
          left: `${Math.max(8, Math.min(rect.right - 380, innerWidth - 388))}px` });
      }
    },
  };

  // ---- the confirm dialog ---------------------------------------------------

  // Asks about a held post. `send` posts it (exactly once); `box` gets the
  // focus back when the user chooses to edit.
  function confirmPost(verdict, box, send) {
    ui.mount();
    const blocked = verdict.kind !== 'risky';
    const backdrop = el('div', { class: 'backdrop' });
    const title = el('h2', { id: 'prepost-title',
      text: blocked ? 'This post cannot be checked' : 'Check this post before it goes out' });
    const desc = el('p', { id: 'prepost-desc', text: blocked
      ? `${downText()} Your school asks that posts are checked before they go out.`
      : `prepost found ${verdict.warnings.length === 1 ? 'something' : `${verdict.warnings.length} things`} ` +
        "that your school's social media policy may not allow:" });
    const list = blocked ? null : el('ul', {}, ...verdict.warnings.map(warningItem));
    const url = settings() && settings().policyUrl;
    const policy = url ? el('p', {}, el('a', { href: url, target: '_blank', rel: 'noopener noreferrer',
      text: "Read the school's social media policy" })) : null;
    const edit = el('button', { class: 'edit', type: 'button', text: 'Edit post' });
    const anyway = blocked ? null : el('button', { class: 'anyway', type: 'button', text: 'Post anyway' });
    const box_ = el('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true',
      'aria-labelledby': 'prepost-title', 'aria-describedby': 'prepost-desc' },
    title, desc, list, policy, el('div', { class: 'buttons' }, anyway, edit));
    ui.root.append(backdrop, box_);

    const focusables = () => [...box_.querySelectorAll('a[href], button')];
    const keepFocus = (e) => {
      if (e.composedPath()[0] && !box_.contains(e.composedPath()[0])) edit.focus();
    };
    const close = (post) => {
      document.removeEventListener('focusin', keepFocus, true);
      backdrop.remove();
      box_.remove();
      dialog = null;
      if (post) send(); else if (box && box.el.isConnected) box.el.focus();
    };
    box_.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); close(false); return; }
      if (e.key !== 'Tab') return;
      const f = focusables();
      const i = f.indexOf(ui.root.activeElement);
      const next = e.shiftKey ? (i <= 0 ? f.length - 1 : i - 1) : (i + 1) % f.length;
      e.preventDefault();
      f[next].focus();
    });
    edit.addEventListener('click', () => close(false));
    if (anyway) anyway.addEventListener('click', () => close(true));
    backdrop.addEventListener('mousedown', (e) => { e.preventDefault(); edit.focus(); });
    document.addEventListener('focusin', keepFocus, true);
    dialog = box_;
    edit.focus();
  }

  // ---- holding a risky post -------------------------------------------------

  function postButtonOf(target) {
    const b = target instanceof Element ? target.closest('button, [role="button"], input[type="submit"]') : null;
    if (!b || b === ui.host || b.disabled || b.getAttribute('aria-disabled') === 'true') return null;
    if (POST_TEST_IDS.includes(b.getAttribute('data-testid'))) return b;
    const label = (b.getAttribute('aria-label') || b.value || b.textContent || '').trim().replace(/[!.]$/, '');
    return POST_LABEL.test(label) ? b : null;
  }

  // The drafts a post button sends: the compose boxes in the nearest
  // element around it that has any.
  function boxesFor(button) {
    for (let a = button.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const found = new Set();
      for (const e of a.querySelectorAll(BOX_SELECTOR)) {
        const ed = editorOf(e);
        if (ed) found.add(ed);
      }
      if (found.size) return [...found].map(track);
    }
    return lastBox && lastBox.el.isConnected ? [lastBox] : [];
  }

  // The post button that sends this box: the nearest one around the box
  // whose drafts include it (a comment box has none: Enter sends it).
  function buttonFor(box) {
    for (let a = box.el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      for (const b of a.querySelectorAll('button, [role="button"], input[type="submit"]')) {
        if (postButtonOf(b)) return boxesFor(b).includes(box) ? b : null;
      }
    }
    return null;
  }

  // 'clean', 'risky' (with the warnings at or above the confirm level),
  // 'pending' (a draft not checked yet) or 'down' (the checker is not running)
  function verdictFor(group) {
    const level = settings().confirmLevel;
    const risky = [];
    let pending = false;
    let down = false;
    for (const box of group) {
      if (!/\S/.test(box.read().text)) continue;
      const r = box.current();
      if (!r) pending = true;
      else if (r.unavailable) down = true;
      else risky.push(...r.warnings.filter((w) => rank(w.severity) >= rank(level)));
    }
    if (risky.length) return { kind: 'risky', warnings: risky };
    if (pending) return { kind: 'pending' };
    return { kind: down ? 'down' : 'clean' };
  }

  // Called in the capture phase, before the site's own handlers. Lets a
  // clean post through untouched; holds anything else until it is known.
  function hold(e, group, send) {
    if (replaying || !enabled || !group.length) return;
    if (dialog) { e.preventDefault(); e.stopImmediatePropagation(); return; }
    const failClosed = settings().failClosed;
    if (hostDown() && !failClosed) return; // the checker's absence never blocks a post
    let verdict = verdictFor(group);
    if (verdict.kind === 'clean' || (verdict.kind === 'down' && !failClosed)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const box = group.find((b) => b === lastBox) || group[0];
    const decide = () => {
      if (verdict.kind === 'clean' || (verdict.kind !== 'risky' && !failClosed)) send();
      else confirmPost(verdict, box, send);
    };
    if (verdict.kind !== 'pending') { decide(); return; }
    Promise.all(group.map((b) => b.settle(SETTLE_MS))).then(() => {
      verdict = verdictFor(group);
      decide();
    });
  }

  // Sends a held post again, past our own listener, exactly once.
  function resend(action) {
    replaying = true;
    try { action(); } finally { replaying = false; }
    afterPost();
  }

  function onClick(e) {
    if (!enabled || replaying) return;
    const button = postButtonOf(e.composedPath()[0]);
    if (!button) return;
    hold(e, boxesFor(button), () => resend(() => button.click()));
    if (!e.defaultPrevented) afterPost();
  }

  // A text field emptied by the site after a post fires no event: look at
  // the boxes again shortly after anything is posted.
  function afterPost() {
    for (const ms of [100, 600]) {
      setTimeout(() => { for (const box of boxes.values()) { box.render(); box.schedule(0); } }, ms);
    }
  }

  function onKeyDown(e) {
    if (!enabled || e.isComposing || replaying) return;
    const target = e.composedPath()[0];
    const button = postButtonOf(target);
    if (button && (e.key === 'Enter' || e.key === ' ') && !/^(BUTTON|INPUT)$/.test(button.tagName)) {
      // a <div role="button"> that the site activates from the keyboard
      hold(e, boxesFor(button), () => resend(() => button.click()));
      return;
    }
    if (e.key !== 'Enter') return;
    const ed = editorOf(target);
    if (!ed) return;
    const box = track(ed);
    const label = `${ed.getAttribute('aria-label') || ''} ${ed.getAttribute('placeholder') || ''}`;
    const sends = ((e.ctrlKey || e.metaKey) && !e.altKey) ||
      (!e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && !box.field && /comment/i.test(label));
    if (!sends) return;
    const init = { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey,
      shiftKey: e.shiftKey, bubbles: true, cancelable: true, composed: true };
    hold(e, [box], () => {
      const b = buttonFor(box);
      resend(() => (b ? b.click() : ed.dispatchEvent(new KeyboardEvent('keydown', init))));
    });
  }

  // ---- events -----------------------------------------------------------------

  // the box an event happened in, now the user's current one
  function boxOf(e) {
    if (status && !enabled) return null; // a site not on the list, or paused
    const ed = editorOf(e.composedPath()[0]);
    if (!ed) return null;
    lastBox = track(ed);
    if (!status) background();
    return lastBox;
  }

  function onInput(e) {
    const box = boxOf(e);
    if (!box || box.composing || e.isComposing) return; // checked at compositionend
    box.render();
    box.schedule();
  }

  function onFocus(e) {
    const box = boxOf(e);
    if (box && !box.result && !box.inflight) box.schedule(0);
  }

  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('input', onInput, true);
  document.addEventListener('focusin', onFocus, true);
  // an input method composing a word: check the word once it is committed
  for (const type of ['compositionstart', 'compositionend']) {
    document.addEventListener(type, (e) => {
      const ed = editorOf(e.composedPath()[0]);
      if (!ed) return;
      const box = track(ed);
      box.composing = type === 'compositionstart';
      if (!box.composing) box.schedule();
    }, true);
  }
  const reposition = () => { if (boxes.size) ui.update(); };
  document.addEventListener('scroll', reposition, { capture: true, passive: true });
  window.addEventListener('resize', reposition, { passive: true });
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(reposition).observe(document.documentElement);
  }

  background();
  if (document.activeElement) onFocus({ composedPath: () => [document.activeElement] });
})();

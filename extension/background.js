// The background: owns the one connection to prepost-host, passes each
// tab's checks through it, and tells tabs and the popup how things stand.
// Chrome and Edge run it as a service worker, Firefox as a background
// script (with common.js loaded before it by the manifest).
'use strict';

if (typeof importScripts === 'function' && !globalThis.prepost) importScripts('common.js');

const { api, HOST_NAME, PAUSE_MINUTES, effectiveSettings, loadSettings, originPatterns } = globalThis.prepost;

const HELLO_TIMEOUT_MS = 5000;
const MAX_BACKOFF_MS = 60000;

let host = null;          // the native port, while one is open
let state = 'idle';       // idle | connecting | connected | down
let hello = null;         // the host's hello reply
let lastError = '';       // the browser's words for why the host is not running
let failures = 0;         // consecutive failed starts, for the backoff
let retryTimer = null;
let helloTimer = null;
let nextId = 1;
const pending = new Map(); // host request id -> { tab, id }
const tabs = new Set();    // content scripts' ports
let settings = effectiveSettings({}, {});

// ---- settings ---------------------------------------------------------

async function readSettings() {
  ({ settings } = await loadSettings());
  return settings;
}

// ---- the host -----------------------------------------------------------

function connect() {
  if (host) return;
  clearTimeout(retryTimer);
  retryTimer = null;
  state = 'connecting';
  let port;
  try {
    port = api.runtime.connectNative(HOST_NAME);
  } catch (e) {
    down(String(e && e.message || e));
    return;
  }
  host = port;
  port.onMessage.addListener((msg) => onHostMessage(port, msg));
  port.onDisconnect.addListener(() => {
    // Chrome reports why in runtime.lastError, Firefox in port.error
    const why = (api.runtime.lastError && api.runtime.lastError.message) ||
      (port.error && port.error.message) || 'The checker stopped.';
    if (host === port) down(why);
  });
  port.postMessage({ type: 'hello', protocol: 1, id: 'hello' });
  clearTimeout(helloTimer);
  helloTimer = setTimeout(() => {
    if (host === port && state === 'connecting') {
      port.disconnect();
      down('The checker started but did not answer.');
    }
  }, HELLO_TIMEOUT_MS);
  broadcast();
}

function down(why) {
  host = null;
  hello = null;
  state = 'down';
  lastError = why;
  clearTimeout(helloTimer);
  for (const [, req] of pending) reply(req.tab, { type: 'result', id: req.id, unavailable: true });
  pending.clear();
  failures += 1;
  broadcast();
  // keep trying while a page needs the checker: 1 s, 2 s, 4 s ... 60 s
  const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 6));
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => { if (tabs.size) connect(); }, delay);
}

function onHostMessage(port, msg) {
  if (port !== host || !msg || typeof msg !== 'object') return;
  if (msg.type === 'hello') {
    clearTimeout(helloTimer);
    hello = msg;
    state = 'connected';
    failures = 0;
    lastError = '';
    broadcast();
    return;
  }
  const req = pending.get(msg.id);
  if (!req) return;
  pending.delete(msg.id);
  if (msg.type === 'result') {
    reply(req.tab, { type: 'result', id: req.id, warnings: Array.isArray(msg.warnings) ? msg.warnings : [] });
  } else {
    // the host could not check this draft: say so, never guess "clean"
    reply(req.tab, { type: 'result', id: req.id, unavailable: true, error: String(msg.message || msg.code || '') });
  }
}

// ---- tabs ---------------------------------------------------------------

function reply(tab, msg) {
  try { tab.postMessage(msg); } catch { tabs.delete(tab); }
}

function status() {
  return {
    type: 'status',
    state,
    error: lastError,
    version: hello ? hello.version : null,
    config: hello ? hello.config : null,
    problems: hello && Array.isArray(hello.problems) ? hello.problems : [],
    settings,
  };
}

function broadcast() {
  const s = status();
  for (const tab of tabs) reply(tab, s);
}

function onTabMessage(tab, msg) {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'check' && typeof msg.text === 'string') {
    if (!host) connect();
    if (!host) { reply(tab, { type: 'result', id: msg.id, unavailable: true }); return; }
    const hostId = nextId++;
    pending.set(hostId, { tab, id: msg.id });
    try {
      host.postMessage({ type: 'check', id: hostId, text: msg.text, site: msg.site || null });
    } catch (e) {
      // the host went away between its exit and the disconnect event
      down(String(e && e.message || e));
    }
  }
}

// Content scripts connect as 'prepost-tab', the popup as 'prepost-popup':
// both hear every change of status.
api.runtime.onConnect.addListener((tab) => {
  if (tab.name !== 'prepost-tab' && tab.name !== 'prepost-popup') return;
  tabs.add(tab);
  tab.onMessage.addListener((msg) => onTabMessage(tab, msg));
  tab.onDisconnect.addListener(() => {
    tabs.delete(tab);
    for (const [hostId, req] of pending) if (req.tab === tab) pending.delete(hostId);
  });
  if (state === 'idle' || (state === 'down' && !retryTimer)) connect();
  // read the settings afresh: a browser may load its policy after the
  // worker started, without a storage change event
  readSettings().then(() => reply(tab, status()), () => reply(tab, status()));
});

// ---- the popup and the options page -------------------------------------

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // our own pages only (the popup, the options page), never a content script
  if (sender.id !== api.runtime.id || !String(sender.url || '').startsWith(api.runtime.getURL(''))) return false;
  (async () => {
    if (msg.type === 'pause' && settings.allowPause) {
      await api.storage.local.set({ pausedUntil: Date.now() + PAUSE_MINUTES * 60000 });
    } else if (msg.type === 'resume') {
      await api.storage.local.remove('pausedUntil');
    } else if (msg.type === 'reconnect') {
      if (host) host.disconnect();
      host = null;
      failures = 0;
      connect();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await readSettings();
    broadcast();
    if (state === 'idle') connect();
    return status();
  })().then(sendResponse, (e) => sendResponse({ type: 'error', message: String(e) }));
  return true;
});

// ---- sites the user or IT added -----------------------------------------

// Content scripts for sites outside the manifest's own list, registered
// for the ones whose permission has been granted.
async function syncSiteScripts() {
  const extra = settings.extraSites.concat(
    settings.sites.filter((s) => !globalThis.prepost.DEFAULT_SITES.includes(s)));
  const matches = [];
  for (const site of extra) {
    const origins = originPatterns(site);
    if (await api.permissions.contains({ origins })) matches.push(...origins);
  }
  const registered = await api.scripting.getRegisteredContentScripts({ ids: ['prepost-sites'] });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: ['prepost-sites'] });
  if (matches.length) {
    await api.scripting.registerContentScripts([{
      id: 'prepost-sites', matches, js: ['common.js', 'content.js'], css: ['content.css'],
      runAt: 'document_idle',
    }]);
  }
}

async function refresh() {
  await readSettings();
  broadcast();
  try {
    await syncSiteScripts();
  } catch (e) {
    console.error('prepost: could not register the added sites:', e && e.message);
  }
}

api.storage.onChanged.addListener(refresh);
api.permissions.onAdded.addListener(refresh);
api.permissions.onRemoved.addListener(refresh);
refresh();

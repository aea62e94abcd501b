// Shared by the background, the content script, the popup and the options
// page: the settings in force (managed policy over the user's choices),
// which sites are checked, and how severities compare. No DOM, no browser
// calls except the `api` handle, so node's test runner can load it too
// (tests/extension/common.test.mjs).
'use strict';

(function (root) {
  const api = root.browser ?? root.chrome;

  const SEVERITIES = ['low', 'medium', 'high'];
  const DEFAULT_SITES = ['facebook.com', 'x.com', 'twitter.com', 'linkedin.com',
    'instagram.com', 'threads.net', 'bsky.app'];
  const HOST_NAME = 'org.prepost.host';
  const PAUSE_MINUTES = 60;

  // -1 for anything that is not a severity, so an unknown one never
  // outranks a known one
  const rank = (severity) => SEVERITIES.indexOf(severity);

  const worst = (warnings) => {
    let best = null;
    for (const w of warnings) if (best === null || rank(w.severity) > rank(best)) best = w.severity;
    return best;
  };

  // A draft needs the user's confirmation when any warning reaches the
  // confirm level.
  const needsConfirm = (warnings, level) =>
    warnings.some((w) => rank(w.severity) >= rank(level));

  // "Mastodon.Social", "https://mastodon.social/home", "*.example.org" all
  // become "mastodon.social" / "example.org"; null if it is not a host name.
  function normaliseSite(input) {
    if (typeof input !== 'string') return null;
    let s = input.trim().toLowerCase();
    s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\*\./, '');
    s = s.split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/\.$/, '');
    if (s.startsWith('www.')) s = s.slice(4);
    if (s.length > 253 || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(s)) return null;
    return s;
  }

  const siteMatches = (hostname, site) =>
    hostname === site || hostname.endsWith('.' + site);

  // Match patterns that cover a site and its subdomains, over HTTPS only.
  const originPatterns = (site) => [`https://${site}/*`, `https://*.${site}/*`];

  function cleanSites(list) {
    if (!Array.isArray(list)) return null;
    const out = [];
    for (const item of list) {
      const s = normaliseSite(item);
      if (s && !out.includes(s)) out.push(s);
    }
    return out;
  }

  const isLevel = (v) => SEVERITIES.includes(v);
  const isHttpsUrl = (v) => {
    if (typeof v !== 'string') return false;
    try { return new URL(v).protocol === 'https:'; } catch { return false; }
  };

  // The settings in force. `managed` is storage.managed (IT's policy, may be
  // empty or partly wrong), `user` is storage.local. Managed values that are
  // valid win and are listed in `managedKeys`, so the options page can show
  // them as set by the school. Invalid managed values are ignored, and named
  // in `policyProblems`.
  function effectiveSettings(managed, user, now = Date.now()) {
    managed = managed && typeof managed === 'object' ? managed : {};
    user = user && typeof user === 'object' ? user : {};
    const managedKeys = [];
    const policyProblems = [];
    const take = (key, valid, fallback) => {
      if (key in managed) {
        if (valid(managed[key])) { managedKeys.push(key); return managed[key]; }
        policyProblems.push(key);
      }
      return fallback;
    };

    let sites = DEFAULT_SITES;
    if ('sites' in managed) {
      const s = cleanSites(managed.sites);
      if (s) { sites = s; managedKeys.push('sites'); } else policyProblems.push('sites');
    }
    const extraSites = (cleanSites(user.extraSites) ?? []).filter((s) => !sites.includes(s));
    const userLevel = isLevel(user.confirmLevel) ? user.confirmLevel : 'medium';
    const confirmLevel = take('confirmLevel', isLevel, userLevel);
    const allowPause = take('allowPause', (v) => typeof v === 'boolean', true);
    const failClosed = take('failClosed', (v) => typeof v === 'boolean', false);
    const policyUrl = take('policyUrl', isHttpsUrl, '');
    const pausedUntil = allowPause && Number.isFinite(user.pausedUntil) && user.pausedUntil > now
      ? user.pausedUntil : 0;
    return { sites, extraSites, confirmLevel, allowPause, failClosed, policyUrl, pausedUntil,
      managedKeys, policyProblems };
  }

  // The settings in force as the browser has them now, and the user's own
  // stored choices (Firefox throws when no policy exists for the add-on).
  async function loadSettings() {
    let managed = {};
    try {
      managed = await api.storage.managed.get(null);
    } catch {
      // no policy for this extension
    }
    const user = await api.storage.local.get(null);
    return { settings: effectiveSettings(managed, user), user };
  }

  const siteEnabled = (hostname, settings) =>
    settings.sites.concat(settings.extraSites).some((s) => siteMatches(hostname, s));

  const prepost = { api, SEVERITIES, DEFAULT_SITES, HOST_NAME, PAUSE_MINUTES, rank, worst,
    needsConfirm, normaliseSite, siteMatches, originPatterns, effectiveSettings, loadSettings, siteEnabled };
  root.prepost = prepost;
})(globalThis);

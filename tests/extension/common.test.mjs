// extension/common.js under node's test runner: the settings in force
// (managed policy over the user's choices), site names, severities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const source = readFileSync(new URL('../../extension/common.js', import.meta.url), 'utf8');
const sandbox = { URL };
runInNewContext(source, sandbox);
const p = sandbox.prepost;

test('with no policy and no choices, the defaults', () => {
  const s = p.effectiveSettings({}, {});
  assert.deepEqual([...s.sites], [...p.DEFAULT_SITES]);
  assert.equal(s.confirmLevel, 'medium');
  assert.equal(s.allowPause, true);
  assert.equal(s.failClosed, false);
  assert.equal(s.policyUrl, '');
  assert.equal(s.managedKeys.length, 0);
});

test('managed policy wins over the user, and says so', () => {
  const s = p.effectiveSettings(
    { confirmLevel: 'high', allowPause: false, failClosed: true, sites: ['X.com', 'https://mastodon.social/home'],
      policyUrl: 'https://school.example/policy' },
    { confirmLevel: 'low', pausedUntil: Date.now() + 60000, extraSites: ['bsky.app', 'x.com'] });
  assert.equal(s.confirmLevel, 'high');
  assert.equal(s.allowPause, false);
  assert.equal(s.pausedUntil, 0, 'a pause the school does not allow is ignored');
  assert.equal(s.failClosed, true);
  assert.deepEqual([...s.sites], ['x.com', 'mastodon.social']);
  assert.deepEqual([...s.extraSites], ['bsky.app'], 'a user site already in the list is not repeated');
  assert.equal(s.policyUrl, 'https://school.example/policy');
  assert.deepEqual([...s.managedKeys].sort(), ['allowPause', 'confirmLevel', 'failClosed', 'policyUrl', 'sites']);
});

test('invalid managed values are ignored and named', () => {
  const s = p.effectiveSettings(
    { confirmLevel: 'severe', allowPause: 'no', sites: 'x.com', policyUrl: 'javascript:alert(1)' },
    { confirmLevel: 'low' });
  assert.equal(s.confirmLevel, 'low');
  assert.equal(s.allowPause, true);
  assert.deepEqual([...s.sites], [...p.DEFAULT_SITES]);
  assert.equal(s.policyUrl, '');
  assert.deepEqual([...s.policyProblems].sort(), ['allowPause', 'confirmLevel', 'policyUrl', 'sites']);
});

test('a pause lasts until its time', () => {
  const now = 1_000_000;
  assert.equal(p.effectiveSettings({}, { pausedUntil: now + 5 }, now).pausedUntil, now + 5);
  assert.equal(p.effectiveSettings({}, { pausedUntil: now - 5 }, now).pausedUntil, 0);
  assert.equal(p.effectiveSettings({}, { pausedUntil: 'soon' }, now).pausedUntil, 0);
});

test('site names are normalised, and junk refused', () => {
  assert.equal(p.normaliseSite(' Mastodon.Social '), 'mastodon.social');
  assert.equal(p.normaliseSite('https://www.Facebook.com/groups/1?x=y'), 'facebook.com');
  assert.equal(p.normaliseSite('*.example.org'), 'example.org');
  assert.equal(p.normaliseSite('example.org:8443/'), 'example.org');
  for (const bad of ['', 'localhost', 'not a site', 'ex ample.org', '-x.org', 42, null, 'a..b']) {
    assert.equal(p.normaliseSite(bad), null, String(bad));
  }
});

test('a site covers its subdomains and nothing else', () => {
  const s = p.effectiveSettings({}, { extraSites: ['mastodon.social'] });
  assert.ok(p.siteEnabled('www.facebook.com', s));
  assert.ok(p.siteEnabled('x.com', s));
  assert.ok(p.siteEnabled('mastodon.social', s));
  assert.ok(!p.siteEnabled('notx.com', s));
  assert.ok(!p.siteEnabled('facebook.com.evil.example', s));
  assert.ok(!p.siteEnabled('example.org', s));
  assert.deepEqual([...p.originPatterns('mastodon.social')],
    ['https://mastodon.social/*', 'https://*.mastodon.social/*']);
});

test('severities: the worst, and when to ask', () => {
  const ws = [{ severity: 'low' }, { severity: 'medium' }];
  assert.equal(p.worst(ws), 'medium');
  assert.equal(p.worst([]), null);
  assert.equal(p.worst([{ severity: 'unknown' }, { severity: 'low' }]), 'low');
  assert.ok(p.needsConfirm(ws, 'medium'));
  assert.ok(!p.needsConfirm(ws, 'high'));
  assert.ok(p.needsConfirm([{ severity: 'high' }], 'high'));
  assert.ok(!p.needsConfirm([{ severity: 'bogus' }], 'low'));
  assert.ok(!p.needsConfirm([], 'low'));
});

// The options page: the confirm level and the sites the user adds. Managed
// policy, where set, wins and is shown as set by the school.
'use strict';

const { api, loadSettings, normaliseSite, originPatterns } = globalThis.prepost;
const $ = (id) => document.getElementById(id);

function item(text, button) {
  const li = document.createElement('li');
  li.textContent = text;
  if (button) li.append(button);
  return li;
}

async function render() {
  const { settings: s } = await loadSettings();
  $('level').value = s.confirmLevel;
  $('level').disabled = s.managedKeys.includes('confirmLevel');
  $('level-managed').hidden = !$('level').disabled;
  $('sites').replaceChildren(...s.sites.map((site) => item(site)));
  $('sites-managed').hidden = !s.managedKeys.includes('sites');
  const rows = [];
  for (const site of s.extraSites) {
    const granted = await api.permissions.contains({ origins: originPatterns(site) });
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${site}`);
    remove.addEventListener('click', () => removeSite(site));
    rows.push(item(granted ? site : `${site} (not allowed yet: add it again to allow)`, remove));
  }
  $('extra').replaceChildren(...rows);
}

async function removeSite(site) {
  const { user } = await loadSettings();
  const extra = (user.extraSites || []).filter((s) => s !== site);
  await api.storage.local.set({ extraSites: extra });
  try { await api.permissions.remove({ origins: originPatterns(site) }); } catch { /* already gone */ }
  render();
}

$('level').addEventListener('change', async () => {
  await api.storage.local.set({ confirmLevel: $('level').value });
});

$('add').addEventListener('submit', async (e) => {
  e.preventDefault();
  const site = normaliseSite($('site').value);
  if (!site) {
    $('add-status').textContent = 'That is not a site name. Type one like mastodon.social.';
    return;
  }
  // must be asked straight from the click, before any other await
  const granted = await api.permissions.request({ origins: originPatterns(site) });
  if (!granted) {
    $('add-status').textContent = `${site} was not added: the browser did not allow it.`;
    return;
  }
  const { user } = await loadSettings();
  const extra = (user.extraSites || []).filter((s) => s !== site).concat(site);
  await api.storage.local.set({ extraSites: extra });
  $('site').value = '';
  $('add-status').textContent = `${site} added. Reload its tabs to start checking.`;
  render();
});

api.storage.onChanged.addListener(render);
render();

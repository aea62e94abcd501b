// The toolbar popup: is the checker running, what did it load, and a pause.
'use strict';

const { api } = globalThis.prepost;
const $ = (id) => document.getElementById(id);

function show(s) {
  const st = s.settings;
  const pausedUntil = st.pausedUntil ? new Date(st.pausedUntil) : null;
  $('error').hidden = true;
  $('detail').hidden = true;
  $('retry').hidden = s.state !== 'down';
  if (s.state === 'connected') {
    $('state').textContent = pausedUntil
      ? `Paused until ${pausedUntil.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}. Posts are not being checked.`
      : 'Checking your posts on this computer.';
    const c = s.config || {};
    $('detail').textContent = `prepost-host ${s.version}: ${c.roster_names ?? 0} names from the roster, ` +
      `${c.lexicon_terms ?? 0} terms in ${c.lexicon_files ?? 0} lists.`;
    $('detail').hidden = false;
  } else if (s.state === 'down') {
    $('state').textContent = 'The prepost checker is not installed or not running, so posts are not being checked. ' +
      (st.failClosed ? 'Your school has set posting to wait until it is. ' : '') + 'Please contact IT.';
    if (s.error) {
      $('error').textContent = `The browser said: ${s.error}`;
      $('error').hidden = false;
    }
  } else {
    $('state').textContent = 'Starting the checker…';
  }
  const problems = s.problems.concat(st.policyProblems.map((k) =>
    `The school's browser policy sets "${k}" to a value prepost cannot use; it is ignored.`));
  $('problem-list').replaceChildren(...problems.map((p) => {
    const li = document.createElement('li');
    li.textContent = p;
    return li;
  }));
  $('problems').hidden = problems.length === 0;
  $('pause').hidden = !st.allowPause || !!pausedUntil;
  $('resume').hidden = !pausedUntil;
}

async function send(type) {
  const s = await api.runtime.sendMessage({ type });
  if (s && s.type === 'status') show(s);
}

// the background sends the status now and whenever it changes
api.runtime.connect({ name: 'prepost-popup' }).onMessage.addListener((msg) => {
  if (msg.type === 'status') show(msg);
});

$('retry').addEventListener('click', () => send('reconnect'));
$('pause').addEventListener('click', () => send('pause'));
$('resume').addEventListener('click', () => send('resume'));
$('options').addEventListener('click', () => api.runtime.openOptionsPage());

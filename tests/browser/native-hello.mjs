// Real Chromium starts the real prepost-host through a native-messaging
// manifest written by install/user-install.sh into a temporary
// --user-data-dir, and a hello comes back. Then the manifest is broken the
// way IT breaks it (wrong extension id) and the browser's own error is
// what the extension sees.
//   node tests/browser/native-hello.mjs HOST_PATH SOURCE_ROOT
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [host, src] = process.argv.slice(2);
const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!browser) {
  console.log('chromium is not installed: install the Debian package chromium');
  process.exit(77); // skipped
}
const dir = mkdtempSync(join(tmpdir(), 'prepost-chromium-'));
const profile = join(dir, 'profile');
let passed = 0, failed = 0;
const check = (what, ok, detail) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
  ok ? passed++ : failed++;
};

async function probe() {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser,
    headless: false,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--disable-extensions-except=${join(src, 'tests/browser/hello-extension')}`,
      `--load-extension=${join(src, 'tests/browser/hello-extension')}`,
    ],
    env: { ...process.env, PREPOST_CONFIG: join(dir, 'config.json'),
           PREPOST_LEXICONS: join(src, 'lexicons'), PREPOST_CACHE_DIR: join(dir, 'cache') },
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const reply = await worker.evaluate(() => self.hello());
    return { id, reply };
  } finally {
    await context.close();
  }
}

try {
  writeFileSync(join(dir, 'roster.csv'), 'Forename,Surname\nJack,Turner\n', { mode: 0o640 });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ rosters: ['roster.csv'] }));
  execFileSync('sh', [join(src, 'install/user-install.sh'), '--host', host,
    '--browsers', '', '--user-data-dir', profile], { env: { ...process.env, HOME: dir } });

  const pinned = readFileSync(join(src, 'install/keys/extension-id.txt'), 'utf8').trim();
  let { id, reply } = await probe();
  check('the probe extension has the pinned id', id === pinned, id);
  check('Chromium started the host and got hello', reply.ok && reply.msg.type === 'hello',
        JSON.stringify(reply));
  check('the host loaded the roster', reply.ok && reply.msg.config.roster_names === 1,
        JSON.stringify(reply.msg?.config));

  // the manifest as IT sometimes leaves it: the id without its slash
  const manifest = join(profile, 'NativeMessagingHosts', 'org.prepost.host.json');
  const m = JSON.parse(readFileSync(manifest, 'utf8'));
  m.allowed_origins = [`chrome-extension://${pinned}`];
  writeFileSync(manifest, JSON.stringify(m));
  ({ reply } = await probe());
  check('a wrong allowed_origins is refused by the browser', !reply.ok &&
        /forbidden|not found/i.test(reply.error ?? ''), JSON.stringify(reply));
} catch (e) {
  check('browser test ran', false, e.stack);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

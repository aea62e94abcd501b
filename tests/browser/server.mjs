// The fixture sites for the browser tests: the X and Facebook stand-ins
// (bundled here with esbuild from the real editors in node_modules) and a
// plain form, over HTTPS with a certificate made for the run, answering
// for x.com, www.facebook.com and example.org. Chromium reaches it through
// --host-resolver-rules; Firefox through `proxyPort`, a CONNECT proxy that
// sends every host to this server.
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp } from 'node:http';
import { connect } from 'node:net';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'fixtures');
const require = createRequire(import.meta.url);

async function bundle(entry) {
  const out = await build({
    entryPoints: [join(fixtures, entry)], bundle: true, write: false, format: 'iife',
    jsx: 'transform', loader: { '.js': 'jsx' }, logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"development"', global: 'window' },
  });
  return out.outputFiles[0].text;
}

function certificate(dir) {
  const key = join(dir, 'tls.key');
  const cert = join(dir, 'tls.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=prepost fixture', '-addext', 'subjectAltName=DNS:x.com,DNS:www.facebook.com,DNS:example.org',
    '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function startServer(dir) {
  const files = {
    '/x.bundle.js': ['text/javascript', await bundle('x.jsx')],
    '/facebook.bundle.js': ['text/javascript', await bundle('facebook.js')],
    '/plain.js': ['text/javascript', readFileSync(join(fixtures, 'plain.js'))],
    '/draft.css': ['text/css', readFileSync(require.resolve('draft-js/dist/Draft.css'))],
  };
  const pages = {
    'x.com': join(fixtures, 'x.html'),
    'www.facebook.com': join(fixtures, 'facebook.html'),
    'example.org': join(fixtures, 'plain.html'),
  };
  const https = createHttps(certificate(dir), (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const path = new URL(req.url, 'https://x').pathname;
    let type;
    let body;
    if (files[path]) [type, body] = files[path];
    else if (path === '/plain') [type, body] = ['text/html', readFileSync(join(fixtures, 'plain.html'))];
    else if (pages[host] && (path === '/' || path === '/compose')) [type, body] = ['text/html', readFileSync(pages[host])];
    if (!body) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => https.listen(0, '127.0.0.1', resolve));
  const port = https.address().port;

  const proxy = createHttp((req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  return {
    port,
    proxyPort: proxy.address().port,
    close: () => { https.closeAllConnections?.(); https.close(); proxy.close(); },
  };
}

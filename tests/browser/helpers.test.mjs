// The browser tests' own helpers (server.mjs, links.mjs, axe.mjs) on a tiny made-up site, so
// that a green site.test.mjs means the site is right and not that a check looked away.
//   node --test tests/browser/helpers.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { checkLinks, classify } from './links.mjs';

const CHROMIUM = '/usr/bin/chromium';

const FILES = {
  'index.html': `<!DOCTYPE html><html lang="sv"><head><title>t</title>
<link rel="stylesheet" href="style.css?v=1"><script src="/app.js"></script></head><body>
<a name="n"></a><a href="#n">ok</a> <a href="#">ok</a> <a href="">ok</a>
<a href="a/">ok</a> <a href="a">ok</a> <a href="a/index.html#x">ok</a> <a href="/a/index.html?x=1&amp;y=2">ok</a>
<a href="a/index.html#nope">bad fragment</a> <a href="missing.html">bad file</a> <a href="tom/">bad folder</a>
<a href="https://example.org/x.html">external</a> <a href="mailto:a@b.se">mail</a> <a href="tel:+468">tel</a>
<a href="file.xlsx">xlsx</a> <a href="doc.pdf">pdf</a> <img src="p.png" srcset="p.png 1x, gone.png 2x" alt="">
<form action="a/index.html"></form> <a href=" JavaScript:void(0)">js</a>
<script>var s = '<a href="in-script.html">';</script><!-- <a href="in-comment.html"> -->
</body></html>`,
  'a/index.html': '<!DOCTYPE html><html lang="sv"><head><title>a</title></head><body><h1 id="x">A</h1><a href="../index.html#n">up</a></body></html>',
  'style.css': 'body{}', 'app.js': '', 'p.png': 'png', 'file.xlsx': 'x', 'doc.pdf': 'p',
  'axe.html': '<!DOCTYPE html><html><head></head><body><img src="p.png"><img src="p.png"><img src="p.png"><img src="p.png"></body></html>',
};

let dir, root, server;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalitet-helpers-'));
  root = path.join(dir, 'site');
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  fs.mkdirSync(path.join(root, 'tom'));
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer(root);
});
after(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// A raw request, the path sent as it is (fetch would normalise "..").
function get(rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    }).on('error', reject).end();
  });
}

test('server: files with their types, folders, redirects, 404, no way out of the root', async () => {
  const types = {
    '/': 'text/html; charset=utf-8', '/a/': 'text/html; charset=utf-8', '/style.css': 'text/css; charset=utf-8',
    '/app.js': 'text/javascript; charset=utf-8', '/p.png': 'image/png', '/doc.pdf': 'application/pdf',
    '/file.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
  for (const [p, type] of Object.entries(types)) {
    const res = await get(p);
    assert.equal(res.statusCode, 200, p);
    assert.equal(res.headers['content-type'], type, p);
  }
  const redirect = await get('/a?q=1');
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location, '/a/?q=1');
  for (const p of ['/missing.html', '/tom/', '/link.txt', '/a/index.html/']) assert.equal((await get(p)).statusCode, 404, p);
  for (const p of ['/../secret.txt', '/a/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%zz']) {
    assert.ok([400, 403].includes((await get(p)).statusCode), p);
  }
  assert.equal((await get('/', 'POST')).statusCode, 405);
  assert.equal((await get('/', 'HEAD')).statusCode, 200);
});

test('links: every broken link, fragment and javascript: URL is found, nothing else', () => {
  const result = checkLinks(root);
  assert.deepEqual(result.pages, ['a/index.html', 'axe.html', 'index.html']);
  assert.deepEqual(result.broken.map((l) => l.href).sort(), ['a/index.html#nope', 'gone.png', 'missing.html', 'tom/']);
  assert.deepEqual(result.javascriptUrls.map((l) => l.href), [' JavaScript:void(0)']);
  assert.ok(result.targets.includes('/a/') && result.targets.includes('/file.xlsx') && !result.targets.includes('/missing.html'));
  assert.equal(classify('//example.org/x'), 'external');
  assert.equal(classify('java\tscript:alert(1)'), 'javascript');
});

test('axe: violations found, with rule, impact, help and the first three elements', { skip: !fs.existsSync(CHROMIUM) && `no ${CHROMIUM}` }, async () => {
  const { chromium } = await import('playwright-core');
  const { axeViolations, formatViolation } = await import('./axe.mjs');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(new URL('axe.html', server.url).href);
    const violations = await axeViolations(page);
    const ids = violations.map((v) => v.id);
    for (const id of ['image-alt', 'html-has-lang', 'document-title']) assert.ok(ids.includes(id), `${id} in ${ids}`);
    const line = formatViolation('axe.html', violations.find((v) => v.id === 'image-alt'));
    assert.match(line, /^axe\.html: image-alt \[critical\] .+ — img:nth-child\(1\) \| img:nth-child\(2\) \| img:nth-child\(3\) \(\+1 more\)$/);
  } finally {
    await browser.close();
  }
});

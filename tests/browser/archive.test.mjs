// An archive package opened as an archive opens it: from file://, in Debian's Chromium. The
// 2018 package of the example content (kvalitet arkiv 2018) loads every file a page needs
// from inside the package, and every link on its pages leads into the package or to the
// public address the package was made for — nothing else.
//
//   node --test tests/browser/archive.test.mjs      with KV_BIN and KV_SOURCE set
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const kvBin = process.env.KV_BIN;
const sourceDir = path.resolve(process.env.KV_SOURCE ?? path.join(here, '..', '..'));
const CHROMIUM = '/usr/bin/chromium';
const BASE = 'https://example.org/kv/';
const PAGES = [
  '2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html',
  '2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-12/index.html',
  'jamforelse/2018/kvalitetsutmarkelsen/fraga-02/index.html',
];

let browser;
let work;
let web;

before(async () => {
  assert.ok(kvBin && fs.existsSync(kvBin), 'set KV_BIN to the kvalitet binary (scripts/setup.sh builds it)');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-archive-'));
  const made = spawnSync(kvBin, ['arkiv', '2018', path.join(sourceDir, 'content'), '--templates', path.join(sourceDir, 'templates'),
    '--themes', path.join(sourceDir, 'themes'), '-o', path.join(work, 'site'), '--arkiv', path.join(work, 'arkiv'), '--adress', BASE, '--utan-pdf', '-q'],
  { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  web = path.join(work, 'arkiv', 'kvalitet-2018', 'data', 'webbplats');
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// Whether a file: URL names an existing file inside the package's pages.
function insidePackage(url) {
  const file = fileURLToPath(url.split('#')[0].split('?')[0]);
  const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  return target.startsWith(web + path.sep) && fs.existsSync(target);
}

for (const page of PAGES) {
  test(`a packaged page loads only from the package and links nowhere else: ${page}`, { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const requests = [];
    tab.on('request', (request) => requests.push(request.url()));
    try {
      await tab.goto(pathToFileURL(path.join(web, page)).href);
      await tab.waitForLoadState('load');
      const outside = requests.filter((url) => !(url.startsWith('file:') && insidePackage(url)) && !url.startsWith('data:'));
      assert.deepEqual(outside, [], 'requests outside the package');
      const targets = await tab.$$eval('a[href], link[href], script[src], img[src], form[action]', (els) =>
        els.map((e) => e.href || e.src || e.action));
      assert.ok(targets.length > 5, `links found: ${targets.length}`);
      const stray = targets.filter((url) => !url.startsWith(BASE) && !(url.startsWith('file:') && insidePackage(url)) &&
        !/^(mailto|tel):/.test(url));
      assert.deepEqual(stray, [], 'links that leave the package for somewhere other than the public site');
      assert.ok(targets.some((url) => url.startsWith(BASE)), 'links to the rest of the site lead to its public address');
    } finally {
      await context.close();
    }
  });
}

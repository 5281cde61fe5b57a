// What one search costs a reader on a city-sized site: bench/corpus.py writes ~10,000 pages
// (385 units' award submissions made from the seed text), kvalitet builds them, and Chromium
// opens the search page from file:// (as an archive is opened) and searches. Every file the
// page loads is counted as a gzip-serving web server sends it (zlib level 6, the usual
// default); the sum must stay within Pagefind's published budget of 300 kB per query.
//
//   node --test tests/browser/search_bytes.test.mjs     with KV_BIN and KV_SOURCE set
//
// KV_SEARCH_UNITS changes the number of units (default 385, about 10,000 pages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const BUDGET = 300 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
const kvBin = process.env.KV_BIN;
const sourceDir = path.resolve(process.env.KV_SOURCE ?? path.join(here, '..', '..'));
const units = Number(process.env.KV_SEARCH_UNITS ?? 385);

let work;
let site;
let browser;

before(async () => {
  assert.ok(kvBin && fs.existsSync(kvBin), 'set KV_BIN to the kvalitet binary (ctest does)');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-search-bytes-'));
  const corpus = spawnSync('/usr/bin/python3', [path.join(sourceDir, 'bench', 'corpus.py'), work, '--units', String(units)],
    { encoding: 'utf8' });
  assert.equal(corpus.status, 0, corpus.stderr);
  site = path.join(work, 'out');
  const build = spawnSync(kvBin, ['build', '-q', '--max-messages', '1', path.join(work, 'kvalitet', 'content'),
    '--templates', path.join(sourceDir, 'templates'), '--themes', path.join(sourceDir, 'themes'), '-o', site],
  { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// Searches from file:// and returns the shown hits and every file read, with its gzip size.
async function search(query, { more = 0 } = {}) {
  const page = await browser.newPage();
  const read = new Set();
  page.on('request', (request) => read.add(request.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `${pathToFileURL(path.join(site, 'sok', 'index.html')).href}?q=${encodeURIComponent(query)}`;
  await page.goto(url);
  await page.waitForFunction(() => (document.querySelector('#sokstatus')?.textContent ?? '').trim() !== '');
  const status = (await page.locator('#sokstatus').textContent()).trim();
  let shown = await page.locator('#sokresultat li').count();
  if (shown === 0 && !/Inga träffar/.test(status)) {
    await page.locator('#sokresultat li').first().waitFor();
    shown = await page.locator('#sokresultat li').count();
  }
  for (let i = 0; i < more; i++) {
    const before = shown;
    await page.locator('#sokvisa').click();
    await page.waitForFunction((n) => document.querySelectorAll('#sokresultat li').length > n, before);
    shown = await page.locator('#sokresultat li').count();
    const focused = await page.evaluate(() => document.activeElement?.closest('li') ?
      [...document.querySelectorAll('#sokresultat li')].indexOf(document.activeElement.closest('li')) : -1);
    assert.equal(focused, before, 'the focus moves to the first new hit');
  }
  const hits = await page.locator('#sokresultat li').evaluateAll((items) => items.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    text: li.textContent.replace(/\s+/g, ' ').trim(),
  })));
  await page.close();
  assert.deepEqual(errors, []);
  const files = [...read].filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u.split('?')[0]));
  const sizes = files.map((file) => ({ file: path.relative(site, file),
    gzip: zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length }));
  return { status, hits, sizes, bytes: sizes.reduce((sum, s) => sum + s.gzip, 0) };
}

const report = (r) => `${r.bytes} bytes in ${r.sizes.length} files:\n  ` +
  r.sizes.map((s) => `${s.file} ${s.gzip}`).join('\n  ');

test("the site is city-sized: thousands of pages, a sharded index", () => {
  const pages = fs.readdirSync(site, { recursive: true }).filter((f) => f.endsWith('index.html')).length;
  assert.ok(pages > 0.9 * units * 25, `${pages} pages`);
  assert.ok(fs.readdirSync(path.join(site, 'sok', 't')).length > 50, 'the index is sharded');
});

test('"brukare" with its first 10 hits reads at most 300 kB', { timeout: 120_000 }, async () => {
  const r = await search('brukare');
  assert.equal(r.hits.length, 10, r.status);
  const total = Number((r.status.match(/^(\d+) träffar/) ?? [0, 0])[1]);
  assert.ok(total > 1000, `"brukare" is on most pages: ${r.status}`);
  for (const hit of r.hits) assert.match(hit.text, /bruka/i, 'each hit shows its snippet');
  assert.ok(r.bytes <= BUDGET, report(r));
  // Only what the query needs: no shard files beyond a handful, ten fragments.
  assert.ok(r.sizes.filter((s) => s.file.startsWith('sok/t/')).length <= 5, report(r));
  assert.equal(r.sizes.filter((s) => s.file.startsWith('sok/f/')).length, 10, report(r));
  console.log(`brukare: ${report(r)}`);
});

test('a rarer word with a second page of hits stays within the budget too', { timeout: 120_000 }, async () => {
  const r = await search('ramtidsbeslut', { more: 1 });
  assert.ok(r.hits.length > 10 && r.hits.length <= 20, r.status);
  assert.ok(r.bytes <= BUDGET, report(r));
  assert.equal(r.sizes.filter((s) => s.file.startsWith('sok/f/')).length, r.hits.length, report(r));
});

test('a word that is nowhere reads the manifest and one shard, and says so', { timeout: 60_000 }, async () => {
  const r = await search('qzxvkjwpfrumbl');
  assert.equal(r.hits.length, 0);
  assert.match(r.status, /Inga träffar/);
  assert.ok(r.sizes.filter((s) => s.file.startsWith('sok/t/')).length <= 1, report(r));
});

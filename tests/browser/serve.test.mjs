// `kvalitet serve` around an error, in Debian's Chromium (headless, driven by playwright-core):
// with one unit's answer broken, another unit's pages are shown as usual with the banner that
// counts the errors and links to their list, the broken document's pages show its own error,
// axe-core (WCAG 2.1 A and AA) finds nothing on a page with the banner, the broken page or the
// list, and saving the fix reloads the open tab with the answer.
//
//   node --test tests/browser/serve.test.mjs     with KV_BIN and KV_SOURCE set, or
//   node tests/browser/serve.test.mjs <kvalitet-binary> <source-dir>
//
// KV_SCREENSHOTS=<dir> also saves a screenshot of a page with the banner there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const kvBin = process.argv[2] ?? process.env.KV_BIN;
const sourceDir = path.resolve(process.argv[3] ?? process.env.KV_SOURCE ?? path.join(here, '..', '..'));
const fixtures = path.join(sourceDir, 'tests', 'fixtures');

const problems = [];
for (const pkg of ['playwright-core', 'axe-core']) {
  if (!fs.existsSync(path.join(here, 'node_modules', pkg, 'package.json'))) {
    problems.push(`${path.join(here, 'node_modules', pkg)} is missing: run scripts/setup.sh (it runs npm ci --prefix tests/browser)`);
  }
}
if (!fs.existsSync(CHROMIUM)) problems.push(`${CHROMIUM} is missing: run scripts/setup.sh (it installs Debian's chromium)`);
if (!kvBin || !fs.existsSync(kvBin)) problems.push('no kvalitet binary: set KV_BIN=<path> or run: node serve.test.mjs <kvalitet-binary> <source-dir>');
if (!fs.existsSync(path.join(fixtures, 'valid'))) problems.push(`${fixtures}/valid is missing: set KV_SOURCE to the repository`);
if (problems.length) {
  console.error(`browser tests cannot run:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const { chromium } = await import('playwright-core');
const { axeViolations, formatViolation } = await import('./axe.mjs');

const OTHER_PAGE = '2020/andraenheten/prov/fraga-01/';
const BROKEN_PAGE = '2020/provenhet/prov/fraga-01/';

let tmpDir;
let serve;
let base;
let browser;
let answer;

function replaceIn(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${from}`);
  fs.writeFileSync(file, text.replace(from, to));
}

// Starts kvalitet serve on a free port and resolves with its address (the line it prints).
function startServe(content) {
  const child = spawn(kvBin, ['serve', content, '--port', '0', '--templates', path.join(fixtures, 'templates'),
    '--themes', path.join(sourceDir, 'themes')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address within 120 s: ${stdout}${stderr}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const m = stdout.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0], output: () => stdout + stderr });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve ended with ${code}: ${stdout}${stderr}`)));
  });
}

before(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-serve-browser-'));
  const content = path.join(tmpDir, 'content');
  fs.cpSync(path.join(fixtures, 'valid'), content, { recursive: true });
  // A second unit with the same document, then one answer of the first unit broken.
  fs.cpSync(path.join(content, 'provenhet'), path.join(content, 'andraenheten'), { recursive: true });
  replaceIn(path.join(content, 'andraenheten', 'enhet.yaml'), 'namn: Provenheten', 'namn: Andra enheten');
  answer = path.join(content, 'provenhet', '2020', 'prov', 'fraga-01.md');
  replaceIn(answer, 'totalt: 76', 'totalt: sjuttiosex');
  serve = await startServe(content);
  base = serve.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  if (serve) {
    const ended = new Promise((done) => serve.child.once('exit', done));
    serve.child.kill('SIGINT');
    await ended;
  }
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

async function assertAccessible(page, name) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, violations.map((v) => formatViolation(name, v)).join('\n'));
}

test('another unit\'s page is shown as usual, with the banner, and passes axe', async () => {
  for (const width of [1280, 375]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const res = await page.goto(base + OTHER_PAGE);
    assert.equal(res.status(), 200);
    assert.match(await page.locator('main').innerText(), /Vi lyssnar på brukarna\./);
    const banner = page.getByRole('complementary', { name: 'Fel i innehållet' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /Innehållet har 1 fel/);
    // The banner is the first thing on the page, above the site's header, and visible.
    const box = await banner.boundingBox();
    const header = await page.locator('header.sidhuvud').boundingBox();
    assert.ok(box.y < header.y && box.height > 0 && box.height < 120, `banner at ${JSON.stringify(box)}`);
    // The answer's readability note covers none of the content: beside the column on a wide
    // screen, after it on a narrow one.
    const lix = await page.locator('aside.kvalitet-serve-lix').boundingBox();
    const column = await page.locator('main').boundingBox();
    if (width === 1280) assert.ok(lix.x >= column.x + column.width, `LIX note ${JSON.stringify(lix)} over the column ${JSON.stringify(column)}`);
    else assert.ok(lix.y >= column.y + column.height, `LIX note ${JSON.stringify(lix)} over the column ${JSON.stringify(column)}`);
    await assertAccessible(page, `${OTHER_PAGE} at ${width}`);
    if (process.env.KV_SCREENSHOTS && width === 1280) {
      fs.mkdirSync(process.env.KV_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(process.env.KV_SCREENSHOTS, 'serve-banner.png') });
    }
    // Its link leads to the list of every problem.
    await banner.getByRole('link').click();
    await page.waitForURL(`${base}_kvalitet/fel`);
    assert.match(await page.locator('main').innerText(), /sjuttiosex/);
    await assertAccessible(page, `_kvalitet/fel at ${width}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the broken document\'s page shows its own error, and reloads with the answer once it is fixed', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const res = await page.goto(base + BROKEN_PAGE);
  assert.equal(res.status(), 200);
  await page.getByRole('heading', { level: 1, name: 'Dokumentet har fel' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.match(text, /sjuttiosex/);
  assert.doesNotMatch(text, /Andra enheten/);
  await assertAccessible(page, BROKEN_PAGE);
  // Saved: the open tab reloads by itself and shows the answer.
  replaceIn(answer, 'totalt: sjuttiosex', 'totalt: 76');
  await page.getByText('Vi lyssnar på brukarna.').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('aside.kvalitet-serve-fel').count(), 0);
  await context.close();
});

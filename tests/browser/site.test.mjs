// The example site from content/, built by kvalitet and opened in Debian's Chromium (headless,
// driven by playwright-core), checked for broken links, accessibility (axe-core, WCAG 2.1 A
// and AA), navigation, search, comparison and JavaScript errors.
//
//   node --test tests/browser/site.test.mjs            with KV_BIN and KV_SOURCE set, or
//   node tests/browser/site.test.mjs <kvalitet-binary> <source-dir>
//
// KV_SOURCE (or <source-dir>) holds content/, templates/ and themes/; it defaults to the
// repository this file is in. KV_SCREENSHOTS=<dir> also saves full-page screenshots there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { checkLinks, htmlPages } from './links.mjs';

// Every kind of page the site has (<body data-sidtyp="…">); axe must have scanned each.
const REQUIRED_PAGE_KINDS = [
  'start', 'enhet', 'oversikt', 'fraga', 'jamforelse-index', 'jamforelse',
  'indikatorer', 'indikator', 'sok', 'tillganglighet', 'utskrift',
  'resultat', 'kalibrering', 'aterkoppling', 'beslut',
];

const CHROMIUM = '/usr/bin/chromium';
const AXE_CONCURRENCY = 2;
const UNIT = 'Beställarenheten omsorg om äldre';
const DOCUMENT_2018 = 'Kvalitetsutmärkelsen 2018';
const Q2_PATH = '2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/index.html';
const Q2_TITLE_WORD = 'delaktiga'; // "Hur vi gör brukare delaktiga"
const Q2_ANSWER_TEXT = 'I vårt arbete för att göra brukare delaktiga utgår vi från de tre orden';
const Q3_TITLE_WORD = 'brukarundersökningar'; // "Redovisning av resultaten från våra brukarundersökningar. …"
const COMPARE_Q2_PATH = 'jamforelse/2018/kvalitetsutmarkelsen/fraga-02/index.html';
const SEARCH_WORD = 'ramtidsbeslut';
const NONSENSE_WORD = 'qzxvkjwpfrumbl';

// ---------------------------------------------------------------------------------------------
// What the tests need, with what to do when it is missing.

const here = path.dirname(fileURLToPath(import.meta.url));
const kvBin = process.argv[2] ?? process.env.KV_BIN;
const sourceDir = path.resolve(process.argv[3] ?? process.env.KV_SOURCE ?? path.join(here, '..', '..'));

function prerequisiteProblems() {
  const problems = [];
  for (const pkg of ['playwright-core', 'axe-core']) {
    if (!fs.existsSync(path.join(here, 'node_modules', pkg, 'package.json'))) {
      problems.push(`${path.join(here, 'node_modules', pkg)} is missing: run scripts/setup.sh (it runs npm ci --prefix tests/browser)`);
    }
  }
  if (!fs.existsSync(CHROMIUM)) problems.push(`${CHROMIUM} is missing: run scripts/setup.sh (it installs Debian's chromium)`);
  if (!kvBin) problems.push('no kvalitet binary: set KV_BIN=<path> or run: node site.test.mjs <kvalitet-binary> <source-dir>');
  else if (!fs.existsSync(kvBin)) problems.push(`the kvalitet binary ${kvBin} does not exist: build it first (scripts/setup.sh)`);
  for (const dir of ['content', 'templates', 'themes']) {
    if (!fs.existsSync(path.join(sourceDir, dir))) problems.push(`${path.join(sourceDir, dir)} is missing: set KV_SOURCE to the repository`);
  }
  return problems;
}

const problems = prerequisiteProblems();
if (problems.length) {
  console.error(`browser tests cannot run:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const { chromium } = await import('playwright-core');
const { axeViolations, formatViolation, AXE_VERSION } = await import('./axe.mjs');

// ---------------------------------------------------------------------------------------------
// Fills a review form: argv form, filled copy, a step that varies the scores.
const FILL_FORM = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
h = {c.value: c.column for c in ws[1]}
for r in range(2, ws.max_row + 1):
    ws.cell(r, h['Poäng'], (r * int(sys.argv[3])) % 6)
    ws.cell(r, h['Styrkor'], 'Tydliga exempel ur vardagen')
    ws.cell(r, h['Förbättringsområden'], 'Mät resultaten oftare')
wb.save(sys.argv[2])
`;

// The site, its server and the browser, shared by all tests.

let tmpDir, siteDir, server, browser;
const at = (sitePath) => new URL(sitePath, server.url).href;

before(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvalitet-browser-'));
  siteDir = path.join(tmpDir, 'out'); // must not exist: kvalitet replaces only folders it made
  // The site as `kvalitet bedomning` builds it: every public page plus the reviewers' pages,
  // from forms two reviewers filled in (written here by openpyxl, as Excel would save them).
  const content = path.join(tmpDir, 'content');
  fs.cpSync(path.join(sourceDir, 'content'), content, { recursive: true });
  const resources = ['--templates', path.join(sourceDir, 'templates'), '--themes', path.join(sourceDir, 'themes')];
  // The jury's decision, for its public page (a test's own text: the seeds have none).
  fs.mkdirSync(path.join(content, '_beslut', '2018'), { recursive: true });
  fs.writeFileSync(path.join(content, '_beslut', '2018', 'kvalitetsutmarkelsen.yaml'),
    'vinnare:\n  - enhet: skarholmen-omsorg-om-aldre\n    motivering: |\n      Provtext för juryns motivering.\n\n      Ett andra stycke.\n');
  // The blank forms come from the reviewers' site built before anyone scored.
  const first = spawnSync(kvBin, ['bedomning', content, '-o', path.join(tmpDir, 'blank'), '-q', ...resources], { encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`kvalitet build failed:\n${first.stdout}${first.stderr}`);
  const forms = path.join(content, '_bedomning', '2018', 'kvalitetsutmarkelsen');
  fs.mkdirSync(forms, { recursive: true });
  for (const [reviewer, step] of [['anna', 3], ['bertil', 5]]) {
    const fill = spawnSync('/usr/bin/python3', ['-c', FILL_FORM,
      path.join(tmpDir, 'blank', 'jamforelse', '2018', 'kvalitetsutmarkelsen', 'bedomning.xlsx'),
      path.join(forms, `${reviewer}.xlsx`), String(step)], { encoding: 'utf8' });
    if (fill.status !== 0) throw new Error(`filling the review form failed:\n${fill.stderr}`);
  }
  const build = spawnSync(kvBin, ['bedomning', content, '-o', siteDir, ...resources], { encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`kvalitet bedomning failed (exit ${build.status ?? build.signal}):\n${build.stdout}${build.stderr}`);
  }
  server = await startServer(siteDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Small helpers.

// Runs fn over items, at most limit at a time.
async function pool(items, limit, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// Runs body with a fresh page; afterwards no uncaught exception and no console error may
// have happened on any page it visited.
async function withPage(body, contextOptions = { viewport: { width: 1280, height: 900 } }) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const jsErrors = [];
  page.on('pageerror', (error) => jsErrors.push(`${page.url()}: uncaught ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') jsErrors.push(`${message.location()?.url || page.url()}: console error: ${message.text()}`);
  });
  try {
    await body(page);
  } catch (error) {
    if (jsErrors.length) error.message += `\nJavaScript errors on the way:\n  ${jsErrors.join('\n  ')}`;
    throw error;
  } finally {
    await context.close();
  }
  assert.deepEqual(jsErrors, [], `JavaScript errors:\n  ${jsErrors.join('\n  ')}`);
}

async function open(page, sitePath) {
  const response = await page.goto(at(sitePath));
  assert.equal(response.status(), 200, `GET /${sitePath}`);
}

// Clicks the first element of locator (which must be there) and waits for the next page.
async function follow(page, locator, what) {
  const from = page.url();
  const target = locator.first();
  try {
    await target.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    assert.fail(`no ${what} on ${from}`);
  }
  await target.click();
  await page.waitForURL((url) => url.href !== from);
  await page.waitForLoadState('load');
}

const pageKind = (page) => page.evaluate(() => document.body.dataset.sidtyp ?? null);
async function assertKind(page, kind) {
  assert.equal(await pageKind(page), kind, `${page.url()} should be a "${kind}" page (body[data-sidtyp])`);
}
const h1 = async (page) => (await page.locator('h1').first().textContent()).replace(/\s+/g, ' ').trim();

// Types word into the header's search field and submits it with Enter.
async function searchFor(page, word) {
  const field = page.locator('form[role=search] input[name=q]');
  await field.waitFor({ timeout: 5_000 }).catch(() => assert.fail(`no header search field on ${page.url()}`));
  assert.equal(await field.getAttribute('id'), 'sok-falt', 'the header search field is #sok-falt');
  await field.fill(word);
  const from = page.url();
  await field.press('Enter');
  await page.waitForURL((url) => url.href !== from);
  await page.waitForLoadState('load');
  await assertKind(page, 'sok');
}

// The search page's status text once the search has run.
async function searchStatus(page) {
  await page.waitForFunction(() => (document.querySelector('#sokstatus')?.textContent ?? '').trim() !== '');
  return (await page.locator('#sokstatus').textContent()).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// a. Links

test('no broken internal links (on disk, with #fragments, and over HTTP)', async (t) => {
  const result = checkLinks(siteDir);
  assert.ok(result.pages.length > 0, 'the build produced no pages');
  const problems = [
    ...result.javascriptUrls.map((l) => `${l.page}: javascript: URL in <${l.element}>: ${l.href}`),
    ...result.broken.map((l) => `${l.page}: <${l.element} ${l.attr}="${l.href}">: ${l.reason}`),
  ];
  await pool(result.targets, 4, async (target) => {
    const response = await fetch(new URL(target, server.url));
    await response.arrayBuffer();
    if (response.status !== 200) problems.push(`GET ${target}: HTTP ${response.status}`);
  });
  t.diagnostic(`${result.pages.length} pages, ${result.checked} internal links, ${result.targets.length} distinct targets fetched`);
  assert.equal(problems.length, 0, `${problems.length} broken links:\n  ${problems.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------
// b. Accessibility

const scannedKinds = new Map(); // data-sidtyp → pages scanned (at desktop size)

// Scans every page of the site with axe-core at one window size, 2 pages at a time, and fails
// with one line per violation (or per page that could not be scanned).
async function scanSite(t, viewport, kinds) {
  const pages = htmlPages(siteDir);
  const context = await browser.newContext({ viewport });
  const lines = [];
  const byRule = new Map();
  try {
    await pool(pages, AXE_CONCURRENCY, async (sitePath) => {
      const page = await context.newPage();
      try {
        const response = await page.goto(at(sitePath));
        if (response.status() !== 200) return lines.push(`${sitePath}: HTTP ${response.status()}`);
        const kind = (await pageKind(page)) ?? '(no data-sidtyp)';
        kinds?.set(kind, (kinds.get(kind) ?? 0) + 1);
        for (const v of await axeViolations(page)) {
          lines.push(formatViolation(sitePath, v));
          byRule.set(v.id, (byRule.get(v.id) ?? 0) + 1);
        }
      } catch (error) {
        lines.push(`${sitePath}: could not be scanned: ${error.message.split('\n')[0]}`);
      } finally {
        await page.close();
      }
    });
  } finally {
    await context.close();
  }
  t.diagnostic(`axe-core ${AXE_VERSION}, ${viewport.width}×${viewport.height}: ${pages.length} pages scanned`);
  if (kinds) t.diagnostic(`pages per kind: ${[...kinds].sort().map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} on ${n} pages`).join(', ');
  if (rules) t.diagnostic(`violated rules: ${rules}`);
  lines.sort();
  assert.equal(lines.length, 0, `${lines.length} accessibility problems at ${viewport.width}×${viewport.height} (${rules}):\n  ${lines.join('\n  ')}`);
}

test('axe-core finds no WCAG 2.1 A/AA violations on any page (1280×900)', { timeout: 540_000 }, async (t) => {
  await scanSite(t, { width: 1280, height: 900 }, scannedKinds);
});

// Narrow windows bring their own failures (tables that scroll sideways, wrapped headers).
test('axe-core finds no WCAG 2.1 A/AA violations on any page (375×812, a phone)', { timeout: 540_000 }, async (t) => {
  await scanSite(t, { width: 375, height: 812 });
});

test('axe-core scanned every kind of page', () => {
  assert.ok(scannedKinds.size > 0, 'the axe-core scan did not run');
  const missing = REQUIRED_PAGE_KINDS.filter((kind) => !scannedKinds.has(kind));
  const seen = [...scannedKinds.keys()].sort().join(', ');
  assert.deepEqual(missing, [], `page kinds never scanned: ${missing.join(', ')} (scanned: ${seen})`);
});

// ---------------------------------------------------------------------------------------------
// c. Navigation

test('navigation: start → year list → overview → question 2 → next → back → breadcrumb → start', { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'index.html');
    await assertKind(page, 'start');
    await follow(page, page.locator('section[aria-labelledby="efter-ar"] a[href*="2018"]', { hasText: UNIT }),
      `link to "${UNIT}" 2018 in the "Efter år" list`);
    await assertKind(page, 'oversikt');
    assert.ok((await h1(page)).includes(UNIT), `overview h1 "${await h1(page)}" names the unit`);
    const overview = page.url();

    await follow(page, page.locator('nav.innehall a[href^="fraga-02/"]'), 'table-of-contents link to question 2');
    await assertKind(page, 'fraga');
    assert.equal(page.url(), at(Q2_PATH));
    const title2 = await h1(page);
    assert.ok(title2.includes('2.') && title2.includes(Q2_TITLE_WORD), `question 2's h1: "${title2}"`);

    await follow(page, page.locator('a[rel~=next]'), 'pager "next" link');
    await assertKind(page, 'fraga');
    const title3 = await h1(page);
    assert.ok(title3.includes('3.') && title3.includes(Q3_TITLE_WORD), `question 3's h1: "${title3}"`);

    await page.goBack({ waitUntil: 'load' });
    assert.equal(page.url(), at(Q2_PATH), 'back from question 3 is question 2');
    await page.goBack({ waitUntil: 'load' });
    assert.equal(page.url(), overview, 'back from question 2 is the overview');
    await assertKind(page, 'oversikt');

    const crumbs = page.locator('nav.brodsmulor a');
    const hrefs = await crumbs.evaluateAll((links) => links.map((a) => a.href));
    const toStart = hrefs.indexOf(at('index.html'));
    assert.ok(toStart >= 0, `a breadcrumb leads to the start page (breadcrumb links: ${hrefs.join(', ') || 'none'})`);
    await follow(page, crumbs.nth(toStart), 'breadcrumb link to the start page');
    await assertKind(page, 'start');
    assert.equal(page.url(), at('index.html'));
  });
});

test('navigation: units table → unit page → 2018 document → question 2', { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'index.html');
    const unitLink = page.locator('table.enheter a', { hasText: UNIT });
    await follow(page, unitLink, `link to "${UNIT}" in table.enheter`);
    assert.match(page.url(), /\/enheter\/[^/]+\/index\.html$/, 'unit pages live at enheter/<enhet>/index.html');
    await assertKind(page, 'enhet');
    assert.ok((await h1(page)).includes(UNIT), `unit page h1 "${await h1(page)}" names the unit`);

    await follow(page, page.locator('main a', { hasText: DOCUMENT_2018 }), `link to "${DOCUMENT_2018}"`);
    await assertKind(page, 'oversikt');
    await follow(page, page.locator('nav.innehall a[href^="fraga-02/"]'), 'table-of-contents link to question 2');
    await assertKind(page, 'fraga');
    const title = await h1(page);
    assert.ok(title.includes('2.') && title.includes(Q2_TITLE_WORD), `question 2's h1: "${title}"`);
  });
});

// ---------------------------------------------------------------------------------------------
// d. Search

test(`search: "${SEARCH_WORD}" from the header finds Skärholmen's question 2`, { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'index.html');
    await searchFor(page, SEARCH_WORD);
    assert.equal(page.url(), at(`sok/index.html?q=${SEARCH_WORD}`));
    await page.locator('#sokresultat li').first().waitFor();
    const results = await page.locator('#sokresultat li').evaluateAll((items) => items.map((li) => ({
      text: li.textContent.replace(/\s+/g, ' ').trim(),
      hrefs: [...li.querySelectorAll('a')].map((a) => a.href),
    })));
    const hit = results.findIndex((r) => r.hrefs.some((href) => href === at(Q2_PATH)));
    assert.ok(hit >= 0, `a result links to /${Q2_PATH}; results:\n  ${results.map((r) => `${r.text} → ${r.hrefs.join(' ')}`).join('\n  ')}`);
    for (const words of [UNIT, '2018', 'Fråga 2']) {
      assert.ok(results[hit].text.includes(words), `the result "${results[hit].text}" shows "${words}"`);
    }
    const status = await searchStatus(page);
    assert.ok(status.includes(String(results.length)), `#sokstatus "${status}" gives the count ${results.length}`);

    await follow(page, page.locator('#sokresultat li').nth(hit).locator('a[href$="fraga-02/index.html"]'), 'link of the result');
    assert.equal(page.url(), at(Q2_PATH));
    await assertKind(page, 'fraga');
  });
});

test('search: upper case "ÄLDRE" finds results', { timeout: 60_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'index.html');
    await searchFor(page, 'ÄLDRE');
    await page.locator('#sokresultat li').first().waitFor();
    assert.ok(await page.locator('#sokresultat li').count() > 0);
  });
});

test('search: a word that is nowhere gives no results and says so', { timeout: 60_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'index.html');
    await searchFor(page, NONSENSE_WORD);
    const status = await searchStatus(page);
    assert.equal(await page.locator('#sokresultat li').count(), 0, 'no results');
    assert.ok(status.length > 0, '#sokstatus tells that nothing was found');
  });
});

test('search: filters by year, unit and kind come from the address and go back into it', { timeout: 60_000 }, async () => {
  await withPage(async (page) => {
    await open(page, 'sok/index.html?q=brukare&ar=2018&slag=kvalitetsutmarkelsen');
    await page.locator('#sokresultat li').first().waitFor();
    assert.equal(await page.inputValue('select[name=ar]'), '2018');
    assert.equal(await page.inputValue('select[name=slag]'), 'kvalitetsutmarkelsen');
    const metas = await page.locator('#sokresultat .traff-meta').allTextContents();
    assert.ok(metas.length > 0);
    for (const meta of metas) assert.ok(meta.includes('2018') && meta.includes(DOCUMENT_2018), `a hit outside the filters: ${meta}`);
    // Another unit: no award of Skärholmen's there, so nothing; the choice is in the address.
    await page.selectOption('select[name=enhet]', 'hagersten-alvsjo-hemtjanst');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('enhet') === 'hagersten-alvsjo-hemtjanst');
    await page.waitForFunction(() => document.querySelectorAll('#sokresultat li').length === 0);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'brukare');
    assert.equal(url.searchParams.get('ar'), '2018');
    // Every year again: Hägersten-Älvsjö's report.
    await page.selectOption('select[name=ar]', '');
    await page.selectOption('select[name=slag]', '');
    await page.locator('#sokresultat li').first().waitFor();
    for (const meta of await page.locator('#sokresultat .traff-meta').allTextContents())
      assert.ok(meta.includes('Hägersten') || meta.includes('hemtjänst'), `a hit of another unit: ${meta}`);
  });
});

// ---------------------------------------------------------------------------------------------
// e. Comparison

test('comparison: question 2 → all units\' answers → back to the unit\'s question', { timeout: 60_000 }, async () => {
  await withPage(async (page) => {
    await open(page, Q2_PATH);
    await follow(page, page.locator('nav.jamfor a[href*="jamforelse/2018/kvalitetsutmarkelsen/fraga-02/"]'),
      'link to the comparison of question 2 in nav.jamfor');
    await assertKind(page, 'jamforelse');
    const answer = page.locator('article.enhetssvar', { hasText: UNIT });
    assert.equal(await answer.count(), 1, `one article.enhetssvar for "${UNIT}"`);
    const text = (await answer.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(Q2_ANSWER_TEXT), `the article holds Skärholmen's answer ("${Q2_ANSWER_TEXT}")`);
    const hrefs = await answer.locator('a').evaluateAll((links) => links.map((a) => a.href));
    const back = hrefs.indexOf(at(Q2_PATH));
    assert.ok(back >= 0, `the article links back to /${Q2_PATH} (links: ${hrefs.join(', ') || 'none'})`);
    await follow(page, answer.locator('a').nth(back), 'link back to the unit\'s question');
    await assertKind(page, 'fraga');
  });
});

// ---------------------------------------------------------------------------------------------
// f. Screenshots, for people to look at (KV_SCREENSHOTS=<dir>); never a failure.

test('screenshots', { skip: !process.env.KV_SCREENSHOTS && 'set KV_SCREENSHOTS=<dir> to save them', timeout: 180_000 }, async (t) => {
  const dir = path.resolve(process.env.KV_SCREENSHOTS);
  fs.mkdirSync(dir, { recursive: true });
  const shots = [
    ['start', 'index.html'],
    ['fraga', Q2_PATH],
    ['jamforelse', COMPARE_Q2_PATH],
    ['sok', `sok/index.html?q=${SEARCH_WORD}`],
  ];
  const sizes = [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['375', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }],
  ];
  for (const [size, options] of sizes) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    for (const [name, sitePath] of shots) {
      const file = path.join(dir, `${name}-${size}.png`);
      try {
        const response = await page.goto(at(sitePath));
        if (response.status() !== 200) t.diagnostic(`${name}: /${sitePath} gave HTTP ${response.status()}`);
        if (name === 'sok') await page.locator('#sokresultat li').first().waitFor({ timeout: 5_000 }).catch(() => {});
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: file, fullPage: true });
        t.diagnostic(`saved ${file}`);
      } catch (error) {
        t.diagnostic(`${file} not saved: ${error.message.split('\n')[0]}`);
      }
    }
    await context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// The second theme: the same site built with `tema: kontrast` passes axe too, one page of
// each kind (the pages share their markup with the default theme; only the CSS differs).

test('axe-core finds no violations in the high-contrast theme (one page per kind)', { timeout: 300_000 }, async (t) => {
  const content = path.join(tmpDir, 'kontrast-content');
  fs.cpSync(path.join(tmpDir, 'content'), content, { recursive: true });  // with the review forms
  const siteYaml = path.join(content, 'site.yaml');
  fs.writeFileSync(siteYaml, fs.readFileSync(siteYaml, 'utf8').replace(/^tema: .*$/m, 'tema: kontrast'));
  const out = path.join(tmpDir, 'kontrast-out');
  const build = spawnSync(kvBin, ['bedomning', content, '-o', out, '--templates', path.join(sourceDir, 'templates'),
    '--themes', path.join(sourceDir, 'themes')], { encoding: 'utf8' });
  assert.equal(build.status, 0, `kvalitet build with tema: kontrast failed:\n${build.stderr}`);
  assert.match(fs.readFileSync(path.join(out, 'assets', 'theme.css'), 'utf8'), /kontrast|Högkontrast/i);
  const kontrast = await startServer(out);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const lines = [];
  const seen = new Set();
  try {
    for (const sitePath of htmlPages(out)) {
      const page = await context.newPage();
      try {
        await page.goto(new URL(sitePath, kontrast.url).href);
        const kind = await pageKind(page);
        if (seen.has(kind)) continue;
        seen.add(kind);
        for (const v of await axeViolations(page)) lines.push(formatViolation(sitePath, v));
      } finally {
        await page.close();
      }
    }
  } finally {
    await context.close();
    await kontrast.close();
  }
  t.diagnostic(`kontrast: scanned one page of each of ${seen.size} kinds`);
  assert.deepEqual(REQUIRED_PAGE_KINDS.filter((kind) => !seen.has(kind)), [], 'kontrast: page kinds not scanned');
  assert.equal(lines.length, 0, `kontrast theme: ${lines.length} accessibility problems:\n  ${lines.join('\n  ')}`);
});

// ---------------------------------------------------------------------------------------------
// "What changed since last year" pages exist only where a unit answered corresponding
// questions in two years: the editions fixture (prov 2020, 2022, 2023) has them. Each is
// scanned at both widths, and its insertions and deletions carry a word for screen readers.

test('axe-core finds no violations on the changes pages (1280 and 375 wide)', { timeout: 300_000 }, async () => {
  const fixture = path.join(sourceDir, 'tests', 'fixtures', 'editions');
  const templates = path.join(tmpDir, 'editions-templates');
  fs.cpSync(path.join(fixture, 'templates', 'structures'), path.join(templates, 'structures'), { recursive: true });
  fs.cpSync(path.join(sourceDir, 'templates', 'layouts'), path.join(templates, 'layouts'), { recursive: true });
  const out = path.join(tmpDir, 'editions-out');
  const build = spawnSync(kvBin, ['build', path.join(fixture, 'content'), '-o', out, '--templates', templates,
    '--themes', path.join(sourceDir, 'themes'), '-q'], { encoding: 'utf8' });
  assert.equal(build.status, 0, `building the editions fixture failed:\n${build.stderr}`);
  const pages = htmlPages(out).filter((p) => p.includes('/andringar/'));
  assert.ok(pages.length >= 2, `expected changes pages, found ${pages.length}`);
  const editions = await startServer(out);
  const lines = [];
  try {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
      const context = await browser.newContext({ viewport });
      try {
        for (const sitePath of pages) {
          const page = await context.newPage();
          try {
            await page.goto(new URL(sitePath, editions.url).href);
            assert.equal(await pageKind(page), 'andringar');
            const marks = await page.$$eval('ins, del', (els) => els.filter((e) => e.closest('.andringar'))
              .map((e) => e.querySelector('.visuellt-dold')?.textContent ?? ''));
            assert.ok(marks.length > 0 && marks.every((m) => /^(Tillagt|Borttaget): $/.test(m)),
              `${sitePath}: every change starts with a word for screen readers`);
            for (const v of await axeViolations(page)) lines.push(`${viewport.width}: ${formatViolation(sitePath, v)}`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await editions.close();
  }
  assert.equal(lines.length, 0, `changes pages: ${lines.length} accessibility problems:\n  ${lines.join('\n  ')}`);
});

// One hit per part: the editions fixture's provenhet answers "Hur vi lär av klagomål" in 2022
// and 2023 (question 2 of both); a search shows the newer one with a link to the other year.
test('search: the same part in several years is one hit with links to the other years', { timeout: 60_000 }, async () => {
  const out = path.join(tmpDir, 'editions-out');
  assert.ok(fs.existsSync(out), 'the changes-page test builds the editions fixture first');
  const editions = await startServer(out);
  try {
    await withPage(async (page) => {
      await page.goto(new URL('sok/index.html?q=klagom%C3%A5l&enhet=provenhet', editions.url).href);
      await page.locator('#sokresultat li').first().waitFor();
      const hits = await page.locator('#sokresultat li').evaluateAll((items) => items.map((li) => ({
        meta: li.querySelector('.traff-meta')?.textContent ?? '',
        others: [...li.querySelectorAll('.traff-andra-ar a')].map((a) => [a.textContent, a.getAttribute('href')]),
      })));
      assert.equal(hits.length, 1, JSON.stringify(hits));
      assert.ok(hits[0].meta.includes('2023'), hits[0].meta);
      assert.deepEqual(hits[0].others, [['2022', '../2022/provenhet/prov/fraga-02/index.html']]);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, violations.map((v) => formatViolation('sok', v)).join('\n'));
    });
  } finally {
    await editions.close();
  }
});

// Side by side: on the editions fixture's 2022 comparison (two units), the reader's choice
// from the address puts the answers in columns on a wide screen and one after the other on a
// phone; unticking one shows every answer again and drops the choice from the address.
// The jury's tables at 1280 px: every column visible without a horizontal scroll (the page
// widens on a wide screen), the result list's total and the calibration's flag included.
test('the result list and the calibration tables need no horizontal scroll at 1280 px', { timeout: 120_000 }, async () => {
  await withPage(async (page) => {
    for (const sitePath of ['bedomning/2018/kvalitetsutmarkelsen/index.html', 'bedomning/2018/kvalitetsutmarkelsen/kalibrering/index.html']) {
      await page.goto(at(sitePath));
      const frames = await page.$$eval('.tabellram', (els) => els.map((e) => ({ scroll: e.scrollWidth, client: e.clientWidth })));
      assert.ok(frames.length > 0, `${sitePath}: no table`);
      for (const f of frames) assert.ok(f.scroll <= f.client, `${sitePath}: a table ${f.scroll} px wide in ${f.client} px`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${sitePath}: the page scrolls sideways`);
    }
  });
});

test('a comparison page shows chosen units side by side on wide screens, stacked on narrow ones', { timeout: 180_000 }, async () => {
  const out = path.join(tmpDir, 'editions-out');
  assert.ok(fs.existsSync(out), 'the changes-page test builds the editions fixture first');
  const editions = await startServer(out);
  // The units' ids, as search takes them; on the phone an address made before, with the
  // answers' ids, which must keep working.
  try {
    for (const [viewport, columns, chosen] of [[{ width: 1280, height: 900 }, true, 'annanenhet,provenhet'],
                                               [{ width: 375, height: 812 }, false, 'enhet-annanenhet,enhet-provenhet']]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        await page.goto(new URL(`jamforelse/2022/prov/fraga-01/index.html?visa=${chosen}`, editions.url).href);
        await page.waitForSelector('form.sida-vid-sida:not([hidden])');
        const boxes = await page.$$eval('article.enhetssvar', (els) => els.map((e) => {
          const r = e.getBoundingClientRect();
          return { hidden: e.hidden, top: r.top, left: r.left, bottom: r.bottom };
        }));
        assert.equal(boxes.length, 2);
        assert.ok(boxes.every((b) => !b.hidden), 'both chosen answers shown');
        if (columns) assert.ok(boxes[0].top === boxes[1].top && boxes[0].left < boxes[1].left, `columns at ${viewport.width}: ${JSON.stringify(boxes)}`);
        else assert.ok(boxes[1].top >= boxes[0].bottom, `stacked at ${viewport.width}: ${JSON.stringify(boxes)}`);
        assert.match(await page.textContent('.sida-vid-sida-status'), /Visar 2 enheter sida vid sida/);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, violations.map((v) => formatViolation('jamforelse', v)).join('\n'));
        await page.uncheck('input[value="annanenhet"]');
        assert.equal(new URL(page.url()).searchParams.get('visa'), null, 'one left: not side by side');
        const hint = await page.textContent('form.sida-vid-sida');
        assert.equal(hint.split('Välj två eller tre enheter').length - 1, 1, `the hint once, not also as the status: ${hint}`);
        await page.check('input[value="annanenhet"]');
        assert.equal(new URL(page.url()).searchParams.get('visa'), 'annanenhet,provenhet', 'the address names the units by id');
        await page.uncheck('input[value="provenhet"]');
        assert.equal(await page.$eval('.enhetssvar-lista', (e) => e.classList.contains('sida-vid-sida-aktiv')), false);
        assert.ok(!new URL(page.url()).searchParams.has('visa'), 'the choice left the address');
      } finally {
        await context.close();
      }
    }
  } finally {
    await editions.close();
  }
});

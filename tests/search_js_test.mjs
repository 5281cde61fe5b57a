// The browser half of the site search: themes/default/sok.js's pure functions, run in a
// fresh VM context without a DOM, over an index in the format search_index.cc writes.
//   node tests/search_js_test.mjs [sok/index-<år>.js …]
// Index files given as arguments (as a build writes them) are searched as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import vm from 'node:vm';

const here = new URL('.', import.meta.url);
const sokPath = new URL('../themes/default/sok.js', here);
const sokSource = fs.readFileSync(sokPath, 'utf8');

// A context like a page without a document: sok.js registers itself on window.
function load(...before) {
  const context = vm.createContext({ module: { exports: {} } });
  context.window = context;
  for (const script of before) vm.runInContext(script, context);
  vm.runInContext(sokSource, context, { filename: sokPath.pathname });
  return context;
}

const api = load().module.exports;

// The index the build would write for these pages (same fields, same folding, terms
// sorted by code point, postings as doc, count in text, fields: 1 title/part, 2 names).
function buildIndex(year, docs) {
  const postings = new Map();
  docs.forEach((d, i) => {
    const hits = new Map();
    const hit = (t) => hits.get(t) || (hits.set(t, { count: 0, fields: 0 }), hits.get(t));
    for (const w of api.words(`${d.part} ${d.title}`)) hit(w.term).fields |= 1;
    for (const w of api.words(`${d.unit} ${d.document}`)) hit(w.term).fields |= 2;
    for (const w of api.words(d.text)) hit(w.term).count++;
    for (const [t, h] of hits) {
      if (!postings.has(t)) postings.set(t, []);
      postings.get(t).push(i, h.count, h.fields);
    }
  });
  const terms = [...postings.keys()].sort(api.compare);
  return {
    format: 1,
    year,
    docs: docs.map((d) => [d.url, d.unit, year, d.document, d.part, d.title, d.text]),
    terms,
    postings: terms.map((t) => postings.get(t)),
  };
}

const unit = 'Beställarenheten omsorg om äldre';
const award = 'Kvalitetsutmärkelsen 2018';
const pages = [
  { url: '2018/skarholmen/kvalitetsutmarkelsen/fraga-01/', unit, document: award, part: 'Fråga 1',
    title: 'Bemötande och brukarens fokus',
    text: 'Vi möter brukare med respekt. Äldreomsorgen i staden bygger på delaktighet.' },
  { url: '2018/skarholmen/kvalitetsutmarkelsen/fraga-02/', unit, document: award, part: 'Fråga 2',
    title: 'Hur vi gör brukare delaktiga',
    text: 'Brukaren får ett ramtidsbeslut. Ett ramtidsbeslut ger flexibilitet, och ramtidsbeslutet följs upp. ' +
      'Äldre personer är delaktiga.' },
  { url: '2018/skarholmen/kvalitetsutmarkelsen/fraga-13/', unit, document: award, part: 'Fråga 13',
    title: 'Uppföljning av insatser',
    text: 'Vi följer upp insatser regelbundet. Ramtider används ibland.' },
  { url: '2018/skarholmen/kvalitetsutmarkelsen/fraga-20/', unit, document: award, part: 'Fråga 20',
    title: 'Ramtidsbeslut i praktiken', text: 'Om arbetet.' },
];
const index = api.prepare(buildIndex(2018, pages));

// Values from the VM context have its Array prototype; strict deepEqual wants this realm's.
const here_ = (value) => JSON.parse(JSON.stringify(value));
const titles = (query, indexes = [index]) => here_(api.search(indexes, query).results.map((r) => r.part));

test('query words are folded as the build folds page text', () => {
  assert.deepEqual(here_(api.terms('ÅÄÖ Äldre')), ['åäö', 'äldre']);
  assert.deepEqual(here_(api.terms('Ramtidsbeslutet, och (ramtidsbeslut).')), ['ramtidsbeslutet', 'och', 'ramtidsbeslut']);
  assert.deepEqual(here_(api.terms('ramtid\u2013beslut ”spegling” 2018')), ['ramtid', 'beslut', 'spegling', '2018']);
  assert.deepEqual(here_(api.terms('A\u0308ldre ram\u00ADtid 3×4')), ['äldre', 'ramtid', '3', '4']);
  assert.deepEqual(here_(api.terms('äldre ÄLDRE')), ['äldre']);  // each word once
  assert.deepEqual(here_(api.terms('  – … ')), []);
});

test('a query word matches every term it starts', () => {
  assert.deepEqual(titles('ramtid'), ['Fråga 20', 'Fråga 2', 'Fråga 13']);
  assert.deepEqual(titles('ramtidsbeslut'), ['Fråga 20', 'Fråga 2']);
  assert.deepEqual(titles('flexibilitet'), ['Fråga 2']);
  assert.deepEqual(titles('xyzzy'), []);
});

test('Å Ä Ö and capitals match whatever case the text has', () => {
  assert.deepEqual(titles('ÄLDRE').sort(), ['Fråga 1', 'Fråga 13', 'Fråga 2', 'Fråga 20']);  // the unit's name
  assert.deepEqual(titles('ÄLDREOMSORGEN'), ['Fråga 1']);
  assert.deepEqual(titles('Bemötande'), ['Fråga 1']);
  assert.deepEqual(titles('BEMÖT'), ['Fråga 1']);
});

test('every query word must match', () => {
  assert.deepEqual(titles('ramtidsbeslut flexibilitet'), ['Fråga 2']);
  assert.deepEqual(titles('ramtidsbeslut regelbundet'), []);
  assert.deepEqual(titles('följ insatser'), ['Fråga 13']);
});

test('a word that matches nothing is tried without its Swedish ending', () => {
  assert.ok(api.stems('ramtidsbesluten').includes('ramtidsbeslut'));
  assert.deepEqual(here_(api.stems('bara')), []);  // "bar" would be shorter than four letters
  assert.deepEqual(here_(api.stems('brukarnas').slice(0, 2)), ['brukarn', 'brukarna']);
  // "ramtidsbesluten" is not in the index; "ramtidsbeslut" is.
  assert.deepEqual(titles('ramtidsbesluten'), ['Fråga 20', 'Fråga 2']);
  // "delaktigheten" → "delaktig": "delaktiga" in Fråga 2's title, "delaktighet" in Fråga 1's text.
  assert.deepEqual(titles('delaktigheten'), ['Fråga 2', 'Fråga 1']);
  // A word that does match is not stemmed: "ramtider" finds only "Ramtider".
  assert.deepEqual(titles('ramtider'), ['Fråga 13']);
});

test('a title match ranks above matches in the text – and an exact word above a longer one', () => {
  // Fråga 20 has "Ramtidsbeslut" once in its title; Fråga 2 three times in its text.
  assert.deepEqual(titles('ramtidsbeslut'), ['Fråga 20', 'Fråga 2']);
  const two = buildIndex(2018, [
    { ...pages[0], part: 'A', title: 'a', text: 'beslutet beslutet beslutet' },
    { ...pages[0], part: 'B', title: 'b', text: 'beslut' },
  ]);
  assert.deepEqual(titles('beslut', [api.prepare(two)]), ['B', 'A']);
});

test('results from several years are merged – best first and newer first on ties', () => {
  const later = api.prepare(buildIndex(2024, [{ ...pages[3], url: '2024/x/avsnitt-01/', part: 'Avsnitt 1' }]));
  const results = api.search([index, later], 'ramtidsbeslut').results;
  assert.deepEqual(here_(results.map((r) => `${r.year} ${r.part}`)), ['2024 Avsnitt 1', '2018 Fråga 20', '2018 Fråga 2']);
  const first = results[0];
  assert.equal(first.unit, unit);
  assert.equal(first.document, award);
  assert.equal(first.title, 'Ramtidsbeslut i praktiken');
});

test('the snippet shows and marks the matching words', () => {
  const result = api.search([index], 'ramtidsbesl').results.find((r) => r.part === 'Fråga 2');
  const parts = api.snippet(result.text, result.prefixes);
  const marked = here_(parts.filter((p) => p.mark).map((p) => p.text));
  assert.deepEqual(marked, ['ramtidsbeslut', 'ramtidsbeslut', 'ramtidsbeslutet']);
  assert.equal(parts.map((p) => p.text).join(''), result.text);  // short text: all of it, unchanged
});

test('a long text is cut around the first match at word boundaries', () => {
  const filler = 'Lorem ipsum dolor sit amet. '.repeat(30);
  const text = `${filler}Här står ordet ramtidsbeslut mitt i. ${filler}`;
  const parts = api.snippet(text, ['ramtidsbeslut']);
  const joined = parts.map((p) => p.text).join('');
  assert.ok(joined.startsWith('… '), joined);
  assert.ok(joined.endsWith(' …'), joined);
  assert.ok(joined.length <= 200 + 4, `${joined.length}`);
  assert.ok(joined.includes('ramtidsbeslut'));
  assert.deepEqual(here_(parts.filter((p) => p.mark).map((p) => p.text)), ['ramtidsbeslut']);
  const inner = joined.slice(2, -2);
  assert.ok(text.includes(inner));
  assert.match(inner, /^\S.*\S$/);  // no half words at either end
  assert.ok(/^[A-Za-zÅÄÖåäö]/.test(inner) && /[a-zåäö.]$/.test(inner));
  // No match in the text (only in the title): the text's start.
  assert.ok(api.snippet(text, ['zzz'])[0].text.startsWith('Lorem ipsum'));
});

test('links lead from the search page to the page itself – also from file://', () => {
  assert.equal(api.pageHref('../', '2018/x/y/fraga-02/'), '../2018/x/y/fraga-02/index.html');
  assert.equal(api.pageHref('../', '2018/x/y/utskrift.html'), '../2018/x/y/utskrift.html');
  assert.equal(api.pageHref('../', ''), '../index.html');
  assert.equal(api.pageHref('', 'javascript:alert(1)'), './javascript:alert(1)');  // never a scheme
});

test('the term order is the code-point order the build sorts by', () => {
  // UTF-16 puts U+1F600 (a surrogate pair) before U+FF21; code points, and UTF-8 bytes, after.
  assert.ok(api.compare('\u{1F600}', '\uFF21') > 0);
  assert.ok(api.compare('ab', 'abc') < 0);
  assert.ok(api.compare('z', 'ä') < 0 && api.compare('ä', 'å') < 0 && api.compare('å', 'ö') < 0);  // U+E4 E5 F6
  const sorted = ['a', 'b', 'ba', 'bab', 'bb', 'c'];
  assert.deepEqual(here_(api.prefixRange(sorted, 'ba')), [2, 4]);
  assert.deepEqual(here_(api.prefixRange(sorted, 'x')), [6, 6]);
});

test('index files register before and after sok.js has run', () => {
  const file = `(window.kvSok = window.kvSok || []).push(${JSON.stringify(buildIndex(2018, pages))});\n`;
  const early = load(file);
  assert.equal(early.kvSok.indexes.length, 1);
  vm.runInContext(file.replace('2018', '2019'), early);
  assert.equal(early.kvSok.indexes.length, 2);
  assert.equal(early.kvSok.api.search(early.kvSok.indexes, 'ramtidsbeslut').results.length, 4);
  vm.runInContext('kvSok.push({format: 2}); kvSok.push(null);', early);  // unknown formats are ignored
  assert.equal(early.kvSok.indexes.length, 2);
});

test('sok.js never turns text into markup', () => {
  assert.doesNotMatch(sokSource, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  assert.doesNotMatch(sokSource, /https?:\/\//);  // nothing loaded from elsewhere
});

// Index files written by the build, when given.
for (const path of process.argv.slice(2)) {
  test(`a built index reads and finds its own words: ${path}`, () => {
    const context = load(fs.readFileSync(path, 'utf8'));
    const [built] = context.kvSok.indexes;
    assert.ok(built, 'the file registered an index');
    assert.equal(built.terms.length, built.postings.length);
    for (let i = 1; i < built.terms.length; i++) assert.ok(api.compare(built.terms[i - 1], built.terms[i]) < 0);
    for (const term of built.terms) assert.deepEqual(here_(api.terms(term)), [term], 'C++ and JS fold alike');
    const word = api.words(built.docs[0].text).map((w) => w.term).find((t) => t.length > 5) || built.terms[0];
    const results = api.search([built], word).results;
    assert.ok(results.some((r) => r.url === built.docs[0].url), `"${word}" finds ${built.docs[0].url}`);
  });
}

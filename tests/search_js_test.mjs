// The browser half of the site search: themes/default/sok.js's pure functions, run in a
// fresh VM context without a DOM, over an index in the format search_index.cc writes.
//   node tests/search_js_test.mjs [<output>/sok]
// A built site's index folder, when given, is read and searched as well.
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

// The files the build would write for these pages, as the objects they push: the manifest,
// shards of at most shardTerms terms, fragments (same fields, same folding, terms sorted by
// code point, postings as page-number difference and 4 × count in text + fields: 1
// title/part, 2 names).
function buildFiles(yearDocs, shardTerms = 3) {
  const postings = new Map();
  const fragments = [];
  const years = [];
  yearDocs.forEach(([year, docs]) => {
    years.push([year, fragments.length]);
    docs.forEach((d) => {
      const doc = fragments.length;
      fragments.push({ format: 2, doc, url: d.url, unit: d.unit, year, document: d.document, part: d.part,
        title: d.title, text: d.text });
      const hits = new Map();
      const hit = (t) => hits.get(t) || (hits.set(t, { count: 0, fields: 0 }), hits.get(t));
      for (const w of api.words(`${d.part} ${d.title}`)) hit(w.term).fields |= 1;
      for (const w of api.words(`${d.unit} ${d.document}`)) hit(w.term).fields |= 2;
      for (const w of api.words(d.text)) hit(w.term).count++;
      for (const [t, h] of hits) {
        if (!postings.has(t)) postings.set(t, []);
        postings.get(t).push([doc, h.count * 4 + h.fields]);
      }
    });
  });
  const terms = [...postings.keys()].sort(api.compare);
  const shards = [];
  for (let i = 0; i < terms.length; i += shardTerms) {
    const some = terms.slice(i, i + shardTerms);
    shards.push({ format: 2, shard: shards.length, terms: some, postings: some.map((t) => {
      let previous = 0;
      return postings.get(t).flatMap(([doc, weight]) => { const delta = doc - previous; previous = doc; return [delta, weight]; });
    }) });
  }
  const manifest = { format: 2, docs: fragments.length, years, shards: shards.map((s) => s.terms[0]) };
  return { manifest, shards, fragments };
}

// An index with everything read, as after the page has loaded what a query asked for.
function fullIndex(files) {
  const index = api.prepare(files.manifest);
  for (const part of [...files.shards, ...files.fragments]) assert.ok(api.add(index, part));
  return index;
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
const files = buildFiles([[2018, pages]]);
const index = fullIndex(files);

// Values from the VM context have its Array prototype; strict deepEqual wants this realm's.
const here_ = (value) => JSON.parse(JSON.stringify(value));
const hits = (query, idx = index) => api.search(idx, query).results.map((r) => ({ ...r, ...idx.fragments[r.doc] }));
const titles = (query, idx = index) => here_(hits(query, idx).map((r) => r.part));

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
  const two = buildFiles([[2018, [
    { ...pages[0], part: 'A', title: 'a', text: 'beslutet beslutet beslutet' },
    { ...pages[0], part: 'B', title: 'b', text: 'beslut' },
  ]]]);
  assert.deepEqual(titles('beslut', fullIndex(two)), ['B', 'A']);
});

test('results from several years are merged – best first and newer first on ties', () => {
  const both = fullIndex(buildFiles([[2018, pages], [2024, [{ ...pages[3], url: '2024/x/avsnitt-01/', part: 'Avsnitt 1' }]]]));
  const results = hits('ramtidsbeslut', both);
  assert.deepEqual(here_(results.map((r) => `${r.year} ${r.part}`)), ['2024 Avsnitt 1', '2018 Fråga 20', '2018 Fråga 2']);
  const first = results[0];
  assert.equal(first.unit, unit);
  assert.equal(first.document, award);
  assert.equal(first.title, 'Ramtidsbeslut i praktiken');
});

// sok/dokument.js for documents given as [first page, unit slug, kind slug, [thread per page]],
// as search_documents.cc writes it: slugs and threads numbered in sorted order.
function documentsFile(documents) {
  const units = [...new Set(documents.map((d) => d[1]))].sort();
  const kinds = [...new Set(documents.map((d) => d[2]))].sort();
  const threads = [...new Set(documents.flatMap((d) => d[3]))].sort();
  const parts = [];
  const rows = documents.map(([first, u, k, list]) => {
    const numbers = JSON.stringify(list.map((t) => threads.indexOf(t)));
    if (!parts.includes(numbers)) parts.push(numbers);
    return [first, units.indexOf(u), kinds.indexOf(k), parts.indexOf(numbers)];
  });
  return { format: 2, units, kinds, parts: parts.map((p) => JSON.parse(p)), documents: rows };
}

// Two units' award answers in 2018 and 2019 (question 2 kept word for word) and a 2019 report.
const q2 = pages[1];
const other = 'Hemtjänsten';
const yearsFiles = buildFiles([
  [2018, [q2, { ...q2, unit: other, url: '2018/hemtjanst/kvalitetsutmarkelsen/fraga-02/' }]],
  [2019, [{ ...q2, url: '2019/skarholmen/kvalitetsutmarkelsen/fraga-02/' },
    { ...q2, unit: other, url: '2019/hemtjanst/kvalitetsutmarkelsen/fraga-02/' },
    { ...q2, document: 'Verksamhetsberättelse 2019', part: 'Avsnitt 2', url: '2019/skarholmen/verksamhetsberattelse/avsnitt-02/' }]],
]);
const yearsDocuments = documentsFile([
  [0, 'skarholmen', 'kvalitetsutmarkelsen', ['k2018#2']],
  [1, 'hemtjanst', 'kvalitetsutmarkelsen', ['k2018#2']],
  [2, 'skarholmen', 'kvalitetsutmarkelsen', ['k2018#2']],
  [3, 'hemtjanst', 'kvalitetsutmarkelsen', ['k2018#2']],
  [4, 'skarholmen', 'verksamhetsberattelse', ['v2019#2']],
]);
const yearsIndex = fullIndex(yearsFiles);
assert.ok(api.add(yearsIndex, yearsDocuments), 'sok/dokument.js is read');
const found = (query, filters, idx = yearsIndex) => here_(api.search(idx, query, filters).results);

test('the same part of one unit in several years is one hit – the best, with the other years', () => {
  const results = found('ramtidsbeslut');
  assert.deepEqual(results.map((r) => [r.doc, r.year, r.others.map((o) => o.year)]).sort(),
    [[2, 2019, [2018]], [3, 2019, [2018]], [4, 2019, []]]);
  assert.equal(results.length, 3, 'two units\' award answers and the report: three hits, not five');
  const skarholmen = results.find((r) => r.doc === 2);
  assert.deepEqual(skarholmen.others, [{ doc: 0, year: 2018 }]);
  const hemtjanst = results.find((r) => r.doc === 3);
  assert.deepEqual(hemtjanst.others, [{ doc: 1, year: 2018 }]);
  assert.ok(results.every((r) => r.year === 2019), 'newer first on ties');
});

test('hits are narrowed by year, unit and document kind', () => {
  const docs = (filters) => found('ramtidsbeslut', filters).map((r) => r.doc).sort();
  assert.deepEqual(docs({ year: '2018' }), [0, 1], 'a year: each of its pages, no others');
  assert.deepEqual(docs({ unit: 'hemtjanst' }), [3]);
  assert.deepEqual(docs({ unit: 'skarholmen', kind: 'verksamhetsberattelse' }), [4]);
  assert.deepEqual(docs({ kind: 'kvalitetsutmarkelsen', year: '2019' }), [2, 3]);
  assert.deepEqual(docs({ unit: 'nowhere' }), []);
  assert.deepEqual(docs({ year: '', unit: '', kind: '' }), [2, 3, 4], 'empty filters narrow nothing');
});

test('without sok/dokument.js every page is its own hit, and unit or kind filters find nothing', () => {
  const bare = fullIndex(yearsFiles);
  assert.equal(found('ramtidsbeslut', {}, bare).length, 5);
  assert.equal(found('ramtidsbeslut', { year: '2018' }, bare).length, 2);
  assert.equal(found('ramtidsbeslut', { unit: 'hemtjanst' }, bare).length, 0);
});

test('the fragments of a hit\'s other years are read with it', () => {
  const fresh = api.prepare(yearsFiles.manifest);
  yearsFiles.shards.forEach((shard) => api.add(fresh, shard));
  api.add(fresh, yearsDocuments);
  const results = api.search(fresh, 'ramtidsbeslut').results;
  assert.deepEqual(here_(api.missingFragments(fresh, results, 0, 10)).sort(), [0, 1, 2, 3, 4]);
});

test('a query asks only for the shards its words may match – then for stems', () => {
  const fresh = api.prepare(files.manifest);
  const wanted = here_(api.search(fresh, 'ramtidsbeslut').missing);
  assert.ok(wanted.length >= 1 && wanted.length < files.shards.length, `${wanted} of ${files.shards.length}`);
  for (const i of wanted) api.add(fresh, files.shards[i]);
  const found = api.search(fresh, 'ramtidsbeslut');
  assert.deepEqual(here_(found.missing), []);
  assert.deepEqual(here_(found.results.map((r) => r.doc)), [3, 1]);
  // "delaktigheten" matches nothing; its stems may live in other shards, asked for in turn.
  let rounds = 0;
  let result;
  while ((result = api.search(fresh, 'delaktigheten')).missing.length) {
    result.missing.forEach((i) => api.add(fresh, files.shards[i]));
    rounds++;
  }
  assert.ok(rounds >= 1);
  assert.deepEqual(here_(result.results.map((r) => r.doc)), [1, 0]);
  // Only the shown hits' fragments are read.
  assert.deepEqual(here_(api.missingFragments(fresh, result.results, 0, 1)), [1]);
  api.add(fresh, files.fragments[1]);
  assert.deepEqual(here_(api.missingFragments(fresh, result.results, 0, 2)), [0]);
});

test('the shards for a prefix: the one it falls in and every one starting with it', () => {
  const firsts = ['a', 'bra', 'bruk', 'brukare', 'brukarna', 'c'];
  assert.deepEqual(here_(api.shardsFor(firsts, 'bru')), [1, 2, 3, 4]);
  assert.deepEqual(here_(api.shardsFor(firsts, 'brukare')), [3]);  // 'brukarna' does not start with it
  assert.deepEqual(here_(api.shardsFor(firsts, 'brukarn')), [3, 4]);
  assert.deepEqual(here_(api.shardsFor(firsts, 'brukarnas')), [4]);
  assert.deepEqual(here_(api.shardsFor(firsts, 'a')), [0]);
  assert.deepEqual(here_(api.shardsFor(firsts, '0')), []);
  assert.deepEqual(here_(api.shardsFor(firsts, 'ö')), [5]);
  assert.equal(api.shardPath(3), 'sok/t/3.js');
  assert.equal(api.fragmentPath(12345), 'sok/f/12/12345.js');
});

test('the snippet shows and marks the matching words', () => {
  const found = api.search(index, 'ramtidsbesl');
  const result = hits('ramtidsbesl').find((r) => r.part === 'Fråga 2');
  const parts = api.snippet(result.text, found.prefixes);
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
  const script = (object) => `(window.kvSok = window.kvSok || []).push(${JSON.stringify(object)});\n`;
  // A shard before the manifest (kept for it), the manifest, then the rest after sok.js.
  const early = load(script(files.shards[0]), script(files.manifest));
  assert.ok(early.kvSok.index);
  assert.ok(early.kvSok.index.shards[0]);
  for (const part of [...files.shards.slice(1), ...files.fragments]) vm.runInContext(script(part), early);
  assert.equal(early.kvSok.api.search(early.kvSok.index, 'ramtidsbeslut').results.length, 2);
  vm.runInContext('kvSok.push({format: 1, docs: []}); kvSok.push(null); kvSok.push({format: 3, shards: []});', early);
  assert.ok(early.kvSok.index.shards[0], 'unknown formats are ignored');
});

test('sok.js never turns text into markup', () => {
  assert.doesNotMatch(sokSource, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  assert.doesNotMatch(sokSource, /https?:\/\//);  // nothing loaded from elsewhere
});

// A site's sok/ folder written by the build, when given: every shard read as a browser would.
const [built] = process.argv.slice(2);
if (built) {
  test(`a built index reads and finds its own words: ${built}`, () => {
    const context = load(fs.readFileSync(`${built}/index.js`, 'utf8'));
    const idx = context.kvSok.index;
    assert.ok(idx, 'the manifest registered an index');
    idx.firsts.forEach((first, i) => vm.runInContext(fs.readFileSync(`${built}/t/${i}.js`, 'utf8'), context));
    const all = idx.shards.flatMap((shard) => shard.terms);
    for (let i = 1; i < all.length; i++) assert.ok(api.compare(all[i - 1], all[i]) < 0);
    for (const term of all) assert.deepEqual(here_(api.terms(term)), [term], 'C++ and JS fold alike');
    vm.runInContext(fs.readFileSync(`${built}/f/0/0.js`, 'utf8'), context);
    const first = idx.fragments[0];
    const word = api.words(first.text).map((w) => w.term).find((t) => t.length > 5) || all[0];
    const found = context.kvSok.api.search(idx, word);
    assert.deepEqual(here_(found.missing), []);
    assert.ok(found.results.some((r) => r.doc === 0), `"${word}" finds ${first.url}`);
    vm.runInContext(fs.readFileSync(`${built}/dokument.js`, 'utf8'), context);
    assert.ok(idx.documents, 'sok/dokument.js registered');
    assert.equal(idx.documents.firsts[0], 0, 'the first document starts at page 0');
    const info = context.kvSok.api.docInfo(idx, 0);
    assert.ok(first.url.includes(`/${info.unit}/${info.kind}/`), `page 0 (${first.url}) is of ${info.unit}/${info.kind}`);
    const narrowed = context.kvSok.api.search(idx, word, { year: String(first.year), unit: info.unit, kind: info.kind });
    assert.ok(narrowed.results.some((r) => r.doc === 0), 'page 0 passes its own year, unit and kind');
  });
}

/*
 * kvalitet – sökning på webbplatsen (site search). Plain ES2017, nothing loaded from elsewhere.
 *
 * The build writes the index as small scripts under sok/ (the format is described in
 * generator/render/search/search_index.cc), each calling
 *   (window.kvSok = window.kvSok || []).push({format: 2, …});
 * the manifest sok/index.js and the documents' facts sok/dokument.js (the search page loads
 * both), shards of the sorted terms sok/t/<i>.js and one fragment per page
 * sok/f/<d/1000>/<d>.js. A query loads only the
 * shards its words may match, and the fragments of the hits it shows: a few kilobytes on a
 * site of any size. Scripts rather than JSON fetched at run time, because browsers refuse
 * fetch() on file:// but run <script src>. Files may load before or after this one: until
 * it runs, kvSok is a plain array that queues them.
 *
 * A query is folded as the build folds the pages (NFC, toLocaleLowerCase('sv'), split on
 * everything that is not a letter or digit, see isWordChar). Every query word must match
 * (AND). A word matches every index term it is a prefix of; a word that matches nothing
 * is tried again without a Swedish ending ("ramtidsbesluten" → "ramtidsbeslut").
 *
 * Hits can be narrowed to a year, a unit and a document kind (the address's ar=, enhet=,
 * slag=: the year, the unit's and the kind's folder names). The pages that are the same part
 * of one unit's documents in several years are one hit: the best-scoring page, with links to
 * the others ("the same part in other years"), so a text kept from year to year is not
 * listed once a year.
 *
 * The page (templates/layouts/search.mustache) provides
 *   <form role="search"> with <input id="sok-sida" name="q"> and, optionally, the filters
 *                                        <select name="ar">, <select name="enhet">, <select name="slag">
 *   <p id="sokstatus" role="status">     the number of hits, announced
 *   <ol id="sokresultat" data-…>         the hits, built with DOM calls and textContent only:
 *                                        index text is never parsed as HTML
 *   <p id="sokfler">                     optional; "{shown} of {n}" (created if absent)
 *   <button id="sokvisa">                optional; shows the next hits (created if absent)
 * and these attributes on <ol id="sokresultat"> ({n}, {q}, {shown} are filled in; Swedish when
 * absent or empty):
 *   data-rot            path from the search page to the site root, e.g. "../"
 *   data-text-tom       no query yet
 *   data-text-en        one hit
 *   data-text-traffar   several hits
 *   data-text-ingen     no hits
 *   data-text-fler      more hits than shown: {shown} of {n} are shown
 *   data-text-visa      the button that shows more
 *   data-text-saknas    no index could be loaded
 *   data-text-andra     before the links to the same part's other years
 */
(function (global) {
  'use strict';

  var PAGE_SIZE = 10;  // hits shown at once; each needs its fragment
  var SNIPPET_LENGTH = 200;
  var MIN_STEM = 4;
  // Swedish endings, longest first; one is stripped from a word that matched nothing.
  var SUFFIXES = ['heten', 'erna', 'arna', 'orna', 'ande', 'ende', 'ens', 'ets', 'ers', 'ars', 'ors',
    'en', 'et', 'er', 'ar', 'or', 'na', 'ng', 'as', 'es', 's', 'e', 'a'];
  var TEXTS = {
    tom: 'Skriv ett eller flera ord att söka efter.',
    en: '1 träff för ”{q}”',
    traffar: '{n} träffar för ”{q}”',
    ingen: 'Inga träffar för ”{q}”. Pröva ett kortare ord eller en annan stavning.',
    fler: 'Visar de {shown} första av {n} träffar.',
    visa: 'Visa fler träffar',
    saknas: 'Sökindexet kunde inte läsas in. Använd listorna på startsidan.',
    andra: 'Samma del andra år:'
  };

  // ------------------------------------------------------------ folding

  // Letters and digits; the same rule as is_word_char in search_index.cc.
  function isWordChar(c) {
    if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (c < 0xC0 || c === 0xD7 || c === 0xF7) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;
    if (c >= 0x2E00 && c <= 0x2E7F) return false;
    if (c >= 0x3000 && c <= 0x303F) return false;
    if (c >= 0xFE00 && c <= 0xFE0F) return false;
    if (c === 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF)) return false;
    if (c >= 0x1F000 && c <= 0x1FAFF) return false;
    return true;
  }

  function lower(s) {
    try {
      return s.toLocaleLowerCase('sv');
    } catch (e) {
      return s.toLowerCase();
    }
  }

  // One word as the index stores it. A soft hyphen (U+00AD) does not split a word.
  function fold(word) {
    return lower(word.normalize('NFC').replace(/\u00AD/g, ''));
  }

  // The words of a text with their places: [{start, end, term}], offsets in UTF-16 units.
  function words(text) {
    var out = [];
    var start = -1;
    for (var i = 0; i <= text.length;) {
      var c = i < text.length ? text.codePointAt(i) : 0x20;
      var size = c > 0xFFFF ? 2 : 1;
      if (isWordChar(c) || (c === 0xAD && start >= 0)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        var term = fold(text.slice(start, i));
        if (term) out.push({ start: start, end: i, term: term });
        start = -1;
      }
      i += size;
    }
    return out;
  }

  // The distinct search terms of a query.
  function terms(query) {
    var seen = [];
    words(String(query || '')).forEach(function (w) {
      if (seen.indexOf(w.term) < 0) seen.push(w.term);
    });
    return seen;
  }

  // Shorter forms of a word without one Swedish ending, longest ending first.
  function stems(term) {
    var length = Array.from(term).length;
    var out = [];
    SUFFIXES.forEach(function (suffix) {
      if (term.endsWith(suffix) && length - suffix.length >= MIN_STEM) out.push(term.slice(0, -suffix.length));
    });
    return out;
  }

  // ------------------------------------------------------------ index

  // The index sorts its terms by code point; JavaScript compares UTF-16 units, which
  // differs only when a surrogate meets U+E000–U+FFFF. Shifting those two ranges fixes it.
  function unit(u) {
    return u >= 0xE000 ? u - 0x800 : u >= 0xD800 ? u + 0x2000 : u;
  }
  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i);
      var y = b.charCodeAt(i);
      if (x !== y) return unit(x) - unit(y);
    }
    return a.length - b.length;
  }

  // The first index of sorted whose string is not before s.
  function lowerBound(sorted, s) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (compare(sorted[mid], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // [first, end) of the sorted terms that start with prefix.
  function prefixRange(sorted, prefix) {
    var lo = lowerBound(sorted, prefix);
    var end = lo;
    while (end < sorted.length && sorted[end].startsWith(prefix)) end++;
    return [lo, end];
  }

  // [{year, first}] from the manifest's [[year, first], …]; the year of page doc.
  function yearOf(years, doc) {
    var year = 0;
    for (var i = 0; i < years.length && years[i].first <= doc; i++) year = years[i].year;
    return year;
  }

  // A new, empty index from the manifest; null when unusable.
  function prepare(raw) {
    if (!raw || raw.format !== 2 || !Array.isArray(raw.shards) || !Array.isArray(raw.years)) return null;
    return {
      docs: raw.docs,
      firsts: raw.shards.map(String),
      years: raw.years.map(function (y) { return { year: y[0], first: y[1] }; }),
      shards: [],     // shard i once read: {terms, postings as [doc, weight, …] with whole numbers}
      documents: null, // once sok/dokument.js is read: {firsts, units, kinds, parts, unitSlugs, kindSlugs, partLists}
      fragments: []   // page d once read: {url, unit, year, document, part, title, text}
    };
  }

  // Adds a shard or fragment the build wrote; false when it is neither.
  function add(index, raw) {
    if (!index || !raw || raw.format !== 2) return false;
    if (typeof raw.shard === 'number' && Array.isArray(raw.terms) && Array.isArray(raw.postings) &&
        raw.terms.length === raw.postings.length) {
      index.shards[raw.shard] = {
        terms: raw.terms,
        postings: raw.postings.map(function (list) {
          var out = [];
          var doc = 0;
          for (var k = 0; k + 1 < list.length; k += 2) {
            doc += list[k];
            out.push(doc, list[k + 1]);
          }
          return out;
        })
      };
      return true;
    }
    if (Array.isArray(raw.documents) && Array.isArray(raw.units) && Array.isArray(raw.kinds) && Array.isArray(raw.parts)) {
      var documents = { firsts: [], units: [], kinds: [], parts: [], unitSlugs: raw.units.map(String),
        kindSlugs: raw.kinds.map(String), partLists: raw.parts };
      raw.documents.forEach(function (d) {
        documents.firsts.push(d[0]);
        documents.units.push(d[1]);
        documents.kinds.push(d[2]);
        documents.parts.push(d[3]);
      });
      index.documents = documents;
      return true;
    }
    if (typeof raw.doc === 'number' && typeof raw.url === 'string') {
      index.fragments[raw.doc] = { url: raw.url, unit: String(raw.unit || ''), year: raw.year,
        document: String(raw.document || ''), part: String(raw.part || ''), title: String(raw.title || ''),
        text: String(raw.text || '') };
      return true;
    }
    return false;
  }

  // Page doc's unit and kind (folder names) and thread (its part, the same in every year of
  // the unit's documents of that kind); null until sok/dokument.js is read.
  function docInfo(index, doc) {
    var d = index.documents;
    if (!d || !d.firsts.length) return null;
    var lo = 0;
    var hi = d.firsts.length;
    while (hi - lo > 1) {  // the last document starting at or before doc
      var mid = (lo + hi) >>> 1;
      if (d.firsts[mid] <= doc) lo = mid;
      else hi = mid;
    }
    var parts = d.partLists[d.parts[lo]] || [];
    var unitSlug = d.unitSlugs[d.units[lo]];
    var kindSlug = d.kindSlugs[d.kinds[lo]];
    return { unit: unitSlug, kind: kindSlug,
      thread: d.units[lo] + '|' + d.kinds[lo] + '|' + (doc - d.firsts[lo] < parts.length ? parts[doc - d.firsts[lo]] : 'd' + doc) };
  }

  // Whether a result passes the filters {year, unit, kind} (empty: any). Without
  // sok/dokument.js nothing is known of units and kinds, and nothing passes those filters.
  function passes(result, info, filters) {
    if (!filters) return true;
    if (filters.year && String(result.year) !== String(filters.year)) return false;
    if ((filters.unit || filters.kind) && !info) return false;
    if (filters.unit && info.unit !== filters.unit) return false;
    if (filters.kind && info.kind !== filters.kind) return false;
    return true;
  }

  // One result per thread: the first (best) of each, the rest as its others [{doc, year}],
  // newest first.
  function oneHitPerPart(index, results, filters) {
    var out = [];
    var byThread = new Map();
    results.forEach(function (r) {
      var info = docInfo(index, r.doc);
      if (!passes(r, info, filters)) return;
      var key = info ? info.thread : 'd' + r.doc;
      var hit = byThread.get(key);
      if (hit) {
        hit.others.push({ doc: r.doc, year: r.year });
        return;
      }
      hit = { doc: r.doc, year: r.year, score: r.score, others: [] };
      byThread.set(key, hit);
      out.push(hit);
    });
    out.forEach(function (hit) {
      hit.others.sort(function (a, b) { return b.year - a.year || a.doc - b.doc; });
    });
    return out;
  }

  // The shards that may hold a term starting with prefix: shard i holds the terms from
  // firsts[i] up to firsts[i + 1].
  function shardsFor(firsts, prefix) {
    var lo = lowerBound(firsts, prefix);
    var out = [];
    if (lo > 0 && (lo === firsts.length || firsts[lo] !== prefix)) out.push(lo - 1);
    for (var j = lo; j < firsts.length && firsts[j].startsWith(prefix); j++) out.push(j);
    return out;
  }

  // The pages that match one query term: {prefix, scores: Map doc → score}, or {missing:
  // [shard]} when a shard it needs is not read yet. An exact term weighs more than a longer
  // word it starts, and both more than a stem; a word in the title or part ("Fråga 2") more
  // than many in the text.
  function matchTerm(index, term) {
    var tries = [term].concat(stems(term));
    for (var c = 0; c < tries.length; c++) {
      var prefix = tries[c];
      var shards = shardsFor(index.firsts, prefix);
      var missing = shards.filter(function (i) { return !index.shards[i]; });
      if (missing.length) return { missing: missing };
      var scores = new Map();
      shards.forEach(function (i) {
        var shard = index.shards[i];
        var range = prefixRange(shard.terms, prefix);
        for (var t = range[0]; t < range[1]; t++) {
          var weight = c > 0 ? 1 : shard.terms[t] === term ? 3 : 2;
          var list = shard.postings[t];
          for (var k = 0; k + 1 < list.length; k += 2) {
            var count = list[k + 1] >> 2;
            var fields = list[k + 1] & 3;
            var score = weight * ((count > 0 ? 1 + Math.log(1 + count) : 0) + (fields & 1 ? 4 : 0) + (fields & 2 ? 0.25 : 0));
            scores.set(list[k], (scores.get(list[k]) || 0) + score);
          }
        }
      });
      if (scores.size) return { prefix: prefix, scores: scores };
    }
    return { prefix: term, scores: new Map() };
  }

  // All pages matching every word of the query and passing filters ({year, unit, kind},
  // optional), one per part (see oneHitPerPart), best first, newer years first on ties:
  // {terms, results: [{doc, year, score, others}], prefixes, missing}. When missing is not
  // empty, read those shards and search again.
  function search(index, query, filters) {
    var queryTerms = terms(query);
    var found = { terms: queryTerms, results: [], prefixes: [], missing: [] };
    if (!queryTerms.length || !index) return found;
    var matches = queryTerms.map(function (term) { return matchTerm(index, term); });
    matches.forEach(function (m) {
      (m.missing || []).forEach(function (i) { if (found.missing.indexOf(i) < 0) found.missing.push(i); });
    });
    if (found.missing.length) return found;
    found.prefixes = matches.map(function (m) { return m.prefix; });
    matches[0].scores.forEach(function (first, doc) {
      var score = first;
      for (var m = 1; m < matches.length; m++) {
        var other = matches[m].scores.get(doc);
        if (other === undefined) return;
        score += other;
      }
      found.results.push({ doc: doc, year: yearOf(index.years, doc), score: score });
    });
    found.results.sort(function (a, b) { return b.score - a.score || b.year - a.year || a.doc - b.doc; });
    found.results = oneHitPerPart(index, found.results, filters);
    return found;
  }

  // The fragments still to read before results[from, to) can be shown, their other years'
  // included (for the links).
  function missingFragments(index, results, from, to) {
    var docs = [];
    results.slice(from, to).forEach(function (r) {
      docs.push(r.doc);
      (r.others || []).forEach(function (o) { docs.push(o.doc); });
    });
    return docs.filter(function (doc) { return !index.fragments[doc]; });
  }

  function shardPath(i) { return 'sok/t/' + i + '.js'; }
  function fragmentPath(doc) { return 'sok/f/' + Math.floor(doc / 1000) + '/' + doc + '.js'; }

  // About length characters of text around the first word that starts with one of the
  // prefixes, as [{text, mark}], mark true for every matching word. Cut at word boundaries
  // with "…" where text was left out; the text's start when nothing in it matches.
  function snippet(text, prefixes, length) {
    length = length || SNIPPET_LENGTH;
    var all = words(text);
    var isMatch = function (w) {
      return prefixes.some(function (p) { return p && w.term.startsWith(p); });
    };
    var first = all.find(isMatch);
    var start = 0;
    if (first && first.end > length * 0.7) {
      var wanted = first.start - Math.round(length * 0.3);
      var from = all.find(function (w) { return w.start >= wanted; });
      start = from ? Math.min(from.start, first.start) : first.start;
    }
    var end = text.length;
    if (end - start > length) {
      end = start + length;
      var last = null;
      all.forEach(function (w) {
        if (w.start >= start && w.end <= start + length) last = w;
      });
      if (last) end = last.end;
      if (first && end < first.end) end = first.end;
    }
    var out = [];
    if (start > 0) out.push({ text: '… ', mark: false });
    var at = start;
    all.forEach(function (w) {
      if (w.start < start || w.end > end || !isMatch(w)) return;
      if (w.start > at) out.push({ text: text.slice(at, w.start), mark: false });
      out.push({ text: text.slice(w.start, w.end), mark: true });
      at = w.end;
    });
    if (end > at) out.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) out.push({ text: ' …', mark: false });
    return out;
  }

  // The link to a page from the search page: a folder URL gets its index.html, so it
  // also opens from file://, where a folder is shown as a listing.
  function pageHref(root, url) {
    var path = String(url).replace(/^\/+/, '');
    if (path === '' || path.endsWith('/')) path += 'index.html';
    return (root || './') + path;
  }

  function format(template, values) {
    return String(template).replace(/\{(n|q|shown)\}/g, function (all, key) { return String(values[key]); });
  }

  var api = { isWordChar: isWordChar, fold: fold, words: words, terms: terms, stems: stems, compare: compare,
    prefixRange: prefixRange, prepare: prepare, add: add, docInfo: docInfo, shardsFor: shardsFor, search: search,
    missingFragments: missingFragments, shardPath: shardPath, fragmentPath: fragmentPath, snippet: snippet,
    pageHref: pageHref, format: format };

  // ------------------------------------------------------------ registry

  // kvSok: the manifest becomes the index; shards and fragments join it.
  var registry = global.kvSok;
  if (!registry || Array.isArray(registry)) {
    var queued = Array.isArray(registry) ? registry : [];
    registry = {
      index: null,
      api: api,
      listeners: [],
      push: function () {
        for (var i = 0; i < arguments.length; i++) {
          var raw = arguments[i];
          if (raw && raw.shards) {
            var index = prepare(raw);
            if (index) this.index = index;
          } else if (this.index) {
            add(this.index, raw);
          } else if (raw) {
            queued.push(raw);  // a part before its manifest: kept for it
          }
        }
        var manifest = false;
        for (var j = 0; j < arguments.length; j++) manifest = manifest || !!(arguments[j] && arguments[j].shards);
        if (this.index && queued.length) queued.splice(0).forEach(function (r) { add(registry.index, r); });
        if (manifest) this.listeners.forEach(function (listener) { listener(); });
        return this.index ? 1 : 0;
      }
    };
    global.kvSok = registry;
    registry.push.apply(registry, queued.splice(0));
  }

  if (typeof module === 'object' && module && module.exports) module.exports = api;

  // ------------------------------------------------------------ page

  if (typeof document === 'undefined') return;

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // others: [{year, url}] of the same part in other years.
  function resultItem(result, root, others, othersText) {
    var item = element('li', 'traff');
    var link = element('a', null, (result.part ? result.part + '. ' : '') + (result.title || result.document));
    link.href = pageHref(root, result.url);
    item.appendChild(link);

    var meta = element('p', 'traff-meta');
    [['traff-enhet', result.unit], ['traff-ar', String(result.year)], ['traff-dokument', result.document],
      ['traff-del', result.part]].forEach(function (field) {
      if (!field[1]) return;
      if (meta.firstChild) meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(element('span', field[0], field[1]));
    });
    item.appendChild(meta);

    var parts = snippet(result.text, result.prefixes);
    if (parts.length) {
      var excerpt = element('p', 'traff-utdrag');
      parts.forEach(function (part) {
        excerpt.appendChild(part.mark ? element('mark', null, part.text) : document.createTextNode(part.text));
      });
      item.appendChild(excerpt);
    }
    if (others.length) {
      var years = element('p', 'traff-andra-ar', othersText + ' ');
      others.forEach(function (other, k) {
        if (k) years.appendChild(document.createTextNode(', '));
        var a = element('a', null, String(other.year));
        a.href = pageHref(root, other.url);
        years.appendChild(a);
      });
      item.appendChild(years);
    }
    return item;
  }

  // Reads the scripts (site-relative paths) once each; resolves when all have run or failed.
  var loading = {};
  function load(root, paths) {
    return Promise.all(paths.map(function (path) {
      if (!loading[path]) {
        loading[path] = new Promise(function (resolve) {
          var script = document.createElement('script');
          script.src = (root || './') + path;
          script.charset = 'utf-8';
          script.onload = function () { resolve(true); };
          script.onerror = function () { resolve(false); };
          document.head.appendChild(script);
        });
      }
      return loading[path];
    }));
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    var list = document.getElementById('sokresultat');
    var status = document.getElementById('sokstatus');
    if (!list || !status) return;
    var input = document.getElementById('sok-sida');
    var form = input ? input.form : null;
    var text = function (key) {
      var value = list.getAttribute('data-text-' + key);
      return value ? value : TEXTS[key];  // absent or empty: the Swedish text
    };
    var more = document.getElementById('sokfler');
    if (!more) {
      more = element('p', 'sok-fler');
      more.id = 'sokfler';
      list.parentNode.insertBefore(more, list.nextSibling);
    }
    var button = document.getElementById('sokvisa');
    if (!button) {
      button = element('button', null, text('visa'));
      button.type = 'button';
      button.id = 'sokvisa';
      more.parentNode.insertBefore(button, more.nextSibling);
    }
    // The filters: <select> elements of the form, by their names; absent ones filter nothing.
    var filterFields = {};
    [['year', 'ar'], ['unit', 'enhet'], ['kind', 'slag']].forEach(function (pair) {
      var field = form ? form.elements.namedItem(pair[1]) : null;
      if (field && field.tagName === 'SELECT') filterFields[pair[0]] = field;
    });
    function filters() {
      var out = {};
      Object.keys(filterFields).forEach(function (key) { out[key] = filterFields[key].value; });
      return out;
    }
    // The address that shows this search again: q and the filters set.
    function address() {
      var params = new URLSearchParams();
      params.set('q', input ? input.value.trim() : '');
      [['year', 'ar'], ['unit', 'enhet'], ['kind', 'slag']].forEach(function (pair) {
        if (filterFields[pair[0]] && filterFields[pair[0]].value) params.set(pair[1], filterFields[pair[0]].value);
      });
      return '?' + params.toString();
    }
    var rootAttribute = list.getAttribute('data-rot');
    var root = rootAttribute === null ? '../' : rootAttribute || './';

    var shown = null;  // the query on screen
    var shownFilters = '';
    var run = 0;       // the latest search; an older one that finishes late is dropped
    var found = null;
    var listed = 0;    // results on screen

    // Shows results up to upTo, reading their fragments first; after "show more", the
    // keyboard focus moves to the first new hit, where reading goes on.
    function showUpTo(upTo, mine, focusNew) {
      var index = registry.index;
      var wanted = missingFragments(index, found.results, listed, upTo);
      load(root, wanted.map(fragmentPath)).then(function () {
        if (mine !== run) return;
        var fragment = document.createDocumentFragment();
        found.results.slice(listed, upTo).forEach(function (r) {
          var page = index.fragments[r.doc];
          var others = (r.others || []).map(function (o) { return index.fragments[o.doc]; })
            .filter(Boolean).map(function (f) { return { year: f.year, url: f.url }; });
          if (page) fragment.appendChild(resultItem(Object.assign({}, page, { prefixes: found.prefixes }), root, others, text('andra')));
        });
        var firstNew = fragment.querySelector('a');
        list.appendChild(fragment);
        if (focusNew && firstNew) firstNew.focus();
        listed = Math.min(upTo, found.results.length);
        var rest = found.results.length > listed;
        more.textContent = rest ? format(text('fler'), { n: found.results.length, shown: listed, q: shown }) : '';
        more.hidden = !rest;
        button.hidden = !rest;
      });
    }

    function show(query, force) {
      query = String(query || '').trim().slice(0, 200);
      var filterKey = JSON.stringify(filters());
      if (query === shown && filterKey === shownFilters && !force) return;
      shown = query;
      shownFilters = filterKey;
      var mine = ++run;
      clear(list);
      listed = 0;
      more.textContent = '';
      more.hidden = true;
      button.hidden = true;
      if (!terms(query).length) {
        status.textContent = text('tom');
        return;
      }
      if (!registry.index) {
        status.textContent = text('saknas');
        return;
      }
      var index = registry.index;
      (function step(rounds) {
        var result = search(index, query, filters());
        if (result.missing.length && rounds < 20) {
          load(root, result.missing.map(shardPath)).then(function (loaded) {
            if (mine !== run) return;
            // A shard that cannot be read counts as empty rather than asked for forever.
            result.missing.forEach(function (i, k) { if (!loaded[k]) index.shards[i] = { terms: [], postings: [] }; });
            step(rounds + 1);
          });
          return;
        }
        found = result;
        var n = result.results.length;
        status.textContent = format(n === 0 ? text('ingen') : n === 1 ? text('en') : text('traffar'), { n: n, q: query });
        showUpTo(PAGE_SIZE, mine);
      })(0);
    }

    button.addEventListener('click', function () {
      if (found) showUpTo(listed + PAGE_SIZE, run, true);
    });

    var params = new URLSearchParams(global.location ? global.location.search : '');
    var initial = params.get('q') || '';
    if (input) input.value = initial;
    [['year', 'ar'], ['unit', 'enhet'], ['kind', 'slag']].forEach(function (pair) {
      var field = filterFields[pair[0]];
      var wanted = params.get(pair[1]);
      if (!field || wanted === null) return;
      // Only a value the list offers; an unknown one (an old link) leaves the filter off.
      field.value = Array.prototype.some.call(field.options, function (o) { return o.value === wanted; }) ? wanted : '';
    });
    show(initial, true);
    // A manifest that arrives later (loaded without defer) shows the same query again.
    registry.listeners.push(function () { show(input ? input.value : initial, true); });

    var timer = 0;
    if (input) {
      input.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { show(input.value, false); }, 300);
      });
    }
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        clearTimeout(timer);
        show(input.value, true);
        keepAddress();
      });
    }
    function keepAddress() {
      try {  // keep the address shareable; file:// may refuse
        global.history.replaceState(null, '', address());
      } catch (e) { /* the results are shown all the same */ }
    }
    Object.keys(filterFields).forEach(function (key) {
      filterFields[key].addEventListener('change', function () {
        show(input ? input.value : initial, false);
        keepAddress();
      });
    });
  }

  // Deferred scripts run in order before DOMContentLoaded, so by then every index file has
  // been read; "load" covers a copy of this file added after that event.
  if (document.readyState === 'complete') {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
    global.addEventListener('load', start);
  }
})(typeof window !== 'undefined' ? window : globalThis);

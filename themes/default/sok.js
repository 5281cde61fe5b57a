/*
 * kvalitet – sökning på webbplatsen (site search). Plain ES2017, nothing loaded from elsewhere.
 *
 * The build writes one inverted index per year, sok/index-<år>.js, as a script that calls
 *   (window.kvSok = window.kvSok || []).push({format: 1, year, docs, terms, postings});
 * (the format is described in generator/render/search/search_index.cc). Scripts rather than
 * JSON fetched at run time, because browsers refuse fetch() on file:// but run <script src>.
 * The index files may load before or after this file: until it runs, kvSok is a plain
 * array that queues them.
 *
 * A query is folded as the build folds the pages (NFC, toLocaleLowerCase('sv'), split on
 * everything that is not a letter or digit, see isWordChar). Every query word must match
 * (AND). A word matches every index term it is a prefix of; a word that matches nothing
 * is tried again without a Swedish ending ("ramtidsbesluten" → "ramtidsbeslut").
 *
 * The page (templates/layouts/search.mustache) provides
 *   <form role="search"> with <input id="sok-sida" name="q">
 *   <p id="sokstatus" role="status">     the number of hits, announced
 *   <ol id="sokresultat" data-…>         the hits, built with DOM calls and textContent only:
 *                                        index text is never parsed as HTML
 *   <p id="sokfler">                     optional; "n more" (created after the list if absent)
 * and these attributes on <ol id="sokresultat"> ({n}, {q}, {shown} are filled in; Swedish when
 * absent or empty):
 *   data-rot            path from the search page to the site root, e.g. "../"
 *   data-text-tom       no query yet
 *   data-text-en        one hit
 *   data-text-traffar   several hits
 *   data-text-ingen     no hits
 *   data-text-fler      more than 50 hits: {shown} (50) of {n} are shown
 *   data-text-saknas    no index could be loaded
 */
(function (global) {
  'use strict';

  var MAX_RESULTS = 50;
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
    fler: 'Visar de {shown} första av {n} träffar. Lägg till fler ord för att begränsa sökningen.',
    saknas: 'Sökindexet kunde inte läsas in. Använd listorna på startsidan.'
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

  // [first, end) of the sorted terms that start with prefix.
  function prefixRange(sorted, prefix) {
    var lo = 0;
    var hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (compare(sorted[mid], prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    var end = lo;
    while (end < sorted.length && sorted[end].startsWith(prefix)) end++;
    return [lo, end];
  }

  // An index as the build wrote it, with its pages as objects; null when unusable.
  function prepare(raw) {
    if (!raw || raw.format !== 1 || !Array.isArray(raw.docs) || !Array.isArray(raw.terms) ||
        !Array.isArray(raw.postings) || raw.terms.length !== raw.postings.length) return null;
    return {
      year: raw.year,
      terms: raw.terms,
      postings: raw.postings,
      docs: raw.docs.map(function (d) {
        return { url: String(d[0]), unit: String(d[1]), year: d[2], document: String(d[3]),
          part: String(d[4]), title: String(d[5]), text: String(d[6]) };
      })
    };
  }

  // The pages of one index that match one query term: {prefix, scores: Map doc → score}.
  // An exact term weighs more than a longer word it starts, and both more than a stem; a
  // word in the title or part ("Fråga 2") more than many in the text.
  function matchTerm(index, term) {
    var range = prefixRange(index.terms, term);
    var prefix = term;
    var stemmed = false;
    if (range[0] === range[1]) {
      var candidates = stems(term);
      for (var s = 0; s < candidates.length && range[0] === range[1]; s++) {
        range = prefixRange(index.terms, candidates[s]);
        prefix = candidates[s];
        stemmed = true;
      }
    }
    var scores = new Map();
    for (var t = range[0]; t < range[1]; t++) {
      var weight = stemmed ? 1 : index.terms[t] === term ? 3 : 2;
      var list = index.postings[t];
      for (var k = 0; k + 2 < list.length; k += 3) {
        var count = list[k + 1];
        var fields = list[k + 2];
        var score = weight * ((count > 0 ? 1 + Math.log(1 + count) : 0) + (fields & 1 ? 4 : 0) + (fields & 2 ? 0.25 : 0));
        scores.set(list[k], (scores.get(list[k]) || 0) + score);
      }
    }
    return { prefix: prefix, scores: scores };
  }

  // All pages matching every word of the query, best first:
  // {terms, results: [{url, unit, year, document, part, title, text, score, prefixes}]}.
  function search(indexes, query) {
    var queryTerms = terms(query);
    var results = [];
    if (!queryTerms.length) return { terms: queryTerms, results: results };
    indexes.forEach(function (index, order) {
      var matches = queryTerms.map(function (term) { return matchTerm(index, term); });
      var prefixes = matches.map(function (m) { return m.prefix; });
      matches[0].scores.forEach(function (first, doc) {
        var score = first;
        for (var m = 1; m < matches.length; m++) {
          var other = matches[m].scores.get(doc);
          if (other === undefined) return;
          score += other;
        }
        var page = index.docs[doc];
        if (!page) return;
        results.push(Object.assign({}, page, { score: score, prefixes: prefixes, order: order, doc: doc }));
      });
    });
    results.sort(function (a, b) {
      return b.score - a.score || b.year - a.year || a.order - b.order || a.doc - b.doc;
    });
    return { terms: queryTerms, results: results };
  }

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
    prefixRange: prefixRange, prepare: prepare, search: search, snippet: snippet, pageHref: pageHref, format: format };

  // ------------------------------------------------------------ registry

  var registry = global.kvSok;
  if (!registry || Array.isArray(registry)) {
    var queued = Array.isArray(registry) ? registry : [];
    registry = {
      indexes: [],
      api: api,
      listeners: [],
      push: function () {
        for (var i = 0; i < arguments.length; i++) {
          var index = prepare(arguments[i]);
          if (index) this.indexes.push(index);
        }
        this.listeners.forEach(function (listener) { listener(); });
        return this.indexes.length;
      }
    };
    global.kvSok = registry;
    queued.forEach(function (raw) { registry.push(raw); });
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

  function resultItem(result, root) {
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
    return item;
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
    var more = document.getElementById('sokfler');
    if (!more) {
      more = element('p', 'sok-fler');
      more.id = 'sokfler';
      list.parentNode.insertBefore(more, list.nextSibling);
    }
    var text = function (key) {
      var value = list.getAttribute('data-text-' + key);
      return value ? value : TEXTS[key];  // absent or empty: the Swedish text
    };
    var rootAttribute = list.getAttribute('data-rot');
    var root = rootAttribute === null ? '../' : rootAttribute || './';

    var shown = null;
    function show(query, force) {
      query = String(query || '').trim().slice(0, 200);
      if (query === shown && !force) return;
      shown = query;
      var found = search(registry.indexes, query);
      var results = found.results;
      clear(list);
      more.textContent = '';
      more.hidden = true;
      if (!found.terms.length) {
        status.textContent = text('tom');
        return;
      }
      if (!registry.indexes.length) {
        status.textContent = text('saknas');
        return;
      }
      status.textContent = format(results.length === 0 ? text('ingen') : results.length === 1 ? text('en') : text('traffar'),
        { n: results.length, q: query });
      var fragment = document.createDocumentFragment();
      results.slice(0, MAX_RESULTS).forEach(function (r) { fragment.appendChild(resultItem(r, root)); });
      list.appendChild(fragment);
      if (results.length > MAX_RESULTS) {
        more.textContent = format(text('fler'), { n: results.length, shown: MAX_RESULTS, q: query });
        more.hidden = false;
      }
    }

    var params = new URLSearchParams(global.location ? global.location.search : '');
    var initial = params.get('q') || '';
    if (input) input.value = initial;
    show(initial, true);
    // An index that arrives later (loaded without defer) shows the same query again.
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
        try {  // keep the address shareable; file:// may refuse
          global.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim()));
        } catch (e) { /* the results are shown all the same */ }
      });
    }
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

// Internal links of the built site, checked from the file system: every href/src of every
// page must name a file (a folder counts when it has index.html), and a #fragment must name
// an element id (or <a name>) in the target page.
import fs from 'node:fs';
import path from 'node:path';

// Every .html file under root, as site paths with forward slashes, sorted.
export function htmlPages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return pages.sort();
}

// The attributes that hold a URL, per element.
const URL_ATTRIBUTES = {
  a: ['href'], area: ['href'], link: ['href'], script: ['src'], img: ['src', 'srcset'],
  source: ['src', 'srcset'], iframe: ['src'], embed: ['src'], object: ['data'], track: ['src'],
  video: ['src', 'poster'], audio: ['src'], form: ['action'], button: ['formaction'],
  input: ['src', 'formaction'],
};

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Start tags with their attributes, skipping comments and the text of script and style.
function* startTags(html) {
  const tagPattern = /<!--[\s\S]*?-->|<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  const attrPattern = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of html.matchAll(tagPattern)) {
    if (match[0].startsWith('<!--')) continue;
    const name = (match[1] ?? match[3]).toLowerCase();
    const attrText = match[1] ? match[2] : match[4];
    const attrs = {};
    for (const a of attrText.matchAll(attrPattern)) {
      const key = a[1].toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    yield { name, attrs };
  }
}

// The URLs a page refers to and the fragment targets it offers.
export function parsePage(html) {
  const urls = [];
  const anchors = new Set();
  for (const { name, attrs } of startTags(html)) {
    if (attrs.id !== undefined) anchors.add(attrs.id);
    if (name === 'a' && attrs.name !== undefined) anchors.add(attrs.name);
    for (const attr of URL_ATTRIBUTES[name] ?? []) {
      if (attrs[attr] === undefined) continue;
      const values = attr === 'srcset'
        ? attrs[attr].split(',').map((candidate) => candidate.trim().split(/\s+/)[0]).filter(Boolean)
        : [attrs[attr]];
      for (const value of values) urls.push({ element: name, attr, value });
    }
  }
  return { urls, anchors };
}

// What kind of URL this is: 'javascript' (never allowed), 'external' (another scheme or
// host: not checked), or 'internal'.
export function classify(value) {
  const trimmed = value.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'javascript') return 'javascript';
  if (scheme || trimmed.startsWith('//')) return 'external';
  return 'internal';
}

// Checks every internal link of every page. Returns the broken ones (page, element, href,
// reason), the javascript: URLs found, and the site paths the links point at (for a fetch).
export function checkLinks(root) {
  const base = new URL('http://site.invalid/');
  const pages = htmlPages(root);
  const parsed = new Map();
  const parseCached = (sitePath) => {
    if (!parsed.has(sitePath)) parsed.set(sitePath, parsePage(fs.readFileSync(path.join(root, sitePath), 'utf8')));
    return parsed.get(sitePath);
  };
  // The file a site path names: itself, or folder/index.html; null when there is none.
  const fileFor = (sitePath) => {
    const full = path.join(root, sitePath);
    if (!full.startsWith(root)) return null;
    let stat;
    try { stat = fs.statSync(full); } catch { return null; }
    if (stat.isFile()) return sitePath;
    if (stat.isDirectory() && fs.existsSync(path.join(full, 'index.html'))) return path.posix.join(sitePath, 'index.html');
    return null;
  };

  const broken = [];
  const javascriptUrls = [];
  const targets = new Set();
  let checked = 0;
  for (const page of pages) {
    const pageUrl = new URL(page, base);
    for (const { element, attr, value } of parseCached(page).urls) {
      const kind = classify(value);
      if (kind === 'javascript') { javascriptUrls.push({ page, element, href: value }); continue; }
      if (kind === 'external') continue;
      checked++;
      const report = (reason) => broken.push({ page, element, attr, href: value, reason });
      let url;
      try { url = new URL(value, pageUrl); } catch { report('not a valid URL'); continue; }
      if (url.origin !== base.origin) { report('leaves the site'); continue; }
      let sitePath;
      try { sitePath = decodeURIComponent(url.pathname).replace(/^\//, ''); } catch { report('bad percent-encoding'); continue; }
      const file = fileFor(sitePath === '' ? '.' : sitePath);
      if (!file) { report(`no file ${sitePath || '/'}`); continue; }
      targets.add(url.pathname);
      const fragment = url.hash.slice(1);
      if (fragment && file.endsWith('.html')) {
        let id;
        try { id = decodeURIComponent(fragment); } catch { id = fragment; }
        if (!parseCached(path.posix.normalize(file)).anchors.has(id)) report(`no element with id "${id}" in ${file}`);
      }
    }
  }
  return { pages, checked, broken, javascriptUrls, targets: [...targets].sort() };
}

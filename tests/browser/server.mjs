// A tiny static file server for the built site, on 127.0.0.1 and a port the system picks.
// Folder URLs get their index.html, /dir is redirected to /dir/, anything else that is not a
// file under the root is 404, and paths that try to leave the root are refused.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, headers = {}, body = '') {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

// The file a request path names, or an error status: 400 malformed, 403 leaves the root.
function resolveRequest(root, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  if (decoded.split('/').some((segment) => segment === '..')) return { status: 403 };
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file, decoded };
}

function statOf(file) {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function isInside(root, file) {
  try {
    const real = fs.realpathSync(file);
    return real === root || real.startsWith(root + path.sep);
  } catch {
    return false;
  }
}

export function startServer(rootDir) {
  const root = fs.realpathSync(rootDir);
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      send(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `${error.message}\n`);
    }
  });
  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { Allow: 'GET, HEAD' });
    const [rawPath, query] = req.url.split(/\?(.*)/s);
    const target = resolveRequest(root, rawPath);
    if (target.status) return send(res, target.status);
    let { file } = target;
    if (!isInside(root, file)) return send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found\n');
    let stat = statOf(file);
    if (stat?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        return send(res, 301, { Location: rawPath + '/' + (query !== undefined ? '?' + query : '') });
      }
      file = path.join(file, 'index.html');
      if (!isInside(root, file)) return send(res, 404);
      stat = statOf(file);
    }
    if (!stat?.isFile()) return send(res, 404);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

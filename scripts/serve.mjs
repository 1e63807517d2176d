#!/usr/bin/env node
// Tiny dependency-free static file server for the built page (dist/).
//
//   node scripts/serve.mjs [dir=dist] [port=8080]
//
// Binds 127.0.0.1 only. Port 0 picks a free port. Prints
// "serving DIR at http://127.0.0.1:PORT/" once listening.
// Also importable: `import { startServer } from './serve.mjs'`.

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** Maps a request URL to a file inside root, or null if it must not be served. */
async function resolveFile(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
  // No directory traversal: the resolved path must stay inside root.
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    // Relative URLs inside dir/index.html need the trailing slash.
    if (!pathname.endsWith('/')) return { redirect: pathname + '/' };
    file = path.join(file, 'index.html');
    try {
      stat = await fs.stat(file);
    } catch {
      return null;
    }
  }
  if (!stat.isFile()) return null;
  // Symlinks must not lead outside root either.
  const real = await fs.realpath(file).catch(() => null);
  const realRoot = await fs.realpath(root).catch(() => root);
  if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) return null;
  return { file, size: stat.size };
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 */
export function startServer(dir = 'dist', port = 8080) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
        return;
      }
      const found = await resolveFile(root, req.url ?? '/');
      if (!found) {
        send(res, 404, 'not found\n');
        return;
      }
      if (found.redirect) {
        send(res, 301, 'moved\n', { Location: encodeURI(found.redirect) });
        return;
      }
      res.writeHead(200, {
        'Content-Type': mimeType(found.file),
        'Content-Length': found.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(found.file);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    }
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), '127.0.0.1', () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? 'dist';
  const port = process.argv[3] ?? '8080';
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    console.error(`serve: bad port ${JSON.stringify(port)}`);
    process.exit(2);
  }
  fs.stat(dir)
    .then((s) => {
      if (!s.isDirectory()) throw new Error('not a directory');
    })
    .catch(() => {
      console.error(`serve: ${dir} is not a directory (build the page first: bash scripts/build-web.sh)`);
      process.exit(2);
    })
    .then(() => startServer(dir, Number(port)))
    .then(({ url, close }) => {
      console.log(`serving ${dir} at ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    });
}

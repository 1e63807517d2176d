// Service worker: keeps the page's own files in a cache so the page opens and works with the
// network cut. It intercepts only requests for those files (same origin, GET) and answers them
// from the cache first; every other request is left alone, and it never fetches from anywhere
// but the page's own origin. No data the page reads is ever cached: only the files below.
//
// BUILD_ID is written by scripts/build-web.sh (a hash of dist/), so each new build installs a
// new cache and deletes the old one.
const BUILD_ID = '__BUILD_ID__';
const CACHE_PREFIX = 'helpdesk-kpi-';
const CACHE = CACHE_PREFIX + BUILD_ID;

// Relative to this script, so dist/ works at / and under /<repo>/.
const FILES = [
  './index.html',
  './main.js',
  './worker.js',
  './style.css',
  './pkg/helpdesk_kpi.js',
  './pkg/helpdesk_kpi_bg.wasm',
  './sample-report.json',
  // The engine: the worker loads it when the page first asks it for something.
  './pkg/engine.js',
  './pkg/engine_bg.wasm',
  './manifest.webmanifest',
  './icon.svg',
];
// What the page loads only when needed — the readers of legacy code pages and of workbooks,
// the time zone database, the languages other than English: not part of the page's first load, but kept here after the
// files above, so that they work offline after the first visit too.
const LAZY = [
  './pkg/text.js',
  './pkg/text_bg.wasm',
  './pkg/workbook.js',
  './pkg/workbook_bg.wasm',
  './pkg/zones.js',
  './pkg/zones_bg.wasm',
  ...['zh-CN', 'sk', 'pl'].flatMap((code) => [`./i18n/${code}.json`, `./i18n/engine/${code}.json`]),
];
const SCOPE_URL = new URL('./', self.location.href);
const INDEX_URL = new URL('./index.html', self.location.href).href;
const CACHED = new Set([...FILES, ...LAZY].map((f) => new URL(f, self.location.href).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: take the files from the server, not from the HTTP cache.
      .then((cache) => {
        const keep = (files) => cache.addAll(files.map((f) => new Request(f, { cache: 'reload' })));
        return keep(FILES).then(() => keep(LAZY));
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return; // other origins: not ours to answer
  url.hash = '';
  let key = null;
  if (request.mode === 'navigate' && url.pathname === SCOPE_URL.pathname) {
    key = INDEX_URL; // the page itself, at ./ (any query string)
  } else {
    url.search = '';
    if (CACHED.has(url.href)) key = url.href;
  }
  if (key === null) return; // not one of the page's files: the browser handles it as usual
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((hit) => hit || fetch(request)),
  );
});

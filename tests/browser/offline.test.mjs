// Headless-Chromium test of the page with the network cut: the service worker (dist/sw.js)
// must have cached the page's own files, so that after going offline and stopping the server
// a reload still shows the sample dashboard and a picked file is still analysed.
//
//   npm test --prefix tests/browser          (from the repo root, after scripts/build-web.sh)
//
// Env (paths relative to the repo root):
//   DIST_DIR          built page            (default dist)
//   CHROMIUM          browser executable    (default /usr/bin/chromium)
//
// Also checks the web app manifest (linked, JSON, the fields an install needs), that no request
// (the page's or the service worker's) left the local server's origin, and that no console error
// or page error appeared. Screenshot: target/screenshots/offline.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fromRepo = (p) => path.resolve(REPO, p);
const DIST = fromRepo(process.env.DIST_DIR || 'dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = fromRepo('target/screenshots');
const FIXTURES = fromRepo('tests/fixtures');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WAIT_MS = 20_000;
const TEST_TIMEOUT_MS = 90_000;

// The files sw.js must keep (relative to the page).
const PRECACHED = [
  'index.html',
  'main.js',
  'worker.js',
  'style.css',
  'pkg/helpdesk_kpi.js',
  'pkg/helpdesk_kpi_bg.wasm',
  'manifest.webmanifest',
  'icon.svg',
];

// ---------------------------------------------------------------- helpers

function fixture(rel) {
  const p = path.join(FIXTURES, rel);
  if (!existsSync(p)) {
    throw new Error(`fixture missing: ${path.relative(REPO, p)} (expected in tests/fixtures/)`);
  }
  return p;
}

/** Retries `fn` until it stops throwing or `ms` pass; rethrows the last error. */
async function eventually(fn, ms = 5_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Waits until #dashboard's data-files lists exactly `names` (any order). */
async function waitForFiles(page, names) {
  try {
    await page.waitForFunction(
      (want) => {
        const d = document.querySelector('#dashboard');
        const v = d && d.getAttribute('data-files');
        if (v == null) return false;
        const got = v.split(', ').filter(Boolean).sort();
        return JSON.stringify(got) === JSON.stringify([...want].sort());
      },
      names,
      { timeout: WAIT_MS },
    );
  } catch (err) {
    const now = await page.getAttribute('#dashboard', 'data-files').catch(() => '(no #dashboard)');
    const fileErrors = await page.$$eval('.file-error', (els) => els.map((e) => e.textContent)).catch(() => []);
    throw new Error(
      `#dashboard data-files never became ${JSON.stringify(names.join(', '))}; it is ${JSON.stringify(now)}` +
        (fileErrors.length ? `; .file-error: ${JSON.stringify(fileErrors)}` : ''),
    );
  }
  await page.waitForSelector('[data-kpi]', { timeout: WAIT_MS });
}

/** Waits for the sample dashboard: #dashboard[data-files] and more than 10 [data-kpi] cards. */
async function waitForDashboard(page) {
  await page.waitForSelector('#dashboard[data-files]', { state: 'attached', timeout: WAIT_MS });
  await page.waitForSelector('[data-kpi]', { timeout: WAIT_MS });
  await eventually(async () => {
    const n = await page.$$eval('[data-kpi]', (els) => els.length);
    assert.ok(n > 10, `expected more than 10 KPI cards, found ${n}`);
  });
}

/** The colour a custom property gets in the first (light) :root block of style.css. */
function cssVar(css, name) {
  const root = /:root\s*\{([^}]*)\}/.exec(css);
  assert.ok(root, 'style.css has no :root block');
  const m = new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(root[1]);
  assert.ok(m, `style.css :root has no ${name}`);
  return m[1].trim().toLowerCase();
}

// ------------------------------------------------------------------ suite

describe('helpdesk-kpi page offline (service worker + manifest)', { timeout: 3 * TEST_TIMEOUT_MS }, () => {
  let browser;

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run bash scripts/setup.sh`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  /**
   * Serves dist/ on a fresh server and runs `body(page, ctx)` on a fresh context at its URL; then
   * checks that no request (page or service worker) left the server's origin and that no console
   * error / page error appeared. `ctx.stopServer()` stops the server early (idempotent).
   */
  async function withOfflinePage(body) {
    assert.ok(existsSync(path.join(DIST, 'index.html')),
      `${path.relative(REPO, DIST)}/index.html missing: build the page first (bash scripts/build-web.sh) or set DIST_DIR`);
    assert.ok(existsSync(path.join(DIST, 'sw.js')),
      `${path.relative(REPO, DIST)}/sw.js missing: rebuild the page (bash scripts/build-web.sh)`);
    let server = await startServer(DIST, 0);
    const stopServer = async () => {
      const s = server;
      server = null;
      await s?.close();
    };
    const url = server.url;
    const origin = new URL(url).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'allow' });
    const requests = [];
    const errors = [];
    // On the context, so the service worker's own requests (its precache) are seen as well.
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location()?.url ?? ''})`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack || e.message}`));
    page.on('crash', () => errors.push('page crashed'));
    let failure = null;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
      await body(page, { context, url, origin, stopServer });
      await page.waitForTimeout(250);
    } catch (err) {
      failure = err;
    } finally {
      await context.close().catch(() => {});
      await stopServer().catch(() => {});
    }
    const foreign = requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      try {
        return new URL(u).origin !== origin;
      } catch {
        return true;
      }
    });
    const problems = [...foreign.map((u) => `request outside ${origin}: ${u}`), ...errors];
    if (failure) {
      if (problems.length) {
        const extra = `\n-- also seen on the page:\n${problems.join('\n')}`;
        failure.message += extra;
        if (typeof failure.stack === 'string') failure.stack += extra;
      }
      throw failure;
    }
    assert.ok(requests.length > 0, 'no request was recorded at all');
    assert.deepEqual(problems, [], `foreign requests / console errors / page errors:\n${problems.join('\n')}`);
  }

  test('manifest is linked and has what an install needs', { timeout: TEST_TIMEOUT_MS }, async () => {
    const css = readFileSync(path.join(DIST, 'style.css'), 'utf8');
    await withOfflinePage(async (page, { url }) => {
      const href = await page.getAttribute('link[rel="manifest"]', 'href');
      assert.ok(href, 'no <link rel="manifest" href>');
      assert.ok(!/^[a-z]+:|^\/\//i.test(href) && !href.startsWith('/'), `manifest href must be relative: ${href}`);
      const manifestUrl = new URL(href, url).href;
      const { status, type, text } = await page.evaluate(async (u) => {
        const r = await fetch(u);
        return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
      }, manifestUrl);
      assert.equal(status, 200, `${manifestUrl}: HTTP ${status}`);
      assert.match(type ?? '', /^application\/manifest\+json/, `manifest content-type ${type}`);
      let m;
      try {
        m = JSON.parse(text);
      } catch (err) {
        throw new Error(`manifest is not JSON (${err.message}):\n${text.slice(0, 500)}`);
      }
      assert.equal(typeof m.name, 'string');
      assert.ok(m.name.length > 0, 'manifest name empty');
      assert.equal(typeof m.short_name, 'string');
      assert.ok(m.short_name.length > 0 && m.short_name.length <= 15, `short_name ${JSON.stringify(m.short_name)}`);
      assert.equal(m.start_url, './');
      assert.equal(m.scope, './');
      assert.equal(m.display, 'standalone');
      assert.equal(String(m.background_color).toLowerCase(), cssVar(css, '--bg'), 'background_color ≠ style.css --bg');
      assert.equal(String(m.theme_color).toLowerCase(), cssVar(css, '--accent'), 'theme_color ≠ style.css --accent');
      assert.ok(Array.isArray(m.icons) && m.icons.length > 0, 'manifest has no icons');
      for (const icon of m.icons) {
        assert.ok(typeof icon.src === 'string' && !/^[a-z]+:|^\/\//i.test(icon.src) && !icon.src.startsWith('/'),
          `icon src must be relative: ${icon.src}`);
        assert.ok(icon.sizes && icon.type, `icon ${icon.src} needs sizes and type`);
        const iconUrl = new URL(icon.src, manifestUrl).href;
        const got = await page.evaluate(async (u) => {
          const r = await fetch(u);
          return { status: r.status, type: r.headers.get('content-type') };
        }, iconUrl);
        assert.equal(got.status, 200, `${iconUrl}: HTTP ${got.status}`);
        assert.equal(got.type, icon.type, `${iconUrl} served as ${got.type}, manifest says ${icon.type}`);
      }
      assert.ok(m.icons.some((i) => i.type === 'image/svg+xml' && i.sizes === 'any'), 'no SVG icon with sizes "any"');
      const favicon = await page.getAttribute('link[rel="icon"]', 'href');
      assert.ok(favicon && !favicon.startsWith('data:'), `favicon is ${favicon}`);
      // The policy stays strict, with the two additions the worker and the manifest need.
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      for (const d of ["default-src 'none'", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'"]) {
        assert.ok(csp.includes(d), `CSP lacks ${d}: ${csp}`);
      }
    });
  });

  test('with the network cut and the server stopped, the page reloads and analyses a file', { timeout: TEST_TIMEOUT_MS }, async () => {
    const file = fixture('zendesk_small.csv');
    await withOfflinePage(async (page, { context, url, origin, stopServer }) => {
      await waitForDashboard(page);

      // Wait until the service worker is active and controls this page (reload once if not).
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const controlled = () =>
        page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5_000 });
      await controlled().catch(async () => {
        await page.reload({ waitUntil: 'load', timeout: WAIT_MS });
        await controlled();
      });
      const sw = await page.evaluate(async () => {
        const ctl = navigator.serviceWorker.controller;
        const keys = await caches.keys();
        return { script: ctl.scriptURL, state: ctl.state, keys };
      });
      assert.equal(sw.script, new URL('sw.js', url).href, `controller is ${sw.script}`);
      assert.equal(sw.keys.length, 1, `expected one cache, found ${JSON.stringify(sw.keys)}`);
      assert.match(sw.keys[0], /^helpdesk-kpi-[0-9a-f]{16}$/, `cache name ${sw.keys[0]} has no build id`);
      const missing = await page.evaluate(async ({ files, base, key }) => {
        const cache = await caches.open(key);
        const out = [];
        for (const f of files) if (!(await cache.match(new URL(f, base).href))) out.push(f);
        return out;
      }, { files: PRECACHED, base: url, key: sw.keys[0] });
      assert.deepEqual(missing, [], `files not in the service worker's cache: ${missing.join(', ')}`);

      // Cut the network and stop the server: nothing can come from anywhere now.
      await context.setOffline(true);
      await stopServer();
      const responses = [];
      page.on('response', (r) => responses.push(r));
      await page.reload({ waitUntil: 'load', timeout: WAIT_MS });
      assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page does not see itself offline');

      await waitForDashboard(page);
      const own = responses.filter((r) => new URL(r.url()).origin === origin);
      assert.ok(own.length >= 5, `expected the page's files to be loaded, saw ${own.map((r) => r.url())}`);
      const notFromSw = own.filter((r) => !r.fromServiceWorker()).map((r) => r.url());
      assert.deepEqual(notFromSw, [], `offline responses not served by the service worker: ${notFromSw}`);
      for (const f of ['index.html', 'main.js', 'pkg/helpdesk_kpi_bg.wasm']) {
        const want = f === 'index.html' ? url : new URL(f, url).href;
        assert.ok(own.some((r) => r.url() === want && r.status() === 200), `offline reload did not load ${want}`);
      }

      await page.waitForSelector('#file-input', { state: 'attached', timeout: WAIT_MS });
      await page.setInputFiles('#file-input', file);
      await waitForFiles(page, ['zendesk_small.csv']);
      await eventually(async () => {
        const v = await page.getAttribute('[data-kpi="tickets_created"]', 'data-value');
        assert.equal(v, '8', `tickets_created data-value=${JSON.stringify(v)} offline, expected 8`);
      });
      assert.equal(await page.$eval('#fatal', (e) => e.hidden), true, '#fatal is shown');
      await page.screenshot({ path: path.join(SHOTS, 'offline.png'), fullPage: true });
    });
  });
});

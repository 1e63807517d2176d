// Headless-Chromium test of the page with the network cut: the service worker (dist/sw.js)
// must have cached the page's own files, so that after going offline and stopping the server
// a reload still shows the sample dashboard and a picked file is still analysed.
//
//   npm test --prefix tests/browser          (from the repo root, after scripts/build-web.sh)
//
// Env (paths relative to the repo root; read in common.mjs, which holds the set-up and
// helpers the browser tests share):
//   DIST_DIR          built page            (default dist)
//   CHROMIUM          browser executable    (default /usr/bin/chromium)
//
// Also checks the web app manifest (linked, JSON, the fields an install needs), that no request
// (the page's or the service worker's) left the local server's origin, and that no console error
// or page error appeared. Screenshot: target/screenshots/offline.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import {
  REPO, DIST, SHOTS, WAIT_MS, TEST_TIMEOUT_MS, PRECACHED,
  launchBrowser, assertPageBuilt, fixture, visit, assertNoProblems, eventually, waitForFiles,
  waitForServiceWorkerControl,
} from './common.mjs';

// ---------------------------------------------------------------- helpers

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
    browser = await launchBrowser();
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
    assertPageBuilt();
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
    let seen;
    try {
      seen = await visit(browser, url, (page, context) => body(page, { context, url, origin, stopServer }), {
        contextOptions: { serviceWorkers: 'allow' },
        contextRequests: true,
      });
    } finally {
      await stopServer().catch(() => {});
    }
    assert.ok(seen.requests.length > 0, 'no request was recorded at all');
    assertNoProblems(seen.problems);
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
      await waitForServiceWorkerControl(page, { timeout: 5_000 });
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

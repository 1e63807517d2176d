// Set-up and helpers shared by the headless-Chromium tests in this folder (not a test itself:
// package.json lists the test files by name).
//
// Env (paths relative to the repo root):
//   DIST_DIR          built page            (default dist)
//   HELPDESK_KPI_BIN  native CLI            (default target/release/helpdesk-kpi)
//   CHROMIUM          browser executable    (default /usr/bin/chromium)
//
// Screenshots go to target/screenshots/ (SHOTS), which launchBrowser() makes.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fromRepo = (p) => path.resolve(REPO, p);
export const DIST = fromRepo(process.env.DIST_DIR || 'dist');
export const BIN = fromRepo(process.env.HELPDESK_KPI_BIN || 'target/release/helpdesk-kpi');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = fromRepo('target/screenshots');
export const FIXTURES = fromRepo('tests/fixtures');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Default timeout of a single wait on the page; a file may pass its own to the helpers. */
export const WAIT_MS = 20_000;
export const TEST_TIMEOUT_MS = 90_000;
/** The viewport of every test's browser context. */
export const VIEWPORT = { width: 1280, height: 900 };

// The page's own files, which the service worker (dist/sw.js) keeps (relative to the page).
export const PRECACHED = [
  'index.html',
  'main.js',
  'worker.js',
  'style.css',
  'pkg/helpdesk_kpi.js',
  'pkg/helpdesk_kpi_bg.wasm',
  'sample-report.json',
  'pkg/engine.js',
  'pkg/engine_bg.wasm',
  'manifest.webmanifest',
  'icon.svg',
];
// What the page loads only when needed (the readers of legacy code pages and of workbooks, the
// time zone database, the languages other than English), kept by the service worker too.
export const LOADED_WHEN_NEEDED = [
  'pkg/text.js',
  'pkg/text_bg.wasm',
  'pkg/workbook.js',
  'pkg/workbook_bg.wasm',
  'pkg/zones.js',
  'pkg/zones_bg.wasm',
  ...['zh-CN', 'sk', 'pl'].flatMap((code) => [`i18n/${code}.json`, `i18n/engine/${code}.json`]),
];


// ---------------------------------------------------------------- set-up

/** Checks that CHROMIUM exists, makes SHOTS and launches headless Chromium with CHROMIUM_ARGS. */
export async function launchBrowser() {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: run bash scripts/setup.sh`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * For a suite's before(): makes a temporary folder (named `tmpPrefix`…), serves DIST on a free
 * port and launches the browser. Returns `{ tmp, server, browser, close }`; `close()` (for the
 * suite's after()) closes the browser and the server and removes the folder. If a step fails,
 * what was already done is undone before the error is thrown.
 */
export async function startBrowserAndServer(tmpPrefix) {
  const suite = { tmp: mkdtempSync(path.join(os.tmpdir(), tmpPrefix)), server: null, browser: null };
  suite.close = async () => {
    await suite.browser?.close();
    await suite.server?.close();
    rmSync(suite.tmp, { recursive: true, force: true });
  };
  try {
    suite.server = await startServer(DIST, 0);
    suite.browser = await launchBrowser();
  } catch (err) {
    await suite.close().catch(() => {});
    throw err;
  }
  return suite;
}

/** Fails (with what to do) if the page is not built in DIST. */
export function assertPageBuilt() {
  assert.ok(existsSync(path.join(DIST, 'index.html')),
    `${path.relative(REPO, DIST)}/index.html missing: build the page first (bash scripts/build-web.sh) or set DIST_DIR`);
}

/** The path of tests/fixtures/`rel`; throws if it is missing. */
export function fixture(rel) {
  const p = path.join(FIXTURES, rel);
  if (!existsSync(p)) {
    throw new Error(`fixture missing: ${path.relative(REPO, p)} (expected in tests/fixtures/)`);
  }
  return p;
}

// ------------------------------------------------- requests and errors

/** True if `url` leaves `origin` (data: and blob: URLs are local; a URL that does not parse leaves). */
export function isOutside(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return false;
  try {
    return new URL(url).origin !== origin;
  } catch {
    return true;
  }
}

/**
 * Opens `url` on a fresh page in a fresh browser context (VIEWPORT, plus `contextOptions`), runs
 * `body(page, context)`, gives late requests / errors (e.g. a lazily loaded asset) a moment to
 * show up, and closes the context. Records every request (on the context if `contextRequests`,
 * so that the service worker's own requests are seen as well), console errors, page errors and
 * crashes. Returns `{ requests, problems }`: all request URLs, and the requests outside the
 * origin of `url` followed by the errors. If `body` throws, that error is rethrown with the
 * problems appended, since they often explain why a wait timed out.
 */
export async function visit(browser, url, body, { contextOptions = {}, contextRequests = false } = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  (contextRequests ? context : page).on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} (${m.location()?.url ?? ''})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack || e.message}`));
  page.on('crash', () => errors.push('page crashed'));
  let failure = null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    await body(page, context);
    await page.waitForTimeout(250);
  } catch (err) {
    failure = err;
  } finally {
    await context.close().catch(() => {});
  }
  const problems = [
    ...requests.filter((u) => isOutside(u, origin)).map((u) => `request outside ${origin}: ${u}`),
    ...errors,
  ];
  if (failure) {
    if (problems.length) {
      const extra = `\n-- also seen on the page:\n${problems.join('\n')}`;
      failure.message += extra;
      if (typeof failure.stack === 'string') failure.stack += extra;
    }
    throw failure;
  }
  return { requests, problems };
}

/** Asserts that `problems` (from visit()) is empty. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `foreign requests / console errors / page errors:\n${problems.join('\n')}`);
}

// ------------------------------------------------------------ the CLI

/** Runs `BIN args…` in the repo root and returns stdout. */
export function cli(args) {
  assert.ok(existsSync(BIN), `${path.relative(REPO, BIN)} missing: cargo build --release, or set HELPDESK_KPI_BIN`);
  try {
    return execFileSync(BIN, args, {
      cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    throw new Error(
      `CLI failed: ${path.relative(REPO, BIN)} ${args.join(' ')} (exit ${err.status})\n${err.stderr ?? ''}`,
    );
  }
}

/** `BIN report FILES… --format json`, parsed. */
export function cliReport(files) {
  const out = cli(['report', ...files, '--format', 'json']);
  let report;
  try {
    report = JSON.parse(out);
  } catch (err) {
    throw new Error(`CLI report output is not JSON (${err.message}):\n${out.slice(0, 500)}`);
  }
  assert.ok(report && typeof report.kpis === 'object' && report.kpis !== null,
    `CLI report has no "kpis" object: ${out.slice(0, 500)}`);
  return report;
}

/** Compares the page's [data-kpi] cards with the CLI's `kpis` object. */
export async function assertCardsMatch(page, kpis) {
  const cards = await page.$$eval('[data-kpi]', (els) =>
    els.map((e) => [e.dataset.kpi, e.dataset.value ?? null]));
  assert.ok(cards.length > 10, `expected more than 10 KPI cards, found ${cards.length}`);
  const pageIds = cards.map(([id]) => id);
  assert.equal(new Set(pageIds).size, pageIds.length, `duplicate data-kpi ids: ${pageIds}`);
  assert.deepEqual([...pageIds].sort(), Object.keys(kpis).sort(), 'KPI ids on the page ≠ CLI kpis keys');
  for (const [id, value] of cards) {
    // A KPI is either a bare number/null or an object whose headline is `value`.
    const k = kpis[id];
    const want = k !== null && typeof k === 'object' ? k.value : k;
    assert.ok(want === null || typeof want === 'number',
      `CLI kpis.${id} has no numeric or null headline: ${JSON.stringify(k)}`);
    assert.notEqual(value, null, `card ${id} has no data-value attribute`);
    if (want === null) {
      assert.equal(value, '', `card ${id}: CLI value is null, page data-value=${JSON.stringify(value)}`);
    } else {
      assert.notEqual(value.trim(), '', `card ${id}: CLI value is ${want}, page data-value is empty`);
      assert.equal(Number(value), want,
        `card ${id}: page data-value=${JSON.stringify(value)}, CLI value=${JSON.stringify(want)}`);
    }
  }
}

// ------------------------------------------------------------ page helpers

/** Retries `fn` until it stops throwing or `ms` pass; rethrows the last error. */
export async function eventually(fn, ms = 5_000) {
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
export async function waitForFiles(page, names, { timeout = WAIT_MS } = {}) {
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
      { timeout },
    );
  } catch (err) {
    const now = await page.getAttribute('#dashboard', 'data-files').catch(() => '(no #dashboard)');
    const fileErrors = await page.$$eval('.file-error', (els) => els.map((e) => e.textContent)).catch(() => []);
    throw new Error(
      `#dashboard data-files never became ${JSON.stringify(names.join(', '))}; it is ${JSON.stringify(now)}` +
        (fileErrors.length ? `; .file-error: ${JSON.stringify(fileErrors)}` : ''),
    );
  }
  await page.waitForSelector('[data-kpi]', { timeout });
}

/** Drops `files` (repo paths) on #drop-zone as a synthetic DragEvent with a DataTransfer. */
export async function dropFiles(page, files, { timeout = WAIT_MS } = {}) {
  const payload = files.map((f) => ({
    name: path.basename(f),
    b64: readFileSync(f).toString('base64'),
    type: f.endsWith('.csv') ? 'text/csv' : '',
  }));
  await page.waitForSelector('#drop-zone', { state: 'attached', timeout });
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const { name, b64, type } of items) {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], name, { type }));
    }
    const zone = document.querySelector('#drop-zone');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, payload);
}

/**
 * Waits until the service worker is active and controls the page: up to `timeout` for control,
 * and if it does not come, one reload (at most `reloadTimeout`) and up to `timeout` again.
 */
export async function waitForServiceWorkerControl(page, { timeout, reloadTimeout = WAIT_MS }) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const controlled = () =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  await controlled().catch(async () => {
    await page.reload({ waitUntil: 'load', timeout: reloadTimeout });
    await controlled();
  });
}

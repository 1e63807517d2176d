// Headless-Chromium test of what the page loads only when needed (issue #19, item 7): the first
// load fetches the page's own module and the sample's report made with it, nothing else, within
// its budget; the engine (the worker and its module) is fetched when the page first asks it for
// something, a filter of the sample or a file; the readers of legacy code pages and of workbooks
// are fetched by the worker when such a file is dropped, and read it as the CLI does; another
// language is fetched when chosen; and after the first visit all of it works with the network
// cut, from the service worker's cache.
//
//   npm test --prefix tests/browser          (from the repo root, after
//                                             scripts/build-web.sh and cargo build --release)
//
// Env (paths relative to the repo root; read in common.mjs):
//   DIST_DIR          built page            (default dist)
//   HELPDESK_KPI_BIN  native CLI            (default target/release/helpdesk-kpi)
//   CHROMIUM          browser executable    (default /usr/bin/chromium)

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer } from '../../scripts/serve.mjs';
import {
  REPO, DIST, WAIT_MS, TEST_TIMEOUT_MS, LOADED_WHEN_NEEDED, cli, cliReport, assertCardsMatch,
  launchBrowser, assertPageBuilt, visit, assertNoProblems, eventually, waitForFiles, dropFiles,
  waitForServiceWorkerControl,
} from './common.mjs';

/**
 * The most the first load may ship, gzipped: the target, 700 KB of 1,024 bytes. It ships
 * ≈530 KB since the engine became a module of its own, loaded when the page first asks it for
 * something (740 KB before, with the engine in the page's module; 1,167 KB before the readers,
 * the zones and the languages were split off).
 */
const FIRST_LOAD_BUDGET = 700 * 1024;

/** What the first load may fetch: the page's own files (the manifest and icon as the browser likes). */
const FIRST_LOAD = ['', 'main.js', 'style.css', 'pkg/helpdesk_kpi.js', 'pkg/helpdesk_kpi_bg.wasm', 'sample-report.json'];
const FIRST_LOAD_MAYBE = ['index.html', 'icon.svg', 'manifest.webmanifest'];

/** What is loaded only when needed, by what needs it. */
const ENGINE = ['worker.js', 'pkg/engine.js', 'pkg/engine_bg.wasm'];
const TEXT = ['pkg/text.js', 'pkg/text_bg.wasm'];
const WORKBOOK = ['pkg/workbook.js', 'pkg/workbook_bg.wasm'];
const ZONES = ['pkg/zones.js', 'pkg/zones_bg.wasm'];
const LANGUAGES = LOADED_WHEN_NEEDED.filter((f) => f.startsWith('i18n/'));

const exportFile = (name) => path.join(REPO, 'tests/exports', name);
const SJIS = exportFile('ja_tickets_sjis.csv');
const CP1251 = exportFile('ru_zayavki_cp1251.csv');
const SPREADSHEET_ML = exportFile('freshdesk_spreadsheetml.xls');
const XLSX = exportFile('pivot_then_tickets.xlsx');
// Times with offsets: their hours move with the report's zone.
const OFFSETS = path.join(REPO, 'tests/fixtures/vendors/gorgias.csv');

/** The path of `url` under the server's root ('' for the page itself). */
const relative = (url, base) => decodeURIComponent(new URL(url).pathname).slice(new URL(base).pathname.length);

/** Gzipped size of dist/`file` (the page itself is index.html). */
const gzipped = (file) => gzipSync(readFileSync(path.join(DIST, file || 'index.html')), { level: 9 }).length;

/** Waits for the sample dashboard: more than 10 KPI cards. */
async function waitForDashboard(page) {
  await page.waitForSelector('#dashboard[data-files]', { state: 'attached', timeout: WAIT_MS });
  await eventually(async () => {
    const n = await page.$$eval('[data-kpi]', (els) => els.length);
    assert.ok(n > 10, `expected more than 10 KPI cards, found ${n}`);
  }, WAIT_MS);
}

/** Drops `files` and checks that every KPI card shows what the CLI computes of them. */
async function dropAndMatch(page, files) {
  const kpis = cliReport(files).kpis;
  await dropFiles(page, files);
  await waitForFiles(page, files.map((f) => path.basename(f)));
  await eventually(() => assertCardsMatch(page, kpis), WAIT_MS);
}

/** The heat map's cells (weekday × hour), as their shades. */
const heatMap = (page) => page.$$eval('#chart-heat-map rect', (els) => els.map((e) => e.getAttribute('class')));

/** Chooses the time zone `zone` in the settings and checks the cards against the CLI's report of `files` in it. */
async function chooseZoneAndMatch(page, zone, files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-kpi-lazy-'));
  let kpis;
  try {
    const settings = path.join(dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ time_zone: zone }));
    kpis = cliReport([...files, '--settings', settings]).kpis;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await page.isVisible('#settings-time-zone'))) await page.click('#settings > summary');
  await page.selectOption('#settings-time-zone', zone);
  await eventually(() => assertCardsMatch(page, kpis), WAIT_MS);
}

/** Chooses `code` in the language picker and waits for the page to show it (`title` on the drop zone). */
async function chooseLanguage(page, code) {
  const title = JSON.parse(readFileSync(path.join(REPO, `src/i18n/${code}.json`), 'utf8'))['drop.title'];
  await page.selectOption('#language', code);
  await eventually(async () => {
    assert.equal(await page.getAttribute('html', 'lang'), code);
    assert.equal((await page.innerText('.drop-title')).trim(), title);
  }, WAIT_MS);
}

describe('helpdesk-kpi page: what is loaded only when needed', { timeout: 4 * TEST_TIMEOUT_MS }, () => {
  let browser;
  let server;

  before(async () => {
    assertPageBuilt();
    browser = await launchBrowser();
    server = await startServer(DIST, 0);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the first load fetches the page\'s own module only, within the budget', { timeout: TEST_TIMEOUT_MS }, async () => {
    let fetched;
    const seen = await visit(browser, server.url, async (page) => {
      await waitForDashboard(page);
      await page.waitForTimeout(500);
    }, { contextOptions: { serviceWorkers: 'block' }, contextRequests: true });
    assertNoProblems(seen.problems);
    fetched = [...new Set(seen.requests.map((u) => relative(u, server.url)))];
    const unexpected = fetched.filter((f) => !FIRST_LOAD.includes(f) && !FIRST_LOAD_MAYBE.includes(f));
    assert.deepEqual(unexpected, [], `the first load fetched more than the page's own module: ${unexpected}`);
    for (const f of FIRST_LOAD) assert.ok(fetched.includes(f), `the first load did not fetch '${f}'`);
    const sizes = Object.fromEntries(fetched.map((f) => [f || 'index.html', gzipped(f)]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    const lazy = Object.fromEntries([...ENGINE, ...LOADED_WHEN_NEEDED].map((f) => [f, gzipped(f)]));
    console.log(`first load: ${(total / 1024).toFixed(0)} KB gzipped ${JSON.stringify(sizes)}; `
      + `loaded when needed: ${JSON.stringify(lazy)}`);
    assert.ok(total <= FIRST_LOAD_BUDGET,
      `the first load ships ${(total / 1024).toFixed(0)} KB gzipped, more than ${FIRST_LOAD_BUDGET / 1024} KB`);
  });

  test('the engine, legacy code pages, workbooks, time zones and another language are fetched when needed and read as the CLI reads them', { timeout: 2 * TEST_TIMEOUT_MS }, async () => {
    const fetchedNow = [];
    const dir = mkdtempSync(path.join(os.tmpdir(), 'helpdesk-kpi-lazy-'));
    const sample = path.join(dir, 'sample-zendesk.csv');
    cli(['sample', '--out', sample]);
    const byEmail = cliReport([sample, '--channel', 'email']);
    const seen = await visit(browser, server.url, async (page, context) => {
      context.on('request', (r) => fetchedNow.push(relative(r.url(), server.url)));
      await waitForDashboard(page);
      const count = (f) => fetchedNow.filter((x) => x === f).length;

      // The sample's dashboard came with the page; a filter starts the engine, which reads the
      // sample and answers as the CLI does.
      await page.waitForTimeout(300);
      for (const f of ENGINE) assert.equal(count(f), 0, `${f} fetched before the engine was needed`);
      await page.selectOption('#filter-channel', 'email');
      await eventually(() => assertCardsMatch(page, byEmail.kpis), WAIT_MS);
      for (const f of ENGINE) assert.equal(count(f), 1, `${f} fetched ${count(f)} times for a filter`);
      await page.click('.chip[data-filter="channel"]');

      await dropAndMatch(page, [SJIS]);
      assert.match(await page.innerText(`#sources tr[data-file="${path.basename(SJIS)}"]`), /Shift_JIS/);
      for (const f of TEXT) assert.equal(count(f), 1, `${f} fetched ${count(f)} times for a Shift_JIS file`);
      for (const f of WORKBOOK) assert.equal(count(f), 0, `${f} fetched for a CSV file`);

      // Another legacy file: the reader is loaded already.
      await dropAndMatch(page, [CP1251]);
      assert.match(await page.innerText(`#sources tr[data-file="${path.basename(CP1251)}"]`), /windows-1251/);
      for (const f of TEXT) assert.equal(count(f), 1, `${f} fetched again`);

      await dropAndMatch(page, [SPREADSHEET_ML]);
      for (const f of WORKBOOK) assert.equal(count(f), 1, `${f} fetched ${count(f)} times for a workbook`);
      await dropAndMatch(page, [XLSX]);
      for (const f of WORKBOOK) assert.equal(count(f), 1, `${f} fetched again`);

      // The time zone database, when a report needs a zone (the ones above are in UTC): the
      // hours of times with offsets move into it.
      await dropAndMatch(page, [OFFSETS]);
      const inUtc = await heatMap(page);
      assert.ok(inUtc.length > 0, 'no heat map');
      for (const f of ZONES) assert.equal(count(f), 0, `${f} fetched for a report in UTC`);
      await chooseZoneAndMatch(page, 'Asia/Tokyo', [OFFSETS]);
      await eventually(async () => assert.notDeepEqual(await heatMap(page), inUtc, 'the heat map did not move into the zone'), WAIT_MS);
      for (const f of ZONES) assert.equal(count(f), 1, `${f} fetched ${count(f)} times for a zone`);
      await chooseZoneAndMatch(page, 'America/New_York', [OFFSETS]);
      for (const f of ZONES) assert.equal(count(f), 1, `${f} fetched again`);
      assert.equal(await page.$('#settings-error'), null, 'the settings were refused');

      assert.equal(count('i18n/pl.json'), 0, 'a language fetched before it was chosen');
      await chooseLanguage(page, 'pl');
      for (const f of ['i18n/pl.json', 'i18n/engine/pl.json']) assert.equal(count(f), 1, `${f} fetched ${count(f)} times`);
      await chooseLanguage(page, 'en');
      await chooseLanguage(page, 'pl');
      assert.equal(count('i18n/pl.json'), 1, 'a language fetched again');
      assert.equal(count('i18n/zh-CN.json'), 0, 'a language fetched that was not chosen');
      for (const f of ENGINE) assert.equal(count(f), 1, `${f} fetched again`);
    }, { contextOptions: { serviceWorkers: 'block' }, contextRequests: true });
    rmSync(dir, { recursive: true, force: true });
    assertNoProblems(seen.problems);
  });

  test('after the first visit, all of it works with the network cut', { timeout: 2 * TEST_TIMEOUT_MS }, async () => {
    const own = await startServer(DIST, 0);
    const url = own.url;
    let stopped = false;
    const stop = async () => {
      if (!stopped) await own.close();
      stopped = true;
    };
    try {
      const seen = await visit(browser, url, async (page, context) => {
        await waitForDashboard(page);
        await waitForServiceWorkerControl(page, { timeout: 5_000 });
        // The service worker keeps what is loaded when needed too, without the page asking.
        await eventually(async () => {
          const missing = await page.evaluate(async ({ files, base }) => {
            const keys = await caches.keys();
            const cache = await caches.open(keys[0]);
            const out = [];
            for (const f of files) if (!(await cache.match(new URL(f, base).href))) out.push(f);
            return out;
          }, { files: LOADED_WHEN_NEEDED, base: url });
          assert.deepEqual(missing, [], `not kept by the service worker: ${missing}`);
        }, WAIT_MS);

        await context.setOffline(true);
        await stop();
        const responses = [];
        page.on('response', (r) => responses.push(r));
        await page.reload({ waitUntil: 'load', timeout: WAIT_MS });
        await waitForDashboard(page);

        await dropAndMatch(page, [SJIS, XLSX]);
        await chooseZoneAndMatch(page, 'Europe/Warsaw', [SJIS, XLSX]);
        await chooseLanguage(page, 'zh-CN');
        const wanted = [...ENGINE, ...TEXT, ...WORKBOOK, ...ZONES, 'i18n/zh-CN.json'];
        const lazy = responses.filter((r) => wanted.includes(relative(r.url(), url)));
        assert.equal(lazy.length, wanted.length, `expected the readers and the language from the cache, saw ${lazy.map((r) => r.url())}`);
        const notFromSw = lazy.filter((r) => !r.fromServiceWorker() || r.status() !== 200).map((r) => r.url());
        assert.deepEqual(notFromSw, [], `not answered by the service worker offline: ${notFromSw}`);
      }, { contextOptions: { serviceWorkers: 'allow' }, contextRequests: true });
      assertNoProblems(seen.problems);
    } finally {
      await stop();
    }
  });
});

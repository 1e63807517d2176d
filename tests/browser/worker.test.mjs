// Headless-Chromium test of reading a large export in the engine's worker: the progress bar
// moves, the page answers while the worker reads, and Cancel stops the reading and keeps the
// dashboard that was shown; a file too large for the tab is refused before it is read.
//
//   npm test --prefix tests/browser          (from the repo root, after scripts/build-web.sh)
//
// Env (paths relative to the repo root; read in common.mjs, which holds the set-up and
// helpers the browser tests share):
//   DIST_DIR          built page            (default dist)
//   HELPDESK_KPI_BIN  native CLI            (default target/release/helpdesk-kpi), generates the file
//   CHROMIUM          browser executable    (default /usr/bin/chromium)
// Screenshot: target/screenshots/progress.png (the progress bar under way).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, SHOTS, VIEWPORT, startBrowserAndServer, isOutside } from './common.mjs';

// Big enough to take the worker a few seconds, so that the test sees it under way and cancels it
// before it is done (≈120 MB: 300,000 tickets were read before the Cancel button could be
// clicked once the engine's module was built with opt-level 3).
const TICKETS = 600_000;

describe('helpdesk-kpi engine worker: progress and cancel', { timeout: 300_000 }, () => {
  let suite; // { tmp, server, browser }
  let big;

  before(async () => {
    suite = await startBrowserAndServer('helpdesk-kpi-worker-');
    big = path.join(suite.tmp, 'zendesk-big.csv');
    execFileSync(BIN, ['sample', '--tickets', String(TICKETS), '--out', big]);
  });

  after(async () => {
    await suite?.close();
  });

  test('a large file shows progress, the page stays responsive, Cancel keeps the old dashboard', async () => {
    const origin = new URL(suite.server.url).origin;
    const context = await suite.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const foreign = [];
    const errors = [];
    context.on('request', (r) => {
      if (isOutside(r.url(), origin)) foreign.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(suite.server.url, { waitUntil: 'load' });
      const card = page.locator('[data-kpi="tickets_created"]');
      await card.and(page.locator('[data-value]')).waitFor({ timeout: 30_000 });
      const sampleTickets = await card.getAttribute('data-value');
      assert.ok(Number(sampleTickets) > 0, 'the sample dashboard shows first');

      await page.setInputFiles('#file-input', big);
      const bar = page.locator('#load-progress');
      await bar.waitFor({ timeout: 30_000 });
      const first = Number(await bar.getAttribute('data-bytes'));
      // The bar moves: a later reading is further on.
      await page.waitForFunction(
        (before) => Number(document.querySelector('#load-progress')?.dataset.bytes) > before,
        first,
        { timeout: 60_000 },
      );
      const size = statSync(big).size;
      assert.equal(Number(await bar.getAttribute('max')), size, 'the bar runs to the file size');
      await page.screenshot({ path: path.join(SHOTS, 'progress.png') });

      // The page answers while the worker reads: the language menu changes the page (once the
      // page has fetched the language's strings, which the worker does not hold up).
      await page.selectOption('#language', 'pl');
      await page.waitForFunction(() => document.documentElement.lang === 'pl', null, { timeout: 5_000 });
      assert.ok(await bar.isVisible(), 'still reading while the page answered');
      await page.selectOption('#language', 'en');

      await page.click('#cancel-load');
      await bar.waitFor({ state: 'detached', timeout: 5_000 });
      await page.locator('#cancel-load').waitFor({ state: 'detached', timeout: 5_000 });
      // The dashboard that was shown stays, and a filter still works (a fresh worker answers).
      assert.equal(await card.getAttribute('data-value'), sampleTickets);
      await page.waitForFunction(
        () => document.querySelector('#dashboard')?.dataset.files === 'sample-zendesk.csv',
        null,
        { timeout: 10_000 },
      );
      const channel = await page.locator('#filter-channel option').nth(1).getAttribute('value');
      await page.selectOption('#filter-channel', channel);
      await page.waitForFunction(
        (all) => Number(document.querySelector('[data-kpi="tickets_created"]')?.dataset.value) < all,
        Number(sampleTickets),
        { timeout: 30_000 },
      );
      assert.deepEqual(foreign, [], 'no request outside the page');
      assert.deepEqual(errors, [], 'no page error');
    } finally {
      await context.close();
    }
  });

  test('a file too large for the tab is refused with a message, before it is read', async () => {
    // 30 MB of two-byte rows: about 15 million rows, more than the page's memory budget (3 GB at
    // 300 bytes a row). The estimate comes from the first megabyte, so nothing else is read.
    const dense = path.join(suite.tmp, 'dense.csv');
    writeFileSync(dense, 'Id\n' + '1\n'.repeat(15_000_000));
    const context = await suite.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(suite.server.url, { waitUntil: 'load' });
      const card = page.locator('[data-kpi="tickets_created"]');
      await card.and(page.locator('[data-value]')).waitFor({ timeout: 30_000 });
      const sampleTickets = await card.getAttribute('data-value');
      await page.setInputFiles('#file-input', dense);
      const message = page.locator('.file-error', { hasText: 'more than a browser tab gives this page' });
      await message.waitFor({ timeout: 30_000 });
      assert.match(await message.textContent(), /dense\.csv/);
      assert.equal(await card.getAttribute('data-value'), sampleTickets, 'the dashboard stays');
      assert.equal(await page.locator('#fatal').isVisible(), false);
      assert.deepEqual(errors, [], 'no page error');
    } finally {
      await context.close();
    }
  });
});

// The page and its worker speak src/protocol.rs's Request and Reply. A message the engine cannot
// read is answered with a 'failed' reply that names the field, shown in the page's error box,
// never read as default settings.
describe('helpdesk-kpi engine worker: a request it cannot read', { timeout: 120_000 }, () => {
  let suite; // { tmp, server, browser }

  before(async () => {
    suite = await startBrowserAndServer('helpdesk-kpi-protocol-');
  });

  after(async () => {
    await suite?.close();
  });

  test('the worker answers a malformed request with what is wrong, not a report', async () => {
    const context = await suite.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    try {
      await page.goto(suite.server.url, { waitUntil: 'load' });
      const replies = await page.evaluate(async () => {
        const worker = new Worker('./worker.js', { type: 'module' });
        const ask = (message) => new Promise((resolve) => {
          worker.onmessage = (event) => {
            if (!event.data.progress) resolve(event.data);
          };
          worker.postMessage(message);
        });
        // A request is {kind: {id, ...}} (src/protocol.rs).
        const choices = { choices: {}, date_order: null };
        const sample = { id: 1, settings: {}, choices, selection: {}, restore: false };
        const out = {
          typo: await ask({ request: { sample: { ...sample, id: 2, settings: { time_zon: 'Europe/Warsaw' } } } }),
          unknown: await ask({ request: { lod: { ...sample, id: 3 } } }),
          missing: await ask({ request: { report: { id: 4, selection: {} } } }),
          noFiles: await ask({ request: { load: { ...sample, id: 5 } } }),
          good: await ask({ request: { sample } }),
        };
        worker.terminate();
        return out;
      });
      const { typo, unknown, missing, noFiles, good } = replies;
      assert.equal(typo.failed?.id, 2, JSON.stringify(typo));
      assert.match(typo.failed.message, /`settings` cannot be read: unknown field `time_zon`/);
      assert.match(typo.failed.message, /Reload the page/);
      assert.equal(unknown.failed?.id, 3, JSON.stringify(unknown));
      assert.match(unknown.failed.message, /'lod' is not a kind of request: use one of load, sample, reload, report/);
      assert.match(missing.failed?.message, /missing field `settings`/);
      assert.match(noFiles.failed?.message, /load without its list of files/);
      // The same worker still answers a request it can read.
      assert.equal(good.report?.kind, 'sample', JSON.stringify(good).slice(0, 300));
      assert.ok(JSON.parse(good.report.report).tickets_total > 0);
    } finally {
      await context.close();
    }
  });

  test('the page shows the engine refusing its request in the error box', async () => {
    const context = await suite.browser.newContext({ viewport: VIEWPORT });
    // The page's first request to its engine (a filter of the sample, whose first dashboard came
    // with the page) leaves with a misspelt setting, as a page of another version might send it.
    await context.addInitScript(() => {
      const send = Worker.prototype.postMessage;
      let first = true;
      Worker.prototype.postMessage = function (message, ...rest) {
        const fields = Object.values(message?.request ?? {})[0];
        if (first && fields?.settings) {
          first = false;
          fields.settings.time_zon = 'Europe/Warsaw';
        }
        return send.call(this, message, ...rest);
      };
    });
    const page = await context.newPage();
    try {
      await page.goto(suite.server.url, { waitUntil: 'load' });
      await page.waitForSelector('[data-kpi="tickets_created"][data-value]', { timeout: 30_000 });
      const created = await page.getAttribute('[data-kpi="tickets_created"]', 'data-value');
      await page.selectOption('#filter-channel', 'email');
      await page.waitForSelector('#fatal', { state: 'visible', timeout: 30_000 });
      const details = await page.innerText('#fatal-details');
      assert.match(details, /could not read the page's request/);
      assert.match(details, /`settings` cannot be read: unknown field `time_zon`/);
      assert.equal(await page.getAttribute('[data-kpi="tickets_created"]', 'data-value'), created,
        'no report of the request read with default settings');
    } finally {
      await context.close();
    }
  });
});

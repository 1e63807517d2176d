// Headless-Chromium proof of the page's privacy promise: with the network cut, a dropped export
// is analysed and every feature of the page is used, and
//   - no request leaves the page after the cut (none at all, not even to the page's own origin,
//     except a file of the page that the service worker answers from its cache; data:/blob:
//     URLs are local and allowed), and nothing reaches the server's port;
//   - no browser storage (localStorage, sessionStorage, IndexedDB, cookies, Cache Storage,
//     the origin private file system) ever holds a byte of the data, and after "forget
//     everything" none holds a setting either (the service worker's copy of the page's own
//     files may stay).
//
//   npm test --prefix tests/browser          (from the repo root, after scripts/build-web.sh)
//
// Env (paths relative to the repo root; read in common.mjs, which holds the set-up and
// helpers the browser tests share):
//   DIST_DIR          built page            (default dist)
//   CHROMIUM          browser executable    (default /usr/bin/chromium)
//
// The export (tests/fixtures/privacy/) carries a canary, PRIVACY-CANARY-7f3a (and privacycanary7f3a
// in the rating comments), in agent, group, requester, subject, tags, a skipped cell and the
// comments; the test first checks the canary is on the page, so that its absence elsewhere
// means something. Each step is a subtest; after each the dashboard must still be there and no
// console error / page error may have appeared. Every request seen after the cut is reported
// with the step that made it. Screenshot: target/screenshots/privacy.png.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import * as common from './common.mjs';
import {
  DIST, SHOTS, PRECACHED, LOADED_WHEN_NEEDED, VIEWPORT, launchBrowser, assertPageBuilt, fixture, waitForServiceWorkerControl,
} from './common.mjs';

// Generous: a 2-core machine, possibly busy with something else.
const WAIT_MS = 30_000;
const STEP_TIMEOUT_MS = 180_000;
const SUITE_TIMEOUT_MS = 20 * 60_000;

const CANARY = 'PRIVACY-CANARY-7f3a';
const CANARY_AGENT = `${CANARY} Agent`;
const CANARY_TEAM = `${CANARY} Team`;
const CANARY_TERM = 'privacycanary7f3a';
// Any spelling of the canary: as written, lower-cased, or as one feedback term.
const CANARY_RE = /privacy-?canary-?7f3a/i;
const CANARY_RE_SOURCE = CANARY_RE.source;
const TICKETS = 'privacy/privacy_zendesk.csv';
const SURVEY = 'privacy/privacy_survey.csv';
const SETTINGS_FILE = 'privacy/privacy_settings.json';
const DATA_FILES = ['privacy_zendesk.csv', 'privacy_survey.csv'];
const SAMPLE_FILE = 'sample-zendesk.csv';
// The settings, the language, and column choices (a header row's fingerprint and positions).
const STORAGE_KEYS = ['helpdesk-kpi.settings', 'helpdesk-kpi.language', 'helpdesk-kpi.columns'];

// ---------------------------------------------------------------- helpers

// The shared helpers, with this file's longer waits.
const eventually = (fn, ms = WAIT_MS) => common.eventually(fn, ms);
const waitForFiles = (page, names) => common.waitForFiles(page, names, { timeout: WAIT_MS });
const dropFiles = (page, files) => common.dropFiles(page, files, { timeout: WAIT_MS });

/** Waits until `selector`'s attribute `name` is `value`. */
async function waitForAttr(page, selector, name, value) {
  try {
    await page.waitForFunction(
      ([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v,
      [selector, name, value],
      { timeout: WAIT_MS },
    );
  } catch {
    const now = await page.getAttribute(selector, name, { timeout: 1_000 }).catch(() => '(missing)');
    throw new Error(`${selector} [${name}] never became ${JSON.stringify(value)}; it is ${JSON.stringify(now)}`);
  }
}

/** The canary where the page shows the data, so that its absence elsewhere means something. */
async function assertCanaryShown(page) {
  await page.waitForSelector(`#leaderboard tr[data-agent="${CANARY_AGENT}"]`, { state: 'attached', timeout: WAIT_MS });
  const text = await page.innerText('#dashboard');
  assert.match(text, CANARY_RE, 'the canary is not shown on the dashboard');
  assert.ok(text.includes(CANARY_AGENT), `the canary agent ${CANARY_AGENT} is not shown`);
  assert.ok(await page.$eval('#feedback', (e) => e.innerText).then((t) => t.includes(CANARY_TERM)),
    `the feedback terms do not show ${CANARY_TERM}`);
  const groups = await page.$$eval('#filter-group option', (os) => os.map((o) => o.value));
  assert.ok(groups.includes(CANARY_TEAM), `#filter-group has no ${CANARY_TEAM}: ${JSON.stringify(groups)}`);
}

/** Clicks `selector` and returns the download it starts: url, file name and text. */
async function download(page, selector) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    page.click(selector),
  ]);
  const failure = await d.failure();
  assert.equal(failure, null, `download from ${selector} failed: ${failure}`);
  const file = await d.path();
  return { url: d.url(), name: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

/**
 * Opens the file picker with `trigger` (a click or a key on the drop zone) and picks `files`.
 * Counts the clicks that reach #file-input, so that a trigger that does nothing fails at once,
 * while a picker that Chromium did not report (seen now and then on a busy machine, when one
 * was opened shortly before) is tried again, at most three times.
 */
async function pickThroughChooser(page, trigger, files, label) {
  await page.evaluate(() => {
    if (window.__fileInputClicks === undefined) {
      window.__fileInputClicks = 0;
      document.querySelector('#file-input').addEventListener('click', () => { window.__fileInputClicks += 1; });
    }
  });
  for (let attempt = 1; ; attempt++) {
    const before = await page.evaluate(() => window.__fileInputClicks);
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => null);
    await trigger();
    const got = await chooser;
    if (got) {
      await got.setFiles(files);
      return attempt;
    }
    const after = await page.evaluate(() => window.__fileInputClicks);
    assert.ok(after > before, `${label} did not open the file picker (no click reached #file-input)`);
    assert.ok(attempt < 3, `${label}: #file-input was clicked ${attempt} times but no file chooser appeared`);
  }
}

/** Everything the origin keeps in the browser, as the page sees it (bodies searched for the canary). */
async function storageSnapshot(page) {
  return page.evaluate(async (reSource) => {
    const re = new RegExp(reSource, 'i');
    const dump = (s) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => [k, s.getItem(k)]));
    const out = {
      href: location.href,
      cookie: document.cookie,
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`),
      caches: [],
      opfs: [],
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => (r.active || r.waiting || r.installing)?.scriptURL),
    };
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = new Uint8Array(await response.arrayBuffer());
        // latin1 keeps every byte a character: an ASCII canary is found in any file.
        const text = new TextDecoder('latin1').decode(bytes);
        out.caches.push({
          cache: name,
          url: request.url,
          bytes: bytes.length,
          canary: re.test(text) || re.test(request.url) || re.test(name),
        });
      }
    }
    if (navigator.storage?.getDirectory) {
      const walk = async (dir, prefix) => {
        for await (const [name, handle] of dir.entries()) {
          out.opfs.push(prefix + name);
          if (handle.kind === 'directory') await walk(handle, `${prefix}${name}/`);
        }
      };
      await walk(await navigator.storage.getDirectory(), '');
    }
    return out;
  }, CANARY_RE_SOURCE);
}

/** Where in `snap` (and the context's cookies) the canary appears. */
function canaryPlaces(snap, cookies) {
  const places = [];
  const check = (where, value) => {
    if (CANARY_RE.test(String(value))) places.push(where);
  };
  check('location.href', snap.href);
  check('document.cookie', snap.cookie);
  for (const area of ['localStorage', 'sessionStorage']) {
    for (const [k, v] of Object.entries(snap[area])) check(`${area}[${JSON.stringify(k)}]`, `${k}\n${v}`);
  }
  for (const db of snap.indexedDB) check(`indexedDB ${db}`, db);
  for (const c of snap.caches) if (c.canary) places.push(`Cache Storage ${c.cache}: ${c.url}`);
  for (const f of snap.opfs) check(`OPFS ${f}`, f);
  for (const c of cookies) check(`cookie ${c.name}`, `${c.name}=${c.value}`);
  return places;
}

/** A stand-in for the stopped server: records every connection and request on its port. */
async function startTripwire(port) {
  const hits = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('the network is cut\n');
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    hits.push(`connection from ${s.remoteAddress}:${s.remotePort}`);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await eventually(
    () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    10_000,
  );
  return {
    hits,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}

// ------------------------------------------------------------------ suite

describe('helpdesk-kpi privacy: nothing leaves the page, nothing of the data is kept', { timeout: SUITE_TIMEOUT_MS }, () => {
  let browser;
  let server;
  let tripwire;

  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await tripwire?.close();
  });

  test('every feature used offline on a canary export; no request; storage clean after "forget everything"', { timeout: SUITE_TIMEOUT_MS }, async (t) => {
    assertPageBuilt();
    const tickets = fixture(TICKETS);
    const survey = fixture(SURVEY);
    const settingsFile = fixture(SETTINGS_FILE);
    const badFile = fixture('bad/not_a_csv.bin');

    server = await startServer(DIST, 0);
    const url = server.url;
    const origin = new URL(url).origin;
    const precachedUrls = new Set([...PRECACHED, ...LOADED_WHEN_NEEDED].map((f) => new URL(f, url).href).concat([url]));
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'en-US',
      serviceWorkers: 'allow',
      acceptDownloads: true,
    });

    // ---- everything that could leave the page, recorded with the step that caused it
    let phase = 'before the cut';
    let step = 'open the page';
    const log = []; // one entry per request: { url, method, type, phase, step, via, request, bySw }
    const byRequest = new Map();
    const note = (via, request) => {
      let e = byRequest.get(request);
      if (!e) {
        e = {
          url: request.url(),
          method: request.method(),
          type: request.resourceType(),
          phase,
          step,
          via: new Set(),
          request,
          bySw: !!request.serviceWorker?.(),
        };
        byRequest.set(request, e);
        log.push(e);
      }
      e.via.add(via);
    };
    const others = []; // websockets, new workers / service workers after the cut
    const errors = [];
    // On the context: the service worker's own requests are seen there too.
    context.on('request', (r) => note('context', r));
    const outcome = (r, what) => {
      const e = byRequest.get(r.request?.() ?? r);
      if (e) e.outcome = what;
    };
    context.on('response', (r) => outcome(r, { status: r.status(), fromSw: r.fromServiceWorker() }));
    context.on('requestfailed', (r) => outcome(r, { failure: r.failure()?.errorText ?? 'failed' }));
    context.on('serviceworker', (w) => {
      if (phase !== 'before the cut') others.push(`[${step}] new service worker ${w.url()}`);
    });
    const page = await context.newPage();
    page.on('request', (r) => note('page', r));
    page.on('websocket', (ws) => others.push(`[${step}] websocket ${ws.url()}`));
    page.on('worker', (w) => {
      // "Forget everything" ends the engine's worker and starts a fresh one from the page's own
      // worker.js (from the service worker's cache; its requests are recorded like any other).
      const ownEngine = new URL(w.url()).href === new URL('worker.js', page.url()).href;
      if (phase !== 'before the cut' && !ownEngine) others.push(`[${step}] new worker ${w.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`[${step}] console.error: ${m.text()} (${m.location()?.url ?? ''})`);
    });
    page.on('pageerror', (e) => errors.push(`[${step}] pageerror: ${e.stack || e.message}`));
    page.on('crash', () => errors.push(`[${step}] page crashed`));
    page.on('dialog', async (d) => {
      errors.push(`[${step}] unexpected dialog: ${d.message()}`);
      await d.dismiss().catch(() => {});
    });

    /** After every step: no error, no error box, the dashboard still there (unless forgotten). */
    async function assertAlive() {
      assert.deepEqual(errors, [], `console errors / page errors:\n${errors.join('\n')}`);
      assert.equal(await page.$eval('#fatal', (e) => e.hidden), true, '#fatal (the error box) is shown');
      if (forgotten) return;
      await page.waitForSelector('#dashboard[data-files]', { state: 'attached', timeout: WAIT_MS });
      const n = await page.$$eval('[data-kpi]', (els) => els.length);
      assert.ok(n > 10, `expected more than 10 KPI cards, found ${n}`);
    }

    let broken = null; // the first failed step: the later ones (but the checks) are skipped
    let cut = false;
    let forgotten = false;
    const run = (name, body, { always = false, needs = () => true } = {}) =>
      t.test(name, {
        timeout: STEP_TIMEOUT_MS,
        skip: (!always && broken) ? `an earlier step failed: ${broken}` : (!needs() ? 'its precondition did not happen' : false),
      }, async () => {
        step = name;
        try {
          await body();
          if (!always) await assertAlive();
        } catch (err) {
          broken ??= name;
          throw err;
        }
      });

    try {
      await run('open the page; the service worker controls it; the sample dashboard shows', async () => {
        await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
        await waitForServiceWorkerControl(page, { timeout: 10_000, reloadTimeout: WAIT_MS });
        // The worker's precache is complete once it is active (install waited for it).
        await waitForFiles(page, [SAMPLE_FILE]);
        assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0, 'a fresh context has stored settings');
      });

      await run('cut the network (offline, every route aborted, the server replaced by a tripwire)', async () => {
        phase = 'after the cut';
        await context.setOffline(true);
        await context.route('**/*', async (route) => {
          note('route (aborted)', route.request());
          await route.abort('internetdisconnected').catch(() => {});
        });
        const port = server.port;
        await server.close();
        server = null;
        tripwire = await startTripwire(port);
        cut = true;
        assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page does not see itself offline');
      });

      await run('drop the canary export (Zendesk tickets + survey answers) on the drop zone', async () => {
        await dropFiles(page, [tickets, survey]);
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
        for (const f of DATA_FILES) {
          await page.waitForSelector(`#sources tr[data-file="${f}"]`, { state: 'attached', timeout: WAIT_MS });
        }
      });

      await run('a file that cannot be read shows its message and keeps the dashboard', async () => {
        await dropFiles(page, [badFile]);
        await page.locator('.file-error').filter({ hasText: 'not_a_csv.bin' }).first()
          .waitFor({ state: 'visible', timeout: WAIT_MS });
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
      });

      await run('language: every language in the picker, then back to English; dark mode on and off', async () => {
        const codes = await page.$$eval('#language option', (os) => os.map((o) => o.value));
        assert.ok(codes.length >= 2, `#language offers ${JSON.stringify(codes)}`);
        const en = await page.innerText('[data-kpi="tickets_created"] h3');
        for (const code of [...codes.filter((c) => c !== 'en'), 'en']) {
          await page.selectOption('#language', code);
          await waitForAttr(page, 'html', 'lang', code);
          if (code !== 'en') {
            await eventually(async () =>
              assert.notEqual(await page.innerText('[data-kpi="tickets_created"] h3'), en, `${code}: not translated`));
          }
          await assertCanaryShown(page);
        }
        await eventually(async () => assert.equal(await page.innerText('[data-kpi="tickets_created"] h3'), en));
        // Dark mode follows the system: switched on and off.
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches, null, { timeout: WAIT_MS });
        await page.emulateMedia({ colorScheme: 'light' });
        await page.waitForFunction(() => matchMedia('(prefers-color-scheme: light)').matches, null, { timeout: WAIT_MS });
      });

      await run('filters: every date preset', async () => {
        const presets = await page.$$eval('[data-preset]', (bs) => bs.map((b) => b.dataset.preset));
        assert.ok(presets.length >= 2, `presets: ${JSON.stringify(presets)}`);
        for (const id of [...presets.filter((p) => p !== 'all'), 'all']) {
          await page.click(`[data-preset="${id}"]`);
          await waitForAttr(page, `[data-preset="${id}"]`, 'aria-pressed', 'true');
          await page.waitForSelector('#selection-count', { timeout: WAIT_MS });
        }
      });

      await run('filters: the from / to date inputs', async () => {
        const before = await page.innerText('#selection-count');
        await page.fill('#filter-from', '2024-03-05');
        await eventually(async () => assert.equal(await page.inputValue('#filter-from'), '2024-03-05'));
        await page.fill('#filter-to', '2024-03-07');
        await eventually(async () => {
          assert.equal(await page.inputValue('#filter-to'), '2024-03-07');
          assert.notEqual(await page.innerText('#selection-count'), before, 'the date range changed nothing');
          assert.equal(await page.getAttribute('[data-preset="all"]', 'aria-pressed'), 'false');
        });
        await page.click('[data-preset="all"]');
        await waitForAttr(page, '[data-preset="all"]', 'aria-pressed', 'true');
        await eventually(async () => assert.equal(await page.innerText('#selection-count'), before));
      });

      await run('filters: every value of every menu, then each chip removes its filter', async () => {
        const menus = await page.$$eval('#filters select', (ss) => ss.map((s) => s.id));
        assert.deepEqual([...menus].sort(), ['filter-agent', 'filter-channel', 'filter-group', 'filter-priority', 'filter-type'],
          'the fixture should give every filter menu');
        for (const id of menus) {
          const key = id.replace(/^filter-/, '');
          const values = await page.$$eval(`#${id} option`, (os) => os.map((o) => o.value).filter(Boolean));
          for (const v of values) {
            await page.selectOption(`#${id}`, v);
            await eventually(async () => {
              assert.equal(await page.inputValue(`#${id}`), v);
              const chips = await page.$$eval(`.chip[data-filter="${key}"]`, (cs) => cs.map((c) => c.textContent));
              assert.equal(chips.length, 1, `${id}=${v}: chips ${JSON.stringify(chips)}`);
              assert.ok(chips[0].includes(v), `${id}=${v}: chip ${JSON.stringify(chips[0])}`);
            });
          }
          await page.click(`.chip[data-filter="${key}"]`);
          await eventually(async () => {
            assert.equal(await page.$$eval(`.chip[data-filter="${key}"]`, (cs) => cs.length), 0, `${key} chip still there`);
            assert.equal(await page.inputValue(`#${id}`), '', `${id} not reset by its chip`);
          });
        }
        // Back to "All" through the menu itself, too.
        await page.selectOption('#filter-agent', CANARY_AGENT);
        await page.waitForSelector('.chip[data-filter="agent"]', { timeout: WAIT_MS });
        await page.selectOption('#filter-agent', '');
        await page.waitForSelector('.chip[data-filter="agent"]', { state: 'detached', timeout: WAIT_MS });
        await assertCanaryShown(page);
      });

      await run('channel chart: a click on each bar filters by its channel', async () => {
        const channels = await page.$$eval('#chart-channel g.clickable', (gs) => gs.map((g) => g.dataset.channel));
        assert.ok(channels.length >= 2, `channel bars: ${JSON.stringify(channels)}`);
        const all = await page.innerText('#selection-count');
        for (const ch of channels) {
          // Filtered, the chart shows that channel's bar only: each bar is clicked from the whole.
          await page.locator(`#chart-channel g.clickable[data-channel="${ch}"] rect.bar`).click();
          await eventually(async () => {
            const chip = await page.$$eval('.chip[data-filter="channel"]', (cs) => cs.map((c) => c.textContent));
            assert.equal(chip.length, 1, `chips after clicking ${ch}: ${JSON.stringify(chip)}`);
            assert.ok(chip[0].includes(ch), `chip after clicking ${ch}: ${chip[0]}`);
            // The menu shows the filter the chart set (the menu is kept, its value set).
            assert.equal(await page.inputValue('#filter-channel'), ch, `menu after clicking ${ch}`);
            assert.notEqual(await page.innerText('#selection-count'), all, `clicking ${ch} selected every ticket`);
            assert.deepEqual(await page.$$eval('#chart-channel g.clickable', (gs) => gs.map((g) => g.dataset.channel)), [ch]);
          });
          await page.click('.chip[data-filter="channel"]');
          await page.waitForSelector('.chip[data-filter="channel"]', { state: 'detached', timeout: WAIT_MS });
          await eventually(async () => assert.equal(await page.innerText('#selection-count'), all));
        }
      });

      await run('charts: hover the day charts and the heat map (tooltips)', async () => {
        for (const sel of ['#chart-created-vs-solved rect.hover', '#chart-backlog rect.hover', '#chart-heat-map rect.heat:not(.heat-0)']) {
          const marks = page.locator(sel);
          const n = await marks.count();
          assert.ok(n > 0, `no ${sel}`);
          for (const i of [0, Math.floor(n / 2), n - 1]) {
            await marks.nth(i).hover({ force: true });
            const title = await marks.nth(i).locator('title').textContent();
            assert.ok(title && title.length > 0, `${sel} #${i} has no tooltip`);
          }
        }
      });

      await run('leaderboard: sort by every column both ways (click), and by keyboard (Enter)', async () => {
        const headers = page.locator('#leaderboard th.sortable');
        const n = await headers.count();
        assert.ok(n >= 5, `sortable leaderboard headers: ${n}`);
        const agents = async () => page.$$eval('#leaderboard tbody tr', (rs) => rs.map((r) => r.dataset.agent));
        const all = [...(await agents())].sort();
        for (let i = 0; i < n; i++) {
          const th = headers.nth(i);
          const first = (await th.getAttribute('aria-sort')) === 'descending' ? 'ascending' : 'descending';
          await th.click();
          await eventually(async () => assert.equal(await th.getAttribute('aria-sort'), first, `column ${i} first click`));
          await th.click();
          await eventually(async () =>
            assert.equal(await th.getAttribute('aria-sort'), first === 'descending' ? 'ascending' : 'descending', `column ${i} second click`));
          assert.deepEqual([...(await agents())].sort(), all, 'sorting changed the rows');
        }
        const th = headers.nth(0);
        await th.focus();
        const before = await th.getAttribute('aria-sort');
        await page.keyboard.press('Enter');
        await eventually(async () => assert.notEqual(await th.getAttribute('aria-sort'), before, 'Enter did not sort'));
        await assertCanaryShown(page);
      });

      await run('settings: example, apply (time zone), export, import, a refused one, apply again', async () => {
        await page.click('#settings > summary');
        await page.waitForFunction(() => document.querySelector('#settings')?.open === true, null, { timeout: WAIT_MS });
        await page.click('#settings-advanced > summary');
        // "Show an example", then apply it: a time zone (the files are read again), SLA, targets.
        await page.click('#settings .actions > button:not([id])');
        await eventually(async () => assert.match(await page.inputValue('#settings-json'), /Europe\/Warsaw/));
        await page.click('#settings-apply');
        await eventually(async () => {
          const s = await page.evaluate(() => localStorage.getItem('helpdesk-kpi.settings'));
          assert.ok(s && JSON.parse(s).time_zone === 'Europe/Warsaw', `stored settings: ${s}`);
        });
        assert.equal(await page.$('#settings-error'), null, 'the example was refused');
        await page.waitForSelector('[data-kpi] .target', { state: 'attached', timeout: WAIT_MS });
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);

        // Export: a data: URL, the settings only.
        const out = await download(page, '#settings a[download]');
        assert.match(out.url, /^data:application\/json/, `settings export URL ${out.url.slice(0, 60)}`);
        assert.equal(JSON.parse(out.text).time_zone, 'Europe/Warsaw');
        assert.doesNotMatch(out.text, CANARY_RE, 'the settings export carries data');

        // Import a file: applied at once.
        await page.setInputFiles('#settings input[type="file"]', settingsFile);
        await eventually(async () => {
          const s = JSON.parse(await page.evaluate(() => localStorage.getItem('helpdesk-kpi.settings')));
          assert.equal(s.sla?.['*']?.resolution_minutes, 480, `imported settings not applied: ${JSON.stringify(s)}`);
          assert.equal(s.time_zone ?? null, null);
        });

        // Refused settings show why.
        await page.fill('#settings-json', '{"targetz": {}}');
        await page.click('#settings-apply');
        await page.waitForSelector('#settings-error', { timeout: WAIT_MS });
        assert.match(await page.innerText('#settings-error'), /targetz/);

        // Typed settings with another time zone and targets.
        const typed = JSON.parse(readFileSync(settingsFile, 'utf8'));
        typed.time_zone = 'America/New_York';
        typed.targets.csat = 95;
        await page.fill('#settings-json', JSON.stringify(typed, null, 2));
        await page.click('#settings-apply');
        await page.waitForSelector('#settings-error', { state: 'detached', timeout: WAIT_MS });
        await eventually(async () => {
          const s = JSON.parse(await page.evaluate(() => localStorage.getItem('helpdesk-kpi.settings')));
          assert.equal(s.time_zone, 'America/New_York');
          assert.equal(s.targets.csat, 95);
        });
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
      });

      await run('settings form: a time zone, business days and hours, an SLA target, a KPI target, cost', async () => {
        if (!(await page.$eval('#settings', (d) => d.open))) await page.click('#settings > summary');
        const stored = async () => JSON.parse(await page.evaluate(() => localStorage.getItem('helpdesk-kpi.settings')) ?? '{}');
        // One field after the other, as a person goes: each value is taken (stored, and the
        // files read again for the time zone) before the next field is filled.
        const step = async (action, check) => {
          await action();
          await eventually(async () => check(await stored()));
          await waitForFiles(page, DATA_FILES);
        };
        const commit = (selector, value) => async () => {
          await page.fill(selector, value);
          await page.press(selector, 'Enter');
        };
        await step(() => page.selectOption('#settings-time-zone', 'Asia/Shanghai'), (s) => assert.equal(s.time_zone, 'Asia/Shanghai'));
        await step(() => page.check('#settings-day-wed'), (s) => assert.ok(s.business_hours?.hours?.wed, JSON.stringify(s.business_hours)));
        await step(commit('#settings-hours-start', '08:30'), (s) => assert.ok(s.business_hours.hours.wed[0].startsWith('08:30-'), JSON.stringify(s.business_hours)));
        await step(commit('#settings-sla-_-first', '90'), (s) => assert.equal(s.sla?.['*']?.first_response_minutes, 90));
        await step(commit('#settings-target-csat', '80'), (s) => assert.equal(s.targets?.csat, 80));
        await step(commit('#settings-support-cost', '1000'), (s) => assert.equal(s.support_cost, 1000));
        // All of them together at the end: none was lost to a later one.
        const s = await stored();
        assert.equal(s.time_zone, 'Asia/Shanghai');
        assert.equal(s.sla['*'].first_response_minutes, 90);
        assert.equal(s.targets.csat, 80);
        assert.equal(s.support_cost, 1000);
        assert.ok(s.business_hours.hours.wed[0].startsWith('08:30-'), JSON.stringify(s.business_hours));
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
      });

      await run('tables: channels, SLA breaches, skipped rows, sources, feedback', async () => {
        const channels = await page.$$eval('#channels tbody tr', (rs) => rs.map((r) => r.dataset.channel));
        assert.ok(channels.length >= 2, `#channels rows: ${JSON.stringify(channels)}`);
        await page.click('#sla-breaches > summary');
        await page.waitForFunction(() => document.querySelector('#sla-breaches')?.open === true, null, { timeout: WAIT_MS });
        assert.ok(await page.$$eval('#sla-breaches tbody tr', (rs) => rs.length) > 0, 'no SLA breach listed');
        if (!(await page.$eval('#skipped', (d) => d.open))) await page.click('#skipped > summary');
        await page.waitForFunction(() => document.querySelector('#skipped')?.open === true, null, { timeout: WAIT_MS });
        assert.match(await page.innerText('#skipped'), /\bline\s*12\b/i);
        for (const f of DATA_FILES) {
          await page.waitForSelector(`#sources tr[data-file="${f}"]`, { state: 'attached', timeout: WAIT_MS });
        }
        assert.match(await page.innerText('#feedback'), new RegExp(CANARY_TERM));
      });

      await run('exports: every download button, each a local data:/blob: file with the data', async () => {
        const ids = await page.$$eval('#exports button', (bs) => bs.map((b) => b.id));
        assert.ok(ids.length >= 3 && ids.every(Boolean), `export buttons: ${JSON.stringify(ids)}`);
        const withCanary = [];
        for (const id of ids) {
          const d = await download(page, `#${id}`);
          assert.match(d.url, /^(data|blob):/, `#${id} downloads from ${d.url.slice(0, 80)}`);
          assert.ok(d.name.startsWith('helpdesk-kpi-'), `#${id} file name ${d.name}`);
          assert.ok(d.text.trim().length > 0, `#${id} (${d.name}) is empty`);
          if (CANARY_RE.test(d.text)) withCanary.push(id);
        }
        t.diagnostic(`downloads holding the canary: ${withCanary.join(', ')}`);
        for (const id of ['export-json', 'export-agents', 'export-skipped_rows']) {
          if (ids.includes(id)) assert.ok(withCanary.includes(id), `${id} does not carry the data`);
        }
        await page.screenshot({ path: path.join(SHOTS, 'privacy.png'), fullPage: true });
      });

      await run('"Try the sample", then the drop zone\'s file picker by click and by keyboard', async () => {
        await page.click('#try-sample');
        await waitForFiles(page, [SAMPLE_FILE]);
        assert.doesNotMatch(await page.innerText('#dashboard'), CANARY_RE);
        // Click on the drop zone: the file chooser.
        const byClick = await pickThroughChooser(page, () => page.click('#drop-zone .drop-title'),
          [tickets, survey], 'a click on the drop zone');
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
        // Enter on the focused drop zone: the chooser again.
        await page.click('#try-sample');
        await waitForFiles(page, [SAMPLE_FILE]);
        const byKey = await pickThroughChooser(page, async () => {
          await page.focus('#drop-zone');
          await page.keyboard.press('Enter');
        }, [tickets, survey], 'Enter on the drop zone');
        await waitForFiles(page, DATA_FILES);
        await assertCanaryShown(page);
        if (byClick + byKey > 2) t.diagnostic(`file chooser attempts: click ${byClick}, Enter ${byKey}`);
      });

      await run('reading choices: a column chosen for a field (remembered), an encoding chosen and back', async () => {
        const panel = 'details.file-reading[data-file="privacy_zendesk.csv"]';
        await page.waitForSelector(panel, { state: 'attached', timeout: WAIT_MS });
        if (!(await page.$eval(panel, (d) => d.open))) await page.click(`${panel} > summary`);
        // The ticket type fed by the subject column: its values (the canary) show in the preview.
        const type = `${panel} select.column-choice[data-field="ticket_type"]`;
        await page.selectOption(type, { label: 'Subject' });
        await eventually(async () =>
          assert.match(await page.innerText(`${panel} td.preview[data-field="ticket_type"]`), CANARY_RE));
        const encoding = `${panel} select.encoding-choice`;
        await page.selectOption(encoding, 'windows-1252');
        await eventually(async () =>
          assert.match(await page.innerText('#sources tr[data-file="privacy_zendesk.csv"]'), /windows-1252/));
        await page.selectOption(encoding, 'UTF-8');
        await eventually(async () =>
          assert.match(await page.innerText('#sources tr[data-file="privacy_zendesk.csv"]'), /UTF-8/));
        await assertCanaryShown(page);
      });

      await run('before forgetting: only the settings keys are stored, and no storage holds the data', async () => {
        await assertCanaryShown(page);
        const snap = await storageSnapshot(page);
        const cookies = await context.cookies();
        assert.deepEqual(Object.keys(snap.localStorage).sort(), [...STORAGE_KEYS].sort(),
          `localStorage keys: ${JSON.stringify(Object.keys(snap.localStorage))}`);
        assert.deepEqual(canaryPlaces(snap, cookies), [], 'the data is in browser storage');
      });

      await run('"forget everything"', async () => {
        if (!(await page.$eval('#settings', (d) => d.open))) await page.click('#settings > summary');
        await page.click('#forget');
        forgotten = true;
        await eventually(async () =>
          assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'localStorage not emptied'));
        // No data is left to show: the page teaches what to drop instead.
        await page.waitForSelector('#empty-state[data-emptiness="NoData"]', { timeout: WAIT_MS });
        assert.equal(await page.$('#dashboard'), null, 'a dashboard is still shown');
        await waitForAttr(page, 'html', 'lang', 'en');
        await eventually(async () => {
          const s = JSON.parse(await page.inputValue('#settings-json'));
          assert.equal(s.time_zone ?? null, null, `settings not reset: ${JSON.stringify(s)}`);
        });
        const html = await page.evaluate(() => document.documentElement.outerHTML + document.body.innerText);
        assert.doesNotMatch(html, CANARY_RE, 'the page still shows the data after "forget everything"');
      });

      await run('after "forget everything": no storage holds the data nor a setting', async () => {
        const snap = await storageSnapshot(page);
        const cookies = await context.cookies();
        t.diagnostic(`Cache Storage after forgetting: ${snap.caches.map((c) => `${c.cache} ${c.url} (${c.bytes} B)`).join('; ')}`);
        const problems = canaryPlaces(snap, cookies).map((p) => `the data is in ${p}`);
        const expect = (ok, what) => {
          if (!ok) problems.push(what);
        };
        expect(Object.keys(snap.localStorage).length === 0, `localStorage not empty: ${JSON.stringify(snap.localStorage)}`);
        expect(Object.keys(snap.sessionStorage).length === 0, `sessionStorage not empty: ${JSON.stringify(snap.sessionStorage)}`);
        expect(snap.indexedDB.length === 0, `IndexedDB databases: ${JSON.stringify(snap.indexedDB)}`);
        expect(cookies.length === 0, `cookies: ${JSON.stringify(cookies.map((c) => `${c.name}=${c.value}`))}`);
        expect(snap.cookie === '', `document.cookie: ${JSON.stringify(snap.cookie)}`);
        expect(snap.opfs.length === 0, `origin private file system: ${JSON.stringify(snap.opfs)}`);
        expect(snap.href === url, `the address carries state: ${snap.href}`);
        for (const c of snap.caches) {
          expect(precachedUrls.has(c.url), `Cache Storage holds more than the page's own files: ${c.cache}: ${c.url}`);
        }
        const sw = [new URL('sw.js', url).href];
        expect(JSON.stringify(snap.serviceWorkers) === JSON.stringify(sw), `service workers: ${JSON.stringify(snap.serviceWorkers)}`);
        assert.deepEqual(problems, [], `left in the browser after "forget everything":\n${problems.join('\n')}`);
      }, { always: true, needs: () => forgotten });
    } finally {
      // Late requests / errors (e.g. a lazily started fetch) get a moment to show up.
      await page.waitForTimeout(500).catch(() => {});
      phase = 'closing';
      await context.close().catch(() => {});
    }

    await run('no request left the page after the cut, and none reached the server\'s port', async () => {
      const local = [];
      const fromSw = [];
      const leaks = [];
      for (const e of log) {
        if (e.phase !== 'after the cut') continue;
        const where = `[${e.step}] ${e.method} ${e.url.length > 120 ? `${e.url.slice(0, 120)}…` : e.url} (${e.type}; seen by ${[...e.via].join(', ')}${e.bySw ? '; made by the service worker' : ''})`;
        if (/^(data|blob):/i.test(e.url)) {
          local.push(where);
          continue;
        }
        const servedBySw = e.outcome?.fromSw === true;
        if (servedBySw && !e.bySw && !e.via.has('route (aborted)') && precachedUrls.has(e.url.split(/[?#]/)[0])) {
          fromSw.push(where);
          continue;
        }
        const how = e.outcome == null ? 'no response seen'
          : e.outcome.failure ? `failed: ${e.outcome.failure}`
          : `HTTP ${e.outcome.status}${servedBySw ? ' from the service worker' : ''}`;
        leaks.push(`${where} → ${how}`);
      }
      t.diagnostic(`requests before the cut: ${log.filter((e) => e.phase === 'before the cut').length}`);
      t.diagnostic(`after the cut: ${local.length} local data:/blob: URL(s), ${fromSw.length} page file(s) from the service worker's cache, ${leaks.length} other request(s)`);
      for (const l of local) t.diagnostic(`  local: ${l}`);
      for (const l of fromSw) t.diagnostic(`  from the service worker's cache: ${l}`);
      assert.ok(log.some((e) => e.phase === 'before the cut'), 'no request was recorded at all: the recording is broken');
      assert.deepEqual(leaks, [], `requests after the cut:\n${leaks.join('\n')}`);
      assert.deepEqual(others, [], `other channels after the cut:\n${others.join('\n')}`);
      assert.deepEqual(tripwire?.hits ?? [], [], `the server's port was reached after the cut:\n${(tripwire?.hits ?? []).join('\n')}`);
      assert.deepEqual(errors, [], `console errors / page errors:\n${errors.join('\n')}`);
    }, { always: true, needs: () => cut });
  });
});

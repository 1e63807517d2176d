#!/usr/bin/env node
// The 1 GB run: the real page reads a generated Zendesk export of HUGE_TICKETS tickets (default
// 5,000,000, about 1 GB) through its worker, the way a person would (file input → worker →
// cards). It prints the progress bar's readings as they move, how long the page answers a
// round trip meanwhile, the load time, the engine's peak wasm memory and Chromium's peak RSS,
// and checks the cards against the native CLI on the same file. Then it starts the same load
// again and presses Cancel part-way: the bar must go, the sample's dashboard stay, and the
// worker's memory be given back.
//
//   node bench/browser/huge.mjs     (from the repo root, after scripts/build-web.sh and
//                                    cargo build --release; npm ci --prefix tests/browser)
//
// Env: HUGE_TICKETS, HUGE_FILE (default target/bench/zendesk-<HUGE_TICKETS>.csv, generated when
// missing), HUGE_OUT (default target/bench/huge.json), HUGE_SKIP_CLI=1 to skip the CLI check.
// A figure, not a test: it takes minutes, so the test command does not run it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, REPO, VIEWPORT, fromRepo, isOutside, startBrowserAndServer } from '../../tests/browser/common.mjs';
import { chromiumRssBytes, memorySampler } from './chromium.mjs';

const TICKETS = Number(process.env.HUGE_TICKETS || 5_000_000);
const FILE = fromRepo(process.env.HUGE_FILE || `target/bench/zendesk-${TICKETS}.csv`);
const OUT = fromRepo(process.env.HUGE_OUT || 'target/bench/huge.json');
const LOAD_TIMEOUT_MS = 60 * 60_000;
const POLL_MS = 2_000;
const CARDS = ['tickets_created', 'tickets_solved', 'resolution_time', 'first_response_time'];

const mb = (bytes) => (bytes / 1e6).toFixed(0);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ensureFile() {
  if (existsSync(FILE)) return;
  mkdirSync(path.dirname(FILE), { recursive: true });
  const partial = `${FILE}.partial`;
  console.log(`generating ${path.relative(REPO, FILE)} (${TICKETS} tickets) …`);
  execFileSync(BIN, ['sample', '--tickets', String(TICKETS), '--out', partial], { stdio: 'inherit' });
  renameSync(partial, FILE);
}

async function openPage(suite, problems) {
  const origin = new URL(suite.server.url).origin;
  const context = await suite.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('request', (r) => isOutside(r.url(), origin) && problems.push(`request off the page's origin: ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(suite.server.url, { waitUntil: 'load' });
  await page.waitForSelector('[data-kpi="tickets_created"][data-value]', { timeout: 60_000 });
  return { context, page };
}

const cards = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [
  id, document.querySelector(`[data-kpi="${id}"]`)?.getAttribute('data-value') ?? null,
])), CARDS);

/** The bar's readings, and how long a round trip to the page takes while the worker reads. */
async function reading(page) {
  const t0 = performance.now();
  const bar = await page.evaluate(() => {
    const p = document.querySelector('#load-progress');
    return p && { bytes: Number(p.getAttribute('data-bytes')), rows: Number(p.getAttribute('data-rows')) };
  });
  return { bar, answer_ms: performance.now() - t0 };
}

async function fullLoad(suite, size, problems) {
  const { context, page } = await openPage(suite, problems);
  try {
    const sampler = memorySampler();
    const samples = [];
    const t0 = performance.now();
    await page.setInputFiles('#file-input', FILE);
    for (;;) {
      const done = await page.evaluate((n) =>
        document.querySelector('#dashboard')?.getAttribute('data-load-bytes') === String(n), size);
      if (done) break;
      if (performance.now() - t0 > LOAD_TIMEOUT_MS) throw new Error('the load did not finish in time');
      const r = await reading(page);
      const s = { s: (performance.now() - t0) / 1e3, ...r, rss: chromiumRssBytes() };
      samples.push(s);
      console.log(`  ${s.s.toFixed(0).padStart(4)} s  bar ${r.bar ? `${mb(r.bar.bytes)} MB, ${r.bar.rows} rows` : '–'}`
        + `  page answers in ${r.answer_ms.toFixed(0)} ms  Chromium RSS ${mb(s.rss)} MB`);
      await sleep(POLL_MS);
    }
    const wall = performance.now() - t0;
    const memory = sampler.stop();
    const shown = await cards(page);
    const dashboard = await page.evaluate(() => {
      const d = document.querySelector('#dashboard');
      return { ms: Number(d.getAttribute('data-load-ms')), memory: Number(d.getAttribute('data-load-memory')),
        rows: Number(d.getAttribute('data-load-rows')) };
    });
    const errors = await page.locator('.file-error:visible, #fatal:visible').allTextContents();
    return { wall_ms: wall, worker_ms: dashboard.ms, wasm_memory: dashboard.memory, rows: dashboard.rows,
      chromium: memory, cards: shown, errors, samples };
  } finally {
    await context.close();
  }
}

async function cancelledLoad(suite, size, problems) {
  const { context, page } = await openPage(suite, problems);
  try {
    const before = await cards(page);
    await page.setInputFiles('#file-input', FILE);
    let bar = null;
    for (const t0 = performance.now(); performance.now() - t0 < LOAD_TIMEOUT_MS; await sleep(500)) {
      ({ bar } = await reading(page));
      if (bar && bar.bytes > size / 5) break;
    }
    const rssAtCancel = chromiumRssBytes();
    await page.click('#cancel-load');
    await page.waitForSelector('#load-progress', { state: 'detached', timeout: 30_000 });
    await sleep(5_000);
    const after = await cards(page);
    return { cancelled_at_bytes: bar?.bytes, rss_at_cancel: rssAtCancel, rss_5s_later: chromiumRssBytes(),
      cards_before: before, cards_after: after, kept: JSON.stringify(before) === JSON.stringify(after) };
  } finally {
    await context.close();
  }
}

function cliCards() {
  const t0 = performance.now();
  const json = execFileSync(BIN, ['report', FILE, '--format', 'json'], { maxBuffer: 1 << 30 }).toString();
  const report = JSON.parse(json);
  return { ms: performance.now() - t0, cards: Object.fromEntries(CARDS.map((id) => [id, report.kpis[id]?.value ?? null])) };
}

async function main() {
  ensureFile();
  const size = statSync(FILE).size;
  console.log(`file: ${path.relative(REPO, FILE)}, ${mb(size)} MB, ${TICKETS} tickets`);
  const problems = [];
  const suite = await startBrowserAndServer('helpdesk-kpi-huge-');
  let full;
  let cancel;
  try {
    console.log('load through the page:');
    full = await fullLoad(suite, size, problems);
    console.log('load again, Cancel at a fifth:');
    cancel = await cancelledLoad(suite, size, problems);
  } finally {
    await suite.close();
  }
  const cli = process.env.HUGE_SKIP_CLI ? null : cliCards();
  const result = { file: path.relative(REPO, FILE), bytes: size, tickets: TICKETS, full, cancel, cli, problems };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2));

  const moved = new Set(full.samples.filter((s) => s.bar).map((s) => s.bar.bytes)).size;
  const slowest = Math.max(0, ...full.samples.map((s) => s.answer_ms));
  console.log(`\npage: ${(full.worker_ms / 1e3).toFixed(1)} s in the worker (${(size / 1e6 / (full.worker_ms / 1e3)).toFixed(1)} MB/s), `
    + `${(full.wall_ms / 1e3).toFixed(1)} s to the cards; ${full.rows} rows`);
  console.log(`memory: engine (wasm) ${mb(full.wasm_memory)} MB; Chromium peak RSS ${mb(full.chromium.peak_bytes)} MB `
    + `(+${mb(full.chromium.rise_bytes)} over idle)`);
  console.log(`progress bar: ${moved} distinct readings; the page answered within ${slowest.toFixed(0)} ms at worst`);
  console.log(`cards: ${JSON.stringify(full.cards)}`);
  if (cli) console.log(`CLI:   ${JSON.stringify(cli.cards)} (${(cli.ms / 1e3).toFixed(1)} s)`);
  console.log(`cancel at ${mb(cancel.cancelled_at_bytes ?? 0)} MB: dashboard kept ${cancel.kept}; Chromium RSS `
    + `${mb(cancel.rss_at_cancel)} → ${mb(cancel.rss_5s_later)} MB 5 s later`);
  if (full.errors.length) problems.push(`errors shown: ${full.errors.join(' | ')}`);
  if (Number(full.cards.tickets_created) !== TICKETS) problems.push(`tickets_created ${full.cards.tickets_created}, expected ${TICKETS}`);
  if (cli) {
    for (const id of CARDS) {
      const [a, b] = [Number(full.cards[id]), Number(cli.cards[id])];
      if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b))) problems.push(`${id}: page ${a}, CLI ${b}`);
    }
  }
  if (moved < 3) problems.push('the progress bar hardly moved');
  if (!cancel.kept) problems.push('Cancel did not keep the dashboard');
  for (const p of problems) console.error(`PROBLEM: ${p}`);
  console.log(`results: ${path.relative(REPO, OUT)}`);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Headless-Chromium test of the dashboard's own words and controls: the engine's messages in
// the page's language, the empty state, and the settings form.
//
//   node --test dashboard.test.mjs          (in tests/browser, after scripts/build-web.sh)
//
// Env: as common.mjs. Every test asserts that the page requested nothing outside the local
// server and logged no error. Screenshots go to target/screenshots/.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SHOTS, WAIT_MS, TEST_TIMEOUT_MS,
  startBrowserAndServer, assertPageBuilt, fixture, visit, assertNoProblems, eventually, waitForFiles, dropFiles,
} from './common.mjs';

describe('dashboard words and controls in headless Chromium', { timeout: 10 * TEST_TIMEOUT_MS }, () => {
  let suite;

  before(async () => {
    suite = await startBrowserAndServer('helpdesk-kpi-dashboard-');
  });

  after(async () => {
    await suite?.close();
  });

  async function withPage(body, contextOptions = {}) {
    assertPageBuilt();
    const { problems } = await visit(suite.browser, suite.server.url, body, { contextOptions });
    assertNoProblems(problems);
  }

  async function chooseLanguage(page, code) {
    await page.selectOption('#language', code);
    await eventually(async () => assert.equal(await page.getAttribute('html', 'lang'), code));
  }

  test('engine messages (null reasons, notes, skipped rows, warnings, file and settings errors) show in Polish', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page) => {
      await page.waitForSelector('[data-kpi="nps"]', { timeout: WAIT_MS });
      const english = await page.innerText('[data-kpi="nps"] .detail');
      assert.equal(english, 'no 0–10 recommendation (NPS) column in this export');
      await chooseLanguage(page, 'pl');
      await eventually(async () =>
        assert.equal(await page.innerText('[data-kpi="nps"] .detail'),
          'w tym eksporcie nie ma kolumny rekomendacji 0–10 (NPS)'));
      // Every KPI the sample cannot give: a translation, never the English reason.
      const details = await page.$$eval('#not-available [data-kpi] .detail', (els) => els.map((e) => e.textContent));
      assert.ok(details.length > 5, `null cards: ${details.length}`);
      for (const text of details) assert.doesNotMatch(text, /\b(the|this|no|in|column)\b/, text);
      // A note with a number in it.
      assert.equal(await page.innerText('[data-kpi="repeat_contact_rate"] .detail'), 'okno: 7 dni od utworzenia');

      await dropFiles(page, [fixture('bad/not_a_csv.bin')]);
      const error = page.locator('.file-error').filter({ hasText: 'not_a_csv.bin' }).first();
      await error.waitFor({ state: 'visible', timeout: WAIT_MS });
      assert.match(await error.innerText(), /to nie jest plik tekstowy \(zawiera dane binarne\)/);

      await dropFiles(page, [fixture('bad/zendesk_bad_rows.csv')]);
      await waitForFiles(page, ['zendesk_bad_rows.csv']);
      await page.click('#skipped > summary');
      const skipped = await page.innerText('#skipped');
      assert.doesNotMatch(skipped, / is not | is empty/, skipped);
      // A source's warning, translated by its key.
      const warnings = await page.$$eval('.sources-section > p.note', (els) => els.map((e) => e.textContent));
      assert.ok(warnings.some((w) => w.includes('zgłoszeń nie ma czasu utworzenia')), warnings.join('\n'));
      // A settings field refused: why, in Polish (the settings' errors are messages too).
      if (!(await page.isVisible('#settings-as-of'))) await page.click('#settings > summary');
      await page.fill('#settings-as-of', 'yesterday');
      await page.dispatchEvent('#settings-as-of', 'change');
      await eventually(async () => assert.equal(await page.innerText('#settings-as-of-error'),
        "as_of 'yesterday' nie jest czasem w postaci 2024-03-31T17:00:00"));
      await page.screenshot({ path: path.join(SHOTS, 'engine-messages-pl.png'), fullPage: true });
    });
  });

  test('"Try the sample" after "forget everything" shows the report made with the page at once, and a filter then reads the sample', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page) => {
      await page.waitForSelector('[data-kpi="tickets_created"][data-value]', { timeout: WAIT_MS });
      const created = await page.getAttribute('[data-kpi="tickets_created"]', 'data-value');
      // Every request the page posts to its engine, by kind (`{"sample": {...}}`, ...).
      await page.evaluate(() => {
        window.engineRequests = [];
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (message, ...rest) {
          window.engineRequests.push(Object.keys(message?.request ?? {})[0] ?? '?');
          return post.call(this, message, ...rest);
        };
      });
      await page.click('#settings > summary');
      await page.click('#forget');
      await page.waitForSelector('#empty-state[data-emptiness="NoData"]', { timeout: WAIT_MS });
      // (The first click had the engine read the sample behind the page's report, as it does.)
      await page.evaluate(() => { window.engineRequests = []; });
      await page.click('#empty-sample');
      await waitForFiles(page, ['sample-zendesk.csv']);
      assert.equal(await page.getAttribute('[data-kpi="tickets_created"]', 'data-value'), created);
      assert.deepEqual(await page.evaluate(() => window.engineRequests), [], 'the engine was asked to read the sample');
      // A filter: the engine reads the sample behind the shown report first, then answers.
      await page.selectOption('#filter-channel', 'email');
      await eventually(async () => {
        const email = Number(await page.getAttribute('[data-kpi="tickets_created"]', 'data-value'));
        assert.ok(email > 0 && email < Number(created), `email tickets ${email} of ${created}`);
      });
      assert.ok((await page.evaluate(() => window.engineRequests)).includes('sample'));
    });
  });

  test('empty state teaches what to drop: after "forget everything", for a file without tickets, for a selection of none', { timeout: TEST_TIMEOUT_MS }, async () => {
    // Two rows, both skipped (no ticket id): a file read, with no ticket in it.
    const zero = path.join(suite.tmp, 'no_tickets.csv');
    writeFileSync(zero, 'Id,Created at,Status\n,2024-01-01 10:00,open\n,2024-01-02 10:00,solved\n');
    await withPage(async (page) => {
      await page.waitForSelector('[data-kpi]', { timeout: WAIT_MS });
      assert.equal(await page.$('#empty-state'), null, 'no empty state over the sample');

      // A selection that matches nothing: the filters stay, the panel offers to clear them.
      await page.fill('#filter-from', '2001-01-01');
      await page.fill('#filter-to', '2001-01-31');
      await page.waitForSelector('#empty-state[data-emptiness="NoMatch"]', { timeout: WAIT_MS });
      assert.equal(await page.$('[data-kpi]'), null, 'no cards for no ticket');
      await page.focus('#empty-clear');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-kpi]', { timeout: WAIT_MS });

      // "Forget everything": no data, the panel, focus on its heading; the sample by keyboard.
      await page.click('#settings > summary');
      await page.click('#forget');
      await page.waitForSelector('#empty-state[data-emptiness="NoData"]', { timeout: WAIT_MS });
      assert.equal(await page.$('#dashboard'), null, 'the dashboard is gone');
      const text = await page.innerText('#empty-state');
      for (const word of ['Zendesk', 'Freshdesk', 'CSV', 'XLSX', 'Export as CSV', 'Tickets → Export']) {
        assert.ok(text.includes(word), `${word} missing from the empty state:\n${text}`);
      }
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'empty-title');
      // A setting changed with no data (one that would read the files again) brings nothing
      // back: no sample, no dashboard, no link still carrying the forgotten settings.
      assert.equal(await page.$('#settings-link'), null, 'the share link went with the settings');
      if (!(await page.isVisible('#settings-time-zone'))) await page.click('#settings > summary');
      await page.selectOption('#settings-time-zone', 'Europe/Warsaw');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      assert.equal(await page.$('#dashboard'), null, 'a setting after forgetting brought data back');
      assert.ok(await page.$('#empty-state[data-emptiness="NoData"]'));
      await page.screenshot({ path: path.join(SHOTS, 'empty-state.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(SHOTS, 'empty-state-dark.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'light' });
      await chooseLanguage(page, 'pl');
      await eventually(async () => assert.equal(await page.innerText('#empty-title'), 'Nie ma jeszcze zgłoszeń do pokazania'));
      await page.screenshot({ path: path.join(SHOTS, 'empty-state-pl.png'), fullPage: true });
      await chooseLanguage(page, 'en');
      await page.focus('#empty-title');
      await page.keyboard.press('Tab'); // the heading, then "Choose files", then the sample
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'empty-sample');
      await page.keyboard.press('Enter');
      await waitForFiles(page, ['sample-zendesk.csv']);
      assert.equal(await page.$('#empty-state'), null);

      // A calls export alone holds no ticket, yet it is data: its call cards show, no panel.
      await page.setInputFiles('#file-input', fixture('vendors/aircall.csv'));
      await waitForFiles(page, ['aircall.csv']);
      await page.waitForSelector('[data-kpi="abandon_rate"][data-value]', { timeout: WAIT_MS });
      assert.equal(await page.$('#empty-state'), null, 'a calls file is not "no data"');

      // A file that holds no ticket at all: the panel, and the skipped rows saying why.
      await page.setInputFiles('#file-input', zero);
      await page.waitForSelector('#empty-state[data-emptiness="NoData"]', { timeout: WAIT_MS });
      assert.equal(await page.getAttribute('#dashboard', 'data-files'), 'no_tickets.csv');
      assert.match(await page.innerText('#sources'), /no_tickets\.csv/);
    });
  });

  test('settings form: a target changed in a field changes the card, is checked, applied like the JSON and remembered', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page) => {
      await page.waitForSelector('[data-kpi="first_response_time"]', { timeout: WAIT_MS });
      const median = Number(await page.getAttribute('[data-kpi="first_response_time"]', 'data-value'));
      assert.ok(median > 1, `sample median first response ${median}`);
      await page.click('#settings > summary');
      assert.equal(await page.isVisible('#settings-json'), false, 'the JSON is advanced, folded away');
      const target = '#settings-target-first_response_time';
      const verdict = () => page.getAttribute('[data-kpi="first_response_time"] .target', 'data-target-met');

      // Below the median: missed (shorter is better); far above: met.
      await page.fill(target, '1');
      await page.press(target, 'Enter');
      await eventually(async () => assert.equal(await verdict(), 'false'), WAIT_MS);
      await page.fill(target, String(Math.ceil(median * 10)));
      await page.press(target, 'Enter');
      await eventually(async () => assert.equal(await verdict(), 'true'), WAIT_MS);
      const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('helpdesk-kpi.settings')));
      assert.equal(stored.targets.first_response_time, Math.ceil(median * 10));
      assert.equal(JSON.parse(await page.inputValue('#settings-json')).targets.first_response_time, Math.ceil(median * 10));

      // Refused values say why at the field, and change nothing.
      await page.fill(target, 'abc');
      await page.press(target, 'Enter');
      assert.equal(await page.innerText(`${target}-error`), "'abc' is not a number");
      assert.equal(await page.inputValue(target), 'abc', 'the refused text stays beside its message');
      assert.equal(await page.getAttribute(target, 'aria-invalid'), 'true');
      await page.fill('#settings-sla-_-first', '-5');
      await page.press('#settings-sla-_-first', 'Enter');
      assert.equal(await page.innerText('#settings-sla-_-first-error'),
        "the SLA target for '*' must be a positive number of minutes");
      assert.equal(await verdict(), 'true');

      // A time zone, business days: the same settings the JSON holds.
      if (!(await page.isVisible('#settings-time-zone'))) await page.click('#settings > summary');
      await page.selectOption('#settings-time-zone', 'Europe/Warsaw');
      await page.check('#settings-day-mon');
      await page.check('#settings-day-tue');
      await page.fill('#settings-hours-end', '16:30');
      await page.press('#settings-hours-end', 'Enter');
      await eventually(async () => {
        const json = JSON.parse(await page.inputValue('#settings-json'));
        assert.equal(json.time_zone, 'Europe/Warsaw');
        assert.deepEqual(json.business_hours.hours, { mon: ['09:00-16:30'], tue: ['09:00-16:30'] });
      }, WAIT_MS);
      await eventually(async () =>
        assert.notEqual(await page.getAttribute('[data-kpi="first_response_time_business"]', 'data-value'), ''), WAIT_MS);

      // A lunch break set in the JSON survives the form: the start moves Monday's morning only,
      // and a start past the break is refused at the field.
      const split = JSON.parse(await page.inputValue('#settings-json'));
      split.business_hours.hours = { mon: ['09:00-12:00', '13:00-17:00'], tue: ['09:00-16:30'] };
      await page.click('#settings-advanced > summary');
      await page.fill('#settings-json', JSON.stringify(split, null, 2));
      await page.click('#settings-apply');
      await eventually(async () => assert.equal(await page.inputValue('#settings-hours-end'), '17:00'), WAIT_MS);
      await page.fill('#settings-hours-start', '08:30');
      await page.press('#settings-hours-start', 'Enter');
      await eventually(async () => {
        const json = JSON.parse(await page.inputValue('#settings-json'));
        assert.deepEqual(json.business_hours.hours, { mon: ['08:30-12:00', '13:00-17:00'], tue: ['08:30-16:30'] });
      }, WAIT_MS);
      await page.fill('#settings-hours-start', '12:30');
      await page.press('#settings-hours-start', 'Enter');
      assert.equal(await page.innerText('#settings-hours-start-error'),
        'the start must come before 12:00, when the first hours of a day end');
      await page.click('#settings-advanced > summary');

      await page.locator('#settings').screenshot({ path: path.join(SHOTS, 'settings-form.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.locator('#settings').screenshot({ path: path.join(SHOTS, 'settings-form-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await chooseLanguage(page, 'pl');
      await page.fill(target, 'xyz');
      await page.press(target, 'Enter');
      assert.equal(await page.innerText(`${target}-error`), "'xyz' nie jest liczbą");
      await page.locator('#settings-form').screenshot({ path: path.join(SHOTS, 'settings-form-pl.png') });

      // Remembered: a new visit shows the target in its field.
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-kpi="first_response_time"] .target', { timeout: WAIT_MS });
      assert.equal(await page.inputValue(target), String(Math.ceil(median * 10)));
    });
  });
});

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

  test('engine messages (null reasons, notes, skipped rows, file errors) show in Polish', { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPage(async (page) => {
      await page.waitForSelector('[data-kpi="nps"]', { timeout: WAIT_MS });
      const english = await page.innerText('[data-kpi="nps"] .detail');
      assert.equal(english, 'no 0–10 recommendation (NPS) column in this export');
      await chooseLanguage(page, 'pl');
      await eventually(async () =>
        assert.equal(await page.innerText('[data-kpi="nps"] .detail'),
          'w tym eksporcie nie ma kolumny rekomendacji 0–10 (NPS)'));
      // Every null card of the sample: a translation, never the English reason.
      const details = await page.$$eval('.card.null .detail', (els) => els.map((e) => e.textContent));
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
      await page.screenshot({ path: path.join(SHOTS, 'engine-messages-pl.png'), fullPage: true });
    });
  });
});

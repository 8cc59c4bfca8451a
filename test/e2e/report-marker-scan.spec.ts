import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { DEFAULT_QUESTIONS } from '../../src/reporting/channels/default-channels.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { dumpAllTables, markerSpellingsIn, readFolder } from '../helpers/marker-scan.js';
import { createChannelForTest, createRecipientForTest, type TestChannel } from '../helpers/reporting.js';
import { clickAndLoad, pathOf, submitButtonOf } from './steps.js';

const M = 'Zq7MarkerXw41';

/**
 * Encryption at rest, end to end: a confidential report typed in the browser (JavaScript off)
 * with the marker in every field, the identity, the notification address, a file's name and
 * content — then the raw database (every table) and the upload folder hold the marker nowhere.
 */
describe('encryption at rest, from the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let channel: TestChannel;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    const handler = await createRecipientForTest(server.db, { name: 'Hanne Handelaar' });
    channel = await createChannelForTest(server.db, {
      recipients: [handler.id],
      questions: DEFAULT_QUESTIONS,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stores nothing of a report in clear: zero hits for a marker typed into every field', async () => {
    const context = await newContext(browser, { javaScript: false, locale: 'nl-BE' });
    try {
      const page = await context.newPage();
      const formPath = `/report/channel/${channel.slug}`;
      await page.goto(`${server.url}${formPath}`);
      await page.locator('input[name="identity"][value="confidential"]').check();
      await page.locator('input[name="name"]').fill(`Naam ${M}`);
      await page.locator('input[name="contact"]').fill(`Telefoon ${M}`);
      await page.locator('input[name="category"]').first().check();
      for (const question of DEFAULT_QUESTIONS) {
        const field = page.locator(`[name="q_${question.id}"]`);
        if (question.type === 'long_text' || question.type === 'short_text') {
          await field.first().fill(`${question.id} ${M}`);
        }
      }
      await page.locator('input[name="notify_email"]').fill(`${M.toLowerCase()}@example.test`);
      await page.locator('input[name="file_evidence"]').setInputFiles({
        name: `bewijs-${M}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from(`Inhoud van het bewijs: ${M}\n`),
      });
      await clickAndLoad(page, submitButtonOf(page, formPath));
      assert.equal(pathOf(page), `${formPath}/review`, 'the form was accepted');
      await checkA11y(page, { label: 'review with the marker' });
      await clickAndLoad(page, submitButtonOf(page, `${formPath}/review`));
      assert.match(
        ((await page.locator('[data-receipt] [aria-hidden="true"]').textContent()) ?? '').trim(),
        /^\d{4} \d{4} \d{4} \d{4}$/,
      );
    } finally {
      await context.close();
    }

    const stored = await server.db
      .selectFrom('reports')
      .select('id')
      .where('channel_id', '=', channel.channelId)
      .execute();
    assert.equal(stored.length, 1, 'the report was stored');
    const files = await server.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', stored[0]!.id)
      .execute();
    assert.equal(files.length, 1, 'its file was stored');

    // A control in clear, so the scans are shown to find what is there.
    const control = 'Kv3ControlQp88';
    await sql`create table scan_probe (t text)`.execute(server.db);
    await sql`insert into scan_probe values (${control})`.execute(server.db);
    const { text } = await dumpAllTables(server.database);
    const uploads = await readFolder(server.config.reporting.uploadDir);
    assert.ok(uploads.length > 0, 'the upload folder holds the (encrypted) file');
    assert.notDeepEqual(markerSpellingsIn(text, control), [], 'the table scan finds a value in clear');
    assert.deepEqual(markerSpellingsIn(text, M), [], 'no table holds the marker');
    assert.deepEqual(markerSpellingsIn(uploads, M), [], 'no uploaded file holds the marker');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEFAULT_QUESTIONS } from '../../src/reporting/channels/default-channels.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createChannelForTest, createRecipientForTest, type TestChannel } from '../helpers/reporting.js';
import { clickAndLoad, pathOf, submitButtonOf } from './steps.js';

/**
 * The reporter's journey with JavaScript switched off: from the start page to "make a report",
 * a channel, the form (anonymously, with a file), a refused form that keeps everything, the review
 * page and the receipt. axe-core checks every page, in Dutch and in English.
 */
describe('making a report without JavaScript', () => {
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

  for (const [language, locale] of [
    ['nl', 'nl-BE'],
    ['en', 'en-GB'],
  ] as const) {
    it(`sends an anonymous report with a file from the start page to the receipt (${language})`, async () => {
      const context = await newContext(browser, { javaScript: false, locale });
      try {
        const page = await context.newPage();
        const formPath = `/report/channel/${channel.slug}`;
        await page.goto(`${server.url}/`);
        assert.equal(await page.getAttribute('html', 'lang'), language);
        await checkA11y(page, { label: `/ (${language})` });

        await clickAndLoad(page, page.locator('nav a[href="/report"]').first());
        assert.equal(pathOf(page), '/report');
        await checkA11y(page, { label: `/report (${language})` });
        assert.ok(
          ((await page.locator('#external ~ .contact-card, .contact-card').textContent()) ?? '').includes(
            '0800 240 50',
          ),
        );

        await clickAndLoad(page, page.locator(`a[href="${formPath}"]`));
        assert.equal(pathOf(page), formPath);
        await checkA11y(page, { label: `${formPath} (${language})` });

        // The honeypot is out of sight (moved off the screen).
        const honeypot = await page.locator('input[name="website"]').boundingBox();
        assert.ok(honeypot && honeypot.x + honeypot.width <= 0, 'the honeypot is off screen');

        // First try: the required question left empty.
        await page.locator('input[name="identity"][value="anonymous"]').check();
        await page.locator('input[name="category"]').first().check();
        await page.locator('input[name="q_where"]').fill('Dienst aankoop, tweede verdieping');
        await page.locator('input[name="q_when"]').fill('2026-03-14');
        await page.locator('input[name="q_ongoing"][value="yes"]').check();
        await page.locator('input[name="file_evidence"]').setInputFiles({
          name: 'factuur-overzicht.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('Factuur 2026-114 werd twee keer betaald.\n'),
        });
        await clickAndLoad(page, submitButtonOf(page, formPath));
        assert.equal(await page.locator('[data-error-summary]').count(), 1, 'the error summary is shown');
        await checkA11y(page, { label: `${formPath} with an error (${language})` });
        assert.equal(
          await page.locator('input[name="q_where"]').inputValue(),
          'Dienst aankoop, tweede verdieping',
        );
        assert.equal(await page.locator('input[name="q_when"]').inputValue(), '2026-03-14');
        assert.ok(await page.locator('input[name="identity"][value="anonymous"]').isChecked());
        assert.ok(await page.locator('input[name="q_ongoing"][value="yes"]').isChecked());
        assert.ok(await page.locator('input[name="category"]').first().isChecked());
        assert.ok(
          ((await page.locator('form').textContent()) ?? '').includes('factuur-overzicht.txt'),
          'the file was kept and is listed',
        );

        // Fixed: the file need not be chosen again.
        await page.locator('textarea[name="q_what"]').fill('Een leverancier krijgt facturen dubbel betaald.');
        await clickAndLoad(page, submitButtonOf(page, formPath));
        assert.equal(pathOf(page), `${formPath}/review`);
        await checkA11y(page, { label: `${formPath}/review (${language})` });
        const review = (await page.locator('main').textContent()) ?? '';
        assert.ok(review.includes('Een leverancier krijgt facturen dubbel betaald.'));
        assert.ok(review.includes('factuur-overzicht.txt'));

        await clickAndLoad(page, submitButtonOf(page, `${formPath}/review`));
        const receipt = (
          (await page.locator('[data-receipt] [aria-hidden="true"]').textContent()) ?? ''
        ).trim();
        assert.match(receipt, /^\d{4} \d{4} \d{4} \d{4}$/, 'the receipt is shown in groups of four');
        await checkA11y(page, { label: `receipt (${language})` });
        assert.equal((await page.locator('a[href="/report/follow-up"]').count()) > 0, true);
      } finally {
        await context.close();
      }
    });
  }
});

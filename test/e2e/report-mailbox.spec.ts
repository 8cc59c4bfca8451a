import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatReceipt, type Receipt } from '../../src/reporting/receipt.js';
import { encryptText, openWithReceipt, reportAad } from '../../src/reporting/report-crypto.js';
import { type CreatedReport, createReport, insertMessage } from '../../src/reporting/report-store.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createChannelForTest, createRecipientForTest, type TestRecipient } from '../helpers/reporting.js';
import { clickAndLoad, pathOf, submitButtonOf } from './steps.js';

const ACKNOWLEDGEMENT = 'Wij hebben uw melding goed ontvangen en bekijken ze deze week.';

describe('the reporter follows up a report in the mailbox, without JavaScript', () => {
  let browser: Browser;
  let server: RunningServer;
  let handler: TestRecipient;
  let channelName: string;
  let report: CreatedReport;
  let reportKey: Buffer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    handler = await createRecipientForTest(server.db, { name: 'Wouter Desmet' });
    const channel = await createChannelForTest(server.db, { recipients: [handler.id] });
    channelName = `Kanaal ${channel.slug}`;
    report = await createReport(
      server.db,
      server.config,
      {
        channelId: channel.channelId,
        categoryId: channel.categoryId,
        questionnaireVersionId: channel.questionnaireVersionId,
        identityMode: 'anonymous',
        source: 'online',
        answers: { what: 'Een collega laat facturen van een bevriende firma voorgaan.' },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [],
        files: [],
        createdBy: null,
      },
      { now: new Date(), origin: { kind: 'anonymous', label: 'reporter' } },
    );
    // The handler side acknowledges: status, date and the message the reporter reads.
    const opened = await openWithReceipt(server.db, report.receipt);
    assert.ok(opened);
    reportKey = opened.reportKey;
    await server.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('reports')
        .set({ status: 'acknowledged', acknowledged_at: new Date() })
        .where('id', '=', report.reportId)
        .execute();
      await insertMessage(
        trx,
        {
          reportId: report.reportId,
          reportKey,
          author: 'handler',
          authorUserId: handler.id,
          kind: 'acknowledgement',
          text: ACKNOWLEDGEMENT,
        },
        new Date(),
      );
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function enterReceipt(page: Page, receipt: string): Promise<void> {
    await page.locator('input[name="receipt"]').fill(receipt);
    await clickAndLoad(page, submitButtonOf(page, '/report/follow-up'));
  }

  it('enters the receipt, reads the acknowledgement and answers with a file (Dutch)', async () => {
    const context = await newContext(browser, { javaScript: false, locale: 'nl-BE' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/report/follow-up`);
      assert.equal(await page.locator('h1').textContent(), 'Mijn melding opvolgen');
      await checkA11y(page, { label: '/report/follow-up (nl)' });

      await enterReceipt(page, '1111 2222 3333 4444');
      assert.equal(pathOf(page), '/report/follow-up');
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'an unknown receipt is refused');
      assert.equal(await page.locator('input[name="receipt"]').inputValue(), '1111 2222 3333 4444');
      await checkA11y(page, { label: '/report/follow-up (nl, unknown receipt)' });

      await enterReceipt(page, formatReceipt(report.receipt as Receipt));
      assert.equal(pathOf(page), '/report/follow-up/mailbox');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.ok(main.includes(ACKNOWLEDGEMENT), 'the acknowledgement is shown');
      assert.ok(main.includes(channelName), 'the channel is named');
      assert.ok(main.includes('Ontvangst bevestigd'), 'the status says acknowledged');
      assert.ok(!main.includes('Wouter Desmet'), 'the handler is never named');
      await checkA11y(page, { label: '/report/follow-up/mailbox (nl)' });

      const marker = `bijlage-${randomUUID()}`;
      await page.locator('textarea[name="message"]').fill('De facturen dateren van maart; zie de bijlage.');
      await page.locator('input[name="files"]').setInputFiles({
        name: 'overzicht.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(`Overzicht ${marker}\n`),
      });
      await clickAndLoad(page, submitButtonOf(page, '/report/follow-up/mailbox'));
      assert.equal(pathOf(page), '/report/follow-up/mailbox');
      const after = (await page.locator('main').textContent()) ?? '';
      assert.ok(after.includes('Uw bericht is verstuurd'));
      assert.ok(after.includes('De facturen dateren van maart; zie de bijlage.'));
      assert.equal(await page.locator('a[href^="/report/follow-up/files/"]').textContent(), 'overzicht.txt');
      await checkA11y(page, { label: '/report/follow-up/mailbox (nl, sent)' });

      const href = await page.locator('a[href^="/report/follow-up/files/"]').getAttribute('href');
      const download = await context.request.get(`${server.url}${href}`);
      assert.equal(download.status(), 200);
      assert.equal(await download.text(), `Overzicht ${marker}\n`);
      assert.match(download.headers()['content-disposition'] ?? '', /^attachment;/);

      await clickAndLoad(page, page.locator('form[action="/report/follow-up/logout"] button'));
      assert.equal(pathOf(page), '/report/follow-up');
      assert.ok(((await page.locator('main').textContent()) ?? '').includes('U bent uitgelogd'));
      await checkA11y(page, { label: '/report/follow-up (nl, logged out)' });
      await page.goto(`${server.url}/report/follow-up/mailbox`);
      assert.equal(pathOf(page), '/report/follow-up', 'the mailbox needs the receipt again');
    } finally {
      await context.close();
    }
  });

  it('reads, refuses an empty answer and signs minutes of an oral report (English)', async () => {
    const minutesId = randomUUID();
    await server.db.transaction().execute(async (trx) => {
      const messageId = await insertMessage(
        trx,
        {
          reportId: report.reportId,
          reportKey,
          author: 'handler',
          authorUserId: handler.id,
          kind: 'minutes',
          text: null,
        },
        new Date(),
      );
      await trx
        .insertInto('report_minutes')
        .values({
          id: minutesId,
          report_id: report.reportId,
          message_id: messageId,
          status: 'awaiting_signature',
          body: encryptText(
            reportKey,
            'Phone call: the reporter described the invoices.',
            reportAad.minutes(report.reportId, minutesId),
          ),
          created_at: new Date(),
          created_by: handler.id,
        })
        .execute();
    });
    const context = await newContext(browser, { javaScript: false, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/report/follow-up`);
      assert.equal(await page.locator('h1').textContent(), 'Follow up my report');
      await checkA11y(page, { label: '/report/follow-up (en)' });
      await enterReceipt(page, report.receipt);
      assert.equal(pathOf(page), '/report/follow-up/mailbox');
      const main = (await page.locator('main').textContent()) ?? '';
      assert.ok(main.includes('Phone call: the reporter described the invoices.'));
      assert.ok(main.includes('Waiting for your answer'));
      await checkA11y(page, { label: '/report/follow-up/mailbox (en, minutes)' });

      await clickAndLoad(page, submitButtonOf(page, '/report/follow-up/mailbox'));
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'an empty answer is refused');
      await checkA11y(page, { label: '/report/follow-up/mailbox (en, empty answer)' });

      await clickAndLoad(
        page,
        page.locator(`form[action="/report/follow-up/minutes/${minutesId}"] button`).first(),
      );
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'signing needs the confirmation');
      await checkA11y(page, { label: '/report/follow-up/minutes (en, not confirmed)' });
      await page.locator('input[name="confirm"]').check();
      await clickAndLoad(
        page,
        page.locator(`form[action="/report/follow-up/minutes/${minutesId}"] button`).first(),
      );
      const signed = (await page.locator('main').textContent()) ?? '';
      assert.ok(signed.includes('You signed the minutes.'));
      assert.ok(signed.includes('Signed'));
      await checkA11y(page, { label: '/report/follow-up/mailbox (en, signed)' });
    } finally {
      await context.close();
    }
  });
});

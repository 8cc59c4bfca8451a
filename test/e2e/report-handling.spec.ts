// Browser journeys of the handler's side (issue 3): (2) a handler logs in with password and
// second factor, finds the report in the inbox, acknowledges it and writes to the reporter;
// (4) a handler the reporter excluded never meets the report. axe-core on every page, nl and en.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createReport } from '../../src/reporting/report-store.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createChannelForTest, createRecipientForTest, type TestRecipient } from '../helpers/reporting.js';
import { clickAndLoad, freshTotpCode, logOut, pathOf, submitButtonOf, submitLogin } from './steps.js';

const PASSWORD = 'Meldingen lezen met twee factoren';

describe('the handler side of a report', () => {
  let browser: Browser;
  let server: RunningServer;
  let handler: TestRecipient;
  let excluded: TestRecipient;
  let reference: string;
  let reportId: string;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    [handler, excluded] = await Promise.all([
      createRecipientForTest(server.db, { password: PASSWORD, totp: true, name: 'Sofie Maes' }),
      createRecipientForTest(server.db, {
        password: PASSWORD,
        totp: true,
        roles: ['investigator'],
        name: 'Pieter Vermeulen',
      }),
    ]);
    const channel = await createChannelForTest(server.db, { recipients: [handler.id, excluded.id] });
    const created = await createReport(
      server.db,
      server.config,
      {
        channelId: channel.channelId,
        categoryId: channel.categoryId,
        questionnaireVersionId: channel.questionnaireVersionId,
        identityMode: 'anonymous',
        source: 'online',
        answers: { what: 'Een diensthoofd laat privéwerken uitvoeren door een aannemer van de dienst.' },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [excluded.id],
        files: [],
        createdBy: null,
      },
      { now: new Date(), origin: { kind: 'anonymous', label: 'reporter' } },
    );
    reference = created.reference;
    reportId = created.reportId;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page, user: TestRecipient): Promise<void> {
    await submitLogin(page, server.url, user.username, PASSWORD);
    assert.equal(pathOf(page), '/login/second-factor');
    await page.locator('input[name="code"]').fill(await freshTotpCode(user.totpSecret!));
    await clickAndLoad(page, submitButtonOf(page, '/login/second-factor'));
    assert.notEqual(pathOf(page), '/login/second-factor', 'the code was accepted');
  }

  it('lets a handler find the report, acknowledge it and write to the reporter', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await logIn(page, handler);

      await page.goto(`${server.url}/handling`);
      assert.equal(pathOf(page), '/handling');
      await checkA11y(page, { label: '/handling' });
      const link = page.getByRole('link', { name: reference });
      assert.equal(await link.count(), 1, 'the report is in the inbox');
      await clickAndLoad(page, link);
      assert.equal(pathOf(page), `/handling/reports/${reportId}`);
      assert.match((await page.locator('main').textContent()) ?? '', /privéwerken/);
      await checkA11y(page, { label: '/handling/reports/:id' });

      // Acknowledge with the default text.
      assert.ok(((await page.locator('textarea[name="ack_text"]').inputValue()) ?? '').length > 20);
      await clickAndLoad(page, submitButtonOf(page, `/handling/reports/${reportId}/acknowledge`));
      assert.equal(pathOf(page), `/handling/reports/${reportId}`);
      assert.equal(await page.locator('.notification--success').count(), 1);
      assert.equal(await page.locator('textarea[name="ack_text"]').count(), 0, 'acknowledged only once');
      await checkA11y(page, { label: '/handling/reports/:id (acknowledged)' });

      // A blank message (the browser's own check lets spaces through) is refused with the error summary.
      await page.locator('textarea[name="message_text"]').fill('   ');
      await clickAndLoad(page, submitButtonOf(page, `/handling/reports/${reportId}/messages`));
      assert.equal(await page.locator('[data-error-summary]').count(), 1);
      await checkA11y(page, { label: '/handling/reports/:id (empty message)' });

      await page.locator('textarea[name="message_text"]').fill('Kunt u zeggen sinds wanneer dit gebeurt?');
      await clickAndLoad(page, submitButtonOf(page, `/handling/reports/${reportId}/messages`));
      assert.equal(pathOf(page), `/handling/reports/${reportId}`);
      assert.match((await page.locator('.handling-thread').textContent()) ?? '', /sinds wanneer/);
      await checkA11y(page, { label: '/handling/reports/:id (message sent)' });

      // The recusal confirmation and the oral report form, for accessibility.
      await page.goto(`${server.url}/handling/reports/${reportId}/recuse`);
      await checkA11y(page, { label: '/handling/reports/:id/recuse' });
      await page.goto(`${server.url}/handling/oral/new`);
      await checkA11y(page, { label: '/handling/oral/new' });

      // The same pages in English.
      await page.goto(`${server.url}/handling/reports/${reportId}`);
      await clickAndLoad(page, page.locator('a.site-header__lang'));
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(pathOf(page), `/handling/reports/${reportId}`);
      await checkA11y(page, { label: '/handling/reports/:id (en)' });
      await page.goto(`${server.url}/handling`);
      await checkA11y(page, { label: '/handling (en)' });
      await page.goto(`${server.url}/handling/oral/new`);
      await checkA11y(page, { label: '/handling/oral/new (en)' });
      await logOut(page);
    } finally {
      await context.close();
    }
  });

  it('never shows the report to a handler the reporter excluded', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await logIn(page, excluded);
      await page.goto(`${server.url}/handling`);
      assert.equal(pathOf(page), '/handling');
      assert.ok(!((await page.locator('main').textContent()) ?? '').includes(reference));
      await checkA11y(page, { label: '/handling (excluded, en)' });
      const response = await page.goto(`${server.url}/handling/reports/${reportId}`);
      assert.equal(response?.status(), 404);
      assert.ok(!(await page.content()).includes(reference));
      await checkA11y(page, { label: '404 (excluded, en)' });
      await clickAndLoad(page, page.locator('a.site-header__lang'));
      await page.goto(`${server.url}/handling`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      assert.ok(!((await page.locator('main').textContent()) ?? '').includes(reference));
      await checkA11y(page, { label: '/handling (excluded, nl)' });
    } finally {
      await context.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { enqueueMail } from '../../src/platform/mail/outbox.js';
import { createSmtpTransport, deliverDueMail } from '../../src/platform/mail/outbox-worker.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createUserForTest, type TestUser } from '../helpers/factories.js';
import { type SmtpPeer, startSmtpPeer } from '../helpers/smtp.js';
import { clickAndLoad, freshTotpCode, pathOf, submitButtonOf, submitLogin } from './steps.js';

const PASSWORD = 'Post die nooit aankwam in Gent';

describe('outgoing mail in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let peer: SmtpPeer;
  let admin: TestUser;

  before(async () => {
    peer = await startSmtpPeer();
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { SMTP_URL: peer.url } })]);
    admin = await createUserForTest(server.db, { roles: ['admin'], password: PASSWORD, totp: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await peer?.stop();
  });

  async function logIn(page: Page): Promise<void> {
    await submitLogin(page, server.url, admin.username, PASSWORD);
    assert.equal(pathOf(page), '/login/second-factor');
    await page.locator('input[name="code"]').fill(await freshTotpCode(admin.totpSecret ?? ''));
    await clickAndLoad(page, submitButtonOf(page, '/login/second-factor'));
  }

  it('lets an admin find a failed message, read it and send it again, without JavaScript', async () => {
    const now = new Date();
    const messageId = await enqueueMail(
      server.db,
      {
        to: 'behandelaar@vlaanderen.example',
        subject: 'Nieuwe activiteit op melding M-2026-0042',
        text: 'Er is nieuwe activiteit op een melding.\nOpen ze in het integriteitsloket.',
        purpose: 'report.activity',
      },
      { now, publicUrl: server.url },
    );
    await server.db
      .updateTable('outbox')
      .set({ state: 'failed', attempts: 10, last_error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25' })
      .where('message_id', '=', messageId)
      .execute();
    await enqueueMail(
      server.db,
      {
        to: 'ander@vlaanderen.example',
        subject: 'Een ander bericht',
        text: 'Tekst',
        purpose: 'report.activity',
      },
      { now, publicUrl: server.url },
    );

    const context = await newContext(browser, { javaScript: false });
    try {
      const page = await context.newPage();
      await logIn(page);
      await page.goto(`${server.url}/admin/mail`);
      await checkA11y(page, { label: '/admin/mail' });
      assert.match((await page.locator('main').textContent()) ?? '', /Een ander bericht/);

      await page.locator('select[name="state"]').selectOption('failed');
      await clickAndLoad(page, submitButtonOf(page, '/admin/mail'));
      assert.match(page.url(), /state=failed/);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.doesNotMatch(main, /Een ander bericht/);
      assert.match(main, /ECONNREFUSED/);
      await checkA11y(page, { label: '/admin/mail?state=failed' });

      await clickAndLoad(page, page.getByRole('link', { name: 'Nieuwe activiteit op melding M-2026-0042' }));
      assert.match(pathOf(page), /^\/admin\/mail\/[0-9a-f-]{36}$/);
      assert.match(
        (await page.locator('[data-mail-body]').textContent()) ?? '',
        /Open ze in het integriteitsloket/,
      );
      await checkA11y(page, { label: '/admin/mail/:id (failed)' });

      await clickAndLoad(page, page.getByRole('button', { name: 'Nu opnieuw proberen' }));
      assert.match(page.url(), /done=retried/);
      await checkA11y(page, { label: '/admin/mail/:id (retried)' });

      // The worker (which `npm start` runs every few seconds) sends it to the SMTP peer.
      const transport = createSmtpTransport(peer.url, server.config.mailFrom);
      try {
        await deliverDueMail(server.db, transport, { now: new Date() });
      } finally {
        transport.close();
      }
      const received = await peer.waitFor(2);
      assert.ok(received.some((mail) => mail.messageId === messageId));
      await page.reload();
      assert.match((await page.locator('main').textContent()) ?? '', /Verzonden/);
    } finally {
      await context.close();
    }
  });

  it('reads in English', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await logIn(page);
      await page.goto(`${server.url}/admin/mail`);
      assert.equal(await page.locator('main h1').textContent(), 'Outgoing mail');
      await checkA11y(page, { label: '/admin/mail (en)' });
      await clickAndLoad(page, page.locator('main table a').first());
      await checkA11y(page, { label: '/admin/mail/:id (en)' });
    } finally {
      await context.close();
    }
  });
});

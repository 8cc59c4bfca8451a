import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { type InboundSmtp, startInboundSmtp } from '../../src/contact/email/inbound-smtp.js';
import { systemClock } from '../../src/platform/clock.js';
import { createJobRunner, type JobRunner } from '../../src/platform/jobs/runner.js';
import { onMailDue } from '../../src/platform/mail/outbox.js';
import { createMailJob, createSmtpTransport, MAIL_JOB } from '../../src/platform/mail/outbox-worker.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createUserForTest, type TestUser } from '../helpers/factories.js';
import { type SmtpPeer, startSmtpPeer } from '../helpers/smtp.js';
import { clickAndLoad, pathOf, submitButtonOf, submitLogin } from './steps.js';

const PASSWORD = 'Een vraag per post naar Brussel';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('e-mail to 1700 in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let peer: SmtpPeer;
  let agent: TestUser;
  let runner: JobRunner;
  let removeHook: () => void;
  let transport: ReturnType<typeof createSmtpTransport>;
  let inbound: InboundSmtp;

  before(async () => {
    peer = await startSmtpPeer();
    [browser, server] = await Promise.all([
      launchBrowser(),
      startServer({ env: { SMTP_URL: peer.url, CONTACT_REPLY_ADDRESS: '1700@desk.example' } }),
    ]);
    // The mail job as src/main.ts runs it: woken whenever mail is enqueued.
    transport = createSmtpTransport(peer.url, server.config.mailFrom);
    runner = createJobRunner({
      logger: silent,
      wakeDelayMs: 100,
      jobs: [createMailJob({ db: server.db, transport, clock: systemClock, logger: silent })],
    });
    removeHook = onMailDue(() => runner.wake(MAIL_JOB));
    runner.start();
    inbound = await startInboundSmtp({
      db: server.db,
      config: server.config,
      clock: systemClock,
      logger: silent,
      listen: { host: '127.0.0.1', port: 0 },
    });
    agent = await createUserForTest(server.db, {
      roles: ['agent'],
      password: PASSWORD,
      name: 'Ilse Verstraete',
    });
  });
  after(async () => {
    removeHook?.();
    await runner?.stop();
    transport?.close();
    await inbound?.close();
    await browser?.close();
    await server?.close();
    await peer?.stop();
  });

  const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

  it('a citizen e-mails without JavaScript, gets the copy, the agent answers, the citizen replies', async () => {
    const citizenContext = await newContext(browser, { javaScript: false });
    const agentContext = await newContext(browser);
    try {
      // The citizen, without JavaScript.
      const page = await citizenContext.newPage();
      await page.goto(`${server.url}/contact/email`);
      await checkA11y(page, { label: '/contact/email' });
      await page.locator('input[name="name"]').fill('Anna Peeters');
      await page
        .locator('textarea[name="question"]')
        .fill('Mag ik een fles wijn van een leverancier aanvaarden?');
      await clickAndLoad(page, submitButtonOf(page, '/contact/email'));
      // Errors for what is missing, the question kept.
      assert.match(await mainText(page), /Vul uw e-mailadres in\./);
      assert.equal(
        await page.locator('textarea[name="question"]').inputValue(),
        'Mag ik een fles wijn van een leverancier aanvaarden?',
      );
      await checkA11y(page, { label: '/contact/email (errors)' });
      await page.locator('input[name="email"]').fill('anna@example.be');
      await page.locator('select[name="topicId"]').selectOption({ label: 'Integriteit' });
      await clickAndLoad(page, submitButtonOf(page, '/contact/email'));
      assert.match(await mainText(page), /Uw bericht is verstuurd/);
      assert.match(await mainText(page), /anna@example\.be/);
      assert.match(await mainText(page), /binnen 2 werkdagen/);
      await checkA11y(page, { label: '/contact/email (sent)' });

      const [copy] = await peer.waitFor(1, 10_000);
      assert.ok(copy);
      assert.equal(copy.envelope.to[0], 'anna@example.be');
      assert.match(copy.subject, /Uw vraag aan 1700: Integriteit/);
      assert.match(copy.text, /fles wijn/);
      const replyTo = copy.headers.get('reply-to') ?? '';
      assert.match(replyTo, /^1700\+[0-9a-f]{30}@desk\.example$/);

      // The agent sees it in the queue and answers.
      const desk = await agentContext.newPage();
      await submitLogin(desk, server.url, agent.username, PASSWORD);
      await desk.goto(`${server.url}/console/email`);
      assert.match(await mainText(desk), /Anna Peeters/);
      await checkA11y(desk, { label: '/console/email' });
      await clickAndLoad(desk, desk.getByRole('link', { name: 'Anna Peeters' }));
      assert.match(pathOf(desk), /^\/console\/email\/[0-9a-f-]{36}$/);
      await checkA11y(desk, { label: '/console/email/:id' });
      await desk.locator('textarea[name="answer"]').fill('Beste Anna,\nEen fles wijn mag u niet aanvaarden.');
      await clickAndLoad(desk, submitButtonOf(desk, `${pathOf(desk)}/answer`));
      assert.match(await mainText(desk), /Uw antwoord is verstuurd/);
      assert.match(await mainText(desk), /Beantwoord/);
      await checkA11y(desk, { label: '/console/email/:id (answered)' });

      const answer = (await peer.waitFor(2, 10_000))[1];
      assert.ok(answer);
      assert.equal(answer.envelope.to[0], 'anna@example.be');
      assert.equal(answer.headers.get('in-reply-to'), copy.messageId);
      assert.equal(answer.headers.get('references'), copy.messageId);
      assert.equal(answer.headers.get('reply-to'), replyTo);
      assert.match(answer.text, /Een fles wijn mag u niet aanvaarden/);

      // The citizen replies to the answer through the inbound SMTP receiver.
      const mailer = nodemailer.createTransport({
        host: '127.0.0.1',
        port: inbound.port,
        secure: false,
        ignoreTLS: true,
      });
      try {
        await mailer.sendMail({
          from: 'Anna Peeters <anna@example.be>',
          to: replyTo,
          subject: `Re: ${answer.subject}`,
          text: `Dank u, dan weiger ik ze.\n\nOp di schreef 1700 <${replyTo}>:\n> ${answer.text.split('\n').join('\n> ')}`,
          inReplyTo: answer.messageId,
          references: [copy.messageId, answer.messageId],
        });
      } finally {
        mailer.close();
      }
      await desk.reload();
      const thread = await mainText(desk);
      assert.match(thread, /Dank u, dan weiger ik ze\./);
      assert.doesNotMatch(thread, /> Beste Anna/);
      assert.match(thread, /Open/);
      await checkA11y(desk, { label: '/console/email/:id (reply)' });
    } finally {
      await citizenContext.close();
      await agentContext.close();
    }
  });

  it('reads in English: the form, its confirmation and the queue', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/contact/email`);
      assert.equal(await page.locator('main h1').textContent(), 'E-mail 1700');
      await checkA11y(page, { label: '/contact/email (en)' });
      await page.locator('input[name="name"]').fill('Emma Brown');
      await page.locator('input[name="email"]').fill('emma@example.org');
      await page.locator('select[name="topicId"]').selectOption({ label: 'General questions' });
      await page
        .locator('textarea[name="question"]')
        .fill('Is there an English version of the code of conduct?');
      await clickAndLoad(page, submitButtonOf(page, '/contact/email'));
      assert.match(await mainText(page), /Your message has been sent/);
      await checkA11y(page, { label: '/contact/email (sent, en)' });

      await submitLogin(page, server.url, agent.username, PASSWORD);
      await page.goto(`${server.url}/console/email`);
      assert.equal(await page.locator('main h1').textContent(), 'E-mail queue');
      assert.match(await mainText(page), /Emma Brown/);
      await checkA11y(page, { label: '/console/email (en)' });
      await clickAndLoad(page, page.getByRole('link', { name: 'Emma Brown' }));
      await checkA11y(page, { label: '/console/email/:id (en)' });
    } finally {
      await context.close();
    }
  });
});

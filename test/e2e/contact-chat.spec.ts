import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createSmtpTransport, deliverDueMail } from '../../src/platform/mail/outbox-worker.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createUserForTest, type TestUser } from '../helpers/factories.js';
import { type SmtpPeer, startSmtpPeer } from '../helpers/smtp.js';
import { clickAndLoad, pathOf, submitButtonOf, submitLogin } from './steps.js';

const PASSWORD = 'Een chat die vanzelf begint in Brugge';

/** Open every day, all day: the journey must not depend on the hour the suite runs at. */
const ALWAYS_OPEN = {
  timeZone: 'Europe/Brussels',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '23:59' }]]),
  ),
  closedOnHolidays: false,
};

describe('a chat between a visitor and an agent in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let peer: SmtpPeer;
  let agent: TestUser;

  before(async () => {
    peer = await startSmtpPeer();
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { SMTP_URL: peer.url } })]);
    await server.db
      .updateTable('contact_topics')
      .set({ opening_hours: JSON.stringify(ALWAYS_OPEN) })
      .execute();
    agent = await createUserForTest(server.db, {
      roles: ['agent'],
      password: PASSWORD,
      name: 'Ilse Verstraete',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await peer?.stop();
  });

  async function logIn(page: Page): Promise<void> {
    await submitLogin(page, server.url, agent.username, PASSWORD);
    assert.notEqual(pathOf(page), '/login', 'agents log in without a second factor');
  }

  async function startVisitorChat(page: Page, topic: string, name: string, submit: string): Promise<void> {
    await page.goto(`${server.url}/contact/chat`);
    await checkA11y(page, { label: '/contact/chat (start)' });
    await page.getByLabel(topic).check();
    await page.locator('input[name="name"]').fill(name);
    await clickAndLoad(page, page.getByRole('button', { name: submit }));
    // With no agent online (no estimate) the e-mail route is offered first; this visitor waits anyway.
    if ((await page.locator('[data-admission-wait]').count()) > 0) {
      await checkA11y(page, { label: '/contact/chat (admission)' });
      await clickAndLoad(page, page.locator('form:has(input[name="join"]) button'));
    }
  }

  /** Sends the mail the job runner would send (`npm start` runs it every few seconds). */
  async function runOutbox(): Promise<void> {
    const transport = createSmtpTransport(peer.url, server.config.mailFrom);
    try {
      await deliverDueMail(server.db, transport, { now: new Date() });
    } finally {
      transport.close();
    }
  }

  it('queues the visitor, starts the chat by itself when the agent becomes available, and ends with a transcript and a smiley', async () => {
    const contexts: BrowserContext[] = [];
    try {
      // The visitor (JavaScript on) waits while no agent is available and sees their position.
      const visitorContext = await newContext(browser);
      contexts.push(visitorContext);
      const visitor = await visitorContext.newPage();
      await startVisitorChat(visitor, 'Algemene vragen', 'Anna', 'Start de chat');
      const status = visitor.locator('[data-chat-status]');
      await status.waitFor();
      assert.match((await status.textContent()) ?? '', /1/);
      await checkA11y(visitor, { label: '/contact/chat (queued)' });

      // The agent logs in and makes themself available for the topic.
      const agentContext = await newContext(browser);
      contexts.push(agentContext);
      const console_ = await agentContext.newPage();
      await logIn(console_);
      await console_.goto(`${server.url}/console`);
      await checkA11y(console_, { label: '/console' });
      await console_.locator('input[name="availability"][value="available"]').check();
      await console_.getByRole('checkbox', { name: 'Algemene vragen' }).check();
      await clickAndLoad(console_, submitButtonOf(console_, '/console/agent'));
      assert.match(console_.url(), /done=saved/);

      // The chat starts by itself in the visitor's page, announced in its live status.
      await visitor.waitForFunction(
        () => /Ilse/.test(document.querySelector('[data-chat-status]')?.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      );
      const pane = console_.locator('main [data-chat-pane]').first();
      await pane.waitFor({ timeout: 10_000 });
      assert.match((await pane.locator('h3').textContent()) ?? '', /Anna/);
      await console_.waitForFunction(() =>
        /Verbonden/.test(document.querySelector('[data-console-connection]')?.textContent ?? ''),
      );
      await checkA11y(console_, { label: '/console (one chat)' });

      // Messages both ways.
      await pane.locator('textarea').fill('Goedemiddag Anna, waarmee kan ik helpen?');
      await pane.getByRole('button', { name: 'Versturen', exact: true }).click();
      await visitor.getByText('Goedemiddag Anna, waarmee kan ik helpen?').waitFor({ timeout: 10_000 });
      await visitor.locator('textarea[name="body"]').fill('Ik zoek de regels over geschenken.');
      await submitButtonOf(visitor, '/contact/chat/message').click();
      await pane.getByText('Ik zoek de regels over geschenken.').waitFor({ timeout: 10_000 });
      await checkA11y(visitor, { label: '/contact/chat (active)' });

      // A second visitor, in English, arrives live in the console, announced politely.
      const englishContext = await newContext(browser, { locale: 'en-GB' });
      contexts.push(englishContext);
      const english = await englishContext.newPage();
      await startVisitorChat(english, 'General questions', 'Ben', 'Start the chat');
      const second = console_.locator('main [data-chat-pane]').nth(1);
      await second.waitFor({ timeout: 10_000 });
      assert.match((await second.locator('h3').textContent()) ?? '', /Ben/);
      await console_.waitForFunction(() =>
        /Nieuwe chat met Ben/.test(document.querySelector('[data-console-announcer]')?.textContent ?? ''),
      );
      await checkA11y(console_, { label: '/console (two chats)' });
      await checkA11y(english, { label: '/contact/chat (en, active)' });

      // The visitor ends the chat; the console says so.
      await clickAndLoad(visitor, submitButtonOf(visitor, '/contact/chat/end'));
      await pane.getByText('De bezoeker heeft de chat beëindigd.').waitFor({ timeout: 10_000 });
      await checkA11y(visitor, { label: '/contact/chat (ended)' });

      // The transcript by e-mail arrives at the SMTP peer.
      await visitor.locator('input[name="email"]').fill('anna@example.test');
      await clickAndLoad(visitor, submitButtonOf(visitor, '/contact/chat/transcript'));
      await runOutbox();
      const [mail] = await peer.waitFor(1);
      assert.equal(mail?.to, 'anna@example.test');
      assert.match(mail?.text ?? '', /Ik zoek de regels over geschenken\./);
      assert.match(mail?.text ?? '', /Goedemiddag Anna, waarmee kan ik helpen\?/);

      // A smiley.
      await visitor.locator('label[for="field-rating-5"]').click();
      await clickAndLoad(visitor, submitButtonOf(visitor, '/contact/chat/rating'));
      const rated = await server.db
        .selectFrom('contact_conversations')
        .select('rating')
        .where('visitor_name', '=', 'Anna')
        .executeTakeFirstOrThrow();
      assert.equal(rated.rating, 5);
      await checkA11y(visitor, { label: '/contact/chat (rated)' });

      // The full page of the English chat, in the agent's language.
      const benId = await second.getAttribute('data-chat-pane');
      await console_.goto(`${server.url}/console/chats/${benId}`);
      await checkA11y(console_, { label: '/console/chats/:id' });
    } finally {
      for (const context of contexts) await context.close();
    }
  });

  it('shows the console and a chat in English, and works without JavaScript', async () => {
    const context = await newContext(browser, { locale: 'en-GB', javaScript: false });
    try {
      const page = await context.newPage();
      await logIn(page);
      await page.goto(`${server.url}/console`);
      assert.equal(await page.locator('main h1').textContent(), '1700 console');
      await checkA11y(page, { label: '/console (en, no JS)' });
      const link = page.locator('main [data-full-link]').first();
      await clickAndLoad(page, link);
      assert.match(pathOf(page), /^\/console\/chats\/[0-9a-f-]{36}$/);
      await page.locator('textarea[name="body"]').fill('Sent without JavaScript.');
      await clickAndLoad(page, page.locator('main form[data-message-form] button[type="submit"]'));
      assert.match(page.url(), /done=sent/);
      assert.match((await page.locator('main').textContent()) ?? '', /Sent without JavaScript\./);
      await checkA11y(page, { label: '/console/chats/:id (en, no JS)' });
    } finally {
      await context.close();
    }
  });
});

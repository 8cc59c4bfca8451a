import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { unique } from '../helpers/database.js';
import { clickAndLoad, pathOf } from './steps.js';

/**
 * The visitor's side of the chat (the agent's side is in contact-chat.spec.ts): without
 * JavaScript, a visitor queues while no agent is online, sees the position and the e-mail offer,
 * and leaves for e-mail keeping everything typed; with JavaScript, the position in the polite
 * live region changes by itself when the visitor ahead leaves. axe-core on every page, nl and en.
 */

/** Open every day, all day: the journeys must not depend on the hour the suite runs at. */
const ALWAYS_OPEN = {
  timeZone: 'Europe/Brussels',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  ),
  closedOnHolidays: false,
};

const texts = {
  nl: {
    locale: 'nl-BE',
    noAgent: 'Er is nu geen medewerker online',
    position: (n: number) => `U bent nummer ${n} in de wachtrij.`,
    connected: 'Verbonden',
    leftNotice: 'U hebt de wachtrij verlaten.',
  },
  en: {
    locale: 'en-GB',
    noAgent: 'No agent is online right now',
    position: (n: number) => `You are number ${n} in the queue.`,
    connected: 'Connected',
    leftNotice: 'You left the queue.',
  },
} as const;

let lastAddress = 0;
/** A client address of its own (TEST-NET-1, RFC 5737: never routed) for each visitor. */
function nextAddress(): string {
  lastAddress += 1;
  return `192.0.2.${lastAddress}`;
}

/** A second visitor driven over plain HTTP (cookies and CSRF token kept by hand). */
class HttpVisitor {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    readonly baseUrl: string,
    readonly address: string,
  ) {}

  async request(path: string, form?: Record<string, string>): Promise<{ status: number; body: string }> {
    const headers: Record<string, string> = {
      'x-forwarded-for': this.address,
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | undefined;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: this.csrf, ...form }).toString();
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const match = /name="_csrf" value="([^"]+)"/.exec(text);
    if (match?.[1]) this.csrf = match[1];
    return { status: response.status, body: text };
  }
}

describe('the visitor’s side of the chat in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    // Every journey is its own client (the start throttle counts per client): the server trusts
    // one proxy hop, and each visitor comes "through" it from its own documentation address.
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { TRUST_PROXY: '1' } })]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A topic of its own per journey, always open, so queue positions depend on this journey only. */
  async function createTopic(): Promise<{ id: string; nl: string; en: string }> {
    const slug = unique('t');
    const topic = { nl: `Vraag ${slug}`, en: `Question ${slug}` };
    const row = await server.db
      .insertInto('contact_topics')
      .values({
        slug,
        name_nl: topic.nl,
        name_en: topic.en,
        opening_hours: JSON.stringify(ALWAYS_OPEN),
        position: 5,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, ...topic };
  }

  /** From the start form through the e-mail offer (nobody online) into the queue. */
  async function joinQueue(page: Page, topicId: string, name: string, language: 'nl' | 'en'): Promise<void> {
    await checkA11y(page, { label: `/contact/chat start (${language})` });
    await page.locator(`input[name="topicId"][value="${topicId}"]`).check();
    await page.locator('input[name="name"]').fill(name);
    await clickAndLoad(page, page.locator('form[action="/contact/chat"] button[type="submit"]'));
    // No agent online: e-mail is offered before joining, with the reason.
    assert.ok(
      ((await page.locator('[data-admission-wait]').textContent()) ?? '').includes(texts[language].noAgent),
    );
    await checkA11y(page, { label: `/contact/chat admission (${language})` });
    await clickAndLoad(page, page.locator('form:has(input[name="join"]) button'));
    assert.equal(pathOf(page), '/contact/chat');
  }

  for (const language of ['nl', 'en'] as const) {
    const t = texts[language];

    it(`without JavaScript: queues, shows the position and the e-mail offer, and leaves for e-mail keeping what was typed (${language})`, async () => {
      const topic = await createTopic();
      const context = await newContext(browser, {
        javaScript: false,
        locale: t.locale,
        extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/contact`);
        assert.equal(await page.getAttribute('html', 'lang'), language);
        await checkA11y(page, { label: `/contact (${language})` });
        assert.ok(((await page.locator('main').textContent()) ?? '').includes(topic[language]));

        await clickAndLoad(page, page.locator('main a[href="/contact/chat"]').first());
        await joinQueue(page, topic.id, 'Lies Peeters', language);
        await checkA11y(page, { label: `/contact/chat queued (${language})` });

        const status = page.locator('[data-chat-status]');
        assert.equal(await status.getAttribute('role'), 'status');
        assert.equal(await status.getAttribute('aria-live'), 'polite');
        assert.ok(((await status.textContent()) ?? '').includes(t.position(1)));
        assert.ok(((await status.textContent()) ?? '').includes(t.noAgent));
        // Without JavaScript the page refreshes itself (the <noscript> is live when scripts are off).
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 1);
        assert.ok(await page.locator('button[formaction="/contact/chat/email"]').isVisible());

        // While typing, the visitor turns the refresh off (the page offers it), then sends one message.
        await clickAndLoad(page, page.locator('a[href="/contact/chat?refresh=off"]').first());
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
        await page.locator('textarea[name="body"]').fill('Mag ik een geschenk van een leverancier aannemen?');
        await clickAndLoad(
          page,
          page.locator('form[action="/contact/chat/message"] button:not([formaction])'),
        );
        assert.ok(
          ((await page.locator('[data-chat-thread]').textContent()) ?? '').includes('Mag ik een geschenk'),
          'the message is in the thread',
        );

        // More typed but not sent, then off to e-mail: both arrive in the e-mail form.
        await page.locator('textarea[name="body"]').fill('Het gaat om een fles wijn.');
        await clickAndLoad(page, page.locator('button[formaction="/contact/chat/email"]'));
        await checkA11y(page, { label: `/contact/chat/email → e-mail form (${language})` });
        const question = await page.locator('textarea[name="question"]').inputValue();
        assert.equal(
          question,
          'Mag ik een geschenk van een leverancier aannemen?\n\nHet gaat om een fles wijn.',
        );
        assert.equal(await page.locator('input[name="name"]').inputValue(), 'Lies Peeters');
        assert.equal(await page.locator('select[name="topicId"]').inputValue(), topic.id);
        assert.equal(await page.locator('form[action="/contact/email"]').count(), 1);

        // The queue was left: the chat page is the start form again.
        await page.goto(`${server.url}/contact/chat`);
        assert.equal(await page.locator('form[action="/contact/chat"]').count(), 1);
      } finally {
        await context.close();
      }
    });

    it(`with JavaScript: the position in the live region changes by itself when the visitor ahead leaves (${language})`, async () => {
      const topic = await createTopic();
      // The visitor ahead joins over plain HTTP.
      const ahead = new HttpVisitor(server.url, nextAddress());
      await ahead.request('/contact/chat');
      const joined = await ahead.request('/contact/chat', {
        topicId: topic.id,
        name: 'Voorganger',
        join: 'anyway',
      });
      assert.equal(joined.status, 303);
      assert.ok(ahead.cookies.get('chat'));

      const context = await newContext(browser, {
        locale: t.locale,
        extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/contact/chat`);
        await joinQueue(page, topic.id, 'Tweede', language);
        const status = page.locator('[data-chat-status]');
        assert.ok(((await status.textContent()) ?? '').includes(t.position(2)));
        // The script runs: no self-refresh, and the connection says it is live.
        assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
        await page.locator('[data-chat-connection][data-connection="open"]').waitFor({ timeout: 10_000 });
        assert.ok(((await page.locator('[data-chat-connection]').textContent()) ?? '').includes(t.connected));
        await checkA11y(page, { label: `/contact/chat queued with JavaScript (${language})` });

        // A marker that a reload would wipe: nothing below reloads the page.
        await page.evaluate('window.__noReload = true');
        const changes: string[] = [];
        await page.exposeFunction('recordStatus', (text: string) => changes.push(text));
        await page.evaluate(`new MutationObserver(() => window.recordStatus(document.querySelector('[data-chat-status]').textContent))
          .observe(document.querySelector('[data-chat-status]'), { childList: true, characterData: true, subtree: true })`);

        const left = await ahead.request('/contact/chat/leave', {});
        assert.equal(left.status, 303);
        await page.waitForFunction(
          (expected) => document.querySelector('[data-chat-status]')?.textContent?.includes(expected),
          t.position(1),
          { timeout: 10_000 },
        );
        assert.equal(await page.evaluate('window.__noReload'), true, 'the page was not reloaded');
        assert.equal(changes.length, 1, `the live region changed once: ${JSON.stringify(changes)}`);

        // A message goes out over the socket and shows in the thread without a reload.
        await page.locator('textarea[name="body"]').fill('Hallo, ik wacht nog even.');
        await page.locator('form[action="/contact/chat/message"] button:not([formaction])').click();
        await page
          .locator('[data-chat-thread] .chat-message--visitor', { hasText: 'Hallo, ik wacht nog even.' })
          .waitFor({ timeout: 10_000 });
        assert.equal(await page.locator('textarea[name="body"]').inputValue(), '');
        assert.equal(await page.evaluate('window.__noReload'), true, 'sent without a reload');
        await checkA11y(page, { label: `/contact/chat after a message (${language})` });

        // Leaving the queue is an ordinary form.
        await clickAndLoad(page, page.locator('form[action="/contact/chat/leave"] button'));
        assert.ok(((await page.locator('[data-chat-notice]').textContent()) ?? '').includes(t.leftNotice));
        await checkA11y(page, { label: `/contact/chat after leaving (${language})` });
      } finally {
        await context.close();
      }
    });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findTopic, listTopics } from '../../src/contact/topics.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { createUserForTest, type TestUser } from '../helpers/factories.js';
import { clickAndLoad, freshTotpCode, pathOf, submitButtonOf, submitLogin } from './steps.js';

const PASSWORD = 'Feedback over preventie in Brugge';

describe('page feedback and the contact administration in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let coordinator: TestUser;
  let admin: TestUser;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    coordinator = await createUserForTest(server.db, {
      roles: ['coordinator'],
      password: PASSWORD,
      totp: true,
    });
    admin = await createUserForTest(server.db, { roles: ['admin'], password: PASSWORD, totp: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page, user: TestUser): Promise<void> {
    await submitLogin(page, server.url, user.username, PASSWORD);
    if (pathOf(page) === '/login/second-factor') {
      await page.locator('input[name="code"]').fill(await freshTotpCode(user.totpSecret ?? ''));
      await clickAndLoad(page, submitButtonOf(page, '/login/second-factor'));
    }
  }

  const focusedId = (page: Page) => page.locator(':focus').first().getAttribute('id');

  it('lets a visitor without JavaScript answer "Nee" with a comment, which the coordinator sees', async () => {
    const visitor = await newContext(browser, { javaScript: false });
    try {
      const page = await visitor.newPage();
      await page.goto(`${server.url}/prevention`);
      await checkA11y(page, { label: '/prevention (feedback form)' });
      const block = page.locator('section.page-feedback');
      assert.equal(
        await block.getByRole('heading', { level: 2 }).textContent(),
        'Was deze informatie nuttig?',
      );
      await block.locator('summary').click();
      await block.getByLabel('Uw toelichting').fill('Ik mis een voorbeeld over geschenken van leveranciers.');
      await clickAndLoad(page, block.getByRole('button', { name: 'Nee' }));
      assert.match(page.url(), /\/prevention\?feedback=no#page-feedback$/);
      assert.match((await page.locator('#page-feedback').textContent()) ?? '', /Bedankt voor uw feedback/);
      assert.equal(await focusedId(page), 'page-feedback', 'the thank-you has focus, without JavaScript');
      await checkA11y(page, { label: '/prevention (thank-you)' });
    } finally {
      await visitor.close();
    }

    const context = await newContext(browser, { javaScript: false });
    try {
      const page = await context.newPage();
      await logIn(page, coordinator);
      await page.goto(`${server.url}/`);
      await clickAndLoad(page, page.getByRole('link', { name: 'Feedback op pagina’s' }));
      assert.equal(pathOf(page), '/insights/feedback');
      await checkA11y(page, { label: '/insights/feedback' });
      const bar = page.locator('[data-chart-page="/prevention"]');
      assert.match((await bar.textContent()) ?? '', /0% nuttig \(0 ja, 1 nee\)/);
      const row = page.locator('tr', {
        has: page.getByRole('rowheader', { name: '/prevention', exact: true }),
      });
      assert.deepEqual(
        (await row.locator('td').allTextContents()).map((s) => s.trim()),
        ['0', '1', '1', '0%'],
      );
      const comment = page.locator('[data-feedback-comment]').first();
      assert.match((await comment.textContent()) ?? '', /geschenken van leveranciers/);
      assert.match((await comment.textContent()) ?? '', /\/prevention · niet nuttig · Nederlands/);

      await page.locator('select[name="period"]').selectOption('all');
      await page.locator('select[name="path"]').selectOption('/prevention');
      await clickAndLoad(page, page.getByRole('button', { name: 'Toon' }));
      assert.match(page.url(), /period=all/);
      await checkA11y(page, { label: '/insights/feedback?period=all&path=/prevention' });
    } finally {
      await context.close();
    }
  });

  it('in English, with JavaScript: the thank-you takes focus and the overview reads in English', async () => {
    const context = await newContext(browser, { locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/detection`);
      await clickAndLoad(page, page.locator('section.page-feedback').getByRole('button', { name: 'Yes' }));
      assert.equal(await focusedId(page), 'page-feedback');
      assert.match((await page.locator('#page-feedback').textContent()) ?? '', /Thank you for your feedback/);
      await checkA11y(page, { label: '/detection (thank-you, en)' });

      await logIn(page, coordinator);
      await page.goto(`${server.url}/insights/feedback`);
      assert.equal(await page.locator('main h1').textContent(), 'Page feedback');
      assert.match(
        (await page.locator('[data-chart-page="/detection"]').textContent()) ?? '',
        /100% useful \(1 yes, 0 no\)/,
      );
      await checkA11y(page, { label: '/insights/feedback (en)' });
    } finally {
      await context.close();
    }
  });

  it('lets an admin edit the opening hours of a topic, refusing overlapping slots first', async () => {
    const general = (await listTopics(server.db)).find((t) => t.slug === 'general');
    assert.ok(general);
    for (const [locale, save, overlap, saved] of [
      ['en-GB', 'Save', /The time slots of a day must not overlap/, /The topic has been saved/],
      [
        'nl-BE',
        'Bewaren',
        /De tijdvakken van een dag mogen elkaar niet overlappen/,
        /Het onderwerp is bewaard/,
      ],
    ] as const) {
      const context = await newContext(browser, { locale, javaScript: locale === 'nl-BE' });
      try {
        const page = await context.newPage();
        await logIn(page, admin);
        await page.goto(`${server.url}/admin/contact`);
        await checkA11y(page, { label: `/admin/contact (${locale})` });
        await clickAndLoad(page, page.locator(`a[href="/admin/contact/topics/${general.id}"]`));
        await checkA11y(page, { label: `/admin/contact/topics/:id (${locale})` });

        await page.locator('input[name="sat_1_from"]').fill('10:00');
        await page.locator('input[name="sat_1_to"]').fill('14:00');
        await page.locator('input[name="sat_2_from"]').fill('13:00');
        await page.locator('input[name="sat_2_to"]').fill('15:00');
        await clickAndLoad(page, page.getByRole('button', { name: save }));
        assert.match((await page.locator('.error-summary').textContent()) ?? '', overlap);
        assert.equal(await page.locator('input[name="sat_2_from"]').inputValue(), '13:00', 'kept');
        await checkA11y(page, { label: `/admin/contact/topics/:id refused (${locale})` });

        await page.locator('input[name="sat_2_from"]').fill('14:00');
        await page.locator('input[name="sat_2_to"]').fill(locale === 'nl-BE' ? '16:00' : '15:00');
        await clickAndLoad(page, page.getByRole('button', { name: save }));
        assert.equal(pathOf(page), '/admin/contact');
        assert.match((await page.locator('.notification').textContent()) ?? '', saved);
        await checkA11y(page, { label: `/admin/contact saved (${locale})` });
      } finally {
        await context.close();
      }
    }
    const topic = await findTopic(server.db, general.id);
    assert.deepEqual(topic?.openingHours.weekly.sat, [
      { from: '10:00', to: '14:00' },
      { from: '14:00', to: '16:00' },
    ]);
  });
});

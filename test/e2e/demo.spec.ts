import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedDemoData } from '../../src/demo/demo-data.js';
import { DEMO_PASSWORD } from '../../src/identity/demo-accounts.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { pathOf, submitLogin } from './steps.js';

describe('demo mode in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ env: { DEMO: 'true' } })]);
    await seedDemoData(server.db, new Date());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the demo accounts and lets a handler in with the demo password alone', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      assert.equal(await page.locator('.demo-banner').count(), 1, 'the demo banner is shown');
      const listed = (await page.locator('main').textContent()) ?? '';
      for (const name of ['admin', 'handler', 'investigator', 'discipline'])
        assert.match(listed, new RegExp(name));
      assert.match(listed, new RegExp(DEMO_PASSWORD));

      await submitLogin(page, server.url, 'handler', DEMO_PASSWORD);
      assert.equal(pathOf(page), '/account', 'no second factor in demo mode');
      assert.match((await page.locator('header').textContent()) ?? '', /Sofie Maes/);
      await checkA11y(page, { label: '/account (demo handler)' });
    } finally {
      await context.close();
    }
  });
});

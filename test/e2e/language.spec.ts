import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { clickAndLoad } from './steps.js';

describe('the language switch', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const javaScript of [true, false]) {
    it(`keeps the visitor on the same page and remembers the choice (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, { javaScript, locale: 'nl-BE' });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/detection`);
        assert.equal(await page.getAttribute('html', 'lang'), 'nl');
        const dutchHeading = await page.locator('main h1').first().textContent();

        await clickAndLoad(page, page.locator('header a[hreflang="en"]'));
        assert.equal(new URL(page.url()).pathname, '/detection', 'stays on the page');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.notEqual(await page.locator('main h1').first().textContent(), dutchHeading);
        await checkA11y(page, { label: '/detection after switching to English' });

        // The choice outlives the page: another page, and a fresh visit, are still in English.
        await page.goto(`${server.url}/reaction`);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        const again = await context.newPage();
        await again.goto(`${server.url}/`);
        assert.equal(await again.getAttribute('html', 'lang'), 'en');

        await clickAndLoad(again, again.locator('header a[hreflang="nl"]'));
        assert.equal(new URL(again.url()).pathname, '/');
        assert.equal(await again.getAttribute('html', 'lang'), 'nl');
        await page.goto(`${server.url}/prevention`);
        assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      } finally {
        await context.close();
      }
    });
  }

  it('lets an explicit choice win over the browser language', async () => {
    const context = await newContext(browser, { javaScript: false, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/privacy`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await clickAndLoad(page, page.locator('header a[hreflang="nl"]'));
      assert.equal(new URL(page.url()).pathname, '/privacy');
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      await page.goto(`${server.url}/accessibility`);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    } finally {
      await context.close();
    }
  });
});

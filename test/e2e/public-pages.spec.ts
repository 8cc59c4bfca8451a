import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { clickAndLoad } from './steps.js';

const publicPages = ['/', '/prevention', '/detection', '/reaction', '/accessibility', '/privacy'] as const;

describe('the public pages', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [language, browserLocale] of [
    ['nl', 'nl-BE'],
    ['en', 'en-GB'],
  ] as const) {
    it(`serves every public page in ${language === 'nl' ? 'Dutch' : 'English'} without JavaScript, accessibly`, async () => {
      const context = await newContext(browser, { javaScript: false, locale: browserLocale });
      try {
        const page = await context.newPage();
        const titles = new Set<string>();
        for (const path of publicPages) {
          const response = await page.goto(`${server.url}${path}`);
          assert.equal(response?.status(), 200, `${path} answers 200`);
          assert.equal(await page.getAttribute('html', 'lang'), language, `${path} is in ${language}`);
          const heading = (await page.locator('main h1').first().textContent())?.trim() ?? '';
          assert.ok(heading.length > 0, `${path} has a main heading`);
          titles.add(await page.title());
          assert.equal(await page.locator('a.skip-link[href="#main"]').count(), 1, `${path} has a skip link`);
          assert.equal(await page.locator('main#main').count(), 1, `${path} has a main landmark`);
          assert.ok(
            ((await page.locator('main').textContent()) ?? '').trim().length > 40,
            `${path} has content`,
          );
          await checkA11y(page, { label: `${path} (${language}, no JavaScript)` });
        }
        assert.equal(titles.size, publicPages.length, 'every page has a title of its own');
      } finally {
        await context.close();
      }
    });
  }

  it('reaches every pillar page from the main navigation and marks the current one', async () => {
    const context = await newContext(browser, { javaScript: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      for (const path of ['/prevention', '/detection', '/reaction']) {
        await clickAndLoad(page, page.locator(`nav a[href="${path}"]`).first());
        assert.equal(new URL(page.url()).pathname, path);
        assert.equal(await page.locator(`nav a[href="${path}"][aria-current="page"]`).count(), 1);
      }
    } finally {
      await context.close();
    }
  });

  it('reaches the accessibility and privacy statements from the footer', async () => {
    const context = await newContext(browser, { javaScript: false });
    try {
      const page = await context.newPage();
      for (const path of ['/accessibility', '/privacy']) {
        await page.goto(`${server.url}/`);
        await clickAndLoad(page, page.locator(`footer a[href="${path}"]`));
        assert.equal(new URL(page.url()).pathname, path);
        assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      }
    } finally {
      await context.close();
    }
  });
});

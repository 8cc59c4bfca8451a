import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { countUsers, findUserByLogin } from '../../src/identity/user.repository.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { clickAndLoad, enrolAuthenticator, pathOf, submitButtonOf } from './steps.js';

const SETUP_TOKEN = 'e2e-setup-token-7f3a9c';

describe('first-run setup in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer({ setupToken: SETUP_TOKEN })]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the first administrator, enrols the authenticator app and ends on the account page', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      // Any page leads to the setup while the database has no user.
      await page.goto(`${server.url}/prevention`);
      assert.equal(pathOf(page), '/setup');
      await checkA11y(page, { label: '/setup' });

      const fill = async (token: string) => {
        await page.locator('input[name="token"]').fill(token);
        await page.locator('input[name="name"]').fill('Annelies Van Damme');
        await page.locator('input[name="username"]').fill('annelies');
        await page.locator('input[name="email"]').fill('annelies.vandamme@vlaanderen.example');
        await page.locator('input[name="password"]').fill('Lange zomeravonden aan de Schelde');
        await page.locator('input[name="confirmPassword"]').fill('Lange zomeravonden aan de Schelde');
        await clickAndLoad(page, submitButtonOf(page, '/setup'));
      };

      await fill('not-the-token');
      assert.equal(pathOf(page), '/setup');
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'a wrong setup code is refused');
      assert.equal(
        await page.locator('input[name="name"]').inputValue(),
        'Annelies Van Damme',
        'typed values stay',
      );
      assert.equal(
        await page.locator('input[name="password"]').inputValue(),
        '',
        'the password is not echoed',
      );
      await checkA11y(page, { label: '/setup (wrong code)' });
      assert.equal(await countUsers(server.db), 0);

      await fill(SETUP_TOKEN);
      assert.equal(pathOf(page), '/login/enrol', 'an administrator must enrol a second factor first');
      const { recoveryCodes } = await enrolAuthenticator(page, '/login/enrol');
      assert.ok(recoveryCodes.length >= 8);

      await clickAndLoad(page, page.locator('main a.button').last());
      assert.equal(pathOf(page), '/account');
      assert.match((await page.locator('main').textContent()) ?? '', /annelies/);
      assert.equal((await page.locator('form[action="/logout"]').count()) > 0, true, 'signed in');
      await checkA11y(page, { label: '/account' });

      const admin = await findUserByLogin(server.db, 'annelies');
      assert.ok(admin?.totp_enabled_at, 'the second factor is stored as enabled');

      // The setup is gone for good.
      const setupAgain = await page.goto(`${server.url}/setup`);
      assert.equal(setupAgain?.status(), 404);
      await checkA11y(page, { label: '/setup after setup (404)' });
    } finally {
      await context.close();
    }
  });
});

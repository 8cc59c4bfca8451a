import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUserAsSystem } from '../../src/identity/user.service.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import {
  clickAndLoad,
  enrolAuthenticator,
  freshTotpCode,
  logOut,
  pathOf,
  submitButtonOf,
  submitLogin,
} from './steps.js';

const PASSWORD = 'Fietsen langs de Leie in mei';

describe('logging in with a second factor', () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    // An admin exists, so the first-run setup is over; the handler is who logs in.
    await createUserAsSystem(server.db, new Date(), {
      name: 'Ilse Verstraete',
      username: 'ilse',
      email: 'ilse.verstraete@vlaanderen.example',
      entityId: null,
      manager: null,
      roles: ['admin', 'staff'],
      password: PASSWORD,
    });
    await createUserAsSystem(server.db, new Date(), {
      name: 'Wouter Desmet',
      username: 'wouter',
      email: 'wouter.desmet@vlaanderen.example',
      entityId: null,
      manager: null,
      roles: ['handler', 'staff'],
      password: PASSWORD,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function answerSecondFactor(page: Page, code: string): Promise<void> {
    await page.locator('input[name="code"]').fill(code);
    await clickAndLoad(page, submitButtonOf(page, '/login/second-factor'));
  }

  it('has a handler enrol at the first login, then asks for a code at every login', async () => {
    const context = await newContext(browser);
    let secret: string;
    let recoveryCodes: readonly string[];
    try {
      const page = await context.newPage();
      await submitLogin(page, server.url, 'wouter', 'not the password at all');
      assert.equal(pathOf(page), '/login');
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'a wrong password is refused');
      assert.equal(await page.locator('input[name="login"]').inputValue(), 'wouter');
      await checkA11y(page, { label: '/login (wrong password)' });

      await submitLogin(page, server.url, 'wouter', PASSWORD);
      assert.equal(pathOf(page), '/login/enrol', 'a handler must set up a second factor');
      ({ secret, recoveryCodes } = await enrolAuthenticator(page, '/login/enrol'));
      // A handler receives reports: the key pair made at this login is stored when its recovery key
      // is shown, once, after every login step.
      await page.goto(`${server.url}/account/keys/recovery-key`);
      assert.equal(pathOf(page), '/account/keys/recovery-key');
      assert.match(
        (await page.locator('main code').first().textContent()) ?? '',
        /^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){12}$/,
      );
      await checkA11y(page, { label: '/account/keys/recovery-key' });
      await page.goto(`${server.url}/account/keys/recovery-key`);
      assert.equal(await page.locator('main code').count(), 0, 'the recovery key is shown only once');
      await page.goto(`${server.url}/account`);
      assert.equal(pathOf(page), '/account');
      await logOut(page);
      assert.equal(pathOf(page), '/login');
      await checkA11y(page, { label: '/login (logged out)' });
      const afterLogout = await page.goto(`${server.url}/account`);
      assert.equal(pathOf(page), '/login', 'the account page needs a login again');
      assert.ok(afterLogout);
    } finally {
      await context.close();
    }

    // The next login, in a fresh browser without JavaScript: password, then a code from the app.
    const noJs = await newContext(browser, { javaScript: false });
    try {
      const page = await noJs.newPage();
      await submitLogin(page, server.url, 'wouter', PASSWORD);
      assert.equal(pathOf(page), '/login/second-factor');
      await checkA11y(page, { label: '/login/second-factor' });
      const forbidden = await page.goto(`${server.url}/account`);
      assert.notEqual(pathOf(page), '/account', 'nothing is open before the second factor');
      assert.ok(forbidden);
      await page.goto(`${server.url}/login/second-factor`);

      await answerSecondFactor(page, '123456');
      assert.equal(pathOf(page), '/login/second-factor');
      assert.equal(await page.locator('[data-error-summary]').count(), 1, 'a wrong code is refused');
      await checkA11y(page, { label: '/login/second-factor (wrong code)' });

      await answerSecondFactor(page, await freshTotpCode(secret));
      assert.equal(pathOf(page), '/account');
      assert.match((await page.locator('header').textContent()) ?? '', /Wouter Desmet/);
      await checkA11y(page, { label: '/account (after a code)' });
      await logOut(page);
    } finally {
      await noJs.close();
    }

    // A recovery code works once, in place of the app.
    const recovery = await newContext(browser);
    try {
      const page = await recovery.newPage();
      const [code] = recoveryCodes;
      assert.ok(code);
      await submitLogin(page, server.url, 'wouter', PASSWORD);
      await answerSecondFactor(page, code);
      assert.equal(pathOf(page), '/account', 'a recovery code lets the handler in');
      await logOut(page);
      await submitLogin(page, server.url, 'wouter', PASSWORD);
      await answerSecondFactor(page, code);
      assert.equal(pathOf(page), '/login/second-factor', 'the same recovery code does not work twice');
    } finally {
      await recovery.close();
    }
  });
});

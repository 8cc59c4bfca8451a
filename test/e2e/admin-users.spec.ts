import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertEntity } from '../../src/identity/entity.repository.js';
import { findRolesOfUser, findUserByLogin } from '../../src/identity/user.repository.js';
import { createUserAsSystem } from '../../src/identity/user.service.js';
import { checkA11y, launchBrowser, newContext, type RunningServer, startServer } from '../helpers/browser.js';
import { clickAndLoad, enrolAuthenticator, logOut, pathOf, submitButtonOf, submitLogin } from './steps.js';

const ADMIN_PASSWORD = 'Een koffie op de Grote Markt';
const NEW_PASSWORD = 'Regen boven de Kempen vandaag';

describe('user administration in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let entityId: string;

  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer()]);
    const root = await insertEntity(server.db, {
      nameNl: 'Vlaamse overheid',
      nameEn: 'Flemish Government',
      parentId: null,
    });
    entityId = (
      await insertEntity(server.db, {
        nameNl: 'Audit Vlaanderen',
        nameEn: 'Audit Flanders',
        parentId: root.id,
      })
    ).id;
    await createUserAsSystem(server.db, new Date(), {
      name: 'Marc Vandenberghe',
      username: 'marc',
      email: 'marc.vandenberghe@vlaanderen.example',
      entityId: null,
      manager: null,
      roles: ['admin', 'staff'],
      password: ADMIN_PASSWORD,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an admin create a user who can then log in', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await submitLogin(page, server.url, 'marc', ADMIN_PASSWORD);
      assert.equal(pathOf(page), '/login/enrol');
      await enrolAuthenticator(page, '/login/enrol');

      await page.goto(`${server.url}/admin/users`);
      await checkA11y(page, { label: '/admin/users' });
      await clickAndLoad(page, page.locator('main a[href="/admin/users/new"]').first());
      assert.equal(pathOf(page), '/admin/users/new');
      await checkA11y(page, { label: '/admin/users/new' });

      // Nothing filled in: every problem is listed, nothing is created.
      await clickAndLoad(page, submitButtonOf(page, '/admin/users/new'));
      assert.equal(pathOf(page), '/admin/users/new');
      assert.ok(
        (await page.locator('[data-error-summary] li').count()) >= 3,
        'the missing fields are listed',
      );
      await checkA11y(page, { label: '/admin/users/new (errors)' });

      await page.locator('input[name="name"]').fill('Fatima Benali');
      await page.locator('input[name="username"]').fill('fatima.benali');
      await page.locator('input[name="email"]').fill('fatima.benali@vlaanderen.example');
      await page.locator('select[name="entityId"]').selectOption(entityId);
      await page.locator('select[name="manager"]').selectOption({ index: 0 });
      await page.locator('input[name="roles"][value="staff"]').check();
      await page.locator('input[name="roles"][value="investigator"]').check();
      await page.locator('input[name="password"]').fill(NEW_PASSWORD);
      await clickAndLoad(page, submitButtonOf(page, '/admin/users/new'));

      assert.match(pathOf(page), /^\/admin\/users\/[0-9a-f-]{36}$/, 'the new user’s page is shown');
      assert.match((await page.locator('main h1').textContent()) ?? '', /Fatima Benali/);
      await checkA11y(page, { label: '/admin/users/:id (created)' });
      const created = await findUserByLogin(server.db, 'fatima.benali');
      assert.ok(created);
      assert.equal(created.entity_id, entityId);
      assert.deepEqual((await findRolesOfUser(server.db, created.id)).sort(), ['investigator', 'staff']);

      await page.goto(`${server.url}/admin/users?q=benali`);
      assert.match((await page.locator('main').textContent()) ?? '', /Fatima Benali/);
      await checkA11y(page, { label: '/admin/users?q=' });
      await logOut(page);
    } finally {
      await context.close();
    }

    // The new investigator logs in with the password the admin set, and must enrol.
    const newcomer = await newContext(browser);
    try {
      const page = await newcomer.newPage();
      await submitLogin(page, server.url, 'fatima.benali@vlaanderen.example', NEW_PASSWORD);
      assert.equal(pathOf(page), '/login/enrol', 'an investigator needs a second factor');
    } finally {
      await newcomer.close();
    }
  });
});

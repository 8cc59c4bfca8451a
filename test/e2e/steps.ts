// Steps that several browser journeys share: submitting a form and waiting for the next page,
// logging in, enrolling an authenticator app and answering its codes.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { base32Decode, hotp, TOTP_PERIOD_SECONDS, totpStep } from '../../src/identity/totp.js';
import { checkA11y } from '../helpers/browser.js';

/**
 * Clicks (a submit button, a link) and waits until the next document has loaded, whether it is a
 * redirect, the same URL again (a refused form) or another page. Works with JavaScript off.
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** The path of the page now shown. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** The submit button of the form posting to `formAction` (other forms on the page, like logout, are skipped). */
export function submitButtonOf(page: Page, formAction: string): Locator {
  return page
    .locator(
      `form[action^="${formAction}"] button[type="submit"], form[action^="${formAction}"] button:not([type])`,
    )
    .first();
}

/** Fills the login form and submits it; returns after the next page has loaded. */
export async function submitLogin(
  page: Page,
  baseUrl: string,
  login: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await checkA11y(page, { label: '/login' });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill(password);
  await clickAndLoad(page, submitButtonOf(page, '/login'));
}

/** The last TOTP step used per secret: a server never accepts a step twice. */
const usedSteps = new Map<string, number>();

/**
 * A code the server will accept now for `secret` (base32): the current step, or the next one when
 * the current was used already (the server accepts one step ahead for clock drift).
 */
export async function freshTotpCode(secretBase32: string): Promise<string> {
  const secret = base32Decode(secretBase32);
  const last = usedSteps.get(secretBase32);
  let step = totpStep(Date.now());
  if (last !== undefined && step <= last) step = last + 1;
  if (step > totpStep(Date.now()) + 1) {
    // Two codes already used ahead of the clock: wait for it to catch up.
    await new Promise((resolve) => setTimeout(resolve, TOTP_PERIOD_SECONDS * 1000));
  }
  usedSteps.set(secretBase32, step);
  return hotp(secret, step);
}

/** The key shown for typing into an app by hand, without its grouping spaces. */
export async function readTotpSecret(page: Page): Promise<string> {
  const shown = page.locator('[data-totp-secret], code.secret-key').first();
  const attribute = await shown.getAttribute('data-totp-secret');
  const text = attribute ?? (await shown.textContent()) ?? '';
  const secret = text.replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/, 'the enrolment page shows a base32 key');
  return secret;
}

/**
 * On an enrolment page: reads the key, first answers a wrong code (the page says so and keeps the
 * same key), then a right one, and returns the key and the recovery codes shown once.
 */
export async function enrolAuthenticator(
  page: Page,
  action: string,
): Promise<{ readonly secret: string; readonly recoveryCodes: readonly string[] }> {
  await checkA11y(page, { label: `${action} (enrolment)` });
  assert.equal(await page.locator('.qr-code svg').count(), 1, 'a QR code is drawn on the page');
  const secret = await readTotpSecret(page);

  await page.locator('input[name="code"]').fill('000000');
  await clickAndLoad(page, submitButtonOf(page, action));
  assert.equal(await page.locator('[data-error-summary]').count(), 1, 'a wrong code is refused');
  await checkA11y(page, { label: `${action} (wrong code)` });
  const secretAfterRefusal = await readTotpSecret(page);
  assert.equal(secretAfterRefusal, secret, 'the key stays the same after a wrong code');

  await page.locator('input[name="code"]').fill(await freshTotpCode(secret));
  await clickAndLoad(page, submitButtonOf(page, action));
  const recoveryCodes = (await page.locator('.recovery-codes code').allTextContents()).map((c) => c.trim());
  assert.ok(recoveryCodes.length >= 8, 'recovery codes are shown');
  assert.equal(new Set(recoveryCodes).size, recoveryCodes.length, 'the recovery codes differ');
  await checkA11y(page, { label: `${action} (recovery codes)` });
  return { secret, recoveryCodes };
}

/** Logs out with the button in the header; returns on the page the logout leads to. */
export async function logOut(page: Page): Promise<void> {
  await clickAndLoad(page, page.locator('form[action="/logout"] button').first());
}

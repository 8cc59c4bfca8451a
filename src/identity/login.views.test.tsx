import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../platform/ui/i18n/catalogue.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.js';
import { LoginPage } from './login.views.js';

function page(overrides: Partial<PageContext> = {}): PageContext {
  return {
    locale: 'nl',
    t: translator('nl'),
    path: '/login',
    csrfToken: 'token',
    auth: null,
    demo: false,
    oidcEnabled: false,
    ...overrides,
  };
}

describe('login page', () => {
  it('lists every demo account and the shared password in demo mode only', () => {
    const demo = renderToString(<LoginPage page={page({ demo: true })} />);
    assert.ok(demo.includes(DEMO_PASSWORD), 'the demo password is shown');
    for (const account of demoAccounts) {
      assert.ok(demo.includes(`<code>${account.username}</code>`), account.username);
    }
    const normal = renderToString(<LoginPage page={page()} />);
    assert.ok(!normal.includes(DEMO_PASSWORD), 'no demo password outside demo mode');
  });

  it('links to single sign-on, carrying next, only when OIDC is configured', () => {
    const withOidc = renderToString(<LoginPage page={page({ oidcEnabled: true })} next="/admin" />);
    assert.match(withOidc, /href="\/auth\/oidc\/start\?next=%2Fadmin"/);
    assert.match(withOidc, /Aanmelden met uw organisatieaccount/);
    assert.doesNotMatch(renderToString(<LoginPage page={page()} />), /oidc/);
  });

  it('is complete in English', () => {
    const html = renderToString(<LoginPage page={page({ locale: 'en', t: translator('en') })} />);
    assert.match(html, /Username or email address/);
    assert.doesNotMatch(html, /login\.[a-z_]+/);
  });
});

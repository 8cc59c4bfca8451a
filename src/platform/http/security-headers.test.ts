import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';

describe('security headers and platform answers', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends a strict CSP without inline script or third-party origins, and no-referrer', async () => {
    const response = await new TestClient(t.app).get('/');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.ok(response.headers['permissions-policy']);
  });

  it('answers /health with 200 {"status":"ok"} while the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  it('renders the 404 page in Dutch by default and in English on request', async () => {
    const nl = await new TestClient(t.app).get('/does-not-exist');
    assert.equal(nl.statusCode, 404);
    assert.match(nl.body, /Pagina niet gevonden/);
    const en = await new TestClient(t.app, { 'accept-language': 'en-GB,en;q=0.9' }).get('/does-not-exist');
    assert.match(en.body, /Page not found/);
  });

  it('sets no cookie on static files, whose cacheable answers a shared cache could hand to everyone', async () => {
    for (const url of ['/assets/site.css', '/assets/missing.css', '/build/missing.js']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.match(String(response.headers['cache-control']), /public/, url);
      assert.equal(response.headers['set-cookie'], undefined, url);
    }
    const form = await t.app.inject({ method: 'GET', url: '/login' });
    assert.match(
      String(form.headers['set-cookie']),
      /^csrf=/,
      'a page with a form still gets its CSRF cookie',
    );
  });

  it('sets no cookie at all on a public page without a form', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/prevention' });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['set-cookie'], undefined);
  });

  it('refuses a POST without a CSRF token with 403 and the message in the page', async () => {
    const client = new TestClient(t.app);
    await client.get('/');
    const response = await client.post('/logout', { _csrf: 'forged' });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /formulier is verlopen/);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { localPathOrHome } from './public.routes.js';

/** Each public page with a phrase that proves it is the right page in each language. */
const pages = [
  { path: '/', nl: 'Integriteit binnen de Vlaamse overheid', en: 'Integrity in the Flemish government' },
  { path: '/prevention', nl: 'Spreekrecht en spreekplicht', en: 'The right and the duty to speak' },
  { path: '/detection', nl: 'De meldingsplicht', en: 'The duty to report' },
  { path: '/reaction', nl: 'de afzetting', en: 'removal from office' },
  { path: '/accessibility', nl: 'Vlaamse Ombudsdienst', en: 'Enforcement procedure' },
  { path: '/privacy', nl: 'Privacyverklaring', en: 'Privacy statement' },
] as const;

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

/** The accessible skeleton every page must have. */
function assertPageSkeleton(html: string, lang: 'nl' | 'en', label: string): void {
  assert.match(html, new RegExp(`<html lang="${lang}"`), `${label}: lang attribute`);
  assert.equal(count(html, /<h1[\s>]/g), 1, `${label}: exactly one h1`);
  assert.match(html, /<a class="skip-link" href="#main">/, `${label}: skip link`);
  assert.equal(count(html, /<main[\s>]/g), 1, `${label}: one main landmark`);
  assert.match(html, /<main id="main"/, `${label}: the skip link's target is main`);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, `${label}: no inline script`);
  assert.doesNotMatch(html, /\sstyle="/, `${label}: no inline style`);
}

/** Headings never skip a level (h1 → h3 without an h2 in between). */
function assertHeadingOrder(html: string, label: string): void {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  levels.reduce((previous, level) => {
    assert.ok(level <= previous + 1, `${label}: h${level} follows h${previous}`);
    return level;
  }, 0);
}

describe('public pages', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  for (const page of pages) {
    it(`answers ${page.path} with 200 in Dutch by default, with one h1, a skip link and a main landmark`, async () => {
      const response = await new TestClient(t.app).get(page.path);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/html/);
      assertPageSkeleton(response.body, 'nl', page.path);
      assertHeadingOrder(response.body, page.path);
      assert.ok(response.body.includes(page.nl), `${page.path} shows "${page.nl}"`);
    });

    it(`answers ${page.path} in English with the lang=en cookie and with Accept-Language: en`, async () => {
      const byCookie = await new TestClient(t.app).get(page.path, { cookie: 'lang=en' });
      assert.equal(byCookie.statusCode, 200);
      assertPageSkeleton(byCookie.body, 'en', `${page.path} (cookie)`);
      assert.ok(byCookie.body.includes(page.en), `${page.path} shows "${page.en}"`);

      const byHeader = await new TestClient(t.app).get(page.path, { 'accept-language': 'en-GB,en;q=0.8' });
      assert.equal(byHeader.statusCode, 200);
      assertPageSkeleton(byHeader.body, 'en', `${page.path} (header)`);
      assert.ok(byHeader.body.includes(page.en));
    });
  }

  it('lets the lang cookie win over Accept-Language', async () => {
    const response = await new TestClient(t.app).get('/', { cookie: 'lang=nl', 'accept-language': 'en' });
    assert.match(response.body, /<html lang="nl"/);
  });

  it('marks the current page in the navigation with aria-current and only that one', async () => {
    const html = (await new TestClient(t.app).get('/detection')).body;
    assert.match(html, /<a href="\/detection" aria-current="page" class="site-nav__link">/);
    assert.equal(count(html, /aria-current="page"/g), 1);
  });

  it('links only to pages that exist', async () => {
    const client = new TestClient(t.app);
    const targets = new Set<string>();
    for (const page of pages) {
      const html = (await client.get(page.path)).body;
      for (const match of html.matchAll(/href="(\/[^"#]*)"/g)) {
        const href = (match[1] ?? '').replaceAll('&amp;', '&');
        if (!href.startsWith('/language') && !href.startsWith('/assets/')) targets.add(href);
      }
    }
    for (const href of targets) {
      if (href === '/login') continue; // the identity area's page; covered by its own tests
      const response = await client.get(href);
      assert.equal(response.statusCode, 200, `${href} is linked but answers ${response.statusCode}`);
    }
    assert.ok(targets.has('/accessibility') && targets.has('/privacy') && targets.has('/prevention'));
  });

  it('states the accessibility conformance and the complaint route honestly', async () => {
    const html = (await new TestClient(t.app).get('/accessibility')).body;
    assert.match(html, /gedeeltelijk in overeenstemming/);
    assert.match(html, /WCAG\) 2\.1 niveau AA/);
    assert.match(html, /EN 301 549/);
    assert.match(html, /Handhavingsprocedure/);
  });

  it('lists the three cookies and says no IP address or user agent is stored', async () => {
    const html = (await new TestClient(t.app).get('/privacy', { cookie: 'lang=en' })).body;
    for (const name of ['lang', 'csrf', 'sid']) {
      assert.match(html, new RegExp(`<th scope="row" class="table__cell"><code>${name}</code></th>`));
    }
    assert.match(html, /do not store your IP address or your browser details \(user agent\)/);
    assert.match(html, /data protection officer/);
  });

  it('lists the seven disciplinary sanctions in order', async () => {
    const html = (await new TestClient(t.app).get('/reaction')).body;
    const order = ['de blaam', 'inhouding van salaris', 'tuchtschorsing', 'lagere salarisschaal'];
    const rest = ['terugzetting in graad', 'ontslag van ambtswege', 'de afzetting'];
    const positions = [...order, ...rest].map((phrase) => html.indexOf(phrase));
    assert.ok(
      positions.every((p) => p > 0),
      'every sanction is listed',
    );
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
  });
});

describe('language switch', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('remembers the choice in an HttpOnly lang cookie for a year and goes back with 303', async () => {
    const client = new TestClient(t.app);
    const response = await client.get('/language?to=en&next=%2Fprevention%3Fa%3D1');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/prevention?a=1');
    const cookie = response.cookies.find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en');
    assert.equal(cookie?.maxAge, 365 * 24 * 60 * 60);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.path, '/');
    const next = await client.get('/prevention');
    assert.match(next.body, /<html lang="en"/);
  });

  it('offers the other language from every page, pointing back to that page', async () => {
    const html = (await new TestClient(t.app).get('/reaction')).body;
    assert.match(html, /href="\/language\?to=en&amp;next=%2Freaction"/);
  });

  for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', '%2F%2Fevil.example']) {
    it(`refuses to send the browser elsewhere for next=${next}`, async () => {
      const response = await new TestClient(t.app).get(`/language?to=nl&next=${encodeURIComponent(next)}`);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/');
    });
  }

  it('goes to the home page when next is missing or repeated', async () => {
    const missing = await new TestClient(t.app).get('/language?to=en');
    assert.equal(missing.headers.location, '/');
    const repeated = await new TestClient(t.app).get('/language?to=en&next=/a&next=/b');
    assert.equal(repeated.headers.location, '/');
  });

  it('answers an unknown or missing language with a 400 page and sets no cookie', async () => {
    for (const url of ['/language?to=fr&next=/', '/language', '/language?to=en&to=nl']) {
      const response = await new TestClient(t.app).get(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.body, /Deze taal bestaat niet/);
      assert.equal(
        response.cookies.find((c) => c.name === 'lang'),
        undefined,
      );
    }
  });

  it('accepts only local paths in visible ASCII as a way back', () => {
    assert.equal(localPathOrHome('/admin/users?q=jan&page=2'), '/admin/users?q=jan&page=2');
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      'https://evil.example',
      'evil.example',
      '',
      '/é',
      '/a\\b',
      '/x'.repeat(1001),
      undefined,
      ['/a'],
    ]) {
      assert.equal(localPathOrHome(bad), '/', JSON.stringify(bad));
    }
  });
});

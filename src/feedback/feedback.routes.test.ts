import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.js';
import { createUserForTest, loginAs } from '../../test/helpers/factories.js';
import { publicPages } from '../public/public.routes.js';
import { FEEDBACK_PAGES } from './feedback-pages.js';

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
  return params.toString();
};

describe('page feedback', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());
  beforeEach(async () => {
    await t.db.deleteFrom('page_feedback').execute();
  });

  let clients = 0;
  /** A browser without cookies posting the form, as from a cached public page (each from its own address). */
  const post = (
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
    remoteAddress = `198.51.100.${++clients % 250}`,
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/page-feedback',
      payload: form(fields),
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  const rows = () => t.db.selectFrom('page_feedback').selectAll().orderBy('created_at').execute();

  it('lists every public page, and puts the form without a CSRF token or cookie under each', async () => {
    for (const path of Object.keys(publicPages))
      assert.ok((FEEDBACK_PAGES as readonly string[]).includes(path), path);
    for (const path of [...Object.keys(publicPages), '/report']) {
      const response = await new TestClient(t.app).get(path);
      assert.equal(response.statusCode, 200, path);
      const block = /<section class="page-feedback"[\s\S]*?<\/section>/.exec(response.body)?.[0] ?? '';
      assert.match(block, /<form method="post" action="\/page-feedback"/, path);
      assert.match(block, new RegExp(`name="page" value="${path}"`), path);
      assert.match(block, /Was deze informatie nuttig\?/);
      assert.match(block, /name="useful" value="yes"[^>]*>Ja</);
      assert.match(block, /name="useful" value="no"[^>]*>Nee</);
      assert.doesNotMatch(block, /_csrf/, 'no per-visitor token on a cached page');
    }
    const cached = await new TestClient(t.app).get('/prevention');
    assert.equal(cached.headers['set-cookie'], undefined, 'the cached page sets no cookie');
  });

  it('stores a "yes" for the page and language, without JavaScript, and shows the thank-you with focus', async () => {
    const response = await post({ page: '/prevention', useful: 'yes', comment: '' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/prevention?feedback=yes#page-feedback');
    assert.equal(response.headers['set-cookie'], undefined);
    const [row, ...rest] = await rows();
    assert.equal(rest.length, 0);
    assert.equal(row?.page, '/prevention');
    assert.equal(row?.locale, 'nl');
    assert.equal(row?.useful, true);
    assert.equal(row?.comment, null);

    const page = await new TestClient(t.app).get('/prevention?feedback=yes');
    assert.match(page.body, /id="page-feedback"[^>]*role="status"[^>]*tabindex="-1"[^>]*data-focus-on-load/);
    assert.match(page.body, /Bedankt voor uw feedback/);
    assert.doesNotMatch(page.body, /action="\/page-feedback"/, 'no second form after a yes');
  });

  it('stores a "no" with a comment in English, line breaks counted once', async () => {
    const comment = `${'a'.repeat(999)}\r\n${'b'.repeat(1000)}`;
    const response = await post({ page: '/detection', useful: 'no', comment }, { 'accept-language': 'en' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/detection?feedback=no#page-feedback');
    const [row] = await rows();
    assert.equal(row?.locale, 'en');
    assert.equal(row?.useful, false);
    assert.equal(row?.comment, `${'a'.repeat(999)}\n${'b'.repeat(1000)}`);
  });

  it('invites a comment after a bare "no" and adds it to the same answer, once', async () => {
    const first = await post({ page: '/', useful: 'no' });
    const location = String(first.headers.location);
    const ref = /ref=([0-9a-f-]{36})/.exec(location)?.[1];
    assert.ok(ref, location);
    assert.match(location, /^\/\?feedback=no&ref=[0-9a-f-]{36}#page-feedback$/);
    const page = await new TestClient(t.app).get(location.split('#')[0] ?? '/');
    assert.match(page.body, new RegExp(`name="ref" value="${ref}"`));
    assert.match(page.body, /Wat ontbrak er/);

    const second = await post({
      page: '/',
      useful: 'no',
      ref,
      comment: 'De uitleg over geschenken ontbreekt.',
    });
    assert.equal(second.headers.location, '/?feedback=commented#page-feedback');
    const replay = await post({
      page: '/',
      useful: 'no',
      ref,
      comment: 'De uitleg over geschenken ontbreekt.',
    });
    assert.equal(replay.statusCode, 303);
    const stored = await rows();
    assert.equal(stored.length, 1, 'answering and explaining counts once, a replay too');
    assert.equal(stored[0]?.comment, 'De uitleg over geschenken ontbreekt.');

    // A forged reference (another page's answer) never touches that answer.
    await post({ page: '/privacy', useful: 'no', ref, comment: 'Ander' });
    const after = await rows();
    assert.equal(after.length, 2);
    assert.equal(after[0]?.comment, 'De uitleg over geschenken ontbreekt.');
  });

  it('refuses a page that is not on the list with 400 and stores nothing', async () => {
    for (const page of [
      '/admin',
      'https://evil.example/',
      '/prevention?x=1',
      '/prevention/',
      '',
      'x'.repeat(5000),
    ]) {
      const response = await post({ page, useful: 'yes' });
      assert.equal(response.statusCode, 400, page);
      assert.match(response.body, /Voor deze pagina kunnen we geen feedback ontvangen/);
    }
    assert.equal((await post({ page: ['/', '/prevention'], useful: 'yes' })).statusCode, 400, 'an array');
    assert.equal((await post({ useful: 'yes' })).statusCode, 400, 'no page');
    assert.equal((await rows()).length, 0);
  });

  it('refuses an over-long comment with a clear message and keeps what was typed', async () => {
    const comment = `Begin <b>vet</b> ${'x'.repeat(2000)}`;
    const response = await post({ page: '/reaction', useful: 'no', comment });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /ten hoogste 2.000 tekens/);
    assert.ok(
      response.body.includes(`Begin &lt;b>vet&lt;/b> ${'x'.repeat(2000)}</textarea>`),
      'the comment is kept',
    );
    assert.match(response.body, /name="page" value="\/reaction"/);
    assert.equal((await rows()).length, 0);
  });

  it('asks for yes or no, and refuses NUL bytes, with 422 and nothing stored', async () => {
    const none = await post({ page: '/', comment: 'Alleen een opmerking' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Kies of deze informatie nuttig was/);
    assert.match(none.body, /Alleen een opmerking<\/textarea>/);
    assert.equal((await post({ page: '/', useful: 'maybe' })).statusCode, 422);
    assert.equal((await post({ page: '/', useful: ['yes', 'no'] })).statusCode, 422);
    const nul = await post({ page: '/', useful: 'no', comment: 'a\u0000b' });
    assert.equal(nul.statusCode, 422);
    assert.match(nul.body, /teken dat we niet kunnen bewaren/);
    assert.equal((await rows()).length, 0);
  });

  it('refuses a cross-site post (Fetch metadata or Origin) with 403 and accepts its own', async () => {
    const crossSite = await post(
      { page: '/', useful: 'yes' },
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    );
    assert.equal(crossSite.statusCode, 403);
    const otherOrigin = await post({ page: '/', useful: 'yes' }, { origin: 'https://evil.example' });
    assert.equal(otherOrigin.statusCode, 403);
    const nullCrossSite = await post(
      { page: '/', useful: 'yes' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(nullCrossSite.statusCode, 403);
    assert.equal((await rows()).length, 0);
    // A browser's own post: `Origin: null` under our no-referrer policy, with same-origin metadata.
    const own = await post({ page: '/', useful: 'yes' }, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    assert.equal(own.statusCode, 303);
    const ownHost = await post({ page: '/', useful: 'yes' }, { origin: new URL(t.config.publicUrl).origin });
    assert.equal(ownHost.statusCode, 303);
    assert.equal((await rows()).length, 2);
  });

  it('keeps the token rule for every other route: a token-less post elsewhere is still refused', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/logout',
      payload: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 403);
  });

  it('stores nothing that identifies the client: no address, browser, session or account', async () => {
    const staff = await createUserForTest(t.db, { roles: ['staff'] });
    const client = await loginAs(t, staff);
    const before = await t.db.selectFrom('audit_events').select('id').execute();
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await post(
      { page: '/privacy', useful: 'no', comment: 'Te lang' },
      { 'user-agent': 'Sleuth/9.9 (UniqueAgent)', 'x-forwarded-for': '203.0.113.99', cookie },
      '192.0.2.123',
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers['set-cookie'], undefined);
    const [row] = await rows();
    assert.ok(row);
    assert.deepEqual(Object.keys(row).sort(), ['comment', 'created_at', 'id', 'locale', 'page', 'useful']);
    const dump = JSON.stringify(row);
    for (const trace of ['192.0.2', '203.0.113', 'Sleuth', 'UniqueAgent', staff.id, staff.username]) {
      assert.ok(!dump.includes(trace), trace);
    }
    const afterEvents = await t.db.selectFrom('audit_events').select('id').execute();
    assert.equal(afterEvents.length, before.length, 'no audit event either');
  });

  it('throttles one client after 20 answers an hour, others still answer', async () => {
    for (let i = 0; i < 20; i++)
      assert.equal((await post({ page: '/', useful: 'yes' }, {}, '2001:db8:1:2::1')).statusCode, 303);
    // The same /64 is the same client.
    const refused = await post({ page: '/', useful: 'yes' }, {}, '2001:db8:1:2::ffff');
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal((await post({ page: '/', useful: 'yes' }, {}, '2001:db8:9:9::1')).statusCode, 303);
    assert.equal((await rows()).length, 21);
  });
});

describe('page feedback overview', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const day = 24 * 60 * 60 * 1000;
  const insert = async (
    page: string,
    useful: boolean,
    daysAgo: number,
    comment: string | null = null,
    locale: 'nl' | 'en' = 'nl',
  ) =>
    t.db
      .insertInto('page_feedback')
      .values({
        page,
        useful,
        comment,
        locale,
        created_at: new Date(t.clock.now().getTime() - daysAgo * day),
      })
      .execute();

  it('is for coordinators and admins only', async () => {
    for (const role of ['staff', 'agent', 'handler', 'manager'] as const) {
      const client = await loginAs(t, await createUserForTest(t.db, { roles: [role] }));
      assert.equal((await client.get('/insights/feedback')).statusCode, 403, role);
    }
    const anonymous = await new TestClient(t.app).get('/insights/feedback');
    assert.equal(anonymous.statusCode, 303);
    for (const role of ['coordinator', 'admin'] as const) {
      const client = await loginAs(t, await createUserForTest(t.db, { roles: [role] }));
      assert.equal((await client.get('/insights/feedback')).statusCode, 200, role);
    }
  });

  it('counts yes and no per page in the period, as a chart and a table, and lists comments as plain text', async () => {
    await t.db.deleteFrom('page_feedback').execute();
    await insert('/prevention', true, 1);
    await insert('/prevention', true, 2);
    await insert('/prevention', true, 3);
    await insert('/prevention', false, 4, 'Oudere <script>alert(1)</script> opmerking');
    await insert('/prevention', false, 60, 'Van twee maanden geleden');
    await insert('/detection', false, 0.5, 'Nieuwste opmerking', 'en');
    const client = await loginAs(t, await createUserForTest(t.db, { roles: ['coordinator'] }));

    const recent = await client.get('/insights/feedback');
    assert.equal(recent.statusCode, 200);
    const rowOf = (body: string, page: string) =>
      new RegExp(
        `<th scope="row"[^>]*><a href="[^"]*">${page.replace('/', '\\/')}</a></th>((?:<td[^>]*>[^<]*</td>){4})`,
      )
        .exec(body)?.[1]
        ?.replace(/<[^>]+>/g, '|');
    assert.equal(rowOf(recent.body, '/prevention'), '|3||1||4||75%|');
    assert.equal(rowOf(recent.body, '/detection'), '|0||1||1||0%|');
    assert.equal(rowOf(recent.body, '/privacy'), '|0||0||0||geen antwoorden|');
    assert.match(
      recent.body,
      /<svg class="feedback-chart__svg"[^>]*role="img" aria-labelledby="feedback-chart-caption"/,
    );
    assert.match(recent.body, /data-chart-page="\/prevention"[\s\S]*?75% nuttig \(3 ja, 1 nee\)/);
    assert.doesNotMatch(recent.body, /Van twee maanden geleden/);
    assert.doesNotMatch(recent.body, /<script>alert/);
    assert.match(recent.body, /Oudere &lt;script>alert\(1\)&lt;\/script> opmerking/);
    assert.ok(recent.body.indexOf('Nieuwste opmerking') < recent.body.indexOf('Oudere'), 'newest first');

    const all = await client.get('/insights/feedback?period=all');
    assert.equal(rowOf(all.body, '/prevention'), '|3||2||5||60%|');
    assert.match(all.body, /Van twee maanden geleden/);

    const onePage = await client.get('/insights/feedback?period=all&path=%2Fdetection');
    assert.match(onePage.body, /Nieuwste opmerking/);
    assert.doesNotMatch(onePage.body, /Oudere/);
    // A path that is not a feedback page is ignored rather than used in a query.
    assert.equal((await client.get('/insights/feedback?path=%27%3B--&period=bogus&page=-3')).statusCode, 200);
  });

  it('paginates the comments, twenty a page', async () => {
    await t.db.deleteFrom('page_feedback').execute();
    for (let i = 0; i < 25; i++) await insert('/reaction', false, i / 100, `Opmerking nummer ${i}.`);
    const client = await loginAs(t, await createUserForTest(t.db, { roles: ['admin'] }));
    const first = await client.get('/insights/feedback');
    assert.equal((first.body.match(/data-feedback-comment/g) ?? []).length, 20);
    assert.match(first.body, /Opmerking nummer 0\./);
    const second = await client.get('/insights/feedback?page=2');
    assert.equal((second.body.match(/data-feedback-comment/g) ?? []).length, 5);
    assert.match(second.body, /Opmerking nummer 24\./);
    assert.doesNotMatch(second.body, /Opmerking nummer 0\./);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs, type TestUser } from '../../../test/helpers/factories.js';
import type { Role } from '../../identity/role.js';
import type { OutboxState } from '../db/schema.js';
import { enqueueMail, type OutgoingMail, onMailDue } from './outbox.js';
import { ERASED_MARKER } from './outbox.repository.js';
import { createMailJob } from './outbox-worker.js';

const nonAdminRoles: readonly Role[] = [
  'staff',
  'manager',
  'counselor',
  'handler',
  'investigator',
  'discipline',
  'agent',
  'coordinator',
];
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('outgoing mail page', () => {
  /** The app as configured by default: no SMTP_URL. */
  let t: TestApp;
  /** The same database, with an SMTP server configured (never reached: no worker runs in tests). */
  let withSmtp: TestApp;
  let admin: TestUser;
  let adminClient: TestClient;
  let smtpAdminClient: TestClient;

  before(async () => {
    t = await createTestApp();
    withSmtp = await createTestApp({ database: t.database, env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    admin = await createUserForTest(t.db, { roles: ['admin'] });
    adminClient = await loginAs(t, admin);
    smtpAdminClient = await loginAs(withSmtp, admin);
  });
  after(async () => {
    await withSmtp.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.db.deleteFrom('outbox').execute();
  });

  const enqueue = (mail: Partial<OutgoingMail> = {}, now = t.clock.now()) =>
    enqueueMail(
      t.db,
      {
        to: 'behandelaar@voorbeeld.be',
        subject: 'Nieuwe activiteit op melding M-0001',
        text: 'Er is nieuwe activiteit op een melding.\nhttps://desk.example/handling',
        purpose: 'report.activity',
        ...mail,
      },
      { now, publicUrl: 'https://desk.example' },
    );
  const idOf = async (messageId: string) =>
    (
      await t.db
        .selectFrom('outbox')
        .select('id')
        .where('message_id', '=', messageId)
        .executeTakeFirstOrThrow()
    ).id;
  const setState = (id: string, state: OutboxState, extra: Record<string, unknown> = {}) =>
    t.db
      .updateTable('outbox')
      .set({ state, ...extra })
      .where('id', '=', id)
      .execute();
  const rowOf = (id: string) =>
    t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const countAudit = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 403 to every role other than admin, and sends anonymous visitors to /login', async () => {
    const id = await idOf(await enqueue());
    await setState(id, 'failed');
    const before = await countAudit();
    for (const role of nonAdminRoles) {
      const client = await loginAs(withSmtp, await createUserForTest(t.db, { roles: [role] }));
      for (const url of ['/admin/mail', `/admin/mail/${id}`, '/admin/mail?state=held']) {
        assert.equal((await client.get(url)).statusCode, 403, `${role} GET ${url}`);
      }
      const post = await client.submit('/', {}, `/admin/mail/${id}/retry`);
      assert.equal(post.statusCode, 403, `${role} POST retry`);
    }
    const anonymous = new TestClient(t.app);
    for (const url of ['/admin/mail', `/admin/mail/${id}`]) {
      const response = await anonymous.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent(url)}`);
    }
    assert.equal((await rowOf(id)).state, 'failed');
    assert.equal(await countAudit(), before);
  });

  it('shows mail held for want of SMTP_URL, readable in full on its own page', async () => {
    const messageId = await enqueue({
      subject: 'Bericht <b>met</b> tekens & meer',
      text: 'Eerste regel\nTweede regel met <script>alert(1)</script>',
    });
    await createMailJob({ db: t.db, transport: undefined, clock: t.clock, logger: silent }).run(
      new AbortController().signal,
    );
    const id = await idOf(messageId);
    assert.equal((await rowOf(id)).state, 'held');

    const list = await adminClient.get('/admin/mail');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Er is geen mailserver ingesteld/);
    assert.match(list.body, /Vastgehouden/);
    assert.match(list.body, /behandelaar@voorbeeld\.be/);
    assert.match(list.body, /Nieuwe activiteit op een melding/, 'the purpose is named');
    assert.match(list.body, new RegExp(`href="/admin/mail/${id}"`));
    assert.match(list.body, /data-state-count="held">1</);

    const detail = await adminClient.get(`/admin/mail/${id}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Bericht &lt;b>met&lt;\/b> tekens &amp; meer/);
    assert.match(detail.body, /Eerste regel\nTweede regel met &lt;script>alert\(1\)&lt;\/script>/);
    assert.doesNotMatch(detail.body, /<script>alert/);
    assert.ok(detail.body.includes(messageId.replace('<', '&lt;')), 'the Message-ID is shown');
    assert.match(detail.body, /niet verstuurd omdat er geen mailserver is ingesteld/);
    assert.doesNotMatch(detail.body, /\/retry"/, 'no retry without a mail server');
  });

  it('lists newest first, with counts per state, and filters by state', async () => {
    const base = t.clock.now().getTime();
    const oldest = await idOf(await enqueue({ subject: 'Oudste bericht' }, new Date(base - 3_000)));
    const middle = await idOf(await enqueue({ subject: 'Middelste bericht' }, new Date(base - 2_000)));
    await enqueue({ subject: 'Nieuwste bericht' }, new Date(base - 1_000));
    await setState(oldest, 'sent', { sent_at: new Date(base), attempts: 1 });
    await setState(middle, 'failed', {
      attempts: 10,
      last_error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
    });

    const all = await adminClient.get('/admin/mail');
    const positions = ['Nieuwste bericht', 'Middelste bericht', 'Oudste bericht'].map((s) =>
      all.body.indexOf(s),
    );
    assert.ok(positions.every((p) => p > 0));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'newest first',
    );
    assert.match(all.body, /data-state-count="sent">1</);
    assert.match(all.body, /data-state-count="failed">1</);
    assert.match(all.body, /data-state-count="pending">1</);
    assert.match(all.body, /ESOCKET: connect ECONNREFUSED/);
    assert.match(all.body, /Verzonden /);

    const failed = await adminClient.get('/admin/mail?state=failed');
    assert.equal(failed.statusCode, 200);
    assert.match(failed.body, /Middelste bericht/);
    assert.doesNotMatch(failed.body, /Nieuwste bericht|Oudste bericht/);
    assert.match(failed.body, /<option value="failed" selected/);

    const held = await adminClient.get('/admin/mail?state=held');
    assert.match(held.body, /Er zijn geen berichten in deze toestand/);

    const english = await adminClient.get('/admin/mail?state=failed', { 'accept-language': 'en' });
    assert.match(english.body, /Outgoing mail/);
    assert.match(english.body, /Failed/);
  });

  it('shows 50 messages a page with links to the others', async () => {
    const base = t.clock.now().getTime();
    await t.db
      .insertInto('outbox')
      .values(
        Array.from({ length: 55 }, (_, i) => ({
          message_id: `<${randomUUID()}@desk.example>`,
          purpose: 'report.activity',
          to_address: `nummer${i}@voorbeeld.be`,
          subject: `Bericht nummer ${i}.`,
          body_text: 'tekst',
          headers: '{}',
          state: 'sent' as const,
          next_attempt_at: new Date(base),
          created_at: new Date(base + i * 1_000),
        })),
      )
      .execute();
    const first = await adminClient.get('/admin/mail');
    assert.match(first.body, /Bericht nummer 54\./);
    assert.doesNotMatch(first.body, /Bericht nummer 4\./);
    assert.match(first.body, /href="\/admin\/mail\?page=2"/);
    const second = await adminClient.get('/admin/mail?page=2');
    assert.match(second.body, /Bericht nummer 4\./);
    assert.match(second.body, /Bericht nummer 0\./);
    assert.doesNotMatch(second.body, /Bericht nummer 5\./);
    // A page past the end shows the last one rather than nothing.
    const beyond = await adminClient.get('/admin/mail?page=999');
    assert.equal(beyond.statusCode, 200);
    assert.match(beyond.body, /Bericht nummer 0\./);
  });

  it('ignores malformed filters rather than failing', async () => {
    await enqueue({ subject: 'Blijft zichtbaar' });
    for (const query of [
      'state=bogus',
      'state=held%00',
      'state[]=held&state[]=sent',
      'state=held&state=sent',
      'page=-3',
      'page=abc',
      'page=1e99',
      `page=${'9'.repeat(400)}`,
      'page[x]=1',
    ]) {
      const response = await adminClient.get(`/admin/mail?${query}`);
      assert.equal(response.statusCode, 200, query);
    }
    const bogus = await adminClient.get('/admin/mail?state=bogus');
    assert.match(bogus.body, /Blijft zichtbaar/);
  });

  it('answers 404, never 500, to ids that name no message', async () => {
    const ids = ['nope', randomUUID(), '%00', `${randomUUID()}x`, "1'%20or%20'1'='1", 'x'.repeat(190)];
    for (const id of ids) {
      assert.equal((await adminClient.get(`/admin/mail/${id}`)).statusCode, 404, `GET ${id}`);
      const post = await smtpAdminClient.submit('/admin/mail', {}, `/admin/mail/${id}/retry`);
      assert.equal(post.statusCode, 404, `POST ${id}`);
    }
  });

  it('hides the address and text of a message to a reporter, and shows erased ones as erased', async () => {
    const pending = await idOf(
      await enqueue({
        to: 'melder@voorbeeld.be',
        subject: 'Nieuws over uw melding',
        text: 'Geheime verwijzing',
        purpose: 'report.reporter_news',
        scrubAfterSend: true,
      }),
    );
    const erased = await idOf(await enqueue({ purpose: 'report.reporter_news', scrubAfterSend: true }));
    await setState(erased, 'sent', {
      to_address: ERASED_MARKER,
      subject: ERASED_MARKER,
      body_text: ERASED_MARKER,
      sent_at: t.clock.now(),
    });
    const list = await adminClient.get('/admin/mail');
    assert.doesNotMatch(list.body, /melder@voorbeeld\.be/);
    assert.match(list.body, /Verborgen/);
    assert.match(list.body, /Gewist/);
    assert.doesNotMatch(list.body, /\[erased\]/);

    const detail = await adminClient.get(`/admin/mail/${pending}`);
    assert.doesNotMatch(detail.body, /melder@voorbeeld\.be|Geheime verwijzing/);
    assert.match(detail.body, /Dit bericht gaat naar een melder/);
    const erasedPage = await adminClient.get(`/admin/mail/${erased}`);
    assert.match(erasedPage.body, /zijn gewist/);
    assert.doesNotMatch(erasedPage.body, /\[erased\]/);
  });

  it('puts a failed message up again on "retry now", audited, and wakes the worker', async () => {
    const id = await idOf(await enqueue());
    let wakes = 0;
    const removeHook = onMailDue(() => {
      wakes++;
    });
    await setState(id, 'failed', { attempts: 10, last_error: 'ETIMEDOUT: Greeting never received' });
    const page = await smtpAdminClient.get(`/admin/mail/${id}`);
    assert.match(page.body, new RegExp(`action="/admin/mail/${id}/retry"`));
    assert.match(page.body, /Nu opnieuw proberen/);

    const response = await smtpAdminClient.post(`/admin/mail/${id}/retry`);
    removeHook();
    assert.equal(response.statusCode, 303);
    assert.equal(wakes, 1);
    assert.equal(response.headers.location, `/admin/mail/${id}?done=retried`);
    const row = await rowOf(id);
    assert.equal(row.state, 'pending');
    assert.equal(row.attempts, 0);
    assert.equal(row.next_attempt_at.toISOString(), withSmtp.clock.now().toISOString());
    assert.equal(
      row.last_error,
      'ETIMEDOUT: Greeting never received',
      'the last error stays until the next try',
    );

    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'mail.retried_by_admin')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, { outboxId: id });
    assert.equal(event.actor_id, admin.id);

    const after = await smtpAdminClient.get(response.headers.location as string);
    assert.match(after.body, /Het bericht staat klaar/);
  });

  it('refuses "retry now" for mail that is sent, sending, held or erased, or without SMTP, changing nothing', async () => {
    const sent = await idOf(await enqueue());
    await setState(sent, 'sent', { sent_at: t.clock.now(), attempts: 1 });
    const sending = await idOf(await enqueue());
    await setState(sending, 'sending', { attempts: 1 });
    const held = await idOf(await enqueue());
    await setState(held, 'held');
    const erased = await idOf(await enqueue({ scrubAfterSend: true }));
    await setState(erased, 'failed', {
      to_address: ERASED_MARKER,
      subject: ERASED_MARKER,
      body_text: ERASED_MARKER,
    });
    const before = await countAudit();
    for (const id of [sent, sending, held, erased]) {
      const row = await rowOf(id);
      await smtpAdminClient.get(`/admin/mail/${id}`);
      assert.doesNotMatch(smtpAdminClient.lastBody, /\/retry"/, `no retry form for ${row.state}`);
      const response = await smtpAdminClient.post(`/admin/mail/${id}/retry`);
      assert.equal(response.statusCode, 409, row.state);
      assert.match(response.body, /kan nu niet opnieuw verzonden worden/);
      assert.deepEqual(await rowOf(id), row);
    }
    // Without SMTP_URL a retry would only be held again.
    const failed = await idOf(await enqueue());
    await setState(failed, 'failed', { attempts: 10 });
    await adminClient.get(`/admin/mail/${failed}`);
    assert.equal((await adminClient.post(`/admin/mail/${failed}/retry`)).statusCode, 409);
    assert.equal((await rowOf(failed)).state, 'failed');
    // A forged or missing CSRF token is refused.
    const forged = await smtpAdminClient.post(`/admin/mail/${failed}/retry`, { _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.equal((await rowOf(failed)).state, 'failed');
    assert.equal(await countAudit(), before);
    // The refusal page's address leads back to the message.
    const back = await smtpAdminClient.get(`/admin/mail/${failed}/retry`);
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `/admin/mail/${failed}`);
  });
});

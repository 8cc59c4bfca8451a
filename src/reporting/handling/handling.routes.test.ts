import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.js';
import { loginAs } from '../../../test/helpers/factories.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
  type TestRecipient,
} from '../../../test/helpers/reporting.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import { addBrusselsMonths } from '../brussels-time.js';
import { attachmentDisposition as contentDisposition } from '../files/file-names.js';
import { parseReceipt } from '../receipt.js';
import { decryptText, openReportKey, openWithReceipt, reportAad } from '../report-crypto.js';
import { createReport, type NewReport } from '../report-store.js';

const reporterOrigin = { kind: 'anonymous', label: 'reporter' } as const;
const DAY = 86_400_000;

/** A signed-in client whose keys are unlocked in the app's keyring (as a password login does). */
async function signIn(
  t: TestApp,
  user: TestRecipient,
  options: { unlocked?: boolean } = {},
): Promise<TestClient> {
  const client = await loginAs(t, user);
  if (options.unlocked !== false) {
    const sid = client.cookies.get(SESSION_COOKIE)!;
    t.app.keyring.put(
      sha256Hex(sid),
      // A copy: the keyring zeroes what it drops, and the test keeps using the original.
      { userId: user.id, publicKey: user.keys.publicKey, secretKey: Buffer.from(user.keys.secretKey) },
      t.clock.now().getTime(),
    );
  }
  return client;
}

async function auditEvents(t: TestApp, type: string, reportId: string) {
  const rows = await t.db
    .selectFrom('audit_events')
    .select(['type', 'data', 'actor_id'])
    .where('type', '=', type)
    .orderBy('id')
    .execute();
  return rows.filter((r) => (r.data as { reportId?: string }).reportId === reportId);
}

function multipart(
  fields: readonly (readonly [string, string])[],
  files: readonly { field: string; filename: string; data: Buffer; type?: string }[],
): { body: Buffer; contentType: string } {
  const boundary = `----idesk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function postMultipart(
  t: TestApp,
  client: TestClient,
  url: string,
  fields: readonly (readonly [string, string])[],
  files: readonly { field: string; filename: string; data: Buffer; type?: string }[] = [],
) {
  const { body, contentType } = multipart([['_csrf', client.csrf], ...fields], files);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': contentType, cookie },
  });
}

describe('handling: the handler side of a report', () => {
  let t: TestApp;
  let alice: TestRecipient; // handler of channel A
  let bob: TestRecipient; // investigator of channel A, excluded from some reports
  let dave: TestRecipient; // counselor of channel A
  let carol: TestRecipient; // handler of channel B only
  let a: TestChannel;
  let b: TestChannel;

  before(async () => {
    // A mail server is configured (never reached: no worker runs in tests), so that mail to
    // reporters who left an address is queued at all.
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    [alice, bob, dave, carol] = await Promise.all([
      createRecipientForTest(t.db, { name: 'Alice Aerts' }),
      createRecipientForTest(t.db, { roles: ['investigator'], name: 'Bob Boon' }),
      createRecipientForTest(t.db, { roles: ['counselor'], name: 'Dave Dierckx' }),
      createRecipientForTest(t.db, { name: 'Carol Claes' }),
    ]);
    a = await createChannelForTest(t.db, { recipients: [alice.id, bob.id, dave.id] });
    b = await createChannelForTest(t.db, { recipients: [carol.id] });
  });
  after(() => t.close());

  async function newReport(overrides: Partial<NewReport> = {}, options: { receivedAt?: Date } = {}) {
    return createReport(
      t.db,
      t.config,
      {
        channelId: a.channelId,
        categoryId: a.categoryId,
        questionnaireVersionId: a.questionnaireVersionId,
        identityMode: 'anonymous',
        source: 'online',
        answers: { what: 'Facturen worden vervalst', ongoing: 'yes', when: '2026-10-01' },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [],
        files: [],
        createdBy: null,
        ...overrides,
      },
      { now: options.receivedAt ?? t.clock.now(), origin: reporterOrigin },
    );
  }

  async function reportRow(id: string) {
    return t.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('lists the reports a handler is entitled to, never those they are excluded from, also not in counts', async () => {
    const channel = await createChannelForTest(t.db, { recipients: [alice.id, bob.id] });
    const shared = await newReport({ channelId: channel.channelId, categoryId: channel.categoryId });
    const hidden = await newReport({
      channelId: channel.channelId,
      categoryId: channel.categoryId,
      excludedUserIds: [bob.id],
    });
    const bobClient = await signIn(t, bob);
    const bobInbox = await bobClient.get(`/handling?channel=${channel.channelId}`);
    assert.equal(bobInbox.statusCode, 200);
    assert.ok(bobInbox.body.includes(shared.reference));
    assert.ok(!bobInbox.body.includes(hidden.reference), 'the excluded report is not listed');
    assert.match(bobInbox.body, /van 1\b|of 1\b/, 'the count is 1, not 2');
    assert.ok(bobInbox.body.includes('Fraude'), 'the category name shows in the reader’s language');

    const aliceClient = await signIn(t, alice);
    const aliceInbox = await aliceClient.get(`/handling?channel=${channel.channelId}`);
    assert.ok(aliceInbox.body.includes(shared.reference));
    assert.ok(aliceInbox.body.includes(hidden.reference));
    assert.match(aliceInbox.body, /van 2\b|of 2\b/);
    assert.ok(!aliceInbox.body.includes('Facturen worden vervalst'), 'nothing is decrypted in the inbox');

    const carolInbox = await (await signIn(t, carol)).get('/handling');
    assert.ok(!carolInbox.body.includes(shared.reference), 'another channel’s reports are not listed');
  });

  it('refuses the inbox to staff without a recipient role', async () => {
    const { createUserForTest } = await import('../../../test/helpers/factories.js');
    const staff = await createUserForTest(t.db, { roles: ['staff'] });
    const client = await loginAs(t, staff);
    assert.equal((await client.get('/handling')).statusCode, 403);
  });

  it('answers 404, identically, for excluded, recused, other-channel, unknown and malformed ids', async () => {
    const excluded = await newReport({ excludedUserIds: [bob.id] });
    const recused = await newReport();
    await t.db
      .insertInto('report_recusals')
      .values({ report_id: recused.reportId, user_id: bob.id, recused_at: t.clock.now() })
      .execute();
    const elsewhere = await newReport({ channelId: b.channelId, categoryId: b.categoryId });
    const client = await signIn(t, bob);
    const urls = [
      `/handling/reports/${excluded.reportId}`,
      `/handling/reports/${recused.reportId}`,
      `/handling/reports/${elsewhere.reportId}`,
      '/handling/reports/00000000-0000-4000-8000-000000000000',
      '/handling/reports/not-a-uuid',
      `/handling/reports/${excluded.reportId}/files/00000000-0000-4000-8000-000000000000`,
    ];
    const bodies: string[] = [];
    for (const url of urls) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 404, url);
      bodies.push(response.body.replaceAll(encodeURIComponent(url), 'URL').replaceAll(url, 'URL'));
    }
    for (const body of bodies) assert.equal(body, bodies[0]);
    for (const r of [excluded, recused, elsewhere]) assert.ok(!bodies.some((b) => b.includes(r.reference)));
    // Actions too.
    await client.get('/handling');
    const post = await client.post(`/handling/reports/${excluded.reportId}/acknowledge`, { ack_text: 'x' });
    assert.equal(post.statusCode, 404);
    assert.equal((await reportRow(excluded.reportId)).status, 'received');
  });

  it('opens a report with the exact questions of its questionnaire, and audits the opening', async () => {
    const created = await newReport({
      files: [
        {
          filename: 'bewijs.pdf',
          mediaType: 'application/pdf',
          data: Buffer.from('%PDF-1.4 bewijs'),
          uploadedBy: 'reporter',
          questionId: 'evidence',
        },
      ],
    });
    const client = await signIn(t, alice);
    const page = await client.get(`/handling/reports/${created.reportId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(created.reference));
    assert.ok(page.body.includes('Wat is er gebeurd?'), 'the question label in Dutch');
    assert.ok(page.body.includes('Facturen worden vervalst'));
    assert.ok(page.body.includes('bewijs.pdf'));
    assert.match(page.body, /Ja/);
    const en = await client.get(`/handling/reports/${created.reportId}`, { 'accept-language': 'en' });
    assert.equal(en.statusCode, 200);
    assert.equal((await auditEvents(t, 'report.opened', created.reportId)).length >= 1, true);
    assert.equal(page.headers['cache-control'], 'no-store');
  });

  it('sends a handler with locked keys to the unlock page and back', async () => {
    const created = await newReport();
    const client = await signIn(t, alice, { unlocked: false });
    const response = await client.get(`/handling/reports/${created.reportId}`);
    assert.equal(response.statusCode, 303);
    assert.equal(
      response.headers.location,
      `/account/keys/unlock?next=${encodeURIComponent(`/handling/reports/${created.reportId}`)}`,
    );
    assert.equal((await auditEvents(t, 'report.opened', created.reportId)).length, 0);
  });

  async function sealHolders(reportId: string) {
    const rows = await t.db
      .selectFrom('report_key_seals')
      .select(['user_id', 'granted_by'])
      .where('report_id', '=', reportId)
      .orderBy('user_id')
      .execute();
    return rows;
  }

  /** A channel whose recipients are given; `later` join after the report arrived (no seal). */
  async function reportWithLatecomers(recipients: readonly string[], later: readonly string[]) {
    const channel = await createChannelForTest(t.db, { recipients });
    const created = await newReport({ channelId: channel.channelId, categoryId: channel.categoryId });
    for (const userId of later) {
      await t.db
        .insertInto('report_channel_recipients')
        .values({ channel_id: channel.channelId, user_id: userId })
        .execute();
    }
    return created;
  }

  it('grants a latecomer nothing when a colleague opens the report; a holder grants access explicitly, audited', async () => {
    const erin = await createRecipientForTest(t.db, { name: 'Erin Engels' });
    const created = await reportWithLatecomers([alice.id, dave.id], [erin.id]);
    const url = `/handling/reports/${created.reportId}`;

    // No access yet: the same page with or without unlocked keys, with a way to recuse.
    for (const unlocked of [false, true]) {
      const erinPage = await (await signIn(t, erin, { unlocked })).get(url);
      assert.equal(erinPage.statusCode, 200);
      assert.ok(!erinPage.body.includes('Facturen worden vervalst'));
      assert.match(
        erinPage.body,
        /U hebt nog geen toegang tot deze melding; een collega die toegang heeft, kan u die geven\./,
      );
      assert.ok(erinPage.body.includes(`${url}/recuse`));
    }
    const en = await (await signIn(t, erin)).get(url, { 'accept-language': 'en' });
    assert.match(en.body, /You have no access to this report yet; a colleague who has access can grant it\./);

    const aliceClient = await signIn(t, alice);
    const page = await aliceClient.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Erin Engels — nog geen toegang/);
    assert.ok(page.body.includes(`name="user" value="${erin.id}"`), 'a grant button for Erin');
    assert.deepEqual(
      (await sealHolders(created.reportId)).map((r) => r.user_id),
      [alice.id, dave.id].sort(),
      'opening granted nobody',
    );
    assert.equal((await auditEvents(t, 'report.access_granted', created.reportId)).length, 0);

    const granted = await aliceClient.post(`${url}/grant`, { user: erin.id });
    assert.equal(granted.statusCode, 303);
    assert.equal(granted.headers.location, `${url}?done=access_granted`);
    const seal = (await sealHolders(created.reportId)).find((r) => r.user_id === erin.id);
    assert.equal(seal?.granted_by, alice.id);
    const events = await auditEvents(t, 'report.access_granted', created.reportId);
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data as { userIds: string[] }).userIds, [erin.id]);
    assert.equal(events[0]!.actor_id, alice.id);

    const opened = await (await signIn(t, erin)).get(url);
    assert.ok(opened.body.includes('Facturen worden vervalst'));

    // A replayed grant changes nothing.
    await aliceClient.get(url);
    const again = await aliceClient.post(`${url}/grant`, { user: erin.id });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /heeft al toegang/);
    assert.equal((await auditEvents(t, 'report.access_granted', created.reportId)).length, 1);
  });

  it('refuses a grant by someone without access, to the excluded, the non-entitled or a user without a key pair; nothing changes', async () => {
    const erin = await createRecipientForTest(t.db, { name: 'Erin Engels' });
    const { createUserForTest } = await import('../../../test/helpers/factories.js');
    const keyless = await createUserForTest(t.db, { roles: ['handler'], name: 'Kees Zondersleutel' });
    const channel = await createChannelForTest(t.db, { recipients: [alice.id, bob.id] });
    const created = await newReport({
      channelId: channel.channelId,
      categoryId: channel.categoryId,
      excludedUserIds: [bob.id],
    });
    for (const userId of [erin.id, keyless.id]) {
      await t.db
        .insertInto('report_channel_recipients')
        .values({ channel_id: channel.channelId, user_id: userId })
        .execute();
    }
    const url = `/handling/reports/${created.reportId}`;
    const before = await sealHolders(created.reportId);
    assert.deepEqual(
      before.map((r) => r.user_id),
      [alice.id],
    );

    const aliceClient = await signIn(t, alice);
    const page = await aliceClient.get(url);
    assert.ok(!page.body.includes('Bob Boon'), 'the excluded appear nowhere, not in the grant list');
    assert.ok(!page.body.includes(`value="${bob.id}"`));
    assert.match(page.body, /Kees Zondersleutel — nog geen toegang/);
    assert.ok(!page.body.includes(`value="${keyless.id}"`), 'no grant button without a key pair');

    const refusals: [string, RegExp][] = [
      [bob.id, /geen recht op deze melding/],
      [carol.id, /geen recht op deze melding/],
      ['00000000-0000-4000-8000-000000000000', /geen recht op deze melding/],
      ['not-a-uuid', /geen recht op deze melding/],
      [keyless.id, /nog geen sleutelpaar/],
    ];
    for (const [user, message] of refusals) {
      await aliceClient.get(url);
      const response = await aliceClient.post(`${url}/grant`, { user });
      assert.equal(response.statusCode, 409, user);
      assert.match(response.body, message);
    }
    await aliceClient.get(url);
    const noUser = await aliceClient.post(`${url}/grant`, {});
    assert.equal(noUser.statusCode, 409);

    // Erin is entitled but holds no seal: she cannot grant, not even to herself.
    const erinClient = await signIn(t, erin);
    await erinClient.get(url);
    for (const user of [erin.id, keyless.id]) {
      const response = await erinClient.post(`${url}/grant`, { user });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /nog geen toegang/);
    }
    // Bob is excluded: the report does not exist for him.
    const bobClient = await signIn(t, bob);
    await bobClient.get('/handling');
    assert.equal((await bobClient.post(`${url}/grant`, { user: bob.id })).statusCode, 404);

    assert.deepEqual(await sealHolders(created.reportId), before);
    assert.equal((await auditEvents(t, 'report.access_granted', created.reportId)).length, 0);
  });

  it('lets an entitled handler without access recuse without ever being given the key', async () => {
    const erin = await createRecipientForTest(t.db, { name: 'Erin Engels' });
    const created = await reportWithLatecomers([alice.id, dave.id], [erin.id]);
    const url = `/handling/reports/${created.reportId}`;
    const erinClient = await signIn(t, erin, { unlocked: false });
    const confirm = await erinClient.get(`${url}/recuse`);
    assert.equal(confirm.statusCode, 200);
    const response = await erinClient.post(`${url}/recuse`);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/handling?done=recused');
    const recusal = await t.db
      .selectFrom('report_recusals')
      .select('user_id')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.deepEqual(
      recusal.map((r) => r.user_id),
      [erin.id],
    );
    const events = await auditEvents(t, 'report.recused', created.reportId);
    assert.equal((events[0]!.data as { userId: string }).userId, erin.id);
    assert.equal(events[0]!.actor_id, erin.id);
    assert.ok(!(await sealHolders(created.reportId)).some((r) => r.user_id === erin.id));
    assert.equal((await auditEvents(t, 'report.access_granted', created.reportId)).length, 0);
    assert.equal((await erinClient.get(url)).statusCode, 404);
    const alicePage = await (await signIn(t, alice)).get(url);
    assert.ok(!alicePage.body.includes('Erin Engels'));
  });

  it('refuses the recusal of the only holder even when a colleague without access is entitled, until access is granted', async () => {
    const erin = await createRecipientForTest(t.db, { name: 'Erin Engels' });
    const created = await reportWithLatecomers([carol.id], [erin.id]);
    const url = `/handling/reports/${created.reportId}`;
    const carolClient = await signIn(t, carol);
    await carolClient.get(`${url}/recuse`);
    const refused = await carolClient.post(`${url}/recuse`);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /enige/);
    assert.deepEqual(
      (await sealHolders(created.reportId)).map((r) => r.user_id),
      [carol.id],
      'nobody was granted access on the way',
    );
    await carolClient.get(url);
    assert.equal((await carolClient.post(`${url}/grant`, { user: erin.id })).statusCode, 303);
    await carolClient.get(`${url}/recuse`);
    assert.equal((await carolClient.post(`${url}/recuse`)).statusCode, 303);
    assert.deepEqual(
      (await sealHolders(created.reportId)).map((r) => r.user_id),
      [erin.id],
    );
  });

  it('shows a clear page, not a stack trace, when a report does not decrypt', async () => {
    const created = await newReport();
    await t.db
      .updateTable('reports')
      .set({ content: Buffer.alloc(64, 1) })
      .where('id', '=', created.reportId)
      .execute();
    const client = await signIn(t, alice);
    const page = await client.get(`/handling/reports/${created.reportId}`);
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /kan niet ontsleuteld worden/);
    assert.ok(!page.body.includes('CryptoError'));
    assert.ok(!page.body.includes(' at '));
  });

  it('acknowledges once: status, date, feedback due recomputed, a message for the reporter, an audit event and e-mails without content', async () => {
    const receivedAt = new Date(t.clock.now().getTime() - 3 * DAY);
    const created = await newReport({ notifyAddress: 'melder@example.test' }, { receivedAt });
    const before = await reportRow(created.reportId);
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const response = await client.post(`/handling/reports/${created.reportId}/acknowledge`, {
      ack_text: 'Goed ontvangen, we kijken ernaar.',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/handling/reports/${created.reportId}?done=acknowledged`);

    const row = await reportRow(created.reportId);
    assert.equal(row.status, 'acknowledged');
    assert.equal(row.acknowledged_at?.getTime(), t.clock.now().getTime());
    assert.equal(row.feedback_due_at.getTime(), addBrusselsMonths(t.clock.now(), 3).getTime());
    assert.notEqual(row.feedback_due_at.getTime(), before.feedback_due_at.getTime());

    const messages = await t.db
      .selectFrom('report_messages')
      .selectAll()
      .where('report_id', '=', created.reportId)
      .execute();
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.kind, 'acknowledgement');
    assert.equal(messages[0]?.author_user_id, alice.id);
    assert.ok(!messages[0]?.body?.toString('utf8').includes('Goed ontvangen'), 'stored encrypted');
    const key = openReportKey(
      alice.keys,
      (
        await t.db
          .selectFrom('report_key_seals')
          .select('sealed_key')
          .where('report_id', '=', created.reportId)
          .where('user_id', '=', alice.id)
          .executeTakeFirstOrThrow()
      ).sealed_key,
    );
    assert.equal(
      decryptText(key, messages[0]!.body!, reportAad.message(created.reportId, messages[0]!.id)),
      'Goed ontvangen, we kijken ernaar.',
    );
    assert.equal((await auditEvents(t, 'report.acknowledged', created.reportId)).length, 1);

    const mail = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'purpose', 'body_text', 'subject'])
      .where('created_at', '=', t.clock.now())
      .execute();
    const reporterMail = mail.filter((m) => m.to_address === 'melder@example.test');
    assert.equal(reporterMail.length, 1);
    assert.ok(mail.some((m) => m.to_address === bob.email && m.purpose === 'report.activity'));
    assert.ok(!mail.some((m) => m.to_address === alice.email && m.body_text.includes(created.reference)));
    for (const m of mail) {
      assert.ok(
        !m.body_text.includes('Goed ontvangen') && !m.body_text.includes('Facturen'),
        'no content by mail',
      );
    }

    const again = await client.post(`/handling/reports/${created.reportId}/acknowledge`, {
      ack_text: 'Nog eens',
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /al bevestigd/);
    assert.equal((await auditEvents(t, 'report.acknowledged', created.reportId)).length, 1);
  });

  it('refuses an empty acknowledgement text with 422 and keeps nothing', async () => {
    const created = await newReport();
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const response = await client.post(`/handling/reports/${created.reportId}/acknowledge`, {
      ack_text: '  ',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Schrijf een bericht voor de melder/);
    const arrays = await client.post(`/handling/reports/${created.reportId}/acknowledge`, {
      ack_text: ['a', 'b'],
    });
    assert.equal(arrays.statusCode, 422);
    assert.equal((await reportRow(created.reportId)).status, 'received');
  });

  it('records why not: no message at all when it would endanger the identity', async () => {
    const created = await newReport({ notifyAddress: 'stil@example.test' });
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const missing = await client.post(`/handling/reports/${created.reportId}/not-acknowledged`, {});
    assert.equal(missing.statusCode, 422);
    const response = await client.post(`/handling/reports/${created.reportId}/not-acknowledged`, {
      reason: 'would_endanger_identity',
      not_ack_text: 'Dit mag niet verstuurd worden',
    });
    assert.equal(response.statusCode, 303);
    const row = await reportRow(created.reportId);
    assert.equal(row.not_acknowledged_reason, 'would_endanger_identity');
    const messages = await t.db
      .selectFrom('report_messages')
      .select('id')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.equal(messages.length, 0);
    const mail = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('to_address', '=', 'stil@example.test')
      .execute();
    assert.equal(mail.length, 0);
    const events = await auditEvents(t, 'report.not_acknowledged', created.reportId);
    assert.equal((events[0]!.data as { reason: string }).reason, 'would_endanger_identity');
    const again = await client.post(`/handling/reports/${created.reportId}/not-acknowledged`, {
      reason: 'already_closed',
      not_ack_text: 'x',
    });
    assert.equal(again.statusCode, 409);
  });

  it('records "already closed": the reporter is told at once and the report is closed', async () => {
    const created = await newReport();
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const response = await client.post(`/handling/reports/${created.reportId}/not-acknowledged`, {
      reason: 'already_closed',
      not_ack_text: 'Deze feiten werden al behandeld.',
    });
    assert.equal(response.statusCode, 303);
    const row = await reportRow(created.reportId);
    assert.equal(row.status, 'closed');
    const messages = await t.db
      .selectFrom('report_messages')
      .select('kind')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.deepEqual(
      messages.map((m) => m.kind),
      ['not_acknowledged'],
    );
    assert.equal((await auditEvents(t, 'report.status_changed', created.reportId)).length, 1);
  });

  it('sends a message with a file to the reporter, and downloads it as an attachment (audited)', async () => {
    const created = await newReport();
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const refused = await postMultipart(
      t,
      client,
      `/handling/reports/${created.reportId}/messages`,
      [['message_text', 'Zie bijlage']],
      [{ field: 'files', filename: 'tool.exe', data: Buffer.from('MZ\u0000\u0000binary') }],
    );
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Programma/);
    assert.match(refused.body, /Zie bijlage/, 'what was typed is kept');

    const response = await postMultipart(
      t,
      client,
      `/handling/reports/${created.reportId}/messages`,
      [
        ['form_id', '11111111-2222-4333-8444-555555555555'],
        ['message_text', 'Kunt u dit document nakijken?'],
      ],
      [{ field: 'files', filename: 'vraag;1.txt', data: Buffer.from('Een vraag aan de melder\n') }],
    );
    assert.equal(response.statusCode, 303, response.body);
    const events = await auditEvents(t, 'report.message_sent', created.reportId);
    assert.equal(events.length, 1);
    assert.equal((events[0]!.data as { files: number }).files, 1);

    // The same form again (a double click) is not sent twice.
    const replay = await postMultipart(t, client, `/handling/reports/${created.reportId}/messages`, [
      ['form_id', '11111111-2222-4333-8444-555555555555'],
      ['message_text', 'Kunt u dit document nakijken?'],
    ]);
    assert.equal(replay.statusCode, 303);
    assert.equal((await auditEvents(t, 'report.message_sent', created.reportId)).length, 1);

    const page = await client.get(`/handling/reports/${created.reportId}`);
    assert.ok(page.body.includes('Kunt u dit document nakijken?'));
    assert.ok(page.body.includes('Alice Aerts'), 'the handler’s name is shown to staff');
    const file = await t.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', created.reportId)
      .executeTakeFirstOrThrow();
    const download = await client.get(`/handling/reports/${created.reportId}/files/${file.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, 'Een vraag aan de melder\n');
    assert.match(
      String(download.headers['content-disposition']),
      /^attachment; filename="vraag_1.txt"; filename\*=UTF-8''vraag%3B1.txt$/,
    );
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['cache-control'], 'no-store');
    assert.equal((await auditEvents(t, 'report.file_downloaded', created.reportId)).length, 1);
    const otherFile = await client.get(
      `/handling/reports/${created.reportId}/files/00000000-0000-4000-8000-000000000000`,
    );
    assert.equal(otherFile.statusCode, 404);
  });

  it('forwards a report: seals move to the new channel, the reporter is told, the forwarder loses access', async () => {
    const created = await newReport();
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const noKeys = await createChannelForTest(t.db, { recipients: [] });
    const refused = await client.post(`/handling/reports/${created.reportId}/forward`, {
      channel: noKeys.channelId,
    });
    assert.equal(refused.statusCode, 409);
    assert.equal((await reportRow(created.reportId)).channel_id, a.channelId);

    const response = await client.post(`/handling/reports/${created.reportId}/forward`, {
      channel: b.channelId,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/handling?done=forwarded');
    const row = await reportRow(created.reportId);
    assert.equal(row.channel_id, b.channelId);
    assert.equal(row.category_id, null);
    const seals = await t.db
      .selectFrom('report_key_seals')
      .select('user_id')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.deepEqual(
      seals.map((s) => s.user_id),
      [carol.id],
    );
    const message = await t.db
      .selectFrom('report_messages')
      .selectAll()
      .where('report_id', '=', created.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(message.kind, 'forwarded');
    assert.equal(message.author, 'system');
    const carolKey = openReportKey(
      carol.keys,
      (
        await t.db
          .selectFrom('report_key_seals')
          .select('sealed_key')
          .where('report_id', '=', created.reportId)
          .executeTakeFirstOrThrow()
      ).sealed_key,
    );
    const text = decryptText(carolKey, message.body!, reportAad.message(created.reportId, message.id));
    assert.ok(text.includes(`Kanaal ${b.slug}`) && text.includes(`Channel ${b.slug}`));
    const forwarded = await auditEvents(t, 'report.forwarded', created.reportId);
    assert.deepEqual(forwarded[0]?.data, {
      reportId: created.reportId,
      fromChannelId: a.channelId,
      toChannelId: b.channelId,
    });
    assert.equal((await auditEvents(t, 'report.access_removed', created.reportId)).length, 1);
    assert.equal((await client.get(`/handling/reports/${created.reportId}`)).statusCode, 404);
    const carolPage = await (await signIn(t, carol)).get(`/handling/reports/${created.reportId}`);
    assert.ok(carolPage.body.includes('Facturen worden vervalst'));
  });

  it('lets a handler recuse themselves: access removed and recorded, the report gone from their inbox', async () => {
    const created = await newReport();
    const client = await signIn(t, dave);
    const confirm = await client.get(`/handling/reports/${created.reportId}/recuse`);
    assert.equal(confirm.statusCode, 200);
    const response = await client.post(`/handling/reports/${created.reportId}/recuse`);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/handling?done=recused');
    const seal = await t.db
      .selectFrom('report_key_seals')
      .select('user_id')
      .where('report_id', '=', created.reportId)
      .where('user_id', '=', dave.id)
      .executeTakeFirst();
    assert.equal(seal, undefined);
    const events = await auditEvents(t, 'report.recused', created.reportId);
    assert.equal((events[0]!.data as { userId: string }).userId, dave.id);
    assert.equal((await client.get(`/handling/reports/${created.reportId}`)).statusCode, 404);
    const inbox = await client.get(`/handling?channel=${a.channelId}`);
    assert.ok(!inbox.body.includes(created.reference));
    const colleagues = await t.db
      .selectFrom('outbox')
      .select('to_address')
      .where('created_at', '=', t.clock.now())
      .where('body_text', 'like', `%${created.reference}%`)
      .execute();
    assert.ok(colleagues.some((m) => m.to_address === alice.email));
  });

  it('refuses the recusal of the last handler who can open a report', async () => {
    const solo = await createChannelForTest(t.db, { recipients: [carol.id] });
    const created = await newReport({ channelId: solo.channelId, categoryId: solo.categoryId });
    const client = await signIn(t, carol);
    await client.get(`/handling/reports/${created.reportId}/recuse`);
    const response = await client.post(`/handling/reports/${created.reportId}/recuse`);
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /enige/);
    assert.equal((await auditEvents(t, 'report.recused', created.reportId)).length, 0);
  });

  it('reveals a confidential identity only with a reason, audited, and for that response only', async () => {
    const created = await newReport({
      identityMode: 'confidential',
      identity: { name: 'Jan Janssens', contact: '0470 12 34 56' },
    });
    const client = await signIn(t, alice);
    const page = await client.get(`/handling/reports/${created.reportId}`);
    assert.ok(!page.body.includes('Jan Janssens'));
    const noReason = await client.post(`/handling/reports/${created.reportId}/reveal`, {
      reveal_reason: 'kort',
    });
    assert.equal(noReason.statusCode, 422);
    assert.ok(!noReason.body.includes('Jan Janssens'));
    assert.equal((await auditEvents(t, 'report.identity_revealed', created.reportId)).length, 0);

    const reason = 'Nodig om de melder uit te nodigen voor een gesprek';
    const revealed = await client.post(`/handling/reports/${created.reportId}/reveal`, {
      reveal_reason: reason,
    });
    assert.equal(revealed.statusCode, 200);
    assert.ok(revealed.body.includes('Jan Janssens'));
    assert.ok(revealed.body.includes('0470 12 34 56'));
    const events = await auditEvents(t, 'report.identity_revealed', created.reportId);
    assert.equal((events[0]!.data as { reason: string }).reason, reason);
    const later = await client.get(`/handling/reports/${created.reportId}`);
    assert.ok(!later.body.includes('Jan Janssens'), 'not remembered');
  });

  it('shows a named reporter’s identity without a reveal', async () => {
    const created = await newReport({
      identityMode: 'named',
      identity: { name: 'Mieke Peeters', contact: '' },
    });
    const page = await (await signIn(t, alice)).get(`/handling/reports/${created.reportId}`);
    assert.ok(page.body.includes('Mieke Peeters'));
  });

  it('registers an oral report with minutes; the receipt shown once opens it', async () => {
    const client = await signIn(t, alice);
    const choose = await client.get('/handling/oral/new');
    assert.equal(choose.statusCode, 200);
    const form = await client.get(`/handling/oral/new?channel=${a.channelId}`);
    assert.equal(form.statusCode, 200);
    const formId = /name="form_id" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(formId);
    const invalid = await client.post('/handling/oral/new', {
      form_id: formId,
      channel: a.channelId,
      identity_mode: 'anonymous',
      identity_name: 'Iemand',
      summary: 'Samenvatting X',
      minutes: '',
    });
    assert.equal(invalid.statusCode, 422);
    assert.ok(invalid.body.includes('Samenvatting X'), 'what was typed is kept');

    const response = await client.post('/handling/oral/new', {
      form_id: formId,
      channel: a.channelId,
      category: a.categoryId,
      identity_mode: 'confidential',
      identity_name: 'Piet Pieters',
      identity_contact: '02 123 45 67',
      excluded: [bob.id],
      summary: 'Mondeling gemeld: misbruik van dienstwagens',
      minutes: 'Verslag: de melder vertelde over dienstwagens op zondag.',
    });
    assert.equal(response.statusCode, 200, response.body.slice(0, 2000));
    const shown = /data-receipt[^>]*>([\d ]+)</.exec(response.body)?.[1];
    assert.ok(shown, 'the receipt is shown');
    const receipt = parseReceipt(shown);
    assert.ok(receipt);
    const opened = await openWithReceipt(t.db, receipt);
    assert.ok(opened);
    const row = await reportRow(opened.reportId);
    assert.equal(row.source, 'oral');
    assert.equal(row.created_by, alice.id);
    assert.equal(row.identity_mode, 'confidential');
    const minutes = await t.db
      .selectFrom('report_minutes')
      .selectAll()
      .where('report_id', '=', opened.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(minutes.status, 'awaiting_signature');
    assert.ok(!minutes.body.toString('latin1').includes('dienstwagens'), 'minutes stored encrypted');
    assert.equal(
      decryptText(opened.reportKey, minutes.body, reportAad.minutes(opened.reportId, minutes.id)),
      'Verslag: de melder vertelde over dienstwagens op zondag.',
    );
    const message = await t.db
      .selectFrom('report_messages')
      .select(['id', 'kind'])
      .where('id', '=', minutes.message_id)
      .executeTakeFirstOrThrow();
    assert.equal(message.kind, 'minutes');
    assert.equal((await auditEvents(t, 'report.minutes_added', opened.reportId)).length, 1);
    const submitted = await auditEvents(t, 'report.submitted', opened.reportId);
    assert.equal((submitted[0]!.data as { source: string }).source, 'oral');
    assert.equal(submitted[0]?.actor_id, alice.id);
    // Bob, excluded, never sees it.
    assert.equal((await (await signIn(t, bob)).get(`/handling/reports/${opened.reportId}`)).statusCode, 404);

    const replay = await client.post('/handling/oral/new', {
      form_id: formId,
      channel: a.channelId,
      identity_mode: 'anonymous',
      summary: 'Mondeling gemeld: misbruik van dienstwagens',
      minutes: 'Verslag',
    });
    assert.equal(replay.statusCode, 409, 'a replayed form creates no second report');

    // New minutes supersede the open ones.
    await client.get(`/handling/reports/${opened.reportId}`);
    const added = await client.post(`/handling/reports/${opened.reportId}/minutes`, {
      minutes_text: 'Tweede gesprek: aanvullingen.',
    });
    assert.equal(added.statusCode, 303);
    const all = await t.db
      .selectFrom('report_minutes')
      .select(['status'])
      .where('report_id', '=', opened.reportId)
      .orderBy('created_at')
      .orderBy('status')
      .execute();
    assert.deepEqual(all.map((m) => m.status).sort(), ['awaiting_signature', 'superseded']);
  });

  it('filters and sorts the inbox by due date, marking overdue reports in words', async () => {
    const channel = await createChannelForTest(t.db, { recipients: [alice.id] });
    const old = await newReport(
      { channelId: channel.channelId, categoryId: channel.categoryId },
      { receivedAt: new Date(t.clock.now().getTime() - 10 * DAY) },
    );
    const fresh = await newReport({ channelId: channel.channelId, categoryId: channel.categoryId });
    const client = await signIn(t, alice);
    const overdue = await client.get(`/handling?channel=${channel.channelId}&overdue=1`);
    assert.ok(overdue.body.includes(old.reference));
    assert.ok(!overdue.body.includes(fresh.reference));
    assert.match(overdue.body, /Termijn overschreden/);

    const ascending = await client.get(`/handling?channel=${channel.channelId}&sort=ack_due&dir=asc`);
    assert.ok(ascending.body.indexOf(old.reference) < ascending.body.indexOf(fresh.reference));
    const descending = await client.get(`/handling?channel=${channel.channelId}&sort=ack_due&dir=desc`);
    assert.ok(descending.body.indexOf(old.reference) > descending.body.indexOf(fresh.reference));
    const status = await client.get(`/handling?channel=${channel.channelId}&status=closed`);
    assert.ok(!status.body.includes(old.reference));
    const junk = await client.get('/handling?status[]=x&sort=%00&page=-3&channel=nope');
    assert.equal(junk.statusCode, 200);
  });

  it('builds a safe Content-Disposition', () => {
    const header = contentDisposition('rapport "é"\r\n.pdf');
    assert.ok(!/[\r\n]/.test(header), 'no line breaks');
    assert.match(header, /^attachment; filename="[^"]*"; filename\*=UTF-8''\S+$/);
    assert.equal(decodeURIComponent(header.split("UTF-8''")[1]!), 'rapport "é".pdf');
    assert.equal(contentDisposition('///'), `attachment; filename="bestand"; filename*=UTF-8''bestand`);
  });
});

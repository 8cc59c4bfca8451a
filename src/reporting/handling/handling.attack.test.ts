import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.js';
import { loginAs } from '../../../test/helpers/factories.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
  type TestRecipient,
} from '../../../test/helpers/reporting.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import { getOrCreateSecret } from '../../platform/crypto/app-secrets.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import { createReport, type NewReport, referenceNumber } from '../report-store.js';

/**
 * Hostile probes of the handler's side: actions on reports one is not entitled to, ids of other
 * reports, forged and malformed input, races. Each answer must be the ordinary one (404 like an
 * unknown id, a refusal page, 422) and change nothing; never a 500.
 */

const reporterOrigin = { kind: 'anonymous', label: 'reporter' } as const;

async function signIn(t: TestApp, user: TestRecipient, unlocked = true): Promise<TestClient> {
  const client = await loginAs(t, user);
  if (unlocked) {
    const sid = client.cookies.get(SESSION_COOKIE)!;
    t.app.keyring.put(
      sha256Hex(sid),
      { userId: user.id, publicKey: user.keys.publicKey, secretKey: Buffer.from(user.keys.secretKey) },
      t.clock.now().getTime(),
    );
  }
  return client;
}

describe('handling under attack', () => {
  let t: TestApp;
  let alice: TestRecipient; // handler of A
  let bob: TestRecipient; // handler of A
  let carol: TestRecipient; // handler of B only
  let a: TestChannel;
  let b: TestChannel;

  before(async () => {
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
    [alice, bob, carol] = await Promise.all([
      createRecipientForTest(t.db, { name: 'Alice Aerts' }),
      createRecipientForTest(t.db, { name: 'Bob Boon' }),
      createRecipientForTest(t.db, { name: 'Carol Claes' }),
    ]);
    a = await createChannelForTest(t.db, { recipients: [alice.id, bob.id] });
    b = await createChannelForTest(t.db, { recipients: [carol.id] });
  });
  after(() => t.close());

  async function newReport(overrides: Partial<NewReport> = {}) {
    return createReport(
      t.db,
      t.config,
      {
        channelId: a.channelId,
        categoryId: a.categoryId,
        questionnaireVersionId: a.questionnaireVersionId,
        identityMode: 'anonymous',
        source: 'online',
        answers: { what: 'Geheime inhoud' },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [],
        files: [],
        createdBy: null,
        ...overrides,
      },
      { now: t.clock.now(), origin: reporterOrigin },
    );
  }

  async function snapshot(reportId: string) {
    const [row, messages, minutes, seals, recusals, files] = await Promise.all([
      t.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow(),
      t.db.selectFrom('report_messages').select('id').where('report_id', '=', reportId).execute(),
      t.db.selectFrom('report_minutes').select('id').where('report_id', '=', reportId).execute(),
      t.db.selectFrom('report_key_seals').select('user_id').where('report_id', '=', reportId).execute(),
      t.db.selectFrom('report_recusals').select('user_id').where('report_id', '=', reportId).execute(),
      t.db.selectFrom('report_files').select('id').where('report_id', '=', reportId).execute(),
    ]);
    return JSON.stringify({
      status: row.status,
      channel: row.channel_id,
      ack: row.acknowledged_at,
      why: row.not_acknowledged_reason,
      messages: messages.length,
      minutes: minutes.length,
      seals: seals.map((s) => s.user_id).sort(),
      recusals: recusals.length,
      files: files.length,
    });
  }

  it('lets a handler of another channel change nothing on a report by its id, with 404 everywhere', async () => {
    const target = await newReport({ identityMode: 'confidential', identity: { name: 'Jan', contact: 'x' } });
    const before = await snapshot(target.reportId);
    const client = await signIn(t, carol);
    await client.get('/handling');
    const base = `/handling/reports/${target.reportId}`;
    const posts: [string, Record<string, string>][] = [
      ['acknowledge', { ack_text: 'hallo' }],
      ['not-acknowledged', { reason: 'already_closed', not_ack_text: 'dicht' }],
      ['minutes', { minutes_text: 'notulen', form_id: crypto.randomUUID() }],
      ['forward', { channel: b.channelId }],
      ['recuse', {}],
      ['reveal', { reveal_reason: 'ik wil het weten, echt' }],
    ];
    for (const [action, form] of posts) {
      const response = await client.post(`${base}/${action}`, form);
      assert.equal(response.statusCode, 404, action);
      assert.ok(!response.body.includes(target.reference), action);
      assert.ok(!response.body.includes('Jan'), action);
    }
    for (const url of [base, `${base}/recuse`, `${base}/files/${crypto.randomUUID()}`]) {
      assert.equal((await client.get(url)).statusCode, url.endsWith('/recuse') ? 404 : 404, url);
    }
    assert.equal(await snapshot(target.reportId), before);
    const revealed = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('type', '=', 'report.identity_revealed')
      .execute();
    assert.equal(revealed.length, 0);
  });

  it('never serves a file of another report through a report one may open', async () => {
    const other = await newReport({
      channelId: b.channelId,
      categoryId: b.categoryId,
      questionnaireVersionId: b.questionnaireVersionId,
      files: [
        {
          filename: 'geheim.pdf',
          mediaType: 'application/pdf',
          data: Buffer.from('%PDF-1.4 geheim'),
          uploadedBy: 'reporter',
          questionId: 'evidence',
        },
      ],
    });
    const fileRow = await t.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', other.reportId)
      .executeTakeFirstOrThrow();
    const mine = await newReport();
    const client = await signIn(t, alice);
    const response = await client.get(`/handling/reports/${mine.reportId}/files/${fileRow.id}`);
    assert.equal(response.statusCode, 404);
    assert.ok(!response.body.includes('geheim'));
  });

  it('keeps a recipient who lost the role or was deactivated out, even with keys in the keyring', async () => {
    const erin = await createRecipientForTest(t.db, { name: 'Erin Engels' });
    await t.db
      .insertInto('report_channel_recipients')
      .values({ channel_id: a.channelId, user_id: erin.id })
      .execute();
    const created = await newReport();
    const client = await signIn(t, erin);
    assert.equal((await client.get(`/handling/reports/${created.reportId}`)).statusCode, 200);
    // The role goes (directly in the database: the session stays, as a stale one would).
    await t.db.deleteFrom('user_roles').where('user_id', '=', erin.id).execute();
    await t.db.insertInto('user_roles').values({ user_id: erin.id, role: 'staff' }).execute();
    assert.equal((await client.get(`/handling/reports/${created.reportId}`)).statusCode, 403);
    // Given back a recipient role but deactivated.
    await t.db.insertInto('user_roles').values({ user_id: erin.id, role: 'investigator' }).execute();
    await t.db.updateTable('users').set({ active: false }).where('id', '=', erin.id).execute();
    const response = await client.get(`/handling/reports/${created.reportId}`);
    assert.ok([401, 403, 404, 303].includes(response.statusCode), String(response.statusCode));
    assert.ok(!response.body.includes('Geheime inhoud'));
    // A colleague opening the report removes the stale seal.
    await t.db.updateTable('users').set({ active: true }).where('id', '=', erin.id).execute();
    await t.db.deleteFrom('user_roles').where('user_id', '=', erin.id).execute();
    await (await signIn(t, alice)).get(`/handling/reports/${created.reportId}`);
    const seal = await t.db
      .selectFrom('report_key_seals')
      .select('user_id')
      .where('report_id', '=', created.reportId)
      .where('user_id', '=', erin.id)
      .executeTakeFirst();
    assert.equal(seal, undefined);
  });

  it('acknowledges once when two handlers acknowledge at the same moment', async () => {
    const created = await newReport();
    const [c1, c2] = await Promise.all([signIn(t, alice), signIn(t, bob)]);
    await c1.get(`/handling/reports/${created.reportId}`);
    await c2.get(`/handling/reports/${created.reportId}`);
    const responses = await Promise.all([
      c1.post(`/handling/reports/${created.reportId}/acknowledge`, { ack_text: 'één' }),
      c2.post(`/handling/reports/${created.reportId}/acknowledge`, { ack_text: 'twee' }),
    ]);
    const codes = responses.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [303, 409]);
    const acks = await t.db
      .selectFrom('report_messages')
      .select('id')
      .where('report_id', '=', created.reportId)
      .where('kind', '=', 'acknowledgement')
      .execute();
    assert.equal(acks.length, 1);
  });

  it('refuses a reveal without a reason, with a huge one, by GET, without CSRF; never a 500', async () => {
    const created = await newReport({
      identityMode: 'confidential',
      identity: { name: 'Jan Janssens', contact: '0470' },
    });
    const client = await signIn(t, alice);
    const base = `/handling/reports/${created.reportId}`;
    await client.get(base);
    const empty = await client.post(`${base}/reveal`, { reveal_reason: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.ok(!empty.body.includes('Jan Janssens'));
    const huge = await client.post(`${base}/reveal`, { reveal_reason: 'x'.repeat(1_000_000) });
    assert.ok(huge.statusCode < 500, String(huge.statusCode));
    assert.ok(!huge.body.includes('Jan Janssens'));
    const long = await client.post(`${base}/reveal`, { reveal_reason: 'x'.repeat(501) });
    assert.equal(long.statusCode, 422);
    const get = await client.get(`${base}/reveal?reveal_reason=${'x'.repeat(20)}`);
    assert.equal(get.statusCode, 303);
    assert.ok(!get.body.includes('Jan Janssens'));
    const forged = await client.post(`${base}/reveal`, {
      _csrf: 'nope',
      reveal_reason: 'een goede reden hier',
    });
    assert.equal(forged.statusCode, 403);
    const cross = await client.post(
      `${base}/reveal`,
      { reveal_reason: 'een goede reden hier' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    assert.equal(cross.statusCode, 403);
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'report.identity_revealed')
      .execute();
    assert.equal(
      events.filter((e) => (e.data as { reportId: string }).reportId === created.reportId).length,
      0,
    );
  });

  it('forwards to no inactive, unknown or malformed channel, with a refusal and nothing changed', async () => {
    const created = await newReport();
    const inactive = await createChannelForTest(t.db, { recipients: [carol.id], active: false });
    const empty = await createChannelForTest(t.db, { recipients: [] });
    const client = await signIn(t, alice);
    await client.get(`/handling/reports/${created.reportId}`);
    const before = await snapshot(created.reportId);
    for (const channel of [
      inactive.channelId,
      empty.channelId,
      crypto.randomUUID(),
      a.channelId,
      'not-a-uuid',
      '',
    ]) {
      const response = await client.post(`/handling/reports/${created.reportId}/forward`, { channel });
      assert.ok([409, 422].includes(response.statusCode), `${channel}: ${response.statusCode}`);
    }
    const arrays = await client.post(`/handling/reports/${created.reportId}/forward`, {
      channel: [b.channelId, b.channelId],
    });
    assert.equal(arrays.statusCode, 422);
    assert.equal(await snapshot(created.reportId), before);
  });

  it('answers malformed bodies and queries with a page, never a 500', async () => {
    const created = await newReport();
    const client = await signIn(t, alice);
    const base = `/handling/reports/${created.reportId}`;
    await client.get(base);
    const cases: [string, Record<string, string | string[]>][] = [
      ['acknowledge', { ack_text: ['a', 'b'] }],
      ['acknowledge', { ack_text: 'a\u0000b' }],
      ['not-acknowledged', { reason: ['already_closed', 'x'] }],
      ['not-acknowledged', { reason: 'constructor' }],
      ['minutes', { minutes_text: 'x', form_id: ['a', 'b'] }],
      ['minutes', { minutes_text: 'x'.repeat(50_001) }],
      ['recuse', { anything: 'x' }],
    ];
    for (const [action, form] of cases) {
      const response = await client.post(`${base}/${action}`, form);
      assert.ok(
        response.statusCode < 500,
        `${action} ${JSON.stringify(form).slice(0, 50)}: ${response.statusCode}`,
      );
    }
    const json = await client.post(`${base}/acknowledge`, {}, { 'content-type': 'application/json' });
    assert.ok(json.statusCode < 500, `json: ${json.statusCode}`);
    for (const query of [
      '?page=-1',
      '?page=99999999999',
      '?page=1e3',
      '?sort=__proto__',
      '?status[]=received',
      '?channel=../../',
      '?dir=sideways',
      '?overdue=1&overdue=1',
      '?done=constructor',
    ]) {
      const response = await client.get(`/handling${query}`);
      assert.equal(response.statusCode, 200, query);
    }
    const oral = await client.post('/handling/oral/new', {
      channel: a.channelId,
      excluded: ['x'],
      form_id: crypto.randomUUID(),
    });
    assert.ok(oral.statusCode < 500, `oral: ${oral.statusCode}`);
  });

  it('gives references that reveal no hidden report to an excluded handler (no numbering gaps)', async () => {
    const first = await newReport();
    const hidden = await newReport({ excludedUserIds: [bob.id] });
    const last = await newReport();
    const inbox = await (await signIn(t, bob)).get(`/handling?channel=${a.channelId}`);
    assert.ok(inbox.body.includes(first.reference) && inbox.body.includes(last.reference));
    assert.ok(!inbox.body.includes(hidden.reference));
    const numbers = [first, hidden, last].map((r) => Number(r.reference.split('-')[2]));
    // Consecutive numbers would tell Bob that one report between his two exists and is hidden
    // from him: that he is named in it.
    assert.ok(
      !(numbers[1] === numbers[0]! + 1 && numbers[2] === numbers[1]! + 1),
      `references count up: ${numbers.join(', ')}`,
    );
    assert.notEqual(
      numbers[2]! - numbers[0]!,
      2,
      'the gap between two visible references shows a hidden one',
    );
  });

  it('skips a reference an older, sequential one already took', async () => {
    const older = await newReport();
    const { last } = await sql<{ last: string }>`select last_value::text as last from report_reference_seq`
      .execute(t.db)
      .then((r) => r.rows[0]!);
    const key = await getOrCreateSecret(t.db, 'report-reference-key');
    const year = older.reference.split('-')[1];
    const predicted = `M-${year}-${referenceNumber(Number(last) + 1, key)}`;
    await t.db
      .updateTable('reports')
      .set({ reference: predicted })
      .where('id', '=', older.reportId)
      .execute();
    const next = await newReport();
    assert.notEqual(next.reference, predicted);
  });

  it('does not let an oral report exclude someone of another channel, nor use a channel one does not receive', async () => {
    const client = await signIn(t, alice);
    await client.get(`/handling/oral/new?channel=${a.channelId}`);
    const base = {
      channel: a.channelId,
      identity_mode: 'anonymous',
      summary: 'Samenvatting',
      minutes: 'Notulen van het gesprek',
    };
    const foreign = await client.post('/handling/oral/new', {
      ...base,
      excluded: carol.id,
      form_id: crypto.randomUUID(),
    });
    assert.equal(foreign.statusCode, 422);
    const other = await client.post('/handling/oral/new', {
      ...base,
      channel: b.channelId,
      form_id: crypto.randomUUID(),
    });
    assert.equal(other.statusCode, 422);
    const count = await t.db.selectFrom('reports').select('id').where('source', '=', 'oral').execute();
    assert.equal(count.length, 0);
  });
});

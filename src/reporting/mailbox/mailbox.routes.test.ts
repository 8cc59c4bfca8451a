import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
  type TestRecipient,
} from '../../../test/helpers/reporting.js';
import { pngChunkCrc } from '../files/strip-metadata.js';
import { generateReceipt, type Receipt } from '../receipt.js';
import { encryptText, openWithReceipt, reportAad } from '../report-crypto.js';
import { createReport, insertMessage } from '../report-store.js';
import { loadMailbox, visibleToReporter } from './mailbox.service.js';
import { ReceiptThrottle } from './receipt-throttle.js';
import { REPORTER_SESSION_COOKIE } from './reporter-sessions.js';

const reporterOrigin = { kind: 'anonymous', label: 'reporter' } as const;
const MINUTE = 60_000;
const NOT_FOUND = /Met deze ontvangstcode vinden we geen melding/;
const SESSION_ENDED = /Uw sessie is beëindigd/;

describe('the reporter’s mailbox', () => {
  let t: TestApp;
  let handler: TestRecipient;
  let channel: TestChannel;

  before(async () => {
    t = await createTestApp({ env: { REPORT_MAX_FILES: '2', REPORT_MAX_FILE_MB: '1' } });
    handler = await createRecipientForTest(t.db, { name: 'Wouter Geheimnaam' });
    channel = await createChannelForTest(t.db, { recipients: [handler.id] });
  });
  after(() => t.close());

  const state = () => t.app.reporterMailbox;

  async function newReport(answer = 'Er wordt gefraudeerd met facturen') {
    return createReport(
      t.db,
      t.config,
      {
        channelId: channel.channelId,
        categoryId: channel.categoryId,
        questionnaireVersionId: channel.questionnaireVersionId,
        identityMode: 'anonymous',
        source: 'online',
        answers: { what: answer },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [],
        files: [],
        createdBy: null,
      },
      { now: t.clock.now(), origin: reporterOrigin },
    );
  }

  /** The report key as the reporter's receipt opens it (for inserting what the handler side writes). */
  async function keyOf(receipt: Receipt): Promise<Buffer> {
    const opened = await openWithReceipt(t.db, receipt);
    assert.ok(opened);
    return opened.reportKey;
  }

  async function handlerMessage(
    reportId: string,
    key: Buffer,
    kind: 'acknowledgement' | 'message' | 'not_acknowledged',
    text: string,
    files: never[] = [],
  ): Promise<string> {
    return t.db
      .transaction()
      .execute((trx) =>
        insertMessage(
          trx,
          { reportId, reportKey: key, author: 'handler', authorUserId: handler.id, kind, text, files },
          t.clock.now(),
        ),
      );
  }

  /** Minutes as the handler side writes them: a `minutes` message and the encrypted minutes row. */
  async function addMinutes(reportId: string, key: Buffer, text: string): Promise<string> {
    return t.db.transaction().execute(async (trx) => {
      const messageId = await insertMessage(
        trx,
        {
          reportId,
          reportKey: key,
          author: 'handler',
          authorUserId: handler.id,
          kind: 'minutes',
          text: null,
        },
        t.clock.now(),
      );
      const minutesId = randomUUID();
      await trx
        .insertInto('report_minutes')
        .values({
          id: minutesId,
          report_id: reportId,
          message_id: messageId,
          status: 'awaiting_signature',
          body: encryptText(key, text, reportAad.minutes(reportId, minutesId)),
          created_at: t.clock.now(),
          created_by: handler.id,
        })
        .execute();
      return minutesId;
    });
  }

  async function enter(receipt: string, client = new TestClient(t.app)) {
    const response = await client.submit('/report/follow-up', { receipt });
    return { client, response };
  }

  async function openMailbox(receipt: Receipt): Promise<TestClient> {
    const { client, response } = await enter(receipt);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    assert.equal(response.headers.location, '/report/follow-up/mailbox');
    return client;
  }

  function multipart(
    client: TestClient,
    url: string,
    fields: Record<string, string | readonly string[]>,
    files: readonly { name: string; data: Buffer }[] = [],
    csrf = client.csrf,
  ) {
    const boundary = `----mailbox${randomUUID()}`;
    const chunks: Buffer[] = [];
    const part = (headers: string, body: Buffer) =>
      chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n'));
    part('Content-Disposition: form-data; name="_csrf"', Buffer.from(csrf));
    for (const [name, value] of Object.entries(fields)) {
      for (const v of typeof value === 'string' ? [value] : value) {
        part(`Content-Disposition: form-data; name="${name}"`, Buffer.from(v));
      }
    }
    for (const file of files) {
      part(
        `Content-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream`,
        file.data,
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return t.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(chunks),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
  }

  async function messageCount(reportId: string): Promise<number> {
    const row = await t.db
      .selectFrom('report_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Row counts of every table: receipt attempts must leave no trace anywhere. */
  async function tableCounts(): Promise<Record<string, number>> {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.db);
    const counts: Record<string, number> = {};
    for (const { table_name } of tables.rows) {
      const result = await sql<{
        n: string;
      }>`select count(*)::text as n from ${sql.table(table_name)}`.execute(t.db);
      counts[table_name] = Number(result.rows[0]?.n);
    }
    return counts;
  }

  it('opens the mailbox with the right receipt: a session-only strict cookie, a new CSRF cookie, an audit event without the reporter', async () => {
    const created = await newReport();
    const client = new TestClient(t.app);
    await client.get('/report/follow-up');
    const csrfBefore = client.cookies.get('csrf');
    const typed = `${created.receipt.slice(0, 4)}-${created.receipt.slice(4, 8)} ${created.receipt.slice(8)}`;
    const response = await client.post('/report/follow-up', { receipt: typed });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/report/follow-up/mailbox');
    const cookie = response.cookies.find((c) => c.name === REPORTER_SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal(cookie.path, '/report/follow-up');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.maxAge, undefined, 'session-only: no Max-Age');
    assert.equal(cookie.expires, undefined, 'session-only: no Expires');
    assert.ok(cookie.value.length >= 43, 'at least 32 random bytes');
    assert.notEqual(client.cookies.get('csrf'), csrfBefore, 'the CSRF cookie is renewed');

    const page = await client.get('/report/follow-up/mailbox');
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, new RegExp(`Kanaal ${channel.slug}`));
    assert.match(page.body, /Ontvangen/);
    assert.match(page.body, /Uitloggen/);
    assert.match(page.body, /Er zijn nog geen berichten/);
    // GET /report/follow-up with a live session leads to the mailbox.
    const entry = await client.get('/report/follow-up');
    assert.equal(entry.headers.location, '/report/follow-up/mailbox');

    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'report.mailbox_opened')
      .execute();
    const event = events.find((e) => (e.data as { reportId: string }).reportId === created.reportId);
    assert.ok(event);
    assert.equal(event.actor_label, 'reporter');
    assert.equal(event.actor_id, null);
    assert.equal(event.client_ip, null);
    assert.equal(event.user_agent, null);
    assert.ok(!JSON.stringify(event).includes(created.receipt));
  });

  it('shows the status, the received date and the due dates in Brussels time, in the reader’s language', async () => {
    t.clock.set('2026-03-25T09:30:00Z');
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    const nl = await client.get('/report/follow-up/mailbox');
    assert.match(nl.body, /25 maart 2026/);
    assert.match(nl.body, /Uiterlijk op 1 april 2026/, 'acknowledgement within 7 days');
    assert.match(nl.body, /Uiterlijk op 1 juli 2026 laten we u weten/, 'feedback 3 months after that');
    client.cookies.set('lang', 'en');
    const english = await client.get('/report/follow-up/mailbox');
    assert.match(english.body, /25 March 2026/);
    assert.match(english.body, /By 1 April 2026 at the latest/);

    await t.db
      .updateTable('reports')
      .set({ status: 'acknowledged', acknowledged_at: new Date('2026-03-27T10:00:00Z') })
      .where('id', '=', created.reportId)
      .execute();
    client.cookies.delete('lang');
    const acknowledged = await client.get('/report/follow-up/mailbox');
    assert.match(acknowledged.body, /Bevestigd op 27 maart 2026/);
    assert.match(acknowledged.body, /Ontvangst bevestigd/);
    assert.match(acknowledged.body, /Uiterlijk op 27 juni 2026 laten we u weten/);
    t.clock.set(new Date());
  });

  it('gives a wrong and an unknown receipt the same answer after the same work', async () => {
    const created = await newReport();
    const tampered = await newReport();
    await t.db
      .updateTable('reports')
      .set({ reporter_key: Buffer.alloc(72, 1) })
      .where('id', '=', tampered.reportId)
      .execute();
    let calls = 0;
    const original = state().openReceipt;
    state().openReceipt = async (db, receipt) => {
      calls++;
      return openWithReceipt(db, receipt);
    };
    try {
      const lastDigit = Number(created.receipt.at(-1));
      const wrong = `${created.receipt.slice(0, 15)}${(lastDigit + 1) % 10}`;
      let unknown = generateReceipt();
      while (unknown === created.receipt) unknown = generateReceipt();
      const bodies: string[] = [];
      for (const receipt of [wrong, unknown, tampered.receipt]) {
        const before = calls;
        const { client, response } = await enter(receipt);
        assert.equal(response.statusCode, 422);
        assert.match(response.body, NOT_FOUND);
        assert.equal(calls - before, 1, 'each went through openWithReceipt (two Argon2id) once');
        assert.equal(client.cookies.has(REPORTER_SESSION_COOKIE), false);
        bodies.push(response.body.replaceAll(receipt, 'RECEIPT').replace(/value="[A-Za-z0-9_-]{43}"/g, ''));
      }
      assert.equal(bodies[0], bodies[1]);
      assert.equal(bodies[1], bodies[2]);
      assert.match(bodies[0]!, /value="RECEIPT"/, 'what was typed is kept');
    } finally {
      state().openReceipt = original;
    }
  });

  it('refuses an empty, a malformed and a repeated receipt field with a clear message and no Argon2 work', async () => {
    let calls = 0;
    const original = state().openReceipt;
    state().openReceipt = async (db, receipt) => {
      calls++;
      return openWithReceipt(db, receipt);
    };
    try {
      const cases: [Record<string, string | string[]>, RegExp][] = [
        [{ receipt: '' }, /Geef uw ontvangstcode in/],
        [{}, /Geef uw ontvangstcode in/],
        [{ receipt: '1234 5678' }, /Een ontvangstcode bestaat uit 16 cijfers/],
        [{ receipt: '1234567890123456\u0000' }, /Een ontvangstcode bestaat uit 16 cijfers/],
        [{ receipt: '9'.repeat(5000) }, /Een ontvangstcode bestaat uit 16 cijfers/],
        [{ receipt: ['12', '34'] }, /Een ontvangstcode bestaat uit 16 cijfers/],
      ];
      for (const [form, message] of cases) {
        const response = await new TestClient(t.app).submit('/report/follow-up', form);
        assert.equal(response.statusCode, 422, JSON.stringify(form).slice(0, 50));
        assert.match(response.body, message);
      }
      assert.equal(calls, 0);
    } finally {
      state().openReceipt = original;
    }
  });

  it('throttles receipt attempts per client in memory with 429 and when to try again, storing nothing', async () => {
    const created = await newReport();
    const original = state().throttle;
    state().throttle = new ReceiptThrottle({ perClient: 3 });
    try {
      const before = await tableCounts();
      const client = new TestClient(t.app);
      await client.get('/report/follow-up');
      for (let i = 0; i < 3; i++) {
        const response = await client.post('/report/follow-up', { receipt: generateReceipt() });
        assert.equal(response.statusCode, 422);
      }
      const throttled = await client.post('/report/follow-up', { receipt: created.receipt });
      assert.equal(throttled.statusCode, 429, 'even the right receipt waits');
      assert.ok(Number(throttled.headers['retry-after']) > 800);
      assert.match(throttled.body, /Te veel pogingen/);
      assert.match(throttled.body, /Probeer het opnieuw na \d{1,2}:\d{2} \(over ongeveer 1[45] min\.\)/);
      assert.equal(client.cookies.has(REPORTER_SESSION_COOKIE), false);
      assert.deepEqual(await tableCounts(), before, 'no table grew: failures and throttling are not stored');
    } finally {
      state().throttle = original;
    }
  });

  it('ends the session after 30 minutes without activity and says so on the receipt form', async () => {
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    t.clock.advance(29 * MINUTE);
    assert.equal((await client.get('/report/follow-up/mailbox')).statusCode, 200);
    t.clock.advance(29 * MINUTE);
    assert.equal((await client.get('/report/follow-up/mailbox')).statusCode, 200, 'activity keeps it alive');
    t.clock.advance(31 * MINUTE);
    const ended = await client.get('/report/follow-up/mailbox');
    assert.equal(ended.statusCode, 303);
    assert.equal(ended.headers.location, '/report/follow-up?notice=session_ended');
    assert.equal(client.cookies.has(REPORTER_SESSION_COOKIE), false, 'the cookie is cleared');
    const form = await client.get(ended.headers.location);
    assert.match(form.body, SESSION_ENDED);
    assert.match(form.body, /name="receipt"/);
  });

  it('logs out: the session is forgotten, its key zeroed, the cookie cleared', async () => {
    const created = await newReport();
    let opened: Buffer | undefined;
    const original = state().openReceipt;
    state().openReceipt = async (db, receipt) => {
      const result = await openWithReceipt(db, receipt);
      opened = result?.reportKey;
      return result;
    };
    let client: TestClient;
    try {
      client = await openMailbox(created.receipt);
    } finally {
      state().openReceipt = original;
    }
    const token = client.cookies.get(REPORTER_SESSION_COOKIE)!;
    const sessionsBefore = state().sessions.size;
    const page = await client.get('/report/follow-up/mailbox');
    assert.match(page.body, /action="\/report\/follow-up\/logout"/);
    const out = await client.post('/report/follow-up/logout');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/report/follow-up?notice=logged_out');
    assert.equal(state().sessions.size, sessionsBefore - 1);
    assert.ok(
      opened?.every((b) => b === 0),
      'the report key of the session is zeroed',
    );
    assert.equal(client.cookies.has(REPORTER_SESSION_COOKIE), false);
    assert.match((await client.get(out.headers.location)).body, /U bent uitgelogd/);
    // The old token, sent again, opens nothing.
    client.cookies.set(REPORTER_SESSION_COOKIE, token);
    const replay = await client.get('/report/follow-up/mailbox');
    assert.equal(replay.headers.location, '/report/follow-up?notice=session_ended');
  });

  it('shows a handler’s message as written by the channel, never by the handler’s name', async () => {
    const created = await newReport();
    const key = await keyOf(created.receipt);
    await handlerMessage(created.reportId, key, 'acknowledgement', 'Wij hebben uw melding goed ontvangen.');
    t.clock.advance(1000);
    await handlerMessage(created.reportId, key, 'message', 'Kunt u zeggen wanneer dit gebeurde?');
    const client = await openMailbox(created.receipt);
    const page = await client.get('/report/follow-up/mailbox');
    assert.match(page.body, /Wij hebben uw melding goed ontvangen\./);
    assert.match(page.body, /Kunt u zeggen wanneer dit gebeurde\?/);
    assert.match(page.body, /Ontvangstbevestiging/);
    const authors = [...page.body.matchAll(/<span class="mailbox-message__from">([^<]*)<\/span>/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(authors, [`Kanaal ${channel.slug}`, `Kanaal ${channel.slug}`]);
    for (const secret of [handler.name, 'Geheimnaam', handler.username, handler.email, handler.id]) {
      assert.ok(!page.body.includes(secret), `the page does not show ${secret}`);
    }
    const order = page.body.indexOf('goed ontvangen') < page.body.indexOf('wanneer dit gebeurde');
    assert.ok(order, 'oldest first');
  });

  it('shows a not-acknowledged note only when the report was already closed', async () => {
    assert.equal(visibleToReporter('not_acknowledged', 'already_closed'), true);
    assert.equal(visibleToReporter('not_acknowledged', 'reporter_objected'), false);
    assert.equal(visibleToReporter('not_acknowledged', 'would_endanger_identity'), false);
    assert.equal(visibleToReporter('message', 'would_endanger_identity'), true);
    const created = await newReport();
    const key = await keyOf(created.receipt);
    await handlerMessage(created.reportId, key, 'not_acknowledged', 'Reden: gevaar');
    await t.db
      .updateTable('reports')
      .set({ not_acknowledged_reason: 'would_endanger_identity' })
      .where('id', '=', created.reportId)
      .execute();
    const hidden = await loadMailbox(t.db, { reportId: created.reportId, reportKey: key }, t.clock.now());
    assert.equal(hidden.entries.length, 0);
    assert.equal(hidden.acknowledgement, null, 'no due date, nothing that would hint at a reason');
    await t.db
      .updateTable('reports')
      .set({ not_acknowledged_reason: 'already_closed', status: 'closed', closed_at: t.clock.now() })
      .where('id', '=', created.reportId)
      .execute();
    const shown = await loadMailbox(t.db, { reportId: created.reportId, reportKey: key }, t.clock.now());
    assert.equal(shown.entries.length, 1);
    assert.deepEqual(shown.acknowledgement, { state: 'not_needed_closed' });
    const client = await openMailbox(created.receipt);
    const page = await client.get('/report/follow-up/mailbox');
    assert.match(page.body, /Reden: gevaar/);
    assert.match(page.body, /Afgesloten/);
    assert.match(page.body, /u kunt geen berichten meer sturen/);
    const refused = await multipart(client, '/report/follow-up/mailbox', { message: 'Nog iets' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /u kunt geen berichten meer sturen/);
    assert.equal(await messageCount(created.reportId), 1);
  });

  it('answers with a file: stored encrypted (no plaintext in the upload folder), audited, the handler told', async () => {
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    await client.get('/report/follow-up/mailbox');
    const marker = `MARKER-${randomUUID()}`;
    const response = await multipart(
      client,
      '/report/follow-up/mailbox',
      { message: `Hier is het bewijs ${marker}`, strip_metadata: 'yes' },
      [{ name: 'notities ü.txt', data: Buffer.from(`Bestand met ${marker}\n`) }],
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    assert.equal(response.headers.location, '/report/follow-up/mailbox?notice=sent');

    for (const name of await readdir(t.config.reporting.uploadDir)) {
      const content = await readFile(path.join(t.config.reporting.uploadDir, name));
      assert.ok(!content.includes(marker), `no plaintext in ${name}`);
    }
    const rows = await t.db
      .selectFrom('report_messages')
      .selectAll()
      .where('report_id', '=', created.reportId)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.author, 'reporter');
    assert.equal(rows[0]?.author_user_id, null);
    assert.ok(!rows[0]?.body?.includes(marker));

    const page = await client.get('/report/follow-up/mailbox?notice=sent');
    assert.match(page.body, /Uw bericht is verstuurd/);
    assert.match(page.body, new RegExp(`Hier is het bewijs ${marker}`));
    const link = /href="(\/report\/follow-up\/files\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
    assert.ok(link);
    const file = await client.get(link);
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, `Bestand met ${marker}\n`);
    assert.equal(file.headers['content-type'], 'text/plain');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal(file.headers['cache-control'], 'no-store');
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="notities _.txt"; filename*=UTF-8''notities%20%C3%BC.txt`,
    );

    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', 'in', ['report.message_sent', 'report.file_downloaded'])
      .execute();
    const mine = events.filter((e) => (e.data as { reportId: string }).reportId === created.reportId);
    assert.deepEqual(mine.map((e) => e.type).sort(), ['report.file_downloaded', 'report.message_sent']);
    for (const e of mine) {
      assert.equal(e.actor_label, 'reporter');
      assert.equal(e.client_ip, null);
      assert.ok(!JSON.stringify(e.data).includes(marker));
    }
    const mail = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('to_address', '=', handler.email)
      .execute();
    assert.ok(mail.length >= 2, 'the submission and the answer each told the handler');
    assert.ok(!mail.some((m) => m.body_text.includes(marker)));
  });

  it('removes image metadata when the reporter asks, and keeps it when they do not', async () => {
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    await client.get('/report/follow-up/mailbox');
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(pngChunkCrc(type, data));
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
    };
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('tEXt', Buffer.from('Location\0Kortrijk GPS 50.8')),
      chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    for (const strip of [true, false]) {
      const response = await multipart(
        client,
        '/report/follow-up/mailbox',
        { message: '', ...(strip ? { strip_metadata: 'yes' } : {}) },
        [{ name: 'foto.png', data: png }],
      );
      assert.equal(response.statusCode, 303);
      t.clock.advance(1000);
    }
    const page = await client.get('/report/follow-up/mailbox');
    const links = [...page.body.matchAll(/href="(\/report\/follow-up\/files\/[0-9a-f-]{36})"/g)].map(
      (m) => m[1]!,
    );
    assert.equal(links.length, 2);
    const stripped = await client.get(links[0]!);
    const kept = await client.get(links[1]!);
    assert.equal(stripped.headers['content-type'], 'image/png');
    assert.ok(!stripped.rawPayload.includes('Kortrijk'));
    assert.ok(kept.rawPayload.includes('Kortrijk'));
  });

  it('downloads only files of the session’s report: another report’s file and a forged id answer 404', async () => {
    const mine = await newReport();
    const other = await newReport();
    const otherClient = await openMailbox(other.receipt);
    await otherClient.get('/report/follow-up/mailbox');
    await multipart(otherClient, '/report/follow-up/mailbox', { message: 'x' }, [
      { name: 'a.txt', data: Buffer.from('van een ander') },
    ]);
    const otherFile = await t.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', other.reportId)
      .executeTakeFirstOrThrow();
    const client = await openMailbox(mine.receipt);
    for (const id of [otherFile.id, randomUUID(), 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd']) {
      const response = await client.get(`/report/follow-up/files/${id}`);
      assert.equal(response.statusCode, 404, id);
      assert.ok(!response.body.includes('van een ander'));
    }
    // Without a session, a file link leads to the receipt form.
    const anonymous = await new TestClient(t.app).get(`/report/follow-up/files/${otherFile.id}`);
    assert.equal(anonymous.statusCode, 303);
  });

  it('refuses bad answers with a clear message, keeps what was typed and stores nothing, never a 500', async () => {
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    await client.get('/report/follow-up/mailbox');
    const typed = 'Mijn aanvulling op de melding';
    const small = (name: string) => ({ name, data: Buffer.from('tekst') });
    const cases: [string, Record<string, string | string[]>, { name: string; data: Buffer }[], RegExp][] = [
      ['nothing', { message: '   ' }, [], /Schrijf een bericht of voeg een bestand toe/],
      ['NUL', { message: `${typed}\u0000` }, [], /tekens die niet bewaard kunnen worden/],
      ['too long', { message: `${typed}${'x'.repeat(20_001)}` }, [], /Uw bericht is te lang/],
      [
        'too many files',
        { message: typed },
        [small('1.txt'), small('2.txt'), small('3.txt')],
        /te veel bestanden/,
      ],
      [
        'too large',
        { message: typed },
        [{ name: 'groot.txt', data: Buffer.alloc(1024 * 1024 + 10, 0x61) }],
        /Een van de bestanden is te groot/,
      ],
      [
        'executable',
        { message: typed },
        [{ name: 'factuur.pdf', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) }],
        /programma of script/,
      ],
      [
        'executable name',
        { message: typed },
        [{ name: 'run.bat', data: Buffer.from('echo') }],
        /programma of script/,
      ],
      ['empty file', { message: typed }, [{ name: 'leeg.txt', data: Buffer.alloc(0) }], /bestanden is leeg/],
      [
        'type',
        { message: typed },
        [{ name: 'x.bin', data: Buffer.from([0, 1, 2, 3, 0xff]) }],
        /soort die we niet aanvaarden/,
      ],
      [
        'array',
        { message: [typed, 'tweede'] },
        [{ name: 'run.sh', data: Buffer.from('#!/bin/sh') }],
        /programma of script/,
      ],
    ];
    for (const [label, fields, files, message] of cases) {
      const response = await multipart(client, '/report/follow-up/mailbox', fields, files);
      assert.equal(response.statusCode, 422, label);
      assert.match(response.body, message, label);
      assert.match(response.body, /class="error-summary"/, label);
      if (label !== 'nothing' && label !== 'too long') {
        assert.ok(response.body.includes(typed), `${label}: what was typed is kept`);
      }
    }
    assert.equal(await messageCount(created.reportId), 0);
    const files = await t.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.equal(files.length, 0);
    const forged = await multipart(client, '/report/follow-up/mailbox', { message: typed }, [], 'forged');
    assert.equal(forged.statusCode, 403);
    const notMultipart = await client.post('/report/follow-up/mailbox', { message: typed });
    assert.ok(notMultipart.statusCode >= 400 && notMultipart.statusCode < 500);
    assert.equal(await messageCount(created.reportId), 0);
  });

  it('shows a post that arrives after the session ended with the receipt form and the unsent text', async () => {
    const created = await newReport();
    const client = await openMailbox(created.receipt);
    await client.get('/report/follow-up/mailbox');
    t.clock.advance(31 * MINUTE);
    const response = await multipart(
      client,
      '/report/follow-up/mailbox',
      { message: 'Niet verloren <b>tekst</b>' },
      [{ name: 'a.txt', data: Buffer.from('inhoud') }],
    );
    assert.equal(response.statusCode, 401);
    assert.match(response.body, SESSION_ENDED);
    assert.match(response.body, /Niet verloren &lt;b>tekst&lt;\/b>|Niet verloren &lt;b&gt;tekst&lt;\/b&gt;/);
    assert.equal(await messageCount(created.reportId), 0);
    const stored = await t.db
      .selectFrom('report_files')
      .select('id')
      .where('report_id', '=', created.reportId)
      .execute();
    assert.equal(stored.length, 0, 'no file is read or stored without a session');
  });

  it('signs minutes once: confirmation required, a replayed post changes nothing', async () => {
    const created = await newReport();
    const key = await keyOf(created.receipt);
    const minutesId = await addMinutes(
      created.reportId,
      key,
      'Gesprek van 3 december: de melder vertelde over facturen.',
    );
    const client = await openMailbox(created.receipt);
    const page = await client.get('/report/follow-up/mailbox');
    assert.match(page.body, /Gesprek van 3 december/);
    assert.match(page.body, /Wacht op uw antwoord/);
    assert.match(page.body, /Ik onderteken dit verslag/);
    assert.match(page.body, /Ik stel correcties voor/);

    const unconfirmed = await client.post(`/report/follow-up/minutes/${minutesId}`, { answer: 'sign' });
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.body, /Vink aan dat het verslag weergeeft/);

    const signed = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'sign',
      confirm: 'yes',
    });
    assert.equal(signed.statusCode, 303);
    assert.equal(signed.headers.location, '/report/follow-up/mailbox?notice=signed');
    const row = await t.db
      .selectFrom('report_minutes')
      .selectAll()
      .where('id', '=', minutesId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'signed');
    assert.ok(row.answered_at);
    const count = await messageCount(created.reportId);
    const kinds = await t.db
      .selectFrom('report_messages')
      .select(['kind', 'author'])
      .where('report_id', '=', created.reportId)
      .execute();
    assert.ok(kinds.some((m) => m.kind === 'minutes_signed' && m.author === 'reporter'));
    const events = await t.db
      .selectFrom('audit_events')
      .select(['data', 'actor_label'])
      .where('type', '=', 'report.minutes_signed')
      .execute();
    assert.ok(
      events.some(
        (e) => (e.data as { minutesId: string }).minutesId === minutesId && e.actor_label === 'reporter',
      ),
    );

    const replays: Record<string, string>[] = [
      { answer: 'sign', confirm: 'yes' },
      { answer: 'corrections', corrections: 'Toch iets anders' },
    ];
    for (const form of replays) {
      const replay = await client.post(`/report/follow-up/minutes/${minutesId}`, form);
      assert.equal(replay.statusCode, 409);
      assert.match(replay.body, /Dit verslag werd al beantwoord\. Er is niets gewijzigd\./);
    }
    assert.equal(await messageCount(created.reportId), count);
    const after = await client.get('/report/follow-up/mailbox');
    assert.match(after.body, /Ondertekend/);
    assert.doesNotMatch(after.body, /Ik onderteken dit verslag/);
  });

  it('proposes corrections once, with the text required and kept', async () => {
    const created = await newReport();
    const key = await keyOf(created.receipt);
    const minutesId = await addMinutes(created.reportId, key, 'Verslag met een fout in de datum.');
    const client = await openMailbox(created.receipt);
    await client.get('/report/follow-up/mailbox');
    const empty = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'corrections',
      corrections: ' ',
    });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Beschrijf wat er anders moet in het verslag/);
    const nul = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'corrections',
      corrections: 'De datum\u0000 klopt niet',
    });
    assert.equal(nul.statusCode, 422);
    assert.match(nul.body, /tekens die niet bewaard kunnen worden/);
    assert.match(nul.body, /De datum.? klopt niet<\/textarea>/, 'what was typed is kept');
    const long = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'corrections',
      corrections: 'y'.repeat(20_001),
    });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /Uw correcties zijn te lang/);

    const done = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'corrections',
      corrections: 'Het gesprek was op 4 december, niet op 3 december.',
    });
    assert.equal(done.statusCode, 303);
    const row = await t.db
      .selectFrom('report_minutes')
      .select('status')
      .where('id', '=', minutesId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'corrections_proposed');
    const page = await client.get(done.headers.location as string);
    assert.match(page.body, /Uw correcties zijn verstuurd/);
    assert.match(page.body, /U stelde correcties voor op het verslag:/);
    assert.match(page.body, /Het gesprek was op 4 december, niet op 3 december\./);
    const replay = await client.post(`/report/follow-up/minutes/${minutesId}`, {
      answer: 'corrections',
      corrections: 'Nog een keer',
    });
    assert.equal(replay.statusCode, 409);
    const events = await t.db
      .selectFrom('audit_events')
      .select('data')
      .where('type', '=', 'report.minutes_corrections_proposed')
      .execute();
    assert.equal(events.filter((e) => (e.data as { minutesId: string }).minutesId === minutesId).length, 1);
  });

  it('answers 404 for another report’s minutes and a forged minutes id, 400 for a forged answer', async () => {
    const mine = await newReport();
    const other = await newReport();
    const otherMinutes = await addMinutes(
      other.reportId,
      await keyOf(other.receipt),
      'Verslag van iemand anders',
    );
    const client = await openMailbox(mine.receipt);
    await client.get('/report/follow-up/mailbox');
    for (const id of [otherMinutes, randomUUID(), 'nope']) {
      const response = await client.post(`/report/follow-up/minutes/${id}`, {
        answer: 'sign',
        confirm: 'yes',
      });
      assert.equal(response.statusCode, 404, id);
    }
    const ownMinutes = await addMinutes(mine.reportId, await keyOf(mine.receipt), 'Eigen verslag');
    const forged = await client.post(`/report/follow-up/minutes/${ownMinutes}`, { answer: 'delete' });
    assert.equal(forged.statusCode, 400);
    const row = await t.db
      .selectFrom('report_minutes')
      .select('status')
      .where('id', '=', otherMinutes)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'awaiting_signature');
  });
});

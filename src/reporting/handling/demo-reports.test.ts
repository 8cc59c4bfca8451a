import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { seedDemoData } from '../../demo/demo-data.js';
import { DEMO_PASSWORD } from '../../identity/demo-accounts.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { unwrapSecretKey } from '../../platform/crypto/envelope.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { openReportKey } from '../report-crypto.js';
import { readAnswers } from '../report-store.js';
import { readReportClocks } from './handling.js';
import { listInbox } from './handling.repository.js';
import { clockFactsOf } from './handling.service.js';

const now = new Date('2026-11-28T09:00:00Z');

describe('demo reports', () => {
  let database: OpenDatabase;
  let result: Awaited<ReturnType<typeof seedDemoData>>;

  before(async () => {
    database = await openTestDatabase();
    result = await seedDemoData(database.db, now);
  });
  after(async () => {
    await database?.close();
  });

  async function userId(username: string): Promise<string> {
    return (
      await database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  }

  it('gives the demo handler eight reports in several states, all readable with the demo password', async () => {
    assert.equal(result.reports, 8);
    const handler = await userId('handler');
    const record = await database.db
      .selectFrom('user_keys')
      .selectAll()
      .where('user_id', '=', handler)
      .executeTakeFirstOrThrow();
    const keys = {
      userId: handler,
      publicKey: record.public_key,
      secretKey: await unwrapSecretKey(record.wrapped_secret_key, DEMO_PASSWORD),
    };
    const inbox = await listInbox(
      database.db,
      handler,
      {
        status: undefined,
        channelId: undefined,
        overdueOnly: false,
        sort: 'received',
        direction: 'desc',
        page: 1,
      },
      now,
    );
    assert.equal(inbox.total, 8);
    const rows = await database.db.selectFrom('reports').selectAll().execute();
    const statuses = new Set(rows.map((r) => r.status));
    assert.ok(statuses.has('received') && statuses.has('acknowledged'));
    assert.ok(rows.some((r) => r.not_acknowledged_reason === 'reporter_objected'));
    assert.ok(rows.some((r) => r.source === 'oral'));
    const overdue = rows.filter((r) => readReportClocks(clockFactsOf(r), now).overdue);
    assert.ok(overdue.length >= 2, 'an unacknowledged and a feedback-overdue report');
    for (const row of rows) {
      const seal = await database.db
        .selectFrom('report_key_seals')
        .select('sealed_key')
        .where('report_id', '=', row.id)
        .where('user_id', '=', handler)
        .executeTakeFirstOrThrow();
      assert.ok(readAnswers(row, openReportKey(keys, seal.sealed_key)));
    }
    const minutes = await database.db.selectFrom('report_minutes').select('status').execute();
    assert.deepEqual(minutes.map((m) => m.status).sort(), ['awaiting_signature', 'superseded']);
  });

  it('keeps the report that excludes the demo investigator away from them', async () => {
    const investigator = await userId('investigator');
    const excluded = await database.db
      .selectFrom('report_exclusions')
      .select('report_id')
      .where('user_id', '=', investigator)
      .execute();
    assert.equal(excluded.length, 1);
    const inbox = await listInbox(
      database.db,
      investigator,
      {
        status: undefined,
        channelId: undefined,
        overdueOnly: false,
        sort: 'received',
        direction: 'desc',
        page: 1,
      },
      now,
    );
    assert.ok(!inbox.rows.some((r) => r.id === excluded[0]?.report_id));
  });

  it('leaves an audit chain that verifies', async () => {
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });
});

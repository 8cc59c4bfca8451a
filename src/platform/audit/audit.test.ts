import '../../identity/identity.events.js';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/helpers/database.js';
import type { OpenDatabase } from '../db/database.js';
import { appendAuditEvent, hashAuditRow, recordAuditEvent, verifyAuditChain } from './audit.js';
import { listAuditEvents, listAuditEventTypes } from './audit.repository.js';
import type { AuditOrigin } from './audit-events.js';
import { endOfBrusselsDay, startOfBrusselsDay } from './audit-period.js';

const staff: AuditOrigin = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  label: 'tester',
  ip: '192.0.2.7',
  userAgent: 'TestAgent/1.0',
};

describe('the hash-chained audit log', () => {
  let database: OpenDatabase;
  const at = new Date('2026-11-28T10:00:00Z');

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  const lastId = async () =>
    (
      await database.db
        .selectFrom('audit_events')
        .select('id')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;

  it('verifies intact after many appends and counts every row', async () => {
    for (let i = 0; i < 60; i += 1) {
      await recordAuditEvent(
        database.db,
        { type: 'settings.changed', data: { key: `k${i}`, from: i, to: { nested: [i, 'é', null] } } },
        staff,
        new Date(at.getTime() + i * 1000),
      );
    }
    const verdict = await verifyAuditChain(database.db, 25);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.count, 60);
  });

  it('keeps one valid chain when 20 events are appended at the same time', async () => {
    const before = await verifyAuditChain(database.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAuditEvent(
          database.db,
          { type: 'user.deactivated', data: { userId: `parallel-${i}` } },
          staff,
          at,
        ),
      ),
    );
    const verdict = await verifyAuditChain(database.db);
    assert.deepEqual(verdict, { ok: true, count: before.count + 20 });
    const rows = await database.db.selectFrom('audit_events').select(['prev_hash', 'hash']).execute();
    assert.equal(new Set(rows.map((r) => r.prev_hash)).size, rows.length, 'no two rows share a predecessor');
  });

  it('stores no client address or user agent for anonymous events, even if handed some', async () => {
    const sneaky = {
      kind: 'anonymous',
      label: 'reporter',
      ip: '203.0.113.9',
      userAgent: 'Leaky/1.0',
    } as AuditOrigin;
    await recordAuditEvent(database.db, { type: 'auth.logged_out', data: { userId: 'anon' } }, sneaky, at);
    const row = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', await lastId())
      .executeTakeFirstOrThrow();
    assert.equal(row.actor_label, 'reporter');
    assert.equal(row.actor_id, null);
    assert.equal(row.client_ip, null);
    assert.equal(row.user_agent, null);
    assert.doesNotMatch(JSON.stringify(row), /203\.0\.113\.9|Leaky/);
  });

  it('keeps client address and user agent for staff events', async () => {
    await recordAuditEvent(
      database.db,
      { type: 'auth.logged_out', data: { userId: staff.userId } },
      staff,
      at,
    );
    const row = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', await lastId())
      .executeTakeFirstOrThrow();
    assert.equal(row.client_ip, '192.0.2.7');
    assert.equal(row.user_agent, 'TestAgent/1.0');
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows in the database itself', async () => {
    const id = await lastId();
    await assert.rejects(
      sql`update audit_events set data = '{"changed":true}'::jsonb where id = ${id}::bigint`.execute(
        database.db,
      ),
      /append-only/,
    );
    await assert.rejects(
      sql`delete from audit_events where id = ${id}::bigint`.execute(database.db),
      /append-only/,
    );
    await assert.rejects(sql`truncate audit_events`.execute(database.db), /append-only/);
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  it('rolls an event back with the transaction it belongs to', async () => {
    const before = (await verifyAuditChain(database.db)).count;
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, { type: 'user.reactivated', data: { userId: 'rolled-back' } }, staff, at);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.deepEqual(await verifyAuditChain(database.db), { ok: true, count: before });
  });

  it('names the tampered row when a row is changed behind the trigger’s back', async () => {
    const rows = await database.db.selectFrom('audit_events').select(['id', 'data']).orderBy('id').execute();
    const victim = rows[Math.floor(rows.length / 2)];
    assert.ok(victim);
    await sql`alter table audit_events disable trigger user`.execute(database.db);
    try {
      await sql`update audit_events set data = '{"key":"forged"}'::jsonb where id = ${victim.id}::bigint`.execute(
        database.db,
      );
      const tampered = await verifyAuditChain(database.db, 10);
      assert.equal(tampered.ok, false);
      assert.ok(!tampered.ok && tampered.brokenId === victim.id && tampered.reason === 'hash');

      // Recomputing the forged row's own hash does not help: the next row's link then breaks.
      const forged = await database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '=', victim.id)
        .executeTakeFirstOrThrow();
      const rehash = hashAuditRow(forged.prev_hash, {
        occurredAt: forged.occurred_at,
        type: forged.type,
        actorId: forged.actor_id,
        actorLabel: forged.actor_label,
        clientIp: forged.client_ip,
        userAgent: forged.user_agent,
        data: forged.data,
      });
      await sql`update audit_events set hash = ${rehash} where id = ${victim.id}::bigint`.execute(
        database.db,
      );
      const relinked = await verifyAuditChain(database.db);
      const next = rows[rows.indexOf(victim) + 1];
      assert.ok(next);
      assert.deepEqual(relinked, {
        ok: false,
        count: rows.indexOf(victim) + 1,
        brokenId: next.id,
        reason: 'link',
      });
    } finally {
      await sql`
        update audit_events
        set data = ${JSON.stringify(victim.data)}::jsonb,
            hash = (select n.prev_hash from audit_events n where n.id > ${victim.id}::bigint order by n.id limit 1)
        where id = ${victim.id}::bigint`.execute(database.db);
      await sql`alter table audit_events enable trigger user`.execute(database.db);
    }
    assert.equal((await verifyAuditChain(database.db)).ok, true, 'restored as it was');
  });

  it('lists events newest first by id pages and the types that occur', async () => {
    const first = await listAuditEvents(database.db, { type: 'settings.changed' }, {}, 50);
    assert.equal(first.events.length, 50);
    assert.equal(first.hasNewer, false);
    assert.equal(first.hasOlder, true);
    const ids = first.events.map((e) => BigInt(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a > b ? -1 : 1)),
    );
    const second = await listAuditEvents(
      database.db,
      { type: 'settings.changed' },
      { before: first.events.at(-1)!.id },
      50,
    );
    assert.equal(second.events.length, 10);
    assert.equal(second.hasOlder, false);
    assert.equal(second.hasNewer, true);
    const back = await listAuditEvents(
      database.db,
      { type: 'settings.changed' },
      { after: second.events[0]!.id },
      50,
    );
    assert.deepEqual(
      back.events.map((e) => e.id),
      first.events.map((e) => e.id),
    );
    assert.equal(back.hasNewer, false);
    assert.deepEqual(await listAuditEventTypes(database.db), [
      'auth.logged_out',
      'settings.changed',
      'user.deactivated',
    ]);
  });

  it('filters by period on Brussels days', async () => {
    const from = startOfBrusselsDay('2026-11-28');
    const to = endOfBrusselsDay('2026-11-28');
    assert.equal(from?.toISOString(), '2026-11-27T23:00:00.000Z');
    assert.equal(to?.toISOString(), '2026-11-28T23:00:00.000Z');
    const inDay = await listAuditEvents(database.db, { type: 'user.deactivated', from, to }, {}, 50);
    assert.equal(inDay.events.length, 20);
    const dayBefore = await listAuditEvents(
      database.db,
      {
        type: 'user.deactivated',
        from: startOfBrusselsDay('2026-11-27'),
        to: endOfBrusselsDay('2026-11-27'),
      },
      {},
      50,
    );
    assert.equal(dayBefore.events.length, 0);
  });
});

describe('Brussels days', () => {
  it('start at local midnight in winter and summer time, and refuse impossible dates', () => {
    assert.equal(startOfBrusselsDay('2026-01-15')?.toISOString(), '2026-01-14T23:00:00.000Z');
    assert.equal(startOfBrusselsDay('2026-07-15')?.toISOString(), '2026-07-14T22:00:00.000Z');
    // The day the clocks go forward is 23 hours long; the day they go back, 25.
    assert.equal(endOfBrusselsDay('2026-03-29')?.toISOString(), '2026-03-29T22:00:00.000Z');
    assert.equal(endOfBrusselsDay('2026-10-25')?.toISOString(), '2026-10-25T23:00:00.000Z');
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', 'today', '']) {
      assert.equal(startOfBrusselsDay(bad), undefined, bad);
    }
  });
});

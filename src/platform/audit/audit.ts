import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { AuditEventRow, Database } from '../db/schema.js';
import type { AuditEvent, AuditOrigin } from './audit-events.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across connections and app instances (any constant, unique in this app). */
const AUDIT_LOCK_KEY = 727_001;
const USER_AGENT_MAX = 300;

/** Canonical JSON: object keys sorted at every depth, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface HashedContent {
  occurredAt: Date;
  type: string;
  actorId: string | null;
  actorLabel: string | null;
  clientIp: string | null;
  userAgent: string | null;
  data: unknown;
}

/** SHA-256 over the previous row's hash and this row's canonical content. */
export function hashAuditRow(prevHash: string, content: HashedContent): string {
  const canonical = canonicalJson({
    occurred_at: content.occurredAt.toISOString(),
    type: content.type,
    actor_id: content.actorId,
    actor_label: content.actorLabel,
    client_ip: content.clientIp,
    user_agent: content.userAgent,
    data: content.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Appends one event to the hash-chained audit log, inside the caller's transaction so that the
 * event exists exactly when the change it records does. Appends are serialised by an advisory
 * transaction lock, so the chain stays linear with several app instances.
 */
export async function appendAuditEvent(
  trx: Transaction<Database>,
  event: AuditEvent,
  origin: AuditOrigin,
  occurredAt: Date,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: HashedContent = {
    occurredAt,
    type: event.type,
    actorId: origin.kind === 'user' ? origin.userId : null,
    actorLabel: origin.label,
    clientIp: origin.kind === 'user' ? (origin.ip ?? null) : null,
    userAgent: origin.kind === 'user' ? (origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null) : null,
    // A JSON round trip gives exactly what jsonb will hand back, so the hash verifies later.
    data: JSON.parse(JSON.stringify(event.data ?? {})),
  };
  await trx
    .insertInto('audit_events')
    .values({
      occurred_at: occurredAt,
      type: content.type,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      client_ip: content.clientIp,
      user_agent: content.userAgent,
      data: JSON.stringify(content.data),
      prev_hash: prevHash,
      hash: hashAuditRow(prevHash, content),
    })
    .execute();
}

/** Appends an event in a transaction of its own (for events with no other write, like a failed login). */
export async function recordAuditEvent(
  db: Db,
  event: AuditEvent,
  origin: AuditOrigin,
  occurredAt: Date,
): Promise<void> {
  await db.transaction().execute((trx) => appendAuditEvent(trx, event, origin, occurredAt));
}

export type ChainVerdict =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false;
      readonly count: number;
      readonly brokenId: string;
      readonly reason: 'link' | 'hash';
    };

/**
 * Walks the whole chain in id order, page by page, and names the first row whose link to its
 * predecessor or whose own hash does not match its content.
 */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = '0';
  let count = 0;
  for (;;) {
    const rows: AuditEventRow[] = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(sql<boolean>`id > ${afterId}::bigint`)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, count, brokenId: row.id, reason: 'link' };
      const expected = hashAuditRow(row.prev_hash, {
        occurredAt: row.occurred_at,
        type: row.type,
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        clientIp: row.client_ip,
        userAgent: row.user_agent,
        data: row.data,
      });
      if (expected !== row.hash) return { ok: false, count, brokenId: row.id, reason: 'hash' };
      prevHash = row.hash;
      count += 1;
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < pageSize) return { ok: true, count };
    afterId = lastRow.id;
  }
}

import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** One audit event as the audit log page shows it. */
export interface AuditEntry {
  readonly id: string;
  readonly occurredAt: Date;
  readonly type: string;
  readonly actorId: string | null;
  readonly actorLabel: string | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
  readonly data: unknown;
}

export interface AuditFilter {
  /** Events caused by this user. */
  readonly actorId?: string | undefined;
  /** Events with this actor label and no user id (system or anonymous origins: `demo`, `reporter`). */
  readonly actorLabel?: string | undefined;
  readonly type?: string | undefined;
  /** Inclusive lower bound of `occurred_at`. */
  readonly from?: Date | undefined;
  /** Exclusive upper bound of `occurred_at`. */
  readonly to?: Date | undefined;
}

/** Where a page starts: below an id (older events) or above one (newer events). */
export type AuditCursor =
  | { readonly before: string }
  | { readonly after: string }
  | Readonly<Record<string, never>>;

export interface AuditPage {
  /** Newest first. */
  readonly events: AuditEntry[];
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_events');
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.actorLabel)
    query = query.where('actor_id', 'is', null).where('actor_label', '=', filter.actorLabel);
  if (filter.type) query = query.where('type', '=', filter.type);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  return query;
}

/**
 * One page of events matching the filter, newest first, paged by id (keyset: a page costs the
 * same however deep it is). Ids are bigint text; callers pass only digits.
 */
export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  cursor: AuditCursor,
  limit: number,
): Promise<AuditPage> {
  let query = filtered(db, filter).selectAll();
  const newerFirst = !('after' in cursor && cursor.after);
  if ('before' in cursor && cursor.before) query = query.where(sql<boolean>`id < ${cursor.before}::bigint`);
  if ('after' in cursor && cursor.after) query = query.where(sql<boolean>`id > ${cursor.after}::bigint`);
  const rows = await query
    .orderBy('id', newerFirst ? 'desc' : 'asc')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (!newerFirst) page.reverse();
  const events: AuditEntry[] = page.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    type: row.type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    data: row.data,
  }));
  const newest = events[0]?.id;
  const oldest = events.at(-1)?.id;
  const exists = async (condition: ReturnType<typeof sql<boolean>>) =>
    (await filtered(db, filter).select('id').where(condition).limit(1).executeTakeFirst()) !== undefined;
  return {
    events,
    hasOlder: newerFirst
      ? more
      : oldest !== undefined && (await exists(sql<boolean>`id < ${oldest}::bigint`)),
    hasNewer: newerFirst
      ? newest !== undefined && (await exists(sql<boolean>`id > ${newest}::bigint`))
      : more,
  };
}

/**
 * The event types that occur in the log, sorted. Read with a loose index scan over
 * `audit_events_type_idx` (one index probe per type), so it stays fast on a long log.
 */
export async function listAuditEventTypes(db: Db): Promise<string[]> {
  const result = await sql<{ type: string }>`
    with recursive types(type) as (
      (select type from audit_events order by type limit 1)
      union all
      select (select a.type from audit_events a where a.type > t.type order by a.type limit 1)
      from types t where t.type is not null
    )
    select type from types where type is not null`.execute(db);
  return result.rows.map((r) => r.type);
}

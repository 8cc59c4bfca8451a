import type { Db } from '../../platform/db/database.js';
import type { ReportRow, ReportStatus } from '../../platform/db/schema.js';
import { entitledTo } from '../report-access.js';
import type { NotAcknowledgedReason } from '../report-clock.js';
import { type ClockFacts, INBOX_PAGE_SIZE, type InboxQuery, type InboxSort } from './handling.js';

/**
 * The SQL of the handler's side. Every query that reaches a report goes through `entitledTo`,
 * so a report the user is not entitled to is absent everywhere: lists, counts, lookups.
 */

/** One inbox row: clear metadata only (nothing here is decrypted). */
export interface InboxRow extends ClockFacts {
  readonly id: string;
  readonly reference: string;
  readonly channelId: string;
  readonly categoryId: string | null;
}

const SORT_COLUMNS = {
  received: 'reports.received_at',
  ack_due: 'reports.acknowledgement_due_at',
  feedback_due: 'reports.feedback_due_at',
} as const satisfies Record<InboxSort, string>;

/** The inbox query with its filters, before paging and ordering (shared by the list and its count). */
function inboxBase(db: Db, userId: string, query: InboxQuery, now: Date) {
  let q = db.selectFrom('reports').where(entitledTo(userId));
  if (query.status) q = q.where('reports.status', '=', query.status);
  if (query.channelId) q = q.where('reports.channel_id', '=', query.channelId);
  if (query.overdueOnly) {
    // The SQL twin of readReportClocks' "outstanding and overdue" (handling.ts).
    q = q
      .where('reports.status', '<>', 'closed')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('reports.acknowledged_at', 'is', null),
            eb('reports.not_acknowledged_reason', 'is', null),
            eb('reports.acknowledgement_due_at', '<', now),
          ]),
          eb.and([eb('reports.feedback_given_at', 'is', null), eb('reports.feedback_due_at', '<', now)]),
        ]),
      );
  }
  return q;
}

/**
 * A page of the user's inbox and the number of reports matching the filters. Ordered by the
 * chosen column, then by id, so that pages are stable when dates are equal.
 */
export async function listInbox(
  db: Db,
  userId: string,
  query: InboxQuery,
  now: Date,
): Promise<{ readonly rows: readonly InboxRow[]; readonly total: number }> {
  const column = SORT_COLUMNS[query.sort];
  const rows = await inboxBase(db, userId, query, now)
    .select([
      'reports.id',
      'reports.reference',
      'reports.channel_id',
      'reports.category_id',
      'reports.status',
      'reports.received_at',
      'reports.acknowledgement_due_at',
      'reports.acknowledged_at',
      'reports.not_acknowledged_reason',
      'reports.feedback_due_at',
      'reports.feedback_given_at',
    ])
    .orderBy(column, query.direction)
    .orderBy('reports.id', query.direction)
    .limit(INBOX_PAGE_SIZE)
    .offset((query.page - 1) * INBOX_PAGE_SIZE)
    .execute();
  // The count walks every matching report (the page itself is read from an index): skip it when
  // the first page already holds them all.
  const total =
    query.page === 1 && rows.length < INBOX_PAGE_SIZE
      ? rows.length
      : Number(
          (
            await inboxBase(db, userId, query, now)
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      channelId: r.channel_id,
      categoryId: r.category_id,
      status: r.status,
      receivedAt: r.received_at,
      acknowledgementDueAt: r.acknowledgement_due_at,
      acknowledgedAt: r.acknowledged_at,
      notAcknowledgedReason: r.not_acknowledged_reason,
      feedbackDueAt: r.feedback_due_at,
      feedbackGivenAt: r.feedback_given_at,
    })),
  };
}

/** A channel's names (for lists and the forward choice). */
export interface ChannelName {
  readonly id: string;
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly active: boolean;
}

/** Every channel, in the admin's order (a small table). */
export async function listChannelNames(db: Db): Promise<ChannelName[]> {
  const rows = await db
    .selectFrom('report_channels')
    .select(['id', 'slug', 'name_nl', 'name_en', 'active'])
    .orderBy('position')
    .orderBy('name_nl')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    active: r.active,
  }));
}

/** The channels the user is a recipient of (the inbox's channel filter, the oral report's choice). */
export async function listChannelsOfRecipient(db: Db, userId: string): Promise<ChannelName[]> {
  const rows = await db
    .selectFrom('report_channels as c')
    .innerJoin('report_channel_recipients as r', 'r.channel_id', 'c.id')
    .select(['c.id', 'c.slug', 'c.name_nl', 'c.name_en', 'c.active'])
    .where('r.user_id', '=', userId)
    .orderBy('c.position')
    .orderBy('c.name_nl')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    active: r.active,
  }));
}

export interface CategoryName {
  readonly id: string;
  readonly channelId: string;
  readonly labelNl: string;
  readonly labelEn: string;
  readonly active: boolean;
}

/** Categories by id (for the inbox rows and a report's page). */
export async function findCategories(db: Db, ids: readonly string[]): Promise<Map<string, CategoryName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_channel_categories')
    .select(['id', 'channel_id', 'label_nl', 'label_en', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, channelId: r.channel_id, labelNl: r.label_nl, labelEn: r.label_en, active: r.active },
    ]),
  );
}

/** A channel's active categories, in order. */
export async function listChannelCategories(db: Db, channelId: string): Promise<CategoryName[]> {
  const rows = await db
    .selectFrom('report_channel_categories')
    .select(['id', 'channel_id', 'label_nl', 'label_en', 'active'])
    .where('channel_id', '=', channelId)
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('label_nl')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    labelNl: r.label_nl,
    labelEn: r.label_en,
    active: r.active,
  }));
}

/** The report if the user is entitled to it, else undefined (unknown, excluded, recused, other channel). */
export async function findEntitledReport(
  db: Db,
  userId: string,
  reportId: string,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll('reports')
    .where('reports.id', '=', reportId)
    .where(entitledTo(userId))
    .executeTakeFirst();
}

/** The user's sealed copy of the report key, if they hold one. */
export async function findSeal(db: Db, reportId: string, userId: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('report_key_seals')
    .select('sealed_key')
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.sealed_key;
}

/** The questions of a questionnaire version (jsonb, parsed by the caller). */
export async function findQuestionnaire(
  db: Db,
  versionId: string,
): Promise<
  { readonly channelId: string; readonly version: number; readonly questions: unknown } | undefined
> {
  const row = await db
    .selectFrom('questionnaire_versions')
    .select(['channel_id', 'version', 'questions'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  return row ? { channelId: row.channel_id, version: row.version, questions: row.questions } : undefined;
}

/** The current (highest) questionnaire version of a channel. */
export async function findCurrentQuestionnaire(
  db: Db,
  channelId: string,
): Promise<{ readonly id: string; readonly questions: unknown } | undefined> {
  return db
    .selectFrom('questionnaire_versions')
    .select(['id', 'questions'])
    .where('channel_id', '=', channelId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Display names of staff users by id (message authors, people with access). */
export async function findUserNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How many recipients were excluded by the reporter, and how many recused (counts only: no names). */
export async function countExclusionsAndRecusals(
  db: Db,
  reportId: string,
): Promise<{ readonly excluded: number; readonly recused: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('report_exclusions')
        .select(eb.fn.countAll<string>().as('n'))
        .where('report_id', '=', reportId)
        .as('excluded'),
      eb
        .selectFrom('report_recusals')
        .select(eb.fn.countAll<string>().as('n'))
        .where('report_id', '=', reportId)
        .as('recused'),
    ])
    .executeTakeFirstOrThrow();
  return { excluded: Number(row.excluded ?? 0), recused: Number(row.recused ?? 0) };
}

/** A stored minutes row (body still encrypted). */
export interface MinutesRow {
  readonly id: string;
  readonly messageId: string;
  readonly status: 'awaiting_signature' | 'signed' | 'corrections_proposed' | 'superseded';
  readonly body: Buffer;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly answeredAt: Date | null;
}

/** The minutes of a report, oldest first. */
export async function listMinutes(db: Db, reportId: string): Promise<MinutesRow[]> {
  const rows = await db
    .selectFrom('report_minutes')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    messageId: r.message_id,
    status: r.status,
    body: r.body,
    createdAt: r.created_at,
    createdBy: r.created_by,
    answeredAt: r.answered_at,
  }));
}

/** Locks the report row for a change (acknowledgement, forward…) and returns its current state. */
export async function lockReport(trx: Db, reportId: string): Promise<ReportRow | undefined> {
  return trx.selectFrom('reports').selectAll().where('id', '=', reportId).forUpdate().executeTakeFirst();
}

/** Sets the acknowledgement, once: returns false when someone acknowledged first. */
export async function markAcknowledged(
  trx: Db,
  input: { readonly reportId: string; readonly now: Date; readonly feedbackDueAt: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('reports')
    .set({
      status: 'acknowledged',
      acknowledged_at: input.now,
      feedback_due_at: input.feedbackDueAt,
      last_activity_at: input.now,
    })
    .where('id', '=', input.reportId)
    .where('acknowledged_at', 'is', null)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records why the report is not acknowledged, once; `already_closed` also closes it. */
export async function markNotAcknowledged(
  trx: Db,
  input: { readonly reportId: string; readonly reason: NotAcknowledgedReason; readonly now: Date },
): Promise<{ readonly from: ReportStatus; readonly to: ReportStatus } | null> {
  const current = await lockReport(trx, input.reportId);
  if (!current || current.acknowledged_at !== null || current.not_acknowledged_reason !== null) return null;
  const to: ReportStatus = input.reason === 'already_closed' ? 'closed' : current.status;
  await trx
    .updateTable('reports')
    .set({
      not_acknowledged_reason: input.reason,
      status: to,
      ...(to === 'closed' && current.status !== 'closed' ? { closed_at: input.now } : {}),
      last_activity_at: input.now,
    })
    .where('id', '=', input.reportId)
    .execute();
  return { from: current.status, to };
}

/** A channel's recipients with their names (the oral report's "who must not see it" choice). */
export async function listChannelRecipients(
  db: Db,
  channelId: string,
): Promise<{ readonly userId: string; readonly name: string }[]> {
  const rows = await db
    .selectFrom('report_channel_recipients as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name'])
    .where('r.channel_id', '=', channelId)
    .where('u.active', '=', true)
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name }));
}

import type { Db } from '../platform/db/database.js';
import type { Locale } from '../platform/ui/i18n/define.js';

/** One answer to "Was this information useful?"; nothing about who gave it. */
export interface NewFeedback {
  readonly page: string;
  readonly locale: Locale;
  readonly useful: boolean;
  readonly comment: string | null;
}

/** Stores one answer; returns its id. */
export async function insertFeedback(db: Db, feedback: NewFeedback, now: Date): Promise<string> {
  const row = await db
    .insertInto('page_feedback')
    .values({ ...feedback, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Adds a comment to an earlier "no" on the same page that has none yet and was given after
 * `since`; returns whether a row was changed.
 */
export async function addCommentToAnswer(
  db: Db,
  input: { readonly id: string; readonly page: string; readonly comment: string; readonly since: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('page_feedback')
    .set({ comment: input.comment })
    .where('id', '=', input.id)
    .where('page', '=', input.page)
    .where('useful', '=', false)
    .where('comment', 'is', null)
    .where('created_at', '>=', input.since)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether an answer with this id exists for this page. */
export async function answerExists(db: Db, id: string, page: string): Promise<boolean> {
  const row = await db
    .selectFrom('page_feedback')
    .select('id')
    .where('id', '=', id)
    .where('page', '=', page)
    .executeTakeFirst();
  return row !== undefined;
}

/** Yes and no counts per page since an instant (or ever). */
export async function countAnswersPerPage(
  db: Db,
  since: Date | null,
): Promise<Array<{ page: string; yes: number; no: number }>> {
  let query = db
    .selectFrom('page_feedback')
    .select((eb) => [
      'page',
      eb.fn.countAll<string>().filterWhere('useful', '=', true).as('yes'),
      eb.fn.countAll<string>().filterWhere('useful', '=', false).as('no'),
    ])
    .groupBy('page')
    .orderBy('page');
  if (since) query = query.where('created_at', '>=', since);
  const rows = await query.execute();
  return rows.map((r) => ({ page: r.page, yes: Number(r.yes), no: Number(r.no) }));
}

/** A comment as the overview shows it. */
export interface FeedbackComment {
  readonly id: string;
  readonly page: string;
  readonly locale: Locale;
  readonly useful: boolean;
  readonly comment: string;
  readonly createdAt: Date;
}

/** Comments newest first, optionally of one page, with their total for pagination. */
export async function listComments(
  db: Db,
  filter: {
    readonly page: string | null;
    readonly since: Date | null;
    readonly offset: number;
    readonly limit: number;
  },
): Promise<{ total: number; items: FeedbackComment[] }> {
  let base = db.selectFrom('page_feedback').where('comment', 'is not', null);
  if (filter.page) base = base.where('page', '=', filter.page);
  if (filter.since) base = base.where('created_at', '>=', filter.since);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['id', 'page', 'locale', 'useful', 'comment', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      page: r.page,
      locale: r.locale,
      useful: r.useful,
      comment: r.comment ?? '',
      createdAt: r.created_at,
    })),
  };
}

import { z } from 'zod';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import type { Locale } from '../platform/ui/i18n/define.js';
import {
  addCommentToAnswer,
  answerExists,
  countAnswersPerPage,
  type FeedbackComment,
  insertFeedback,
  listComments,
} from './feedback.repository.js';
import { FEEDBACK_PAGES, isFeedbackPage } from './feedback-pages.js';

/** Longest comment, in characters (the column's check says the same). */
export const MAX_FEEDBACK_COMMENT = 2000;
/** How long after a "no" its follow-up comment may still be added to it. */
const FOLLOW_UP_MS = 60 * 60 * 1000;
/** Comments per page of the overview. */
export const COMMENTS_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The feedback form. Browsers send a textarea's line breaks as CRLF, which the 2,000-character
 * limit the visitor saw counts as one: they are normalised before counting (in code points, as
 * the database does).
 */
export const FeedbackFormSchema = z.object({
  page: z.string().refine(isFeedbackPage, 'feedback.error_page_unknown'),
  useful: z.enum(['yes', 'no'], 'feedback.error_useful_required'),
  comment: z
    .string()
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim())
    .refine((v) => !v.includes('\0'), 'feedback.error_comment_invalid')
    .refine((v) => [...v].length <= MAX_FEEDBACK_COMMENT, 'feedback.error_comment_too_long'),
  // The id of the visitor's own "no" a follow-up comment belongs to; anything else is ignored.
  ref: z
    .string()
    .optional()
    .transform((v) => (v && UUID.test(v) ? v : undefined)),
});
export type FeedbackForm = z.output<typeof FeedbackFormSchema>;

/**
 * Stores one answer. A follow-up comment (`ref` naming a recent "no" of the same page without a
 * comment) is added to that answer, so answering and then explaining counts once; a replay of
 * it changes nothing; a `ref` that names no answer of that page (forged) simply stores a new
 * answer — no different from what anyone may post. Returns the id of a "no" without comment, which the thank-you
 * invites a comment for.
 */
export async function submitFeedback(
  ctx: { readonly db: Db; readonly now: Date },
  input: FeedbackForm & { readonly locale: Locale },
): Promise<{ readonly askCommentFor: string | null }> {
  const comment = input.comment === '' ? null : input.comment;
  const useful = input.useful === 'yes';
  if (input.ref && comment && !useful) {
    const added = await addCommentToAnswer(ctx.db, {
      id: input.ref,
      page: input.page,
      comment,
      since: new Date(ctx.now.getTime() - FOLLOW_UP_MS),
    });
    if (added) return { askCommentFor: null };
    // The visitor's own answer, already commented (a replayed post): count it once.
    if (await answerExists(ctx.db, input.ref, input.page)) return { askCommentFor: null };
  }
  const id = await insertFeedback(
    ctx.db,
    { page: input.page, locale: input.locale, useful, comment },
    ctx.now,
  );
  return { askCommentFor: !useful && comment === null ? id : null };
}

export const FEEDBACK_PERIODS = ['30', '90', 'all'] as const;
export type FeedbackPeriod = (typeof FEEDBACK_PERIODS)[number];

/** One page's answers in the period; `share` is the percentage "yes", null without answers. */
export interface PageFeedbackSummary {
  readonly page: string;
  readonly yes: number;
  readonly no: number;
  readonly total: number;
  readonly share: number | null;
}

export interface FeedbackOverview {
  readonly pages: readonly PageFeedbackSummary[];
  readonly comments: { readonly total: number; readonly items: readonly FeedbackComment[] };
}

function periodStart(now: Date, period: FeedbackPeriod): Date | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - Number(period) * 24 * 60 * 60 * 1000);
}

function canReadFeedback(ctx: ServiceContext): boolean {
  const roles = ctx.auth?.stage === 'active' ? ctx.auth.roles : [];
  return roles.includes('coordinator') || roles.includes('admin');
}

/**
 * The overview for coordinators and admins: every feedback page with its counts in the period
 * (pages without answers too), and the comments newest first (of one page when `page` is given).
 * @throws AppError `forbidden` for any other role.
 */
export async function feedbackOverview(
  ctx: ServiceContext,
  query: { readonly period: FeedbackPeriod; readonly page: string | null; readonly commentsPage: number },
): Promise<FeedbackOverview> {
  if (!canReadFeedback(ctx)) throw new AppError('forbidden');
  const since = periodStart(ctx.now, query.period);
  const counts = await countAnswersPerPage(ctx.db, since);
  const byPage = new Map(counts.map((c) => [c.page, c]));
  const paths = [...FEEDBACK_PAGES, ...counts.map((c) => c.page).filter((p) => !isFeedbackPage(p))];
  const pages = paths.map((page) => {
    const { yes, no } = byPage.get(page) ?? { yes: 0, no: 0 };
    const total = yes + no;
    return { page, yes, no, total, share: total === 0 ? null : Math.round((yes / total) * 100) };
  });
  const comments = await listComments(ctx.db, {
    page: query.page,
    since,
    offset: (query.commentsPage - 1) * COMMENTS_PAGE_SIZE,
    limit: COMMENTS_PAGE_SIZE,
  });
  return { pages, comments };
}

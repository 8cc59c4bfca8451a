/**
 * The pages that carry the "Was this information useful?" block, by path. Feedback is stored
 * only for these: the path a visitor posts is checked against this list and never stored as typed.
 * Keep it in step with `publicPages` in src/public/public.routes.tsx (a test checks that every
 * public page is here) and with the pages that set `feedback` on their `Layout`.
 */
export const FEEDBACK_PAGES = [
  '/',
  '/prevention',
  '/detection',
  '/reaction',
  '/accessibility',
  '/privacy',
  '/report',
  '/contact',
  '/contact/chat',
  '/contact/email',
] as const;

export type FeedbackPage = (typeof FEEDBACK_PAGES)[number];

const known: ReadonlySet<string> = new Set(FEEDBACK_PAGES);

/** Whether `path` is one of {@link FEEDBACK_PAGES} (exactly; no query, no trailing slash). */
export function isFeedbackPage(path: unknown): path is FeedbackPage {
  return typeof path === 'string' && known.has(path);
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fieldValue, parseForm } from '../platform/http/forms.js';
import { anonymousClientKey, RateLimiter } from '../platform/http/rate-limit.js';
import { serviceContext } from '../platform/http/service-context.js';
import { ErrorPage } from '../platform/ui/error-page.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import {
  FEEDBACK_PERIODS,
  FeedbackFormSchema,
  feedbackOverview,
  submitFeedback,
} from './feedback.service.js';
import { FeedbackFormPage } from './feedback.views.js';
import { FEEDBACK_ANCHOR } from './feedback-block.js';
import { FeedbackOverviewPage } from './feedback-overview.views.js';
import { isFeedbackPage } from './feedback-pages.js';

/** Answers one client (IPv4 address or IPv6 /64, as a keyed hash) may give per window. */
const PER_CLIENT = 20;
const CLIENT_WINDOW_MS = 60 * 60 * 1000;
/** Answers from everyone together per minute: a flood ceiling. */
const PER_MINUTE = 300;

const OverviewQuerySchema = z.object({
  period: z.enum(FEEDBACK_PERIODS).catch('30'),
  path: z
    .string()
    .optional()
    .transform((v) => (isFeedbackPage(v) ? v : null))
    .catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/**
 * Page feedback: `POST /page-feedback` (the form under every public page; anonymous, no session,
 * guarded by the same-origin rule instead of a token) and `/insights/feedback`, the overview for
 * coordinators and admins.
 */
export async function registerFeedbackRoutes(app: FastifyInstance): Promise<void> {
  const { clock } = app.deps;
  const perClient = new RateLimiter({ limit: PER_CLIENT, windowMs: CLIENT_WINDOW_MS });
  const ceiling = new RateLimiter({ limit: PER_MINUTE, windowMs: 60_000, maxKeys: 1 });

  // Nothing here reads the CSRF token or the session: no cookie is set, none is needed.
  const visitorRoute = { access: 'public', anonymous: true, csrf: 'origin' } as const;

  app.post('/page-feedback', { config: visitorRoute }, async (request, reply) => {
    const page = pageContext(request);
    const nowMs = clock.now().getTime();
    const client = perClient.hit(anonymousClientKey(request.ip), nowMs);
    const all = ceiling.hit('all', nowMs);
    if (!client.allowed || !all.allowed) {
      reply.header(
        'retry-after',
        String(Math.max(client.retryAfterSeconds, all.allowed ? 0 : all.retryAfterSeconds)),
      );
      return sendPage(reply, <ErrorPage page={page} status={429} message="feedback.error_too_many" />, 429);
    }
    const form = parseForm(FeedbackFormSchema, request.body);
    if (!form.ok) {
      const path = fieldValue(form.values, 'page');
      if (form.errors.page || !isFeedbackPage(path)) {
        return sendPage(
          reply,
          <ErrorPage page={page} status={400} message="feedback.error_page_unknown" />,
          400,
        );
      }
      const ref = fieldValue(form.values, 'ref');
      return sendPage(
        reply,
        <FeedbackFormPage
          page={page}
          path={path}
          errors={form.errors}
          comment={fieldValue(form.values, 'comment')}
          ref={/^[0-9a-f-]{36}$/.test(ref) ? ref : undefined}
        />,
        422,
      );
    }
    const { data } = form;
    const { db, now } = serviceContext(request);
    const result = await submitFeedback({ db, now }, { ...data, locale: request.locale });
    const answer = data.useful === 'no' && data.ref && data.comment ? 'commented' : data.useful;
    const query = new URLSearchParams({ feedback: answer });
    if (result.askCommentFor) query.set('ref', result.askCommentFor);
    return reply.redirect(`${data.page}?${query}#${FEEDBACK_ANCHOR}`, 303);
  });

  // The refusal page keeps the form's address; a reload or the language switch lands here.
  app.get('/page-feedback', { config: { access: 'public', anonymous: true } }, async (_request, reply) =>
    reply.redirect('/', 303),
  );

  app.get('/insights/feedback', { config: { access: ['coordinator', 'admin'] } }, async (request, reply) => {
    const parsed = OverviewQuerySchema.safeParse(request.query ?? {});
    const query = parsed.success ? parsed.data : { period: '30' as const, path: null, page: 1 };
    const overview = await feedbackOverview(serviceContext(request), {
      period: query.period,
      page: query.path,
      commentsPage: query.page,
    });
    return sendPage(
      reply,
      <FeedbackOverviewPage
        page={pageContext(request)}
        overview={overview}
        period={query.period}
        filterPage={query.path}
        commentsPage={query.page}
      />,
    );
  });
}

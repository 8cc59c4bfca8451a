import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { serviceContext } from '../http/service-context.js';
import { pageContext } from '../ui/page-context.js';
import { sendPage } from '../ui/render.js';
import {
  canRetry,
  getOutgoingMail,
  listOutgoingMail,
  MAIL_PAGE_SIZE,
  retryOutgoingMail,
} from './mail-admin.service.js';
import { MailDetailPage, MailListPage } from './mail-admin.views.js';
import { announceMailDue } from './outbox.js';
import { outboxStates } from './outbox.repository.js';

const adminOnly = { config: { access: ['admin'] } } as const;

/** The list's query string; anything malformed falls back to its default rather than failing. */
const MailListQuerySchema = z.object({
  state: z.enum(outboxStates).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const MailPageQuerySchema = z.object({
  done: z.enum(['retried']).optional().catch(undefined),
});

type IdParams = { Params: { id: string } };

/**
 * The outgoing mail page (admins only): `/admin/mail` lists the outbox, `/admin/mail/:id` shows
 * one message in full, `POST /admin/mail/:id/retry` puts a failed or pending one up again.
 * When this process runs the outbox worker (main.ts), a retry wakes it.
 */
export function registerMailAdminRoutes(app: FastifyInstance): void {
  app.get('/admin/mail', adminOnly, async (request, reply) => {
    const parsed = MailListQuerySchema.safeParse(request.query ?? {});
    const query = parsed.success ? parsed.data : { state: undefined, page: 1 };
    const state = query.state;
    const list = await listOutgoingMail(serviceContext(request), { state, page: query.page });
    const lastPage = Math.max(1, Math.ceil(list.total / MAIL_PAGE_SIZE));
    return sendPage(
      reply,
      <MailListPage
        page={pageContext(request)}
        list={list}
        state={state}
        currentPage={Math.min(query.page, lastPage)}
        pageSize={MAIL_PAGE_SIZE}
      />,
    );
  });

  app.get<IdParams>('/admin/mail/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const mail = await getOutgoingMail(ctx, request.params.id);
    const query = MailPageQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <MailDetailPage
        page={pageContext(request)}
        mail={mail}
        canRetry={canRetry(mail, ctx.config.smtpUrl !== undefined)}
        notice={query.success ? query.data.done : undefined}
      />,
    );
  });

  // The refusal page keeps the action's address; a GET there (language switch, reload) goes back.
  app.get<IdParams>('/admin/mail/:id/retry', adminOnly, async (request, reply) =>
    reply.redirect(`/admin/mail/${encodeURIComponent(request.params.id)}`, 303),
  );

  app.post<IdParams>('/admin/mail/:id/retry', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    try {
      await retryOutgoingMail(ctx, id);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
      const mail = await getOutgoingMail(ctx, id);
      return sendPage(
        reply,
        <MailDetailPage page={pageContext(request)} mail={mail} canRetry={false} notice="retry_refused" />,
        409,
      );
    }
    announceMailDue();
    return reply.redirect(`/admin/mail/${id}?done=retried`, 303);
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ChainVerdict } from '../platform/audit/audit.js';
import { startOfBrusselsDay } from '../platform/audit/audit-period.js';
import { serviceContext } from '../platform/http/service-context.js';
import { withQuery } from '../platform/ui/components.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { listAuditLog, verifyAuditLog } from './audit-log.service.js';
import { type AuditLogFilters, AuditLogPage } from './audit-log.views.js';

const adminOnly = { config: { access: ['admin'] } } as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => startOfBrusselsDay(v) !== undefined)
  .catch('');
const eventId = z
  .string()
  .regex(/^[1-9]\d{0,17}$/)
  .catch('');

/** The audit log's query string; anything malformed is ignored rather than refused. */
const AuditQuerySchema = z.object({
  actor: z.string().trim().toLowerCase().max(254).catch(''),
  type: z
    .string()
    .regex(/^[a-z0-9_.]{1,100}$/)
    .catch(''),
  from: day,
  to: day,
  before: eventId,
  after: eventId,
});
type AuditQuery = z.infer<typeof AuditQuerySchema>;

const emptyQuery: AuditQuery = { actor: '', type: '', from: '', to: '', before: '', after: '' };

/** `/admin/audit`: the audit log with filters and keyset paging; `POST /admin/audit/verify` checks the chain. */
export function registerAuditLogRoutes(app: FastifyInstance): void {
  app.get('/admin/audit', adminOnly, async (request, reply) => {
    const parsed = AuditQuerySchema.safeParse(request.query ?? {});
    return showAuditLog(request, reply, parsed.success ? parsed.data : emptyQuery);
  });

  // The verdict page's own address (for the language switch) leads back to the log.
  app.get('/admin/audit/verify', adminOnly, async (_request, reply) => reply.redirect('/admin/audit', 303));

  app.post('/admin/audit/verify', adminOnly, async (request, reply) => {
    const verdict = await verifyAuditLog(serviceContext(request));
    return showAuditLog(request, reply, emptyQuery, verdict);
  });
}

async function showAuditLog(
  request: FastifyRequest,
  reply: FastifyReply,
  query: AuditQuery,
  verdict?: ChainVerdict,
): Promise<FastifyReply> {
  const result = await listAuditLog(serviceContext(request), {
    actor: query.actor || undefined,
    type: query.type || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    before: query.before || undefined,
    after: query.after || undefined,
  });
  const filters: AuditLogFilters = { actor: query.actor, type: query.type, from: query.from, to: query.to };
  const listPath = withQuery(
    '/admin/audit',
    Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v === '' ? null : v])),
  );
  return sendPage(
    reply,
    <AuditLogPage
      page={pageContext(request)}
      filters={filters}
      types={result.types}
      events={result.events}
      hasOlder={result.hasOlder}
      hasNewer={result.hasNewer}
      listPath={listPath}
      verdict={verdict}
    />,
  );
}

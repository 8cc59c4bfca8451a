import { type ChainVerdict, verifyAuditChain } from '../platform/audit/audit.js';
import {
  type AuditCursor,
  type AuditFilter,
  type AuditPage,
  listAuditEvents,
  listAuditEventTypes,
} from '../platform/audit/audit.repository.js';
import { endOfBrusselsDay, startOfBrusselsDay } from '../platform/audit/audit-period.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { requireRole } from './authorize.js';
import { findUserByLogin } from './user.repository.js';

/** Events per page on the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log filters as the page's query string gives them (already shape-checked). */
export interface AuditLogQuery {
  /** A username or e-mail address; otherwise matched against system labels such as `demo`. */
  readonly actor?: string | undefined;
  readonly type?: string | undefined;
  /** Brussels calendar days, `yyyy-mm-dd`, both inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

/**
 * One page of the audit log (newest first) and the event types to filter on.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function listAuditLog(
  ctx: ServiceContext,
  query: AuditLogQuery,
): Promise<AuditPage & { readonly types: string[] }> {
  requireRole(ctx, 'admin');
  const filter: {
    -readonly [K in keyof AuditFilter]: AuditFilter[K];
  } = {
    type: query.type,
    from: query.from ? startOfBrusselsDay(query.from) : undefined,
    to: query.to ? endOfBrusselsDay(query.to) : undefined,
  };
  if (query.actor) {
    const user = await findUserByLogin(ctx.db, query.actor);
    if (user) filter.actorId = user.id;
    else filter.actorLabel = query.actor;
  }
  const cursor: AuditCursor = query.after
    ? { after: query.after }
    : query.before
      ? { before: query.before }
      : {};
  const [page, types] = await Promise.all([
    listAuditEvents(ctx.db, filter, cursor, AUDIT_PAGE_SIZE),
    listAuditEventTypes(ctx.db),
  ]);
  return { ...page, types };
}

/**
 * Walks the whole hash chain (slow on a long log, so only on request) and says whether it is
 * intact or names the first broken row.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function verifyAuditLog(ctx: ServiceContext): Promise<ChainVerdict> {
  requireRole(ctx, 'admin');
  return verifyAuditChain(ctx.db);
}

import { z } from 'zod';
import { requireRole } from '../../identity/authorize.js';
import { appendAuditEvent } from '../audit/audit.js';
import type { OutboxState } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/request-context.js';
import {
  countOutboxByState,
  findOutboxMail,
  isErased,
  listOutboxMail,
  type OutboxMail,
  requeueMail,
} from './outbox.repository.js';

/** Messages per page on the outgoing mail page. */
export const MAIL_PAGE_SIZE = 50;

const uuidText = z.guid();

/** One page of the outbox for the admin page. */
export interface OutgoingMailList {
  readonly mails: readonly OutboxMail[];
  /** Rows matching the filter. */
  readonly total: number;
  /** Rows per state, all filters aside. */
  readonly byState: Partial<Record<OutboxState, number>>;
  /** Whether mail can be sent at all (SMTP_URL is set). */
  readonly smtpConfigured: boolean;
}

/**
 * The outbox newest first, optionally of one state, `MAIL_PAGE_SIZE` per page (pages from 1).
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function listOutgoingMail(
  ctx: ServiceContext,
  query: { readonly state?: OutboxState | undefined; readonly page: number },
): Promise<OutgoingMailList> {
  requireRole(ctx, 'admin');
  const byState = await countOutboxByState(ctx.db);
  const total = query.state
    ? (byState[query.state] ?? 0)
    : Object.values(byState).reduce((sum, n) => sum + n, 0);
  const lastPage = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), lastPage);
  const mails = await listOutboxMail(
    ctx.db,
    { state: query.state },
    { limit: MAIL_PAGE_SIZE, offset: (page - 1) * MAIL_PAGE_SIZE },
  );
  return { mails, total, byState, smtpConfigured: ctx.config.smtpUrl !== undefined };
}

/**
 * One message with its full text.
 * @throws AppError('forbidden') unless the caller is an admin; AppError('not_found') for an id
 * that is not a uuid or names no message.
 */
export async function getOutgoingMail(ctx: ServiceContext, id: string): Promise<OutboxMail> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw new AppError('not_found');
  const mail = await findOutboxMail(ctx.db, id);
  if (!mail) throw new AppError('not_found');
  return mail;
}

/** Whether the admin page offers "retry now" for a message. */
export function canRetry(mail: Pick<OutboxMail, 'state' | 'to' | 'text'>, smtpConfigured: boolean): boolean {
  return smtpConfigured && (mail.state === 'failed' || mail.state === 'pending') && !isErased(mail);
}

/**
 * "Retry now": a failed or pending message is due at once with a fresh count of attempts; the
 * admin's action is audited (`mail.retried_by_admin`) in the same transaction.
 * @throws AppError('forbidden') unless the caller is an admin; AppError('not_found') for an
 * unknown id; AppError('conflict') when the message is in another state, was erased, or no
 * SMTP server is configured.
 */
export async function retryOutgoingMail(ctx: ServiceContext, id: string): Promise<void> {
  const mail = await getOutgoingMail(ctx, id);
  if (!canRetry(mail, ctx.config.smtpUrl !== undefined)) throw new AppError('conflict');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await requeueMail(trx, mail.id, ctx.now))) throw new AppError('conflict');
    await appendAuditEvent(
      trx,
      { type: 'mail.retried_by_admin', data: { outboxId: mail.id } },
      ctx.origin,
      ctx.now,
    );
  });
}

import { appendAuditEvent } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import { publishContactEvent } from '../contact-events.js';
import { findTopic } from '../topics.js';
import {
  type CannedAnswerInput,
  deleteCannedAnswer,
  findCannedAnswer,
  insertCannedAnswer,
  updateCannedAnswer,
} from './canned-answers.js';
import type { TopicInput } from './contact-admin.forms.js';
import './contact-admin.events.js';

/** @throws AppError `forbidden` unless the actor is an admin with an active session. */
export function requireContactAdmin(ctx: ServiceContext): void {
  if (ctx.auth?.stage !== 'active' || !ctx.auth.roles.includes('admin')) throw new AppError('forbidden');
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Creates a topic (`id` undefined) or saves an existing one, with its audit event and a queue
 * event, so every instance re-reads the opening hours (the chat's open/closed state follows).
 * @throws AppError `forbidden`; `not_found` for an unknown id; `conflict` when the slug is taken.
 */
export async function saveTopic(
  ctx: ServiceContext,
  id: string | undefined,
  input: TopicInput,
): Promise<string> {
  requireContactAdmin(ctx);
  if (id !== undefined && !(await findTopic(ctx.db, id))) throw new AppError('not_found');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('contact_topics')
        .select('id')
        .where('slug', '=', input.slug)
        .executeTakeFirst();
      if (taken && taken.id !== id) throw new AppError('conflict');
      const row = {
        slug: input.slug,
        name_nl: input.nameNl,
        name_en: input.nameEn,
        position: input.position,
        active: input.active,
        opening_hours: JSON.stringify(input.openingHours),
        updated_at: ctx.now,
      };
      let topicId: string;
      if (id === undefined) {
        topicId = (
          await trx
            .insertInto('contact_topics')
            .values({ ...row, created_at: ctx.now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      } else {
        const result = await trx
          .updateTable('contact_topics')
          .set(row)
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new AppError('not_found');
        topicId = id;
      }
      await appendAuditEvent(
        trx,
        { type: 'contact.topic_saved', data: { topicId, created: id === undefined } },
        ctx.origin,
        ctx.now,
      );
      await publishContactEvent(trx, { t: 'queue', topicId });
      return topicId;
    });
  } catch (error) {
    // Two admins choosing the same new slug at once: the unique constraint decides.
    if (isUniqueViolation(error)) throw new AppError('conflict');
    throw error;
  }
}

/**
 * Creates a canned answer (`id` undefined) or saves an existing one, audited.
 * @throws AppError `forbidden`; `not_found` for an unknown id.
 */
export async function saveCannedAnswer(
  ctx: ServiceContext,
  id: string | undefined,
  input: CannedAnswerInput,
): Promise<string> {
  requireContactAdmin(ctx);
  if (id !== undefined && !(await findCannedAnswer(ctx.db, id))) throw new AppError('not_found');
  return ctx.db.transaction().execute(async (trx) => {
    let answerId: string;
    if (id === undefined) {
      answerId = await insertCannedAnswer(trx, input, ctx.now);
    } else {
      if (!(await updateCannedAnswer(trx, id, input, ctx.now))) throw new AppError('not_found');
      answerId = id;
    }
    await appendAuditEvent(
      trx,
      { type: 'contact.canned_answer_saved', data: { answerId, created: id === undefined } },
      ctx.origin,
      ctx.now,
    );
    return answerId;
  });
}

/**
 * Deletes a canned answer, audited. Chats keep the text an agent already sent.
 * @throws AppError `forbidden`; `not_found` for an unknown id (also when deleted twice).
 */
export async function removeCannedAnswer(ctx: ServiceContext, id: string): Promise<void> {
  requireContactAdmin(ctx);
  if (!(await findCannedAnswer(ctx.db, id))) throw new AppError('not_found');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteCannedAnswer(trx, id))) throw new AppError('not_found');
    await appendAuditEvent(
      trx,
      { type: 'contact.canned_answer_deleted', data: { answerId: id } },
      ctx.origin,
      ctx.now,
    );
  });
}

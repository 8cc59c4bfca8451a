import { sql } from 'kysely';
import type { Config } from '../config.js';
import { appendAuditEvent } from '../platform/audit/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { JobDefinition, JobLogger } from '../platform/jobs/runner.js';
import './email/email.events.js';

/**
 * Retention of the contact channel (PRODUCT.md §7: retention periods with automatic deletion).
 * Chat transcripts and e-mail conversations are deleted once their last activity is older than
 * `CONTACT_RETENTION_DAYS` (default 90); their messages go with them (`on delete cascade`). Last
 * activity is the latest of the conversation's `updated_at` and its newest message, whatever the
 * state: a chat still marked active after months without a word (its agent never ended it) is no
 * longer live, and must not escape the retention period. Sent and failed outbox rows of `contact.*` purposes
 * (copies, answers, transcripts…) older than the same period are deleted too; pending or held
 * mail is left alone. Nothing outside the contact tables and those outbox rows is touched —
 * reports, which may have started as a citizen's question, live in their own tables.
 *
 * Each batch is one transaction with one `contact.retention_purged` audit event (counts only).
 */

/** Rows deleted per transaction, so a first run over a large backlog never holds long locks. */
export const RETENTION_BATCH = 500;

/** What one purge deleted. */
export interface RetentionResult {
  readonly chats: number;
  readonly emails: number;
  readonly mails: number;
}

/** Deletes what is past retention at `now`; returns the counts (also audited when not zero). */
export async function purgeExpiredContact(
  db: Db,
  options: { readonly now: Date; readonly retentionDays: number; readonly batch?: number },
): Promise<RetentionResult> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  const batch = Math.max(1, options.batch ?? RETENTION_BATCH);
  let chats = 0;
  let emails = 0;
  let mails = 0;
  for (;;) {
    const step = await db.transaction().execute(async (trx) => {
      const expired = await trx
        .selectFrom('contact_conversations as c')
        .select(['c.id', 'c.kind'])
        .where('c.updated_at', '<', cutoff)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('contact_messages as m')
                .select(sql`1`.as('one'))
                .whereRef('m.conversation_id', '=', 'c.id')
                .where('m.created_at', '>=', cutoff),
            ),
          ),
        )
        .orderBy('c.updated_at')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      const ids = expired.map((row) => row.id);
      if (ids.length > 0) await trx.deleteFrom('contact_conversations').where('id', 'in', ids).execute();
      const old = await trx
        .selectFrom('outbox')
        .select('id')
        .where('purpose', 'like', 'contact.%')
        .where('state', 'in', ['sent', 'failed'])
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (old.length > 0) {
        await trx
          .deleteFrom('outbox')
          .where(
            'id',
            'in',
            old.map((row) => row.id),
          )
          .execute();
      }
      const counts = {
        chats: expired.filter((row) => row.kind === 'chat').length,
        emails: expired.filter((row) => row.kind === 'email').length,
        mails: old.length,
      };
      if (counts.chats + counts.emails + counts.mails > 0) {
        await appendAuditEvent(
          trx,
          { type: 'contact.retention_purged', data: { ...counts, retentionDays: options.retentionDays } },
          { kind: 'system', label: 'retention' },
          options.now,
        );
      }
      return { counts, more: expired.length === batch || old.length === batch };
    });
    chats += step.counts.chats;
    emails += step.counts.emails;
    mails += step.counts.mails;
    if (!step.more) return { chats, emails, mails };
  }
}

/** Name of the retention job in the runner. */
export const CONTACT_RETENTION_JOB = 'contact-retention';

/** The retention job for the runner: hourly, and once at start. Counts are logged. */
export function createContactRetentionJob(deps: {
  readonly db: Db;
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: JobLogger;
  readonly intervalMs?: number;
}): JobDefinition {
  return {
    name: CONTACT_RETENTION_JOB,
    intervalMs: deps.intervalMs ?? 60 * 60_000,
    runAtStart: true,
    async run() {
      const result = await purgeExpiredContact(deps.db, {
        now: deps.clock.now(),
        retentionDays: deps.config.contact.retentionDays,
      });
      if (result.chats + result.emails + result.mails > 0) {
        deps.logger.info({ ...result }, 'contact conversations past retention deleted');
      }
    },
  };
}

import { type ExpressionBuilder, sql } from 'kysely';
import { RECIPIENT_ROLES } from '../identity/role.js';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { sealReportKey } from './report-crypto.js';

/**
 * Who may see a report (need to know, default deny). A user is **entitled** to a report when
 * they are an active user with a recipient role, a recipient of the report's current channel,
 * not excluded by the reporter and not recused. A user **has access** when they are entitled and
 * hold a sealed copy of the report key. Everything else — lists, counts, notifications, direct
 * links — is built on these two rules; an excluded user meets the report nowhere (404).
 */
export { RECIPIENT_ROLES };

/**
 * The condition "user `userId` is entitled to the report `reports.id`", for a `where` on a
 * query over `reports`.
 */
export function entitledTo(userId: string) {
  return (eb: ExpressionBuilder<Database, 'reports'>) =>
    eb.and([
      eb.exists(
        eb
          .selectFrom('report_channel_recipients as rcr')
          .innerJoin('users as ru', 'ru.id', 'rcr.user_id')
          .select(sql`1`.as('one'))
          .whereRef('rcr.channel_id', '=', 'reports.channel_id')
          .where('rcr.user_id', '=', userId)
          .where('ru.active', '=', true)
          .where((w) =>
            w.exists(
              w
                .selectFrom('user_roles as rr')
                .select(sql`1`.as('one'))
                .whereRef('rr.user_id', '=', 'rcr.user_id')
                .where('rr.role', 'in', RECIPIENT_ROLES),
            ),
          ),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('report_exclusions as rx')
            .select(sql`1`.as('one'))
            .whereRef('rx.report_id', '=', 'reports.id')
            .where('rx.user_id', '=', userId),
        ),
      ),
      eb.not(
        eb.exists(
          eb
            .selectFrom('report_recusals as rr2')
            .select(sql`1`.as('one'))
            .whereRef('rr2.report_id', '=', 'reports.id')
            .where('rr2.user_id', '=', userId),
        ),
      ),
    ]);
}

/** Whether the user is entitled to the report (false for an unknown report too). */
export async function isEntitled(db: Db, userId: string, reportId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.id', '=', reportId)
    .where(entitledTo(userId))
    .executeTakeFirst();
  return row !== undefined;
}

export interface EntitledRecipient {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  /** Null when the user has no key pair yet (has never logged in with a password or passphrase since). */
  readonly publicKey: Buffer | null;
  readonly hasSeal: boolean;
}

/** Every user entitled to the report, with their public key and whether they hold a seal. */
export async function entitledRecipients(db: Db, reportId: string): Promise<EntitledRecipient[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('report_channel_recipients as rcr', 'rcr.channel_id', 'reports.channel_id')
    .innerJoin('users as u', 'u.id', 'rcr.user_id')
    .leftJoin('user_keys as k', 'k.user_id', 'u.id')
    .leftJoin('report_key_seals as s', (j) =>
      j.onRef('s.report_id', '=', 'reports.id').onRef('s.user_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.name', 'u.email', 'k.public_key', 's.user_id as seal_user'])
    .where('reports.id', '=', reportId)
    .where('u.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles as rr')
          .select(sql`1`.as('one'))
          .whereRef('rr.user_id', '=', 'u.id')
          .where('rr.role', 'in', RECIPIENT_ROLES),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('report_exclusions as rx')
            .select(sql`1`.as('one'))
            .whereRef('rx.report_id', '=', 'reports.id')
            .whereRef('rx.user_id', '=', 'u.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('report_recusals as rr2')
            .select(sql`1`.as('one'))
            .whereRef('rr2.report_id', '=', 'reports.id')
            .whereRef('rr2.user_id', '=', 'u.id'),
        ),
      ),
    )
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    publicKey: r.public_key,
    hasSeal: r.seal_user !== null,
  }));
}

/**
 * Makes the seals agree with the entitlement where the addressees are known: at submission and
 * at a forward (the new channel's recipients are who the report is for). Seals the report key for
 * every entitled user with a key pair and no seal, and deletes the seals of users no longer
 * entitled. Opening a report never grants (see {@link removeStaleSeals} and {@link grantSeal}):
 * someone added to a channel later might be involved, and the reporter could not exclude them.
 * Returns who gained and who lost a seal (for the audit log).
 */
export async function reconcileSeals(
  trx: Db,
  input: {
    readonly reportId: string;
    readonly reportKey: Buffer;
    readonly actorId: string | null;
    readonly now: Date;
  },
): Promise<{ readonly granted: readonly string[]; readonly removed: readonly string[] }> {
  const entitled = await entitledRecipients(trx, input.reportId);
  const granted: string[] = [];
  for (const recipient of entitled) {
    if (recipient.hasSeal || !recipient.publicKey) continue;
    await insertSeal(trx, { ...input, userId: recipient.userId, publicKey: recipient.publicKey });
    granted.push(recipient.userId);
  }
  const removed = await removeStaleSeals(trx, input.reportId);
  return { granted, removed };
}

/**
 * Deletes the seals of users no longer entitled (excluded, recused, left the channel, lost the
 * role, deactivated); grants nothing. Needs no report key. Returns whose seals were deleted.
 */
export async function removeStaleSeals(trx: Db, reportId: string): Promise<readonly string[]> {
  const entitledIds = new Set((await entitledRecipients(trx, reportId)).map((r) => r.userId));
  const holders = await trx
    .selectFrom('report_key_seals')
    .select('user_id')
    .where('report_id', '=', reportId)
    .execute();
  const removed = holders.map((h) => h.user_id).filter((id) => !entitledIds.has(id));
  if (removed.length > 0) {
    await trx
      .deleteFrom('report_key_seals')
      .where('report_id', '=', reportId)
      .where('user_id', 'in', removed)
      .execute();
  }
  return removed;
}

/**
 * Seals the report key for one user, explicitly (a colleague with access grants it). Only for a
 * user who is entitled, has a key pair and holds no seal yet; otherwise nothing changes and the
 * reason is returned.
 */
export async function grantSeal(
  trx: Db,
  input: {
    readonly reportId: string;
    readonly reportKey: Buffer;
    readonly userId: string;
    readonly actorId: string;
    readonly now: Date;
  },
): Promise<'granted' | 'not_entitled' | 'no_keys' | 'already'> {
  const recipient = (await entitledRecipients(trx, input.reportId)).find((r) => r.userId === input.userId);
  if (!recipient) return 'not_entitled';
  if (recipient.hasSeal) return 'already';
  if (!recipient.publicKey) return 'no_keys';
  const inserted = await insertSeal(trx, { ...input, publicKey: recipient.publicKey });
  return inserted ? 'granted' : 'already';
}

async function insertSeal(
  trx: Db,
  input: {
    readonly reportId: string;
    readonly reportKey: Buffer;
    readonly userId: string;
    readonly publicKey: Buffer;
    readonly actorId: string | null;
    readonly now: Date;
  },
): Promise<boolean> {
  const result = await trx
    .insertInto('report_key_seals')
    .values({
      report_id: input.reportId,
      user_id: input.userId,
      sealed_key: sealReportKey(input.publicKey, input.reportKey),
      granted_at: input.now,
      granted_by: input.actorId,
    })
    .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

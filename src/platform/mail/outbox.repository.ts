import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, OutboxState } from '../db/schema.js';

/**
 * The SQL of the outbox (table `outbox`, see the reporting migration). The worker claims rows one
 * at a time with `FOR UPDATE SKIP LOCKED`, so several workers (one per app instance) never send
 * the same row at once; a claimed row is `sending` with `next_attempt_at` moved to the end of
 * its lease, which is how a row left behind by a crash becomes due again.
 */

/** What erased fields of a scrubbed message hold (mail to reporters keeps nothing once done). */
export const ERASED_MARKER = '[erased]';

/** Every state of an outbox row, in the order the admin page lists them. */
export const outboxStates = [
  'pending',
  'sending',
  'held',
  'failed',
  'sent',
] as const satisfies readonly OutboxState[];

/** One outbox row, camel-cased. */
export interface OutboxMail {
  readonly id: string;
  readonly messageId: string;
  readonly purpose: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly scrubAfterSend: boolean;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

type OutboxRowOut = {
  id: string;
  message_id: string;
  purpose: string;
  to_address: string;
  subject: string;
  body_text: string;
  headers: Record<string, string> | string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  scrub_after_send: boolean;
  created_at: Date;
  sent_at: Date | null;
};

function toOutboxMail(row: OutboxRowOut): OutboxMail {
  // jsonb arrives parsed from both drivers; a string would be a driver without the parser.
  const headers = typeof row.headers === 'string' ? (JSON.parse(row.headers) as unknown) : row.headers;
  return {
    id: row.id,
    messageId: row.message_id,
    purpose: row.purpose,
    to: row.to_address,
    subject: row.subject,
    text: row.body_text,
    headers: isStringRecord(headers) ? headers : {},
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
    scrubAfterSend: row.scrub_after_send,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at ? new Date(row.sent_at) : null,
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** The fields that scrubbing overwrites. */
const scrubbed = {
  to_address: ERASED_MARKER,
  subject: ERASED_MARKER,
  body_text: ERASED_MARKER,
  headers: '{}',
} as const;

/** Whether a row's address and text were erased (after sending, or after failing for good). */
export function isErased(mail: Pick<OutboxMail, 'to' | 'text'>): boolean {
  return mail.to === ERASED_MARKER && mail.text === ERASED_MARKER;
}

/**
 * Claims the next due message for sending, in the caller's short transaction: the oldest due
 * `pending` row, or a `sending` row whose lease ran out (its worker crashed between sending and
 * recording). It becomes `sending`, its attempts go up by one and it is leased until
 * `now + leaseMs`. A row whose lease ran out after `maxAttempts` is marked `failed` instead
 * (a message that keeps crashing its worker must not loop forever); those are returned apart.
 * Rows locked by another worker are skipped.
 */
export async function claimNextDueMail(
  trx: Transaction<Database>,
  input: { readonly now: Date; readonly leaseMs: number; readonly maxAttempts: number },
): Promise<{ readonly claimed: OutboxMail | undefined; readonly abandoned: number }> {
  let abandoned = 0;
  // A few rounds at most: each round either claims a row or retires one that crashed too often.
  for (let round = 0; round < 10; round++) {
    const due = await trx
      .selectFrom('outbox')
      .select(['id', 'state', 'attempts', 'scrub_after_send'])
      .where('state', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', input.now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return { claimed: undefined, abandoned };
    if (due.state === 'sending' && Number(due.attempts) >= input.maxAttempts) {
      await trx
        .updateTable('outbox')
        .set({
          state: 'failed',
          last_error: 'interrupted while sending, too many times',
          ...(due.scrub_after_send ? scrubbed : {}),
        })
        .where('id', '=', due.id)
        .execute();
      abandoned++;
      continue;
    }
    const row = await trx
      .updateTable('outbox')
      .set((eb) => ({
        state: 'sending',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: new Date(input.now.getTime() + input.leaseMs),
      }))
      .where('id', '=', due.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { claimed: toOutboxMail(row), abandoned };
  }
  return { claimed: undefined, abandoned };
}

/**
 * Records a successful send; with `scrub`, erases address, subject, text and headers.
 * Only a row still `sending` changes (a row an admin or another worker moved on is left alone).
 */
export async function markMailSent(
  db: Db,
  id: string,
  input: { readonly now: Date; readonly scrub: boolean },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      state: 'sent',
      sent_at: input.now,
      last_error: null,
      ...(input.scrub ? scrubbed : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .execute();
}

/**
 * Records a failed send: back to `pending` until `retryAt`, or `failed` for good when `retryAt`
 * is null (then a `scrub` row is erased too: it will never be sent, so its address goes).
 */
export async function markMailAttemptFailed(
  db: Db,
  id: string,
  input: { readonly retryAt: Date | null; readonly error: string; readonly scrub: boolean },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set(
      input.retryAt
        ? { state: 'pending', next_attempt_at: input.retryAt, last_error: input.error }
        : { state: 'failed', last_error: input.error, ...(input.scrub ? scrubbed : {}) },
    )
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .execute();
}

/**
 * Without an SMTP server: moves pending mail (and rows whose sending lease ran out) to `held`,
 * where it stays readable for admins. Returns how many rows moved.
 */
export async function holdPendingMail(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'held' })
    .where((eb) =>
      eb.or([
        eb('state', '=', 'pending'),
        eb.and([eb('state', '=', 'sending'), eb('next_attempt_at', '<=', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** With an SMTP server (again): held mail becomes pending, due at once. Returns how many rows moved. */
export async function releaseHeldMail(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'pending', next_attempt_at: now })
    .where('state', '=', 'held')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Filter of the admin list. */
export interface OutboxFilter {
  readonly state?: OutboxState | undefined;
}

/** One page of the outbox, newest first (backed by `outbox_created_idx`). */
export async function listOutboxMail(
  db: Db,
  filter: OutboxFilter,
  page: { readonly limit: number; readonly offset: number },
): Promise<OutboxMail[]> {
  let query = db.selectFrom('outbox').selectAll();
  if (filter.state) query = query.where('state', '=', filter.state);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toOutboxMail);
}

/** How many rows there are in each state (states without rows are absent). */
export async function countOutboxByState(db: Db): Promise<Partial<Record<OutboxState, number>>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['state', sql<string>`count(*)`.as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
}

/** One row by id (a valid uuid; callers check the shape first). */
export async function findOutboxMail(db: Db, id: string): Promise<OutboxMail | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutboxMail(row) : undefined;
}

/**
 * Puts a failed or pending message up for sending at once, with a fresh count of attempts (the
 * last error stays until the next attempt). Erased rows cannot be retried. Returns whether the
 * row changed.
 */
export async function requeueMail(trx: Transaction<Database>, id: string, now: Date): Promise<boolean> {
  const row = await trx
    .updateTable('outbox')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['failed', 'pending'])
    .where('to_address', '<>', ERASED_MARKER)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

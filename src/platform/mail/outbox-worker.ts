import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { JobDefinition, JobLogger } from '../jobs/runner.js';
import {
  claimNextDueMail,
  holdPendingMail,
  markMailAttemptFailed,
  markMailSent,
  type OutboxMail,
  releaseHeldMail,
} from './outbox.repository.js';

/**
 * Works the durable outbox: sends due messages through SMTP, retries with exponential back-off,
 * and holds mail when no SMTP server is configured. A message is claimed (in its own short
 * transaction) right before it is sent and recorded right after; the send itself is outside any
 * transaction. A crash in between leaves the row `sending` until its lease ends, then it is sent
 * again with the same Message-ID, so the receiver sees the same message, not a new one.
 */

/** How the worker paces itself. Changing these changes no stored data. */
export const OUTBOX_POLICY = Object.freeze({
  /** After this many attempts a message is `failed` (about four hours of trying with the delays below). */
  maxAttempts: 10,
  /** The delay after the first failed attempt; it doubles with each further one… */
  firstRetryMs: 60_000,
  /** …up to this. */
  maxRetryMs: 60 * 60_000,
  /** How long a claimed message may stay `sending` before another worker takes it over. */
  leaseMs: 10 * 60_000,
  /**
   * Messages one call of {@link deliverDueMail} sends at most. Small, because every claim in a
   * call uses the call's `now` for its lease: a few slow sends must not eat into the last lease.
   */
  batch: 5,
});

/** What the worker needs of a transport: nodemailer's `sendMail` (tests may pass their own). */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
}

/**
 * The SMTP transport for `smtpUrl` with `from` as the sender of every message. Timeouts are kept
 * well below the lease, so a hanging server cannot make a send outlive its claim.
 */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport & { close(): void } {
  return nodemailer.createTransport(
    {
      url: smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // Messages are plain text built by this application: nothing may pull in files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from },
  );
}

/** The delay before attempt `attempts + 1`, after `attempts` failed ones: 1, 2, 4 … 60 minutes. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 20);
  return Math.min(OUTBOX_POLICY.maxRetryMs, OUTBOX_POLICY.firstRetryMs * 2 ** exponent);
}

/** A send error as the outbox records it: short, and with addresses and credentials removed. */
export interface SendFailure {
  readonly text: string;
  /** The server refused the message for good (5xx): trying again would not help. */
  readonly permanent: boolean;
}

const ERROR_MAX = 300;

/**
 * Describes a send error for `last_error` (shown to admins): the nodemailer code, the SMTP reply
 * code and the message, with e-mail addresses and `user:password@` parts replaced, one line, at
 * most 300 characters. A 5xx reply is permanent, except for a refused login (a configuration
 * problem an admin will fix: the mail should still go out then).
 */
export function describeSendError(error: unknown): SendFailure {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
  };
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : undefined;
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const cleaned = message
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s/@]*@/gi, (match) => `${match.slice(0, match.indexOf('//') + 2)}…@`)
    .replace(/[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+/g, '<address>')
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = [code, responseCode].filter((part) => part !== undefined).join(' ');
  const text = (prefix ? `${prefix}: ${cleaned}` : cleaned).slice(0, ERROR_MAX);
  const permanent =
    code !== 'EAUTH' &&
    ((responseCode !== undefined && responseCode >= 500 && responseCode < 600) ||
      (code === 'EENVELOPE' && responseCode === undefined));
  return { text: text || 'unknown error', permanent };
}

/** What one call of {@link deliverDueMail} did. */
export interface DeliveryResult {
  /** Messages claimed and attempted. */
  readonly attempted: number;
  readonly sent: number;
  /** Failed attempts that will be tried again later. */
  readonly deferred: number;
  /** Messages that are now `failed` for good (refused, out of attempts, or crashed too often). */
  readonly failed: number;
  /** Whether it stopped early (the server is unreachable, or the signal was aborted). */
  readonly interrupted: boolean;
}

/**
 * Sends the due messages, at most `batch` of them, one after the other: claim (a short
 * transaction with `FOR UPDATE SKIP LOCKED`, so concurrent workers never take the same row),
 * send with nodemailer (Message-ID and headers from the row, plain text), then record `sent`
 * (erasing address and text of a `scrub_after_send` row) or the failure with its back-off.
 * After a failure that is not the message's own fault (the server is down or timed out) it stops:
 * the next message would fail the same way.
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  options: { readonly now: Date; readonly batch?: number; readonly signal?: AbortSignal },
): Promise<DeliveryResult> {
  const { now } = options;
  const batch = Math.max(1, Math.floor(options.batch ?? OUTBOX_POLICY.batch));
  let attempted = 0;
  let sent = 0;
  let deferred = 0;
  let failed = 0;
  while (attempted < batch) {
    if (options.signal?.aborted) return { attempted, sent, deferred, failed, interrupted: true };
    const { claimed, abandoned } = await db.transaction().execute((trx) =>
      claimNextDueMail(trx, {
        now,
        leaseMs: OUTBOX_POLICY.leaseMs,
        maxAttempts: OUTBOX_POLICY.maxAttempts,
      }),
    );
    failed += abandoned;
    if (!claimed) break;
    attempted++;
    const outcome = await sendOne(transport, claimed);
    if (outcome === 'sent') {
      await markMailSent(db, claimed.id, { now, scrub: claimed.scrubAfterSend });
      sent++;
      continue;
    }
    const outOfAttempts = claimed.attempts >= OUTBOX_POLICY.maxAttempts;
    const giveUp = outcome.permanent || outOfAttempts;
    await markMailAttemptFailed(db, claimed.id, {
      retryAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(claimed.attempts)),
      error: outcome.text,
      scrub: claimed.scrubAfterSend,
    });
    if (giveUp) failed++;
    else deferred++;
    if (!outcome.permanent) return { attempted, sent, deferred, failed, interrupted: true };
  }
  return { attempted, sent, deferred, failed, interrupted: false };
}

async function sendOne(transport: MailTransport, mail: OutboxMail): Promise<'sent' | SendFailure> {
  try {
    await transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      headers: { ...mail.headers },
    });
    return 'sent';
  } catch (error) {
    return describeSendError(error);
  }
}

/** Name of the outbox job in the runner (for `wake`). */
export const MAIL_JOB = 'mail';

/**
 * The outbox job for the runner. With a transport: on its first run held mail is released
 * (SMTP was configured since), then due mail is sent batch after batch until none is left.
 * Without one: pending mail is held for the admin page. Counts are logged, never addresses.
 */
export function createMailJob(deps: {
  readonly db: Db;
  readonly transport: MailTransport | undefined;
  readonly clock: Clock;
  readonly logger: JobLogger;
  readonly intervalMs?: number;
}): JobDefinition {
  const { db, transport, clock, logger } = deps;
  let firstRun = true;
  return {
    name: MAIL_JOB,
    intervalMs: deps.intervalMs ?? 5_000,
    runAtStart: true,
    async run(signal) {
      if (!transport) {
        const held = await holdPendingMail(db, clock.now());
        if (held > 0) logger.info({ held }, 'no SMTP_URL: outgoing mail held for the admin page');
        return;
      }
      if (firstRun) {
        firstRun = false;
        const released = await releaseHeldMail(db, clock.now());
        if (released > 0) logger.info({ released }, 'held mail released for sending');
      }
      // Bounded: a steady stream of new mail cannot keep one run going forever.
      for (let round = 0; round < 200 && !signal.aborted; round++) {
        const result = await deliverDueMail(db, transport, { now: clock.now(), signal });
        if (result.attempted > 0 || result.failed > 0) {
          const { attempted, sent, deferred, failed } = result;
          const level = failed > 0 || deferred > 0 ? 'warn' : 'info';
          logger[level]({ attempted, sent, deferred, failed }, 'outgoing mail');
        }
        if (result.interrupted || result.attempted < OUTBOX_POLICY.batch) return;
      }
    },
  };
}

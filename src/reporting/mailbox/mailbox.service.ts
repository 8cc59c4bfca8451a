import '../reporting.events.js';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import type { Db } from '../../platform/db/database.js';
import type { Database, ReportMessageKind, ReportStatus } from '../../platform/db/schema.js';
import type { Receipt } from '../receipt.js';
import { computeReportClocks, type NotAcknowledgedReason } from '../report-clock.js';
import { decryptText, openWithReceipt, reportAad } from '../report-crypto.js';
import { type FileMeta, type NewReportFile, readReportFile } from '../report-files.js';
import { insertMessage, notifyRecipients, readMessages, withStoredFiles } from '../report-store.js';
import type { ReporterLease } from './reporter-sessions.js';

/**
 * What the reporter can do with their receipt: open the mailbox, read it, answer, download
 * files, sign or correct minutes. Every function acts on the one report of the reporter's
 * session (the lease), so a forged id of another report's message, minutes or file finds nothing.
 * Events are written with the anonymous `reporter` origin: no address, no user agent.
 */

/** The audit origin of everything a reporter does. */
export const REPORTER_ORIGIN: AuditOrigin = { kind: 'anonymous', label: 'reporter' };

/** What a mailbox service needs: no `auth`, no client, the reporter's origin. */
export interface MailboxContext {
  readonly db: Db;
  readonly config: Config;
  readonly now: Date;
}

/** Opens a report key with a receipt; {@link openWithReceipt}, replaceable to count calls in tests. */
export type OpenReceipt = typeof openWithReceipt;

/**
 * Opens the mailbox of a receipt: the report id and key, and the audit event
 * `report.mailbox_opened`; null for a receipt that opens nothing. A wrong receipt and an
 * unknown one cost the same work (`openWithReceipt` does two Argon2id either way) and give the
 * same null. The receipt is never logged, stored or put in an event.
 */
export async function enterMailbox(
  ctx: MailboxContext,
  receipt: Receipt,
  open: OpenReceipt = openWithReceipt,
): Promise<{ readonly reportId: string; readonly reportKey: Buffer } | null> {
  const opened = await open(ctx.db, receipt);
  if (!opened) return null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAuditEvent(
        trx,
        { type: 'report.mailbox_opened', data: { reportId: opened.reportId } },
        REPORTER_ORIGIN,
        ctx.now,
      ),
    );
  return opened;
}

/** A file as the reporter sees it. */
export interface MailboxFile {
  readonly id: string;
  readonly filename: string;
  readonly sizeBytes: number;
}

export type MinutesStatus = 'awaiting_signature' | 'signed' | 'corrections_proposed' | 'superseded';

export interface MailboxMinutes {
  readonly id: string;
  readonly status: MinutesStatus;
  readonly text: string;
  readonly answeredAt: Date | null;
  /** Only the newest minutes awaiting a signature can be answered. */
  readonly actionable: boolean;
}

/**
 * One entry of the conversation. `from` is who the reporter is told wrote it: themselves, the
 * channel (every handler message — never a person's name or id), or the desk itself.
 */
export interface MailboxEntry {
  readonly id: string;
  readonly from: 'you' | 'channel' | 'system';
  readonly kind: ReportMessageKind;
  readonly text: string | null;
  readonly createdAt: Date;
  readonly files: readonly MailboxFile[];
  readonly minutes: MailboxMinutes | null;
}

/** Everything the mailbox page shows. */
export interface MailboxView {
  readonly status: ReportStatus;
  readonly channelName: { readonly nl: string; readonly en: string };
  readonly receivedAt: Date;
  /**
   * Where the acknowledgement stands: sent on a date, due by a date, not needed because the report
   * was already closed — or null when none will come and the reporter is not told why (see
   * {@link visibleToReporter}), or the report was closed without one.
   */
  readonly acknowledgement:
    | { readonly state: 'done'; readonly at: Date }
    | { readonly state: 'due'; readonly by: Date }
    | { readonly state: 'not_needed_closed' }
    | null;
  readonly feedbackDue: Date;
  readonly feedbackGivenAt: Date | null;
  readonly closedAt: Date | null;
  /** Oldest first. */
  readonly entries: readonly MailboxEntry[];
}

/**
 * Whether the reporter sees a message. A "no acknowledgement" note is shown only when the reason
 * is that the report was already closed (the law says to inform the reporter at once then). When
 * the reporter objected to an acknowledgement, telling them one will not come would be one; when
 * an acknowledgement would endanger their identity, so would any sign of handling that someone
 * else holding the receipt could read — and the reason itself says that the handler thinks they
 * are recognisable. Either way the mailbox stays silent about it.
 */
export function visibleToReporter(kind: ReportMessageKind, reason: NotAcknowledgedReason | null): boolean {
  return kind !== 'not_acknowledged' || reason === 'already_closed';
}

/** Reads and decrypts the mailbox of the session's report. @throws CryptoError on tampered data */
export async function loadMailbox(db: Db, lease: ReporterLease, now: Date): Promise<MailboxView> {
  const report = await db
    .selectFrom('reports')
    .innerJoin('report_channels', 'report_channels.id', 'reports.channel_id')
    .select([
      'reports.status',
      'reports.received_at',
      'reports.acknowledged_at',
      'reports.not_acknowledged_reason',
      'reports.feedback_given_at',
      'reports.closed_at',
      'report_channels.name_nl',
      'report_channels.name_en',
    ])
    .where('reports.id', '=', lease.reportId)
    .executeTakeFirstOrThrow();
  const reason = (report.not_acknowledged_reason ?? null) as NotAcknowledgedReason | null;
  const clocks = computeReportClocks({
    receivedAt: report.received_at,
    acknowledgedAt: report.acknowledged_at,
    notAcknowledgedReason: reason,
    feedbackGivenAt: report.feedback_given_at,
    now,
  });
  const [messages, minutesRows] = await Promise.all([
    readMessages(db, lease.reportId, lease.reportKey),
    db
      .selectFrom('report_minutes')
      .select(['id', 'message_id', 'status', 'body', 'answered_at', 'created_at'])
      .where('report_id', '=', lease.reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const newestAwaiting = minutesRows.filter((m) => m.status === 'awaiting_signature').at(-1)?.id;
  const minutesByMessage = new Map<string, MailboxMinutes>();
  for (const m of minutesRows) {
    minutesByMessage.set(m.message_id, {
      id: m.id,
      status: m.status,
      text: decryptText(lease.reportKey, m.body, reportAad.minutes(lease.reportId, m.id)),
      answeredAt: m.answered_at,
      actionable: m.id === newestAwaiting,
    });
  }
  const entries: MailboxEntry[] = messages
    .filter((m) => visibleToReporter(m.kind, reason))
    // Deliberately rebuilt field by field: `authorUserId` never reaches the reporter's page.
    .map((m) => ({
      id: m.id,
      from: m.author === 'reporter' ? 'you' : m.author === 'handler' ? 'channel' : 'system',
      kind: m.kind,
      text: m.text,
      createdAt: m.createdAt,
      files: m.files.map((f) => ({ id: f.id, filename: f.filename, sizeBytes: f.sizeBytes })),
      minutes: minutesByMessage.get(m.id) ?? null,
    }));
  return {
    status: report.status,
    channelName: { nl: report.name_nl, en: report.name_en },
    receivedAt: report.received_at,
    acknowledgement: report.acknowledged_at
      ? { state: 'done', at: report.acknowledged_at }
      : reason === 'already_closed'
        ? { state: 'not_needed_closed' }
        : clocks.acknowledgementExempt || report.status === 'closed'
          ? null
          : { state: 'due', by: clocks.acknowledgementDue },
    feedbackDue: clocks.feedbackDue,
    feedbackGivenAt: report.feedback_given_at,
    closedAt: report.closed_at,
    entries,
  };
}

export type SendOutcome =
  | { readonly ok: true; readonly messageId: string }
  | { readonly ok: false; readonly reason: 'closed' };

/**
 * The reporter's answer, with files already checked (type, size, metadata): files stored
 * encrypted, the message, the audit event `report.message_sent` and the recipients' notification
 * commit together; on failure the files are removed again. A closed report takes no messages.
 */
export async function sendReporterMessage(
  ctx: MailboxContext,
  lease: ReporterLease,
  input: { readonly text: string | null; readonly files: readonly Omit<NewReportFile, 'uploadedBy'>[] },
): Promise<SendOutcome> {
  const report = await ctx.db
    .selectFrom('reports')
    .select('status')
    .where('id', '=', lease.reportId)
    .executeTakeFirstOrThrow();
  if (report.status === 'closed') return { ok: false, reason: 'closed' };
  const files: NewReportFile[] = input.files.map((f) => ({ ...f, uploadedBy: 'reporter' }));
  const messageId = await withStoredFiles(
    ctx.db,
    ctx.config,
    { reportId: lease.reportId, reportKey: lease.reportKey, files },
    async (trx, stored) => {
      const id = await insertMessage(
        trx,
        {
          reportId: lease.reportId,
          reportKey: lease.reportKey,
          author: 'reporter',
          authorUserId: null,
          kind: 'message',
          text: input.text,
          files: stored,
        },
        ctx.now,
      );
      await appendAuditEvent(
        trx as Transaction<Database>,
        {
          type: 'report.message_sent',
          data: { reportId: lease.reportId, messageId: id, author: 'reporter', files: stored.length },
        },
        REPORTER_ORIGIN,
        ctx.now,
      );
      await notifyRecipients(trx, ctx.config, { reportId: lease.reportId, exceptUserId: null, now: ctx.now });
      return id;
    },
  );
  return { ok: true, messageId };
}

export type MinutesAnswer =
  | { readonly kind: 'sign' }
  | { readonly kind: 'corrections'; readonly text: string };

export type MinutesOutcome = 'done' | 'not_found' | 'already_answered';

/**
 * Signs the minutes of an oral report, or proposes corrections to them. Minutes are answered
 * once: the row is locked and must still await a signature, so a replayed or double post changes
 * nothing and says `already_answered`. Minutes of another report are `not_found`.
 * Signing adds a reporter message of kind `minutes_signed` and the event `report.minutes_signed`;
 * corrections add a `minutes_corrections` message with the text and
 * `report.minutes_corrections_proposed`. The recipients are told of the activity.
 */
export async function answerMinutes(
  ctx: MailboxContext,
  lease: ReporterLease,
  minutesId: string,
  answer: MinutesAnswer,
): Promise<MinutesOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('report_minutes')
      .select(['id', 'status'])
      .where('id', '=', minutesId)
      .where('report_id', '=', lease.reportId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return 'not_found';
    if (row.status !== 'awaiting_signature') return 'already_answered';
    const signed = answer.kind === 'sign';
    await trx
      .updateTable('report_minutes')
      .set({ status: signed ? 'signed' : 'corrections_proposed', answered_at: ctx.now })
      .where('id', '=', minutesId)
      .where('status', '=', 'awaiting_signature')
      .execute();
    await insertMessage(
      trx,
      {
        reportId: lease.reportId,
        reportKey: lease.reportKey,
        author: 'reporter',
        authorUserId: null,
        kind: signed ? 'minutes_signed' : 'minutes_corrections',
        text: signed ? null : answer.text,
      },
      ctx.now,
    );
    await appendAuditEvent(
      trx,
      signed
        ? { type: 'report.minutes_signed', data: { reportId: lease.reportId, minutesId } }
        : { type: 'report.minutes_corrections_proposed', data: { reportId: lease.reportId, minutesId } },
      REPORTER_ORIGIN,
      ctx.now,
    );
    await notifyRecipients(trx, ctx.config, { reportId: lease.reportId, exceptUserId: null, now: ctx.now });
    return 'done';
  });
}

/**
 * A file of the session's report, decrypted, with the event `report.file_downloaded`; null for
 * any id that is not a file of this report.
 */
export async function downloadMailboxFile(
  ctx: MailboxContext,
  lease: ReporterLease,
  fileId: string,
): Promise<(FileMeta & { readonly data: Buffer }) | null> {
  const file = await readReportFile(ctx.db, ctx.config.reporting.uploadDir, {
    reportId: lease.reportId,
    fileId,
    reportKey: lease.reportKey,
  });
  if (!file) return null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAuditEvent(
        trx,
        { type: 'report.file_downloaded', data: { reportId: lease.reportId, fileId } },
        REPORTER_ORIGIN,
        ctx.now,
      ),
    );
  return file;
}

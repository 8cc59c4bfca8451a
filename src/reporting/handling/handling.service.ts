import '../reporting.events.js';
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { Database, IdentityMode, ReportRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import { translator } from '../../platform/ui/i18n/catalogue.js';
import type { UnlockedKeys } from '../keys/keyring.js';
import { type Answers, parseStoredQuestions, type Question } from '../questionnaire.js';
import type { Receipt } from '../receipt.js';
import { entitledRecipients, grantSeal, reconcileSeals, removeStaleSeals } from '../report-access.js';
import { computeReportClocks, type NotAcknowledgedReason } from '../report-clock.js';
import { decryptText, encryptText, openReportKey, reportAad } from '../report-crypto.js';
import { type FileMeta, type NewReportFile, readReportFile } from '../report-files.js';
import {
  createReport,
  insertMessage,
  notifyRecipients,
  notifyReporter,
  type ReporterIdentity,
  type ReportFileView,
  type ReportMessageView,
  readAnswers,
  readIdentity,
  readMessages,
  readReportFiles,
  withStoredFiles,
} from '../report-store.js';
import { type ReportClockReading, readReportClocks, tellsReporterWhyNot } from './handling.js';
import {
  type CategoryName,
  type ChannelName,
  countExclusionsAndRecusals,
  findCategories,
  findCurrentQuestionnaire,
  findEntitledReport,
  findQuestionnaire,
  findSeal,
  findUserNames,
  type InboxRow,
  listChannelCategories,
  listChannelNames,
  listChannelRecipients,
  listChannelsOfRecipient,
  listInbox,
  listMinutes,
  lockReport,
  markAcknowledged,
  markNotAcknowledged,
} from './handling.repository.js';

/**
 * The handler's side of a report, up to the acknowledgement: the inbox, opening a report
 * (decrypted with the handler's own keys), and every action on it. Each action runs in one
 * transaction with its audit event, its messages and its notifications.
 *
 * Access: the route has already required a recipient role; here every report is looked up with
 * `entitledTo`, so a report the user is not entitled to is `not_found` — the same answer as an
 * unknown id. Entitled users without a sealed copy of the report key get `pending`: only a
 * colleague with access can grant them one ({@link grantReportAccess}); they may recuse meanwhile.
 *
 * Error codes: `not_found` (not entitled, unknown), `conflict` with `details.reason`
 * (`already_acknowledged`, `already_recorded`, `not_confidential`, `changed`), `validation_failed`
 * with `details.reason` (`channel_unavailable`, `same_channel`, `no_keys`, `last_reader`,
 * `bad_category`, `bad_exclusion`, `grant_not_entitled`, `grant_no_keys`), `conflict` with
 * `grant_already`.
 */

/** A service context with someone signed in (the routes guarantee it). */
export type HandlerContext = ServiceContext & { readonly auth: NonNullable<ServiceContext['auth']> };

/** A report the handler has opened: its row and its key (owned by the request; never stored). */
export interface OpenedReport {
  readonly row: ReportRow;
  readonly key: Buffer;
}

export type Opening =
  | { readonly kind: 'opened'; readonly report: OpenedReport }
  /** The handler's keys are not unlocked in this session. */
  | { readonly kind: 'locked'; readonly row: ReportRow }
  /** Entitled, but no sealed copy: a colleague with access must grant it (unlocking would not help). */
  | { readonly kind: 'pending'; readonly row: ReportRow };

function origin(ctx: HandlerContext) {
  return ctx.origin;
}

/**
 * Finds a report the user is entitled to and opens its key with their unlocked keys.
 * @throws AppError `not_found` when the user is not entitled (or the report does not exist).
 * @throws CryptoError when the sealed copy does not open (a damaged row or a mismatched key).
 */
export async function openReport(
  ctx: HandlerContext,
  keys: UnlockedKeys | null,
  reportId: string,
): Promise<Opening> {
  const row = await findEntitledReport(ctx.db, ctx.auth.userId, reportId);
  if (!row) throw new AppError('not_found');
  const seal = await findSeal(ctx.db, reportId, ctx.auth.userId);
  if (!seal) return { kind: 'pending', row };
  if (!keys) return { kind: 'locked', row };
  return { kind: 'opened', report: { row, key: openReportKey(keys, seal) } };
}

/** The inbox of the signed-in user, with channel and category names. */
export async function listInboxForHandler(
  ctx: HandlerContext,
  query: Parameters<typeof listInbox>[2],
): Promise<{
  readonly rows: readonly (InboxRow & {
    readonly channel: ChannelName | undefined;
    readonly category: CategoryName | undefined;
    readonly clocks: ReportClockReading;
  })[];
  readonly total: number;
  readonly channels: readonly ChannelName[];
}> {
  const [{ rows, total }, channels, allChannels] = await Promise.all([
    listInbox(ctx.db, ctx.auth.userId, query, ctx.now),
    listChannelsOfRecipient(ctx.db, ctx.auth.userId),
    listChannelNames(ctx.db),
  ]);
  const categories = await findCategories(
    ctx.db,
    rows.flatMap((r) => (r.categoryId ? [r.categoryId] : [])),
  );
  const channelById = new Map(allChannels.map((c) => [c.id, c]));
  return {
    total,
    channels,
    rows: rows.map((r) => ({
      ...r,
      channel: channelById.get(r.channelId),
      category: r.categoryId ? categories.get(r.categoryId) : undefined,
      clocks: readReportClocks(r, ctx.now),
    })),
  };
}

/**
 * Records that the handler opened the report, and deletes the seals of anyone no longer entitled.
 * Opening grants nobody access: that takes an explicit {@link grantReportAccess}. One
 * transaction, audited.
 */
export async function recordReportOpened(ctx: HandlerContext, report: OpenedReport): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await removeStaleSeals(trx, report.row.id);
    await appendAuditEvent(
      trx,
      { type: 'report.opened', data: { reportId: report.row.id } },
      origin(ctx),
      ctx.now,
    );
    await auditAccessChanges(trx, ctx, report.row.id, [], removed);
  });
}

/**
 * A handler with access grants it to one colleague who is entitled but holds no seal: the report
 * key is sealed to their public key, audited with the granter as actor.
 * @throws AppError `validation_failed` (`grant_not_entitled`: not a recipient, excluded, recused,
 * unknown; `grant_no_keys`: no key pair yet), `conflict` (`grant_already`).
 */
export async function grantReportAccess(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly userId: string },
): Promise<void> {
  const { row, key } = report;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockReport(trx, row.id))) throw new AppError('not_found');
    const outcome = await grantSeal(trx, {
      reportId: row.id,
      reportKey: key,
      userId: input.userId,
      actorId: ctx.auth.userId,
      now: ctx.now,
    });
    if (outcome === 'not_entitled') throw new AppError('validation_failed', { reason: 'grant_not_entitled' });
    if (outcome === 'no_keys') throw new AppError('validation_failed', { reason: 'grant_no_keys' });
    if (outcome === 'already') throw new AppError('conflict', { reason: 'grant_already' });
    await auditAccessChanges(trx, ctx, row.id, [input.userId], []);
  });
}

async function auditAccessChanges(
  trx: Transaction<Database>,
  ctx: HandlerContext,
  reportId: string,
  granted: readonly string[],
  removed: readonly string[],
): Promise<void> {
  if (granted.length > 0) {
    await appendAuditEvent(
      trx,
      { type: 'report.access_granted', data: { reportId, userIds: granted } },
      origin(ctx),
      ctx.now,
    );
  }
  if (removed.length > 0) {
    await appendAuditEvent(
      trx,
      { type: 'report.access_removed', data: { reportId, userIds: removed } },
      origin(ctx),
      ctx.now,
    );
  }
}

/** A decrypted minutes document as a handler sees it. */
export interface MinutesView {
  readonly id: string;
  readonly messageId: string;
  readonly status: 'awaiting_signature' | 'signed' | 'corrections_proposed' | 'superseded';
  readonly text: string;
  readonly createdAt: Date;
  readonly createdByName: string | null;
  readonly answeredAt: Date | null;
}

/** One entry of the thread, with the handler's name (staff only) and the minutes it carries. */
export interface ThreadEntry extends ReportMessageView {
  readonly authorName: string | null;
  readonly minutes: MinutesView | undefined;
}

/** Everything the report page shows, decrypted for this handler. */
export interface ReportDetails {
  readonly row: ReportRow;
  readonly channel: ChannelName | undefined;
  readonly category: CategoryName | undefined;
  readonly clocks: ReportClockReading;
  /** The exact questions the report was answered with; null when it has no questionnaire. */
  readonly questions: readonly Question[] | null;
  readonly answers: Answers;
  /** Files of the report itself (answers to files questions), by id. */
  readonly files: readonly ReportFileView[];
  readonly thread: readonly ThreadEntry[];
  /** Shown for named reports only; a confidential identity needs the reveal action. */
  readonly identity: ReporterIdentity | null;
  readonly hasNotifyAddress: boolean;
  /** Everyone entitled (never the excluded or recused); `hasKeys`: a key pair, so access can be granted. */
  readonly access: readonly {
    readonly userId: string;
    readonly name: string;
    readonly hasSeal: boolean;
    readonly hasKeys: boolean;
  }[];
  readonly excludedCount: number;
  readonly recusedCount: number;
  /** Active channels the report can be forwarded to. */
  readonly forwardTargets: readonly ChannelName[];
  readonly hasOpenMinutes: boolean;
}

/**
 * Decrypts a report for its page: answers with the exact questions of its questionnaire version,
 * files, the thread with handlers' names and minutes, and who has access.
 * @throws CryptoError when any part does not decrypt.
 */
export async function readReportDetails(ctx: HandlerContext, report: OpenedReport): Promise<ReportDetails> {
  const { row, key } = report;
  const [channels, categories, questionnaire, files, messages, minutesRows, recipients, counts] =
    await Promise.all([
      listChannelNames(ctx.db),
      findCategories(ctx.db, row.category_id ? [row.category_id] : []),
      row.questionnaire_version_id ? findQuestionnaire(ctx.db, row.questionnaire_version_id) : undefined,
      readReportFiles(ctx.db, row.id, key),
      readMessages(ctx.db, row.id, key),
      listMinutes(ctx.db, row.id),
      entitledRecipients(ctx.db, row.id),
      countExclusionsAndRecusals(ctx.db, row.id),
    ]);
  const names = await findUserNames(ctx.db, [
    ...messages.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])),
    ...minutesRows.flatMap((m) => (m.createdBy ? [m.createdBy] : [])),
  ]);
  const minutesByMessage = new Map<string, MinutesView>();
  for (const m of minutesRows) {
    minutesByMessage.set(m.messageId, {
      id: m.id,
      messageId: m.messageId,
      status: m.status,
      text: decryptText(key, m.body, reportAad.minutes(row.id, m.id)),
      createdAt: m.createdAt,
      createdByName: m.createdBy ? (names.get(m.createdBy) ?? null) : null,
      answeredAt: m.answeredAt,
    });
  }
  return {
    row,
    channel: channels.find((c) => c.id === row.channel_id),
    category: row.category_id ? categories.get(row.category_id) : undefined,
    clocks: readReportClocks(clockFactsOf(row), ctx.now),
    questions: questionnaire ? parseStoredQuestions(questionnaire.questions) : null,
    answers: readAnswers(row, key),
    files,
    thread: messages.map((m) => ({
      ...m,
      authorName: m.authorUserId ? (names.get(m.authorUserId) ?? null) : null,
      minutes: minutesByMessage.get(m.id),
    })),
    identity: row.identity_mode === 'named' ? readIdentity(row, key) : null,
    hasNotifyAddress: row.notify_address !== null,
    access: recipients.map((r) => ({
      userId: r.userId,
      name: r.name,
      hasSeal: r.hasSeal,
      hasKeys: r.publicKey !== null,
    })),
    excludedCount: counts.excluded,
    recusedCount: counts.recused,
    forwardTargets: channels.filter((c) => c.active && c.id !== row.channel_id),
    hasOpenMinutes: minutesRows.some(
      (m) => m.status === 'awaiting_signature' || m.status === 'corrections_proposed',
    ),
  };
}

export function clockFactsOf(row: ReportRow) {
  return {
    status: row.status,
    receivedAt: row.received_at,
    acknowledgementDueAt: row.acknowledgement_due_at,
    acknowledgedAt: row.acknowledged_at,
    notAcknowledgedReason: row.not_acknowledged_reason,
    feedbackDueAt: row.feedback_due_at,
    feedbackGivenAt: row.feedback_given_at,
  };
}

/**
 * Acknowledges receipt, once: a message of kind `acknowledgement` to the reporter, status
 * `acknowledged`, and the feedback deadline recomputed from today (3 months after the
 * acknowledgement). The reporter is told by e-mail if they left an address; the other handlers too.
 * @throws AppError `conflict` (`already_acknowledged`) when it was acknowledged (or closed) before.
 */
export async function acknowledgeReport(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly text: string },
): Promise<void> {
  const { row, key } = report;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, row.id);
    if (!current) throw new AppError('not_found');
    const feedbackDue = computeReportClocks({
      receivedAt: current.received_at,
      acknowledgedAt: ctx.now,
      now: ctx.now,
    }).feedbackDue;
    const done = await markAcknowledged(trx, { reportId: row.id, now: ctx.now, feedbackDueAt: feedbackDue });
    if (!done) throw new AppError('conflict', { reason: 'already_acknowledged' });
    await insertMessage(
      trx,
      {
        reportId: row.id,
        reportKey: key,
        author: 'handler',
        authorUserId: ctx.auth.userId,
        kind: 'acknowledgement',
        text: input.text,
      },
      ctx.now,
    );
    await appendAuditEvent(
      trx,
      { type: 'report.acknowledged', data: { reportId: row.id } },
      origin(ctx),
      ctx.now,
    );
    await notifyReporter(trx, ctx.config, { report: current, reportKey: key, now: ctx.now });
    await notifyRecipients(trx, ctx.config, {
      reportId: row.id,
      exceptUserId: ctx.auth.userId,
      now: ctx.now,
    });
  });
}

/**
 * Records why the report is not acknowledged (once, and only while it is not acknowledged).
 * The reporter gets a message (and an e-mail, if they left an address) only when the reason
 * allows it ({@link tellsReporterWhyNot}); `already_closed` also closes the report.
 * @throws AppError `conflict` (`already_recorded`) when acknowledged or a reason exists already.
 */
export async function recordNotAcknowledged(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly reason: NotAcknowledgedReason; readonly text: string },
): Promise<{ readonly reporterTold: boolean }> {
  const { row, key } = report;
  return ctx.db.transaction().execute(async (trx) => {
    const change = await markNotAcknowledged(trx, { reportId: row.id, reason: input.reason, now: ctx.now });
    if (!change) throw new AppError('conflict', { reason: 'already_recorded' });
    const reporterTold = tellsReporterWhyNot(input.reason);
    if (reporterTold) {
      await insertMessage(
        trx,
        {
          reportId: row.id,
          reportKey: key,
          author: 'handler',
          authorUserId: ctx.auth.userId,
          kind: 'not_acknowledged',
          text: input.text,
        },
        ctx.now,
      );
    }
    await appendAuditEvent(
      trx,
      { type: 'report.not_acknowledged', data: { reportId: row.id, reason: input.reason } },
      origin(ctx),
      ctx.now,
    );
    if (change.from !== change.to) {
      await appendAuditEvent(
        trx,
        { type: 'report.status_changed', data: { reportId: row.id, from: change.from, to: change.to } },
        origin(ctx),
        ctx.now,
      );
    }
    if (reporterTold) await notifyReporter(trx, ctx.config, { report: row, reportKey: key, now: ctx.now });
    await notifyRecipients(trx, ctx.config, {
      reportId: row.id,
      exceptUserId: ctx.auth.userId,
      now: ctx.now,
    });
    return { reporterTold };
  });
}

/**
 * Sends a message (with files, already inspected by the route) to the reporter. The files are
 * encrypted and written first, and removed again if the transaction fails.
 */
export async function sendHandlerMessage(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly text: string; readonly files: readonly NewReportFile[] },
): Promise<void> {
  const { row, key } = report;
  await withStoredFiles(
    ctx.db,
    ctx.config,
    { reportId: row.id, reportKey: key, files: input.files },
    async (db, stored) => {
      // withStoredFiles runs this inside `db.transaction()`; its type just does not say so.
      const trx = db as Transaction<Database>;
      if (!(await lockReport(trx, row.id))) throw new AppError('not_found');
      const messageId = await insertMessage(
        trx,
        {
          reportId: row.id,
          reportKey: key,
          author: 'handler',
          authorUserId: ctx.auth.userId,
          kind: 'message',
          text: input.text,
          files: stored,
        },
        ctx.now,
      );
      await appendAuditEvent(
        trx,
        {
          type: 'report.message_sent',
          data: { reportId: row.id, messageId, author: 'handler', files: stored.length },
        },
        origin(ctx),
        ctx.now,
      );
      await notifyReporter(trx, ctx.config, { report: row, reportKey: key, now: ctx.now });
      await notifyRecipients(trx, ctx.config, {
        reportId: row.id,
        exceptUserId: ctx.auth.userId,
        now: ctx.now,
      });
    },
  );
}

/**
 * One file of the report, decrypted, for download; the download is audited first.
 * Returns null for a file that is not this report's.
 */
export async function downloadReportFile(
  ctx: HandlerContext,
  report: OpenedReport,
  fileId: string,
): Promise<(FileMeta & { readonly data: Buffer }) | null> {
  const file = await readReportFile(ctx.db, ctx.config.reporting.uploadDir, {
    reportId: report.row.id,
    fileId,
    reportKey: report.key,
  });
  if (!file) return null;
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAuditEvent(
        trx,
        { type: 'report.file_downloaded', data: { reportId: report.row.id, fileId } },
        origin(ctx),
        ctx.now,
      ),
    );
  return file;
}

/**
 * Forwards a misdirected report to another active channel: the report moves (its category, which
 * belonged to the old channel, is cleared), the new channel's entitled recipients get a sealed
 * copy and the old ones lose theirs (the forwarding handler too, unless a recipient there), and
 * the reporter is told the new channel's name in their mailbox.
 * @throws AppError `validation_failed` (`channel_unavailable`, `same_channel`, `no_keys`).
 */
export async function forwardReport(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly channelId: string },
): Promise<{ readonly channel: ChannelName; readonly keepsAccess: boolean }> {
  const { row, key } = report;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockReport(trx, row.id);
    if (!current) throw new AppError('not_found');
    if (current.channel_id !== row.channel_id) throw new AppError('conflict', { reason: 'changed' });
    if (input.channelId === current.channel_id) {
      throw new AppError('validation_failed', { reason: 'same_channel' });
    }
    const target = await trx
      .selectFrom('report_channels')
      .select(['id', 'slug', 'name_nl', 'name_en', 'active'])
      .where('id', '=', input.channelId)
      .forUpdate()
      .executeTakeFirst();
    if (!target?.active) throw new AppError('validation_failed', { reason: 'channel_unavailable' });
    await trx
      .updateTable('reports')
      .set({ channel_id: target.id, category_id: null, last_activity_at: ctx.now })
      .where('id', '=', row.id)
      .execute();
    const entitled = await entitledRecipients(trx, row.id);
    if (!entitled.some((r) => r.publicKey !== null)) {
      throw new AppError('validation_failed', { reason: 'no_keys' });
    }
    const { granted, removed } = await reconcileSeals(trx, {
      reportId: row.id,
      reportKey: key,
      actorId: ctx.auth.userId,
      now: ctx.now,
    });
    await insertMessage(
      trx,
      {
        reportId: row.id,
        reportKey: key,
        author: 'system',
        authorUserId: null,
        kind: 'forwarded',
        text: bilingual((t, locale) =>
          t('handling.forward.reporter_text', { channel: locale === 'nl' ? target.name_nl : target.name_en }),
        ),
      },
      ctx.now,
    );
    await appendAuditEvent(
      trx,
      {
        type: 'report.forwarded',
        data: { reportId: row.id, fromChannelId: current.channel_id, toChannelId: target.id },
      },
      origin(ctx),
      ctx.now,
    );
    await auditAccessChanges(trx, ctx, row.id, granted, removed);
    await notifyReporter(trx, ctx.config, { report: current, reportKey: key, now: ctx.now });
    await notifyRecipients(trx, ctx.config, {
      reportId: row.id,
      exceptUserId: ctx.auth.userId,
      now: ctx.now,
    });
    return {
      channel: {
        id: target.id,
        slug: target.slug,
        nameNl: target.name_nl,
        nameEn: target.name_en,
        active: target.active,
      },
      keepsAccess: entitled.some((r) => r.userId === ctx.auth.userId),
    };
  });
}

/**
 * The handler steps aside (involved, conflict of interest): recorded, their sealed copy deleted
 * (if they held one: an entitled user without access may recuse too, without ever being given the
 * key), the others told. Nobody is granted access on the way. Refused when the handler holds a
 * seal and no other entitled colleague does (they should grant access to someone first).
 * @throws AppError `validation_failed` (`last_reader`).
 */
export async function recuseFromReport(ctx: HandlerContext, row: ReportRow): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockReport(trx, row.id))) throw new AppError('not_found');
    const before = await entitledRecipients(trx, row.id);
    const self = before.find((r) => r.userId === ctx.auth.userId);
    if (!self) throw new AppError('not_found');
    if (self.hasSeal && !before.some((r) => r.userId !== ctx.auth.userId && r.hasSeal)) {
      throw new AppError('validation_failed', { reason: 'last_reader' });
    }
    await trx
      .insertInto('report_recusals')
      .values({ report_id: row.id, user_id: ctx.auth.userId, recused_at: ctx.now })
      .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
      .execute();
    const removed = await removeStaleSeals(trx, row.id);
    await appendAuditEvent(
      trx,
      { type: 'report.recused', data: { reportId: row.id, userId: ctx.auth.userId } },
      origin(ctx),
      ctx.now,
    );
    await auditAccessChanges(trx, ctx, row.id, [], removed);
    await notifyRecipients(trx, ctx.config, {
      reportId: row.id,
      exceptUserId: ctx.auth.userId,
      now: ctx.now,
    });
  });
}

/**
 * Reveals the identity of a confidential reporter to this handler, for this response only; the
 * stated reason is recorded in the audit log.
 * @throws AppError `conflict` (`not_confidential`) for anonymous and named reports.
 */
export async function revealIdentity(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly reason: string },
): Promise<ReporterIdentity> {
  if (report.row.identity_mode !== 'confidential') {
    throw new AppError('conflict', { reason: 'not_confidential' });
  }
  const identity = readIdentity(report.row, report.key);
  if (!identity) throw new AppError('conflict', { reason: 'not_confidential' });
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAuditEvent(
        trx,
        { type: 'report.identity_revealed', data: { reportId: report.row.id, reason: input.reason } },
        origin(ctx),
        ctx.now,
      ),
    );
  return identity;
}

/**
 * Adds minutes of a meeting or call to the report, for the reporter to sign or correct; earlier
 * minutes still open (awaiting a signature, corrections proposed) are superseded. Runs in the
 * caller's transaction. Returns the minutes id.
 */
async function insertMinutes(
  trx: Transaction<Database>,
  ctx: HandlerContext,
  input: { readonly reportId: string; readonly reportKey: Buffer; readonly text: string },
): Promise<string> {
  await trx
    .updateTable('report_minutes')
    .set({ status: 'superseded' })
    .where('report_id', '=', input.reportId)
    .where('status', 'in', ['awaiting_signature', 'corrections_proposed'])
    .execute();
  const messageId = await insertMessage(
    trx,
    {
      reportId: input.reportId,
      reportKey: input.reportKey,
      author: 'handler',
      authorUserId: ctx.auth.userId,
      kind: 'minutes',
      text: null,
    },
    ctx.now,
  );
  const minutesId = randomUUID();
  await trx
    .insertInto('report_minutes')
    .values({
      id: minutesId,
      report_id: input.reportId,
      message_id: messageId,
      status: 'awaiting_signature',
      body: encryptText(input.reportKey, input.text, reportAad.minutes(input.reportId, minutesId)),
      created_at: ctx.now,
      created_by: ctx.auth.userId,
    })
    .execute();
  await appendAuditEvent(
    trx,
    { type: 'report.minutes_added', data: { reportId: input.reportId, minutesId } },
    origin(ctx),
    ctx.now,
  );
  return minutesId;
}

/** Adds minutes of a meeting about an existing report (see {@link insertMinutes}). */
export async function addMinutes(
  ctx: HandlerContext,
  report: OpenedReport,
  input: { readonly text: string },
): Promise<void> {
  const { row, key } = report;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockReport(trx, row.id))) throw new AppError('not_found');
    await insertMinutes(trx, ctx, { reportId: row.id, reportKey: key, text: input.text });
    await notifyReporter(trx, ctx.config, { report: row, reportKey: key, now: ctx.now });
    await notifyRecipients(trx, ctx.config, {
      reportId: row.id,
      exceptUserId: ctx.auth.userId,
      now: ctx.now,
    });
  });
}

/** What the oral report form needs for one channel. */
export interface OralChannelOptions {
  readonly channels: readonly ChannelName[];
  readonly channel: ChannelName | undefined;
  readonly categories: readonly CategoryName[];
  /** Colleagues who may be excluded (recipients of the channel, the handler left out). */
  readonly colleagues: readonly { readonly userId: string; readonly name: string }[];
  /** The question the summary answers (the first long text question), if any. */
  readonly summaryQuestion: Question | undefined;
}

/** The active channels the handler receives, and the details of the chosen one. */
export async function oralReportOptions(
  ctx: HandlerContext,
  channelId: string | undefined,
): Promise<OralChannelOptions> {
  const channels = (await listChannelsOfRecipient(ctx.db, ctx.auth.userId)).filter((c) => c.active);
  const channel = channels.length === 1 ? channels[0] : channels.find((c) => c.id === channelId);
  if (!channel)
    return { channels, channel: undefined, categories: [], colleagues: [], summaryQuestion: undefined };
  const [categories, recipients, questionnaire] = await Promise.all([
    listChannelCategories(ctx.db, channel.id),
    listChannelRecipients(ctx.db, channel.id),
    findCurrentQuestionnaire(ctx.db, channel.id),
  ]);
  const questions = questionnaire ? parseStoredQuestions(questionnaire.questions) : [];
  return {
    channels,
    channel,
    categories,
    colleagues: recipients.filter((r) => r.userId !== ctx.auth.userId),
    summaryQuestion: questions.find((q) => q.type === 'long_text'),
  };
}

/** The answer key the summary is stored under when the questionnaire has no long text question. */
export const ORAL_SUMMARY_KEY = 'summary';

export interface NewOralReport {
  readonly channelId: string;
  readonly categoryId: string | null;
  readonly identityMode: IdentityMode;
  readonly identity: ReporterIdentity | null;
  readonly notifyAddress: string | null;
  readonly excludedUserIds: readonly string[];
  readonly summary: string;
  readonly minutes: string;
}

/**
 * Registers a report made orally (a meeting or a call): the report itself, created like an online
 * one but with source `oral` and the handler as its author, then its minutes for the reporter to
 * sign. Returns the receipt, to be handed to the reporter in person (shown once).
 * @throws AppError `validation_failed` (`channel_unavailable`, `bad_category`, `bad_exclusion`).
 */
export async function registerOralReport(
  ctx: HandlerContext,
  // Required although unused here: only a handler with unlocked keys registers a report they can read.
  _keys: UnlockedKeys,
  input: NewOralReport,
): Promise<{ readonly reportId: string; readonly reference: string; readonly receipt: Receipt }> {
  const userId = ctx.auth.userId;
  const channel = (await listChannelsOfRecipient(ctx.db, userId)).find((c) => c.id === input.channelId);
  if (!channel?.active) {
    throw new AppError('validation_failed', { reason: 'channel_unavailable' });
  }
  if (input.categoryId) {
    const categories = await listChannelCategories(ctx.db, channel.id);
    if (!categories.some((c) => c.id === input.categoryId)) {
      throw new AppError('validation_failed', { reason: 'bad_category' });
    }
  }
  if (input.excludedUserIds.includes(userId))
    throw new AppError('validation_failed', { reason: 'bad_exclusion' });
  const questionnaire = await findCurrentQuestionnaire(ctx.db, channel.id);
  const questions = questionnaire ? parseStoredQuestions(questionnaire.questions) : [];
  const summaryQuestion = questions.find((q) => q.type === 'long_text');
  const created = await createReport(
    ctx.db,
    ctx.config,
    {
      channelId: channel.id,
      categoryId: input.categoryId,
      questionnaireVersionId: questionnaire?.id ?? null,
      identityMode: input.identityMode,
      source: 'oral',
      answers: { [summaryQuestion?.id ?? ORAL_SUMMARY_KEY]: input.summary },
      identity: input.identityMode === 'anonymous' ? null : input.identity,
      notifyAddress: input.notifyAddress,
      excludedUserIds: input.excludedUserIds,
      files: [],
      createdBy: userId,
    },
    {
      now: ctx.now,
      origin: ctx.origin,
      // The minutes commit with the report: never a report whose receipt was lost to a failure.
      alsoInTransaction: async (trx, reportId, reportKey) => {
        await insertMinutes(trx, ctx, { reportId, reportKey, text: input.minutes });
      },
    },
  );
  return created;
}

/** Dutch, then English: the reporter's language is not known to the handler. */
function bilingual(render: (t: ReturnType<typeof translator>, locale: 'nl' | 'en') => string): string {
  return `${render(translator('nl'), 'nl')}\n\n${render(translator('en'), 'en')}`;
}

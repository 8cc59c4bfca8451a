import './reporting.events.js';
import { createHmac, randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Config } from '../config.js';
import { appendAuditEvent } from '../platform/audit/audit.js';
import type { AuditOrigin } from '../platform/audit/audit-events.js';
import { getOrCreateSecret } from '../platform/crypto/app-secrets.js';
import { newReportKey } from '../platform/crypto/envelope.js';
import type { Db } from '../platform/db/database.js';
import type { Database, IdentityMode, ReportMessageKind, ReportRow } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { translator } from '../platform/ui/i18n/catalogue.js';
import { toBrusselsLocal } from './brussels-time.js';
import type { Answers } from './questionnaire.js';
import { generateReceipt, type Receipt } from './receipt.js';
import { entitledRecipients, reconcileSeals } from './report-access.js';
import { computeReportClocks } from './report-clock.js';
import {
  decryptJson,
  decryptText,
  encryptJson,
  encryptText,
  reportAad,
  reporterCredentials,
} from './report-crypto.js';
import {
  discardStoredFiles,
  insertStoredFiles,
  type NewReportFile,
  readFileMeta,
  type StoredFile,
  storeFiles,
} from './report-files.js';

/**
 * The core of a report's life that every side shares: creating one (online, oral, demo),
 * adding messages with files, reading them back decrypted, and telling people that something
 * happened. Access decisions are made by the callers (report-access.ts); this module only does
 * what it is asked, atomically.
 */

/** The identity a confidential or named reporter gave (encrypted in `reports.identity`). */
export interface ReporterIdentity {
  readonly name: string;
  /** Phone number or address, free text. */
  readonly contact: string;
}

export interface NewReport {
  readonly channelId: string;
  readonly categoryId: string | null;
  readonly questionnaireVersionId: string | null;
  readonly identityMode: IdentityMode;
  readonly source: 'online' | 'oral';
  /** Answers by question id; answers to `files` questions are filled in from `files`. */
  readonly answers: Answers;
  /** Required for confidential and named reports, refused for anonymous ones. */
  readonly identity: ReporterIdentity | null;
  /** An address the reporter left to be told of news (never content). */
  readonly notifyAddress: string | null;
  /** Recipients of the channel the reporter says are involved: they never see the report. */
  readonly excludedUserIds: readonly string[];
  readonly files: readonly NewReportFile[];
  /** The handler who registered an oral report; null for online reports. */
  readonly createdBy: string | null;
}

export interface CreatedReport {
  readonly reportId: string;
  readonly reference: string;
  /** Shown once to the reporter (or to the handler of an oral report, to hand over); never stored. */
  readonly receipt: Receipt;
}

/**
 * Creates a report, all or nothing: the report row, its encrypted content and identity, the
 * reporter's receipt credentials, the exclusions, the files, a seal of the report key for every
 * entitled recipient, the audit event and the recipients' notifications commit together. The
 * receipt exists only when everything did. The slow parts (two Argon2id for the receipt, file
 * encryption and writing) run before the transaction, off the event loop where they can.
 * @throws AppError `validation_failed` (details.reason `channel_unavailable`) when the channel is
 *   inactive or no entitled recipient could open the report.
 */
export async function createReport(
  db: Db,
  config: Config,
  input: NewReport,
  context: {
    readonly now: Date;
    readonly origin: AuditOrigin;
    /** More work in the same transaction (an oral report's minutes): all of it or nothing. */
    readonly alsoInTransaction?: (
      trx: Transaction<Database>,
      reportId: string,
      reportKey: Buffer,
    ) => Promise<void>;
  },
): Promise<CreatedReport> {
  if ((input.identityMode === 'anonymous') !== (input.identity === null)) {
    throw new TypeError('identity must be given exactly for confidential and named reports');
  }
  const reportId = randomUUID();
  const reportKey = newReportKey();
  const receipt = generateReceipt();
  const credentials = await reporterCredentials(db, reportId, receipt, reportKey);
  const referenceKey = await getOrCreateSecret(db, REFERENCE_SECRET);
  const stored = await storeFiles(config.reporting.uploadDir, reportId, reportKey, input.files);
  const answers: Record<string, string | string[]> = { ...input.answers } as Record<
    string,
    string | string[]
  >;
  for (const file of stored) {
    if (!file.questionId) continue;
    const list = answers[file.questionId];
    answers[file.questionId] = [...(Array.isArray(list) ? list : []), file.id];
  }
  const clocks = computeReportClocks({ receivedAt: context.now, now: context.now });
  try {
    const reference = await db.transaction().execute(async (trx) => {
      const channel = await trx
        .selectFrom('report_channels')
        .select(['id', 'active'])
        .where('id', '=', input.channelId)
        .forUpdate()
        .executeTakeFirst();
      if (!channel?.active) throw new AppError('validation_failed', { reason: 'channel_unavailable' });
      const reference = await nextReference(trx, referenceKey, toBrusselsLocal(context.now).year);
      await trx
        .insertInto('reports')
        .values({
          id: reportId,
          reference,
          channel_id: input.channelId,
          category_id: input.categoryId,
          questionnaire_version_id: input.questionnaireVersionId,
          identity_mode: input.identityMode,
          source: input.source,
          status: 'received',
          received_at: context.now,
          acknowledgement_due_at: clocks.acknowledgementDue,
          feedback_due_at: clocks.feedbackDue,
          last_activity_at: context.now,
          receipt_lookup: credentials.receiptLookup,
          receipt_salt: credentials.receiptSalt,
          reporter_key: credentials.reporterKey,
          content: encryptJson(reportKey, { answers }, reportAad.content(reportId)),
          identity: input.identity
            ? encryptJson(reportKey, input.identity, reportAad.identity(reportId))
            : null,
          notify_address: input.notifyAddress
            ? encryptText(reportKey, input.notifyAddress, reportAad.notifyAddress(reportId))
            : null,
          created_by: input.createdBy,
        })
        .execute();
      const excluded = [...new Set(input.excludedUserIds)];
      if (excluded.length > 0) {
        // Only recipients of this channel can be excluded; anything else is a forged id.
        const valid = await trx
          .selectFrom('report_channel_recipients')
          .select('user_id')
          .where('channel_id', '=', input.channelId)
          .where('user_id', 'in', excluded)
          .execute();
        if (valid.length !== excluded.length)
          throw new AppError('validation_failed', { reason: 'bad_exclusion' });
        await trx
          .insertInto('report_exclusions')
          .values(excluded.map((userId) => ({ report_id: reportId, user_id: userId })))
          .execute();
      }
      await insertStoredFiles(trx, { reportId, messageId: null, files: stored, now: context.now });
      const { granted } = await reconcileSeals(trx, { reportId, reportKey, actorId: null, now: context.now });
      if (granted.length === 0) throw new AppError('validation_failed', { reason: 'channel_unavailable' });
      await appendAuditEvent(
        trx,
        {
          type: 'report.submitted',
          data: {
            reportId,
            channelId: input.channelId,
            identityMode: input.identityMode,
            source: input.source,
            files: stored.length,
            excluded: excluded.length,
          },
        },
        context.origin,
        context.now,
      );
      if (context.alsoInTransaction) await context.alsoInTransaction(trx, reportId, reportKey);
      await notifyRecipients(trx, config, { reportId, exceptUserId: input.createdBy, now: context.now });
      return reference;
    });
    return { reportId, reference, receipt };
  } catch (error) {
    await discardStoredFiles(config.reporting.uploadDir, stored);
    throw error;
  }
}

export interface NewMessage {
  readonly reportId: string;
  readonly reportKey: Buffer;
  readonly author: 'reporter' | 'handler' | 'system';
  readonly authorUserId: string | null;
  readonly kind: ReportMessageKind;
  /** Null for kinds without text (a status change the interface words itself). */
  readonly text: string | null;
  readonly files?: readonly StoredFile[];
}

/**
 * Adds a message (and its already stored files) to a report in the caller's transaction and
 * marks the report active. Returns the message id. Audit events and notifications are the
 * caller's: it knows what the message means.
 */
export async function insertMessage(trx: Db, message: NewMessage, now: Date): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('report_messages')
    .values({
      id,
      report_id: message.reportId,
      author: message.author,
      author_user_id: message.authorUserId,
      kind: message.kind,
      body:
        message.text === null
          ? null
          : encryptText(message.reportKey, message.text, reportAad.message(message.reportId, id)),
      created_at: now,
    })
    .execute();
  await insertStoredFiles(trx, {
    reportId: message.reportId,
    messageId: id,
    files: message.files ?? [],
    now,
  });
  await trx
    .updateTable('reports')
    .set({ last_activity_at: now })
    .where('id', '=', message.reportId)
    .execute();
  return id;
}

/**
 * Stores files, then runs `work` in a transaction; if the transaction fails the files are
 * removed again. The one way to add files after submission (messages of either side).
 */
export async function withStoredFiles<T>(
  db: Db,
  config: Config,
  input: { readonly reportId: string; readonly reportKey: Buffer; readonly files: readonly NewReportFile[] },
  work: (trx: Db, stored: readonly StoredFile[]) => Promise<T>,
): Promise<T> {
  const stored = await storeFiles(config.reporting.uploadDir, input.reportId, input.reportKey, input.files);
  try {
    return await db.transaction().execute((trx) => work(trx, stored));
  } catch (error) {
    await discardStoredFiles(config.reporting.uploadDir, stored);
    throw error;
  }
}

export interface ReportFileView {
  readonly id: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly uploadedBy: 'reporter' | 'handler';
}

export interface ReportMessageView {
  readonly id: string;
  readonly author: 'reporter' | 'handler' | 'system';
  /** For staff views only; never render it to the reporter. */
  readonly authorUserId: string | null;
  readonly kind: ReportMessageKind;
  readonly text: string | null;
  readonly createdAt: Date;
  readonly files: readonly ReportFileView[];
}

/** A report's messages, oldest first, decrypted, with their files' names. @throws CryptoError */
export async function readMessages(
  db: Db,
  reportId: string,
  reportKey: Buffer,
): Promise<ReportMessageView[]> {
  const [messages, files] = await Promise.all([
    db
      .selectFrom('report_messages')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('report_files')
      .select(['id', 'message_id', 'meta', 'size_bytes', 'uploaded_by'])
      .where('report_id', '=', reportId)
      .where('message_id', 'is not', null)
      .orderBy('created_at')
      .execute(),
  ]);
  const filesByMessage = new Map<string, ReportFileView[]>();
  for (const f of files) {
    const meta = readFileMeta(reportKey, reportId, f.id, f.meta);
    const list = filesByMessage.get(f.message_id!) ?? [];
    list.push({ id: f.id, ...meta, sizeBytes: f.size_bytes, uploadedBy: f.uploaded_by });
    filesByMessage.set(f.message_id!, list);
  }
  return messages.map((m) => ({
    id: m.id,
    author: m.author,
    authorUserId: m.author_user_id,
    kind: m.kind,
    text: m.body ? decryptText(reportKey, m.body, reportAad.message(reportId, m.id)) : null,
    createdAt: m.created_at,
    files: filesByMessage.get(m.id) ?? [],
  }));
}

/** The files attached to the report itself (not to a message), decrypted names. */
export async function readReportFiles(
  db: Db,
  reportId: string,
  reportKey: Buffer,
): Promise<ReportFileView[]> {
  const rows = await db
    .selectFrom('report_files')
    .select(['id', 'meta', 'size_bytes', 'uploaded_by'])
    .where('report_id', '=', reportId)
    .where('message_id', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((f) => ({
    id: f.id,
    ...readFileMeta(reportKey, reportId, f.id, f.meta),
    sizeBytes: f.size_bytes,
    uploadedBy: f.uploaded_by,
  }));
}

/** The decrypted answers of a report. @throws CryptoError */
export function readAnswers(report: Pick<ReportRow, 'id' | 'content'>, reportKey: Buffer): Answers {
  return decryptJson<{ answers: Answers }>(reportKey, report.content, reportAad.content(report.id)).answers;
}

/** The decrypted identity of a confidential or named reporter, or null. @throws CryptoError */
export function readIdentity(
  report: Pick<ReportRow, 'id' | 'identity'>,
  reportKey: Buffer,
): ReporterIdentity | null {
  return report.identity
    ? decryptJson<ReporterIdentity>(reportKey, report.identity, reportAad.identity(report.id))
    : null;
}

/**
 * Tells every entitled recipient (except the one who acted) that a report has new activity:
 * by e-mail through the outbox, bilingual, never with content — only the reference and a link.
 */
export async function notifyRecipients(
  trx: Db,
  config: Config,
  input: { readonly reportId: string; readonly exceptUserId: string | null; readonly now: Date },
): Promise<void> {
  const report = await trx
    .selectFrom('reports')
    .select('reference')
    .where('id', '=', input.reportId)
    .executeTakeFirstOrThrow();
  const link = `${config.publicUrl}/handling/reports/${input.reportId}`;
  for (const recipient of await entitledRecipients(trx, input.reportId)) {
    if (recipient.userId === input.exceptUserId) continue;
    await enqueueMail(
      trx,
      {
        to: recipient.email,
        purpose: 'report.activity',
        subject: bilingualSubject((t) =>
          t('reporting.mail.activity_subject', { reference: report.reference }),
        ),
        text: bilingual((t) => t('reporting.mail.activity_body', { reference: report.reference, link })),
      },
      { now: input.now, publicUrl: config.publicUrl },
    );
  }
}

/**
 * Tells the reporter there is news, when they left an address for that: the address is
 * decrypted with the report key (so only someone with access can cause this mail), and the
 * outbox erases address and text once sent. Never with content. Nothing is queued when no mail
 * server is configured (held mail would keep the address in clear).
 */
export async function notifyReporter(
  trx: Db,
  config: Config,
  input: {
    readonly report: Pick<ReportRow, 'id' | 'notify_address'>;
    readonly reportKey: Buffer;
    readonly now: Date;
  },
): Promise<void> {
  // Without a mail server nothing would be sent: the address must not wait in clear in the outbox.
  if (!input.report.notify_address || !config.smtpUrl) return;
  const address = decryptText(
    input.reportKey,
    input.report.notify_address,
    reportAad.notifyAddress(input.report.id),
  );
  const link = `${config.publicUrl}/report/follow-up`;
  await enqueueMail(
    trx,
    {
      to: address,
      purpose: 'report.reporter_news',
      subject: bilingualSubject((t) => t('reporting.mail.reporter_subject')),
      text: bilingual((t) => t('reporting.mail.reporter_body', { link })),
      scrubAfterSend: true,
    },
    { now: input.now, publicUrl: config.publicUrl },
  );
}

function bilingualSubject(render: (t: ReturnType<typeof translator>) => string): string {
  return `${render(translator('nl'))} / ${render(translator('en'))}`;
}

/** Dutch first, then English: staff and reporters' language is not known when mail is sent. */
function bilingual(render: (t: ReturnType<typeof translator>) => string): string {
  return `${render(translator('nl'))}\n\n---\n\n${render(translator('en'))}`;
}

const REFERENCE_SECRET = 'report-reference-key';

/**
 * A new report's reference (`M-2026-38104`). Its number is the next value of the sequence,
 * permuted under an installation secret ({@link referenceNumber}): unique, but telling nothing of
 * order or count, so that a handler who sees two references cannot tell that a report they are
 * excluded from came in between. A number an older (sequential) reference already took is skipped.
 */
async function nextReference(trx: Db, key: string, year: number): Promise<string> {
  for (;;) {
    const { seq } = await sql<{ seq: string }>`select nextval('report_reference_seq')::text as seq`
      .execute(trx)
      .then((r) => r.rows[0]!);
    const reference = `M-${year}-${referenceNumber(Number(seq), key)}`;
    const taken = await trx
      .selectFrom('reports')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!taken) return reference;
  }
}

/**
 * A keyed permutation of the sequence numbers of one width (at least five digits): a Feistel
 * network over bits, cycle-walked back into the range. Numbers of different widths differ in
 * length, so references stay unique however many there are. Exported for tests.
 */
export function referenceNumber(seq: number, key: string): string {
  const digits = Math.max(5, String(seq).length);
  const size = 10 ** digits;
  let half = 1;
  while (2 ** (2 * half) < size) half++;
  const mask = 2 ** half - 1;
  const round = (i: number, value: number) =>
    createHmac('sha256', key).update(`${digits}:${i}:${value}`).digest().readUInt32BE(0) & mask;
  let x = seq;
  do {
    let left = Math.floor(x / 2 ** half);
    let right = x % 2 ** half;
    for (let i = 0; i < 6; i++) [left, right] = [right, left ^ round(i, right)];
    x = left * 2 ** half + right;
  } while (x >= size);
  return String(x).padStart(digits, '0');
}

import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decrypt, encrypt } from '../platform/crypto/envelope.js';
import { randomToken } from '../platform/crypto/tokens.js';
import type { Db } from '../platform/db/database.js';
import { safeFilename } from './files/file-names.js';
import { decryptJson, encryptJson, reportAad } from './report-crypto.js';

/**
 * Report files in the upload folder: each file encrypted with its report's key under a random
 * name, its original name and media type encrypted in `report_files.meta`. Files are written
 * before the database transaction that records them; if that transaction fails, the caller
 * removes them ({@link discardStoredFiles}), and whatever a crash leaves behind is unreferenced
 * ciphertext that {@link sweepOrphanFiles} deletes at the next start.
 */
export interface NewReportFile {
  /** As given by the uploader (shown to readers, encrypted at rest). */
  readonly filename: string;
  /** Detected from content (never the browser's claim). */
  readonly mediaType: string;
  readonly data: Buffer;
  readonly uploadedBy: 'reporter' | 'handler';
  /** For files answering a `files` question of the questionnaire. */
  readonly questionId?: string;
}

/** A file written to disk and ready to be recorded with {@link insertStoredFiles}. */
export interface StoredFile {
  readonly id: string;
  readonly storageKey: string;
  readonly meta: Buffer;
  readonly sizeBytes: number;
  readonly uploadedBy: 'reporter' | 'handler';
  readonly questionId: string | undefined;
}

export interface FileMeta {
  readonly filename: string;
  readonly mediaType: string;
}

/** Encrypts and writes files (temporary name, then rename: a reader never sees half a file). */
export async function storeFiles(
  uploadDir: string,
  reportId: string,
  reportKey: Buffer,
  files: readonly NewReportFile[],
): Promise<StoredFile[]> {
  if (files.length === 0) return [];
  await mkdir(uploadDir, { recursive: true, mode: 0o700 });
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const id = randomUUID();
      const storageKey = randomToken(24);
      const target = path.join(uploadDir, storageKey);
      const temporary = `${target}.part`;
      await writeFile(temporary, encrypt(reportKey, file.data, reportAad.fileData(reportId, id)), {
        mode: 0o600,
      });
      await rename(temporary, target);
      stored.push({
        id,
        storageKey,
        meta: encryptJson(
          reportKey,
          // The extension of the detected type: a download never opens as something else.
          {
            filename: safeFilename(file.filename, file.mediaType),
            mediaType: file.mediaType,
          } satisfies FileMeta,
          reportAad.fileMeta(reportId, id),
        ),
        sizeBytes: file.data.length,
        uploadedBy: file.uploadedBy,
        questionId: file.questionId,
      });
    }
  } catch (error) {
    await discardStoredFiles(uploadDir, stored);
    throw error;
  }
  return stored;
}

/** Records written files in the caller's transaction. */
export async function insertStoredFiles(
  trx: Db,
  input: {
    readonly reportId: string;
    readonly messageId: string | null;
    readonly files: readonly StoredFile[];
    readonly now: Date;
  },
): Promise<void> {
  if (input.files.length === 0) return;
  await trx
    .insertInto('report_files')
    .values(
      input.files.map((f) => ({
        id: f.id,
        report_id: input.reportId,
        message_id: input.messageId,
        storage_key: f.storageKey,
        meta: f.meta,
        size_bytes: f.sizeBytes,
        uploaded_by: f.uploadedBy,
        created_at: input.now,
      })),
    )
    .execute();
}

/** Removes written files whose transaction did not commit (best effort; the sweep catches the rest). */
export async function discardStoredFiles(uploadDir: string, files: readonly StoredFile[]): Promise<void> {
  await Promise.all(
    files.map((f) => rm(path.join(uploadDir, f.storageKey), { force: true }).catch(() => {})),
  );
}

/** A file's decrypted name and media type. @throws CryptoError */
export function readFileMeta(reportKey: Buffer, reportId: string, fileId: string, meta: Buffer): FileMeta {
  return decryptJson<FileMeta>(reportKey, meta, reportAad.fileMeta(reportId, fileId));
}

/**
 * Reads and decrypts one file of a report. The caller has already decided that its user may
 * (access checks are not done here). Returns null for a file of another report or none.
 */
export async function readReportFile(
  db: Db,
  uploadDir: string,
  input: { readonly reportId: string; readonly fileId: string; readonly reportKey: Buffer },
): Promise<(FileMeta & { readonly data: Buffer }) | null> {
  const row = await db
    .selectFrom('report_files')
    .select(['id', 'storage_key', 'meta'])
    .where('id', '=', input.fileId)
    .where('report_id', '=', input.reportId)
    .executeTakeFirst();
  if (!row) return null;
  const meta = readFileMeta(input.reportKey, input.reportId, row.id, row.meta);
  const sealed = await readFile(path.join(uploadDir, row.storage_key));
  return { ...meta, data: decrypt(input.reportKey, sealed, reportAad.fileData(input.reportId, row.id)) };
}

/**
 * Deletes files in the upload folder that no `report_files` row names and that are older than
 * `graceMs` (a submission in flight has its files on disk before its row commits).
 * Returns how many were deleted.
 */
export async function sweepOrphanFiles(
  db: Db,
  uploadDir: string,
  now: Date,
  graceMs = 3_600_000,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(uploadDir);
  } catch {
    return 0;
  }
  let deleted = 0;
  for (const name of names) {
    const key = name.endsWith('.part') ? name.slice(0, -5) : name;
    const full = path.join(uploadDir, name);
    const info = await stat(full).catch(() => null);
    if (!info?.isFile() || now.getTime() - info.mtimeMs < graceMs) continue;
    const row = name.endsWith('.part')
      ? undefined
      : await db.selectFrom('report_files').select('id').where('storage_key', '=', key).executeTakeFirst();
    if (row) continue;
    await rm(full, { force: true });
    deleted++;
  }
  return deleted;
}

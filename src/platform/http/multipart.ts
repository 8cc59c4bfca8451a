import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { CSRF_FIELD, verifyCsrfToken } from './csrf.js';

/** One file of a multipart form, read into memory (limits below keep that bounded). */
export interface UploadedFile {
  readonly field: string;
  /** As the browser sent it; never trusted for anything but display (and encrypted then). */
  readonly filename: string;
  readonly data: Buffer;
}

export type MultipartProblem = 'too_many_files' | 'file_too_large' | 'too_many_fields' | 'malformed';

/**
 * A multipart form as read: its text fields (repeated names become arrays, like `formValues`)
 * and files. `problem` is set when a limit was hit; the fields read until then are kept so that a
 * form can be shown again with what was typed (put file inputs last in a form for that reason).
 */
export interface MultipartForm {
  readonly fields: Record<string, string | string[]>;
  readonly files: readonly UploadedFile[];
  readonly problem?: MultipartProblem;
}

export interface MultipartLimits {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
  /** Most text fields; default 300. */
  readonly maxFields?: number;
  /** Largest text field in bytes; default 100 kB. */
  readonly maxFieldBytes?: number;
}

/** Registers multipart parsing; routes read their forms with {@link readMultipartForm}. */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: { fieldNameSize: 100, headerPairs: 50 },
  });
}

const LIMIT_CODES: Readonly<Record<string, MultipartProblem>> = {
  FST_FILES_LIMIT: 'too_many_files',
  FST_REQ_FILE_TOO_LARGE: 'file_too_large',
  FST_FIELDS_LIMIT: 'too_many_fields',
  FST_PARTS_LIMIT: 'too_many_fields',
};

/**
 * Reads a `multipart/form-data` POST of a route declared with `config: { multipart: true }`.
 * The CSRF token must be the first part (render `CsrfField` first in the form): it is checked
 * before any file is read, so a forged request costs no more than its first part. Empty file
 * inputs (no file chosen) are skipped. Limits hit give a `problem`, never an exception; a
 * request that is not multipart at all, or a bad CSRF token, throws the usual AppError.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  limits: MultipartLimits,
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  // Uploads are read into memory: all posts in flight together stay within a budget, so that
  // many large posts at once cannot exhaust the process (they are told to retry shortly).
  const declared = Number(request.headers['content-length']);
  const reserve =
    Number.isSafeInteger(declared) && declared > 0
      ? Math.min(declared, worstCase(limits))
      : worstCase(limits);
  if (inFlightBytes + reserve > IN_FLIGHT_BUDGET_BYTES) {
    throw new AppError('too_many_requests', { retryAfterSeconds: 10 });
  }
  inFlightBytes += reserve;
  try {
    return await readParts(request, limits);
  } finally {
    inFlightBytes -= reserve;
  }
}

/** Bytes of multipart bodies being read now, by reservation (see readMultipartForm). */
let inFlightBytes = 0;
/** At most this much multipart data is read into memory at once, in all requests together. */
export const IN_FLIGHT_BUDGET_BYTES = 768 * 1024 * 1024;

function worstCase(limits: MultipartLimits): number {
  return (
    (limits.maxFiles + 1) * limits.maxFileBytes +
    (limits.maxFields ?? 300) * (limits.maxFieldBytes ?? 100_000)
  );
}

async function readParts(request: FastifyRequest, limits: MultipartLimits): Promise<MultipartForm> {
  const fields: Record<string, string | string[]> = {};
  const files: UploadedFile[] = [];
  let csrfChecked = false;
  try {
    const parts = request.parts({
      limits: {
        // One more than allowed, so that "too many" is told apart from "exactly the limit".
        files: limits.maxFiles + 1,
        fileSize: limits.maxFileBytes,
        fields: limits.maxFields ?? 300,
        fieldSize: limits.maxFieldBytes ?? 100_000,
        parts: (limits.maxFields ?? 300) + limits.maxFiles + 1,
      },
    });
    for await (const part of parts) {
      if (!csrfChecked) {
        if (part.type !== 'field' || part.fieldname !== CSRF_FIELD || typeof part.value !== 'string') {
          throw new AppError('csrf_invalid');
        }
        verifyCsrfToken(request, part.value);
        csrfChecked = true;
        continue;
      }
      if (part.type === 'field') {
        if (typeof part.value !== 'string') continue;
        const existing = fields[part.fieldname];
        if (existing === undefined) fields[part.fieldname] = part.value;
        else if (Array.isArray(existing)) existing.push(part.value);
        else fields[part.fieldname] = [existing, part.value];
        continue;
      }
      const data = await part.toBuffer();
      if (part.filename === '' && data.length === 0) continue;
      if (files.length >= limits.maxFiles) return { fields, files, problem: 'too_many_files' };
      files.push({ field: part.fieldname, filename: part.filename, data });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A body that breaks before its token was read is refused like any post without one.
    if (!csrfChecked) throw new AppError('csrf_invalid');
    const code = (error as { code?: string }).code;
    const problem = (code && LIMIT_CODES[code]) || 'malformed';
    return { fields, files, problem };
  }
  if (!csrfChecked) throw new AppError('csrf_invalid');
  return { fields, files };
}

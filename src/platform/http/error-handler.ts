import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, errorStatus, isAppError } from '../errors.js';
import { ErrorPage } from '../ui/error-page.js';
import { translator } from '../ui/i18n/catalogue.js';
import { defaultLocale } from '../ui/i18n/define.js';
import { pageContext } from '../ui/page-context.js';
import { sendPage } from '../ui/render.js';

/** Fastify's own error codes that are the client's fault, with the code we answer. */
const fastifyClientErrors: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'bad_request',
};

/**
 * PostgreSQL's codes for text it cannot store: `22021` (a NUL byte in text) and `22P05` (a `\u0000`
 * in jsonb). In practice a NUL typed into a form or query string (`%00`); anyone can send one to
 * any field, so it is the client's fault (400), not a bug (500).
 */
const PG_UNSTORABLE_TEXT: ReadonlySet<unknown> = new Set(['22021', '22P05']);

/** Turns any error into an AppError: known client errors keep their meaning, the rest is `internal`. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (PG_UNSTORABLE_TEXT.has((error as { code?: unknown } | null)?.code)) return new AppError('bad_request');
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? fastifyClientErrors[fastifyError.code] : undefined;
  if (mapped) return new AppError(mapped);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(
      status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request',
    );
  }
  return new AppError('internal');
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/health';
}

/**
 * One place where errors become answers: HTML pages in the visitor's language, or
 * `{ error: { code, message } }` for JSON routes. Unknown errors are logged with the request id;
 * no stack trace reaches anyone.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') {
      request.log.error({ err: error }, 'unhandled error');
    } else if (appError.status >= 500) {
      request.log.warn({ code: appError.code }, 'service error');
    }
    return sendError(request, reply, appError);
  });

  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, new AppError('not_found')));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  // Hooks that set these may not have run (an error in onRequest, a body the parser refused).
  request.t ??= translator(request.locale ?? defaultLocale);
  if (error.code === 'too_many_requests' && typeof error.details?.retryAfterSeconds === 'number') {
    reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  if (error.code === 'not_authenticated' && !wantsJson(request) && request.method === 'GET') {
    const pending = request.auth && request.auth.stage !== 'active';
    const target = pending
      ? request.auth?.stage === 'enrol'
        ? '/login/enrol'
        : '/login/second-factor'
      : `/login?next=${encodeURIComponent(request.url)}`;
    return reply.redirect(target, 303);
  }
  const status = errorStatus[error.code];
  if (wantsJson(request)) {
    return reply
      .status(status)
      .send({ error: { code: error.code, message: request.t(`error.${error.code}`) } });
  }
  return sendPage(
    reply,
    ErrorPage({ page: pageContext(request), status, message: `error.${error.code}`, requestId: request.id }),
    status,
  );
}

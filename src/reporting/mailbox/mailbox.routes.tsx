import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { rotateCsrf } from '../../platform/http/csrf.js';
import { type FieldErrors, fieldValue, formValues } from '../../platform/http/forms.js';
import { type MultipartProblem, readMultipartForm } from '../../platform/http/multipart.js';
import { RateLimiter } from '../../platform/http/rate-limit.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { attachmentDisposition, displayFilename, safeFilename, safeMediaType } from '../files/file-names.js';
import { inspectUpload, STRIPPABLE_IMAGE_TYPES, stripImageMetadata } from '../files/inspect-upload.js';
import { parseReceipt } from '../receipt.js';
import { openWithReceipt } from '../report-crypto.js';
import type { NewReportFile } from '../report-files.js';
import {
  answerMinutes,
  downloadMailboxFile,
  enterMailbox,
  loadMailbox,
  type MailboxContext,
  type OpenReceipt,
  sendReporterMessage,
} from './mailbox.service.js';
import {
  isEntryNotice,
  isMailboxNotice,
  MAILBOX_PATHS,
  MAX_REPORTER_TEXT,
  MailboxPage,
  type MinutesFormState,
  ReceiptPage,
  type ReplyFormState,
} from './mailbox.views.js';
import { ReceiptThrottle } from './receipt-throttle.js';
import {
  REPORTER_SESSION_COOKIE,
  type ReporterLease,
  ReporterSessions,
  releaseLease,
} from './reporter-sessions.js';

/**
 * The in-memory state of the reporters' mailbox in this app instance. `throttle`, `replies` and
 * `openReceipt` may be replaced by tests (smaller limits, a counting wrapper).
 */
export interface MailboxState {
  readonly sessions: ReporterSessions;
  throttle: ReceiptThrottle;
  /** Reporter messages per report per 15 minutes (a flood would mail every handler each time). */
  replies: RateLimiter;
  openReceipt: OpenReceipt;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The reporters' sessions and throttles (src/reporting/mailbox), in memory only. */
    readonly reporterMailbox: MailboxState;
  }
}

/** Reporter messages allowed per report per window. */
const REPLIES_PER_WINDOW = 20;
const REPLY_WINDOW_MS = 15 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Reporter routes: open to anyone, and nothing about the client is logged or stored.
const reporterRoute = { access: 'public', anonymous: true } as const;

/**
 * The reporter's mailbox ("Mijn melding opvolgen"): `/report/follow-up` (receipt form), its
 * mailbox, answering with files, minutes, file downloads and logging out. Works without
 * JavaScript; every answer is `Cache-Control: no-store`.
 */
export function registerMailboxRoutes(app: FastifyInstance): void {
  const state: MailboxState = {
    sessions: new ReporterSessions(),
    throttle: new ReceiptThrottle(),
    replies: new RateLimiter({ limit: REPLIES_PER_WINDOW, windowMs: REPLY_WINDOW_MS }),
    openReceipt: openWithReceipt,
  };
  app.decorate('reporterMailbox', state);
  const sweep = setInterval(() => state.sessions.sweep(app.deps.clock.now().getTime()), 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    state.sessions.clear();
  });

  app.get(MAILBOX_PATHS.entry, { config: reporterRoute }, async (request, reply) => {
    noStore(reply);
    const lease = currentLease(request);
    if (lease) {
      releaseLease(lease);
      return reply.redirect(MAILBOX_PATHS.mailbox, 303);
    }
    const query = request.query as Record<string, unknown> | undefined;
    const hadSession = request.cookies[REPORTER_SESSION_COOKIE] !== undefined;
    if (hadSession) clearSessionCookie(reply);
    const notice = isEntryNotice(query?.notice) ? query.notice : hadSession ? 'session_ended' : undefined;
    return sendPage(reply, <ReceiptPage page={pageContext(request)} notice={notice} />);
  });

  app.post(MAILBOX_PATHS.entry, { config: reporterRoute }, async (request, reply) => {
    noStore(reply);
    const typed = fieldValue(formValues(request.body), 'receipt');
    const refuse = (error: MessageKey, status = 422) =>
      sendPage(
        reply,
        <ReceiptPage page={pageContext(request)} receipt={typed} errors={{ receipt: error }} />,
        status,
      );
    if (typed.trim() === '') return refuse('mailbox.receipt.error_required');
    const receipt = parseReceipt(typed);
    if (!receipt) return refuse('mailbox.receipt.error_format');
    const nowMs = app.deps.clock.now().getTime();
    const decision = state.throttle.attempt(request.ip, nowMs);
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendPage(
        reply,
        <ReceiptPage
          page={pageContext(request)}
          receipt={typed}
          throttled={{
            until: new Date(nowMs + decision.retryAfterSeconds * 1000),
            minutes: Math.max(1, Math.ceil(decision.retryAfterSeconds / 60)),
          }}
        />,
        429,
      );
    }
    const opened = await enterMailbox(mailboxContext(request), receipt, state.openReceipt);
    if (!opened) return refuse('mailbox.receipt.error_not_found');
    state.throttle.succeeded(request.ip, nowMs);
    // A new session replaces any the browser held; the CSRF cookie is renewed with it.
    state.sessions.end(request.cookies[REPORTER_SESSION_COOKIE]);
    const token = state.sessions.open(opened.reportId, opened.reportKey, nowMs);
    reply.setCookie(REPORTER_SESSION_COOKIE, token, sessionCookieOptions(app));
    rotateCsrf(request, reply);
    return reply.redirect(MAILBOX_PATHS.mailbox, 303);
  });

  app.get(MAILBOX_PATHS.mailbox, { config: reporterRoute }, async (request, reply) => {
    noStore(reply);
    const lease = currentLease(request);
    if (!lease) return sessionEnded(request, reply);
    return withLease(lease, async () => {
      const query = request.query as Record<string, unknown> | undefined;
      const notice = isMailboxNotice(query?.notice) ? query.notice : undefined;
      return renderMailbox(request, reply, lease, { notice });
    });
  });

  app.post(
    MAILBOX_PATHS.mailbox,
    { config: { ...reporterRoute, multipart: true } },
    async (request, reply) => {
      noStore(reply);
      const { config } = app.deps;
      const lease = currentLease(request);
      if (!lease) {
        // Without a session no file is read: only the text fields before them, to give the text back.
        const partial = await readMultipartForm(request, { maxFiles: 0, maxFileBytes: 1, maxFields: 10 });
        return sessionEnded(request, reply, fieldValue(partial.fields, 'message'));
      }
      return withLease(lease, async () => {
        const form = await readMultipartForm(request, {
          maxFiles: config.reporting.maxFiles,
          maxFileBytes: config.reporting.maxFileBytes,
          maxFields: 10,
        });
        const message = fieldValue(form.fields, 'message');
        const strip = fieldValue(form.fields, 'strip_metadata') === 'yes';
        const refuse = (errors: FieldErrors, status = 422, warning?: MessageKey) =>
          renderMailbox(request, reply, lease, { reply: { message, strip, errors }, warning }, status);
        if (form.problem) return refuse({ [problemField(form.problem)]: problemMessage(form.problem) });
        const text = checkText(message);
        if (text.error) return refuse({ message: text.error });
        const files: Omit<NewReportFile, 'uploadedBy'>[] = [];
        for (const upload of form.files) {
          const inspection = inspectUpload(upload.filename, upload.data);
          if (!inspection.ok) return refuse({ files: fileProblem(inspection.reason) });
          const data =
            strip && STRIPPABLE_IMAGE_TYPES.has(inspection.mediaType)
              ? stripImageMetadata(upload.data, inspection.mediaType)
              : upload.data;
          files.push({ filename: displayFilename(upload.filename), mediaType: inspection.mediaType, data });
        }
        if (text.value === null && files.length === 0)
          return refuse({ message: 'mailbox.reply.error_empty' });
        const nowMs = app.deps.clock.now().getTime();
        if (!state.replies.hit(lease.reportId, nowMs).allowed) {
          return refuse({}, 429, 'mailbox.reply.error_throttled');
        }
        const outcome = await sendReporterMessage(mailboxContext(request), lease, {
          text: text.value,
          files,
        });
        if (!outcome.ok) return refuse({}, 409, 'mailbox.reply.closed');
        return reply.redirect(`${MAILBOX_PATHS.mailbox}?notice=sent`, 303);
      });
    },
  );

  // The URL of a minutes form, opened directly (say after switching language): the mailbox.
  app.get<{ Params: { id: string } }>(
    '/report/follow-up/minutes/:id',
    { config: reporterRoute },
    async (_r, reply) => reply.redirect(MAILBOX_PATHS.mailbox, 303),
  );

  app.post<{ Params: { id: string } }>(
    '/report/follow-up/minutes/:id',
    { config: reporterRoute },
    async (request, reply) => {
      noStore(reply);
      const values = formValues(request.body);
      const answer = fieldValue(values, 'answer');
      const corrections = fieldValue(values, 'corrections');
      const lease = currentLease(request);
      if (!lease) return sessionEnded(request, reply, corrections);
      return withLease(lease, async () => {
        const minutesId = request.params.id;
        if (!UUID.test(minutesId)) throw new AppError('not_found');
        if (answer !== 'sign' && answer !== 'corrections') throw new AppError('bad_request');
        const ctx = mailboxContext(request);
        const current = await ctx.db
          .selectFrom('report_minutes')
          .select('status')
          .where('id', '=', minutesId)
          .where('report_id', '=', lease.reportId)
          .executeTakeFirst();
        if (!current) throw new AppError('not_found');
        const alreadyAnswered = () =>
          renderMailbox(request, reply, lease, { warning: 'mailbox.minutes.already_answered' }, 409);
        if (current.status !== 'awaiting_signature') return alreadyAnswered();
        const refuse = (errors: FieldErrors) => {
          const minutesForm: MinutesFormState = { minutesId, corrections, errors };
          return renderMailbox(request, reply, lease, { minutesForm }, 422);
        };
        let outcome: Awaited<ReturnType<typeof answerMinutes>>;
        if (answer === 'sign') {
          if (fieldValue(values, 'confirm') !== 'yes')
            return refuse({ confirm: 'mailbox.minutes.confirm_required' });
          outcome = await answerMinutes(ctx, lease, minutesId, { kind: 'sign' });
        } else {
          const text = checkText(corrections);
          if (text.error === 'mailbox.reply.error_too_long') {
            return refuse({ corrections: 'mailbox.minutes.corrections_too_long' });
          }
          if (text.error) return refuse({ corrections: text.error });
          if (text.value === null) return refuse({ corrections: 'mailbox.minutes.corrections_required' });
          outcome = await answerMinutes(ctx, lease, minutesId, { kind: 'corrections', text: text.value });
        }
        if (outcome === 'not_found') throw new AppError('not_found');
        if (outcome === 'already_answered') return alreadyAnswered();
        const notice = answer === 'sign' ? 'signed' : 'corrections';
        return reply.redirect(`${MAILBOX_PATHS.mailbox}?notice=${notice}`, 303);
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/report/follow-up/files/:id',
    { config: reporterRoute },
    async (request, reply) => {
      noStore(reply);
      const lease = currentLease(request);
      if (!lease) return sessionEnded(request, reply);
      return withLease(lease, async () => {
        if (!UUID.test(request.params.id)) throw new AppError('not_found');
        const file = await downloadMailboxFile(mailboxContext(request), lease, request.params.id);
        if (!file) throw new AppError('not_found');
        // The name fitted to the type also for files stored before that was done (file-names.ts).
        const filename = safeFilename(file.filename, file.mediaType);
        return reply
          .header('content-type', safeMediaType(file.mediaType))
          .header('content-disposition', attachmentDisposition(filename))
          .header('x-content-type-options', 'nosniff')
          .send(file.data);
      });
    },
  );

  app.get(MAILBOX_PATHS.logout, { config: reporterRoute }, async (_request, reply) =>
    reply.redirect(MAILBOX_PATHS.entry, 303),
  );

  app.post(MAILBOX_PATHS.logout, { config: reporterRoute }, async (request, reply) => {
    noStore(reply);
    state.sessions.end(request.cookies[REPORTER_SESSION_COOKIE]);
    clearSessionCookie(reply);
    rotateCsrf(request, reply);
    return reply.redirect(`${MAILBOX_PATHS.entry}?notice=logged_out`, 303);
  });
}

/**
 * Runs `work` and then zeroes the lease's copy of the report key — after `work` has settled, so a
 * page still being rendered never meets a zeroed key.
 */
async function withLease<T>(lease: ReporterLease, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    releaseLease(lease);
  }
}

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

function mailboxContext(request: FastifyRequest): MailboxContext {
  const { deps } = request.server;
  return { db: deps.database.db, config: deps.config, now: deps.clock.now() };
}

function currentLease(request: FastifyRequest): ReporterLease | null {
  return request.server.reporterMailbox.sessions.get(
    request.cookies[REPORTER_SESSION_COOKIE],
    request.server.deps.clock.now().getTime(),
  );
}

function sessionCookieOptions(app: FastifyInstance) {
  // Session-only (no Max-Age, no Expires): gone when the browser closes. Strict: never sent
  // along from another site, not even on a link.
  return {
    path: MAILBOX_PATHS.entry,
    httpOnly: true,
    sameSite: 'strict',
    secure: app.deps.config.cookieSecure,
  } as const;
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(REPORTER_SESSION_COOKIE, sessionCookieOptions(reply.server));
}

/**
 * A mailbox request without a (live) session: a GET goes to the receipt form, which says the
 * session ended; a POST shows that form at once, with any text that was not sent (401).
 */
function sessionEnded(request: FastifyRequest, reply: FastifyReply, unsentText?: string): FastifyReply {
  if (request.cookies[REPORTER_SESSION_COOKIE] !== undefined) clearSessionCookie(reply);
  if (request.method === 'GET') return reply.redirect(`${MAILBOX_PATHS.entry}?notice=session_ended`, 303);
  return sendPage(
    reply,
    <ReceiptPage
      page={pageContext(request)}
      notice="session_ended"
      unsentText={unsentText?.slice(0, MAX_REPORTER_TEXT) || undefined}
    />,
    401,
  );
}

async function renderMailbox(
  request: FastifyRequest,
  reply: FastifyReply,
  lease: ReporterLease,
  options: {
    readonly notice?: 'sent' | 'signed' | 'corrections' | undefined;
    readonly warning?: MessageKey | undefined;
    readonly reply?: ReplyFormState | undefined;
    readonly minutesForm?: MinutesFormState | undefined;
  },
  status = 200,
): Promise<FastifyReply> {
  const { deps } = request.server;
  const view = await loadMailbox(deps.database.db, lease, deps.clock.now());
  return sendPage(
    reply,
    <MailboxPage
      page={pageContext(request)}
      view={view}
      limits={{ maxFiles: deps.config.reporting.maxFiles, maxFileBytes: deps.config.reporting.maxFileBytes }}
      notice={options.notice}
      warning={options.warning}
      reply={options.reply}
      minutesForm={options.minutesForm}
    />,
    status,
  );
}

// Control characters other than tab and line breaks cannot be meant, and NUL cannot be stored.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A reporter's text, trimmed, with `\r\n` as `\n`; null when empty. */
function checkText(raw: string): { readonly value: string | null; readonly error?: MessageKey } {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (CONTROL_CHARACTERS.test(text)) return { value: null, error: 'mailbox.reply.error_characters' };
  if (text.length > MAX_REPORTER_TEXT) return { value: null, error: 'mailbox.reply.error_too_long' };
  return { value: text === '' ? null : text };
}

function problemField(problem: MultipartProblem): string {
  return problem === 'too_many_fields' || problem === 'malformed' ? 'message' : 'files';
}

function problemMessage(problem: MultipartProblem): MessageKey {
  switch (problem) {
    case 'too_many_files':
      return 'mailbox.reply.error_too_many_files';
    case 'file_too_large':
      return 'mailbox.reply.error_file_too_large';
    case 'too_many_fields':
    case 'malformed':
      return 'mailbox.reply.error_malformed';
    default: {
      const never: never = problem;
      return never;
    }
  }
}

function fileProblem(reason: 'empty' | 'executable' | 'type_not_accepted'): MessageKey {
  switch (reason) {
    case 'empty':
      return 'mailbox.reply.error_file_empty';
    case 'executable':
      return 'mailbox.reply.error_file_executable';
    case 'type_not_accepted':
      return 'mailbox.reply.error_file_type';
    default: {
      const never: never = reason;
      return never;
    }
  }
}

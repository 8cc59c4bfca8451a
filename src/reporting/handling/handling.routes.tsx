import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RECIPIENT_ROLES } from '../../identity/role.js';
import { CryptoError } from '../../platform/crypto/envelope.js';
import type { ReportRow } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../../platform/http/forms.js';
import { readMultipartForm } from '../../platform/http/multipart.js';
import { serviceContext } from '../../platform/http/service-context.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { attachmentDisposition, safeFilename, safeMediaType } from '../files/file-names.js';
import { inspectUpload, STRIPPABLE_IMAGE_TYPES, stripImageMetadata } from '../files/inspect-upload.js';
import type { UnlockedKeys } from '../keys/keyring.js';
import { NOT_ACKNOWLEDGED_REASONS } from '../report-clock.js';
import type { NewReportFile } from '../report-files.js';
import { FormOnce } from './form-once.js';
import {
  DEFAULT_INBOX_SORT,
  HANDLING_LIMITS,
  INBOX_SORTS,
  type InboxQuery,
  isUuid,
  REPORT_STATUSES,
} from './handling.js';
import {
  acknowledgeReport,
  addMinutes,
  downloadReportFile,
  forwardReport,
  grantReportAccess,
  type HandlerContext,
  listInboxForHandler,
  type OpenedReport,
  openReport,
  oralReportOptions,
  readReportDetails,
  recordNotAcknowledged,
  recordReportOpened,
  recuseFromReport,
  registerOralReport,
  revealIdentity,
  sendHandlerMessage,
} from './handling.service.js';
import {
  AccessPendingPage,
  type FormValues,
  InboxPage,
  inboxNotices,
  OralChannelPage,
  OralReceiptPage,
  OralReportPage,
  RecuseConfirmPage,
  type ReportForm,
  ReportPage,
  type ReportPageState,
  reportNotices,
  UnreadablePage,
} from './handling.views.js';

const recipientsOnly = { config: { access: RECIPIENT_ROLES } } as const;
const recipientsMultipart = { config: { access: RECIPIENT_ROLES, multipart: true } } as const;

type IdParams = { Params: { id: string } };

// ——— Input schemas (messages are catalogue keys) ———

const noNul = (s: string) => !s.includes('\u0000');

/** A required text of at most `max` characters, without NUL bytes. */
function requiredText(max: number, required: MessageKey, tooLong: MessageKey) {
  return z
    .string(required)
    .trim()
    .min(1, required)
    .max(max, tooLong)
    .refine(noNul, 'handling.error.bad_characters');
}

const InboxQuerySchema = z.object({
  status: z.enum(REPORT_STATUSES).optional().catch(undefined),
  channel: z.string().refine(isUuid).optional().catch(undefined),
  overdue: z
    .union([z.literal('1'), z.array(z.string())])
    .optional()
    .transform((v) => v !== undefined)
    .catch(false),
  sort: z.enum(INBOX_SORTS).catch(DEFAULT_INBOX_SORT.sort),
  dir: z.enum(['asc', 'desc']).catch(DEFAULT_INBOX_SORT.direction),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  done: z
    .enum(Object.keys(inboxNotices) as [keyof typeof inboxNotices])
    .optional()
    .catch(undefined),
});

const ReportQuerySchema = z.object({
  done: z
    .enum(Object.keys(reportNotices) as [keyof typeof reportNotices])
    .optional()
    .catch(undefined),
});

const AcknowledgeSchema = z.object({
  ack_text: requiredText(
    HANDLING_LIMITS.message,
    'handling.error.ack_text_required',
    'handling.error.too_long',
  ),
});

const NotAcknowledgedSchema = z
  .object({
    reason: z.enum(NOT_ACKNOWLEDGED_REASONS, 'handling.error.reason_required'),
    not_ack_text: z
      .string('handling.error.not_ack_text_required')
      .trim()
      .max(HANDLING_LIMITS.message, 'handling.error.too_long')
      .refine(noNul, 'handling.error.bad_characters')
      .default(''),
  })
  .superRefine((v, ctx) => {
    // Only this reason sends the text to the reporter; it then must say something.
    if (v.reason === 'already_closed' && v.not_ack_text === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['not_ack_text'],
        message: 'handling.error.not_ack_text_required',
      });
    }
  });

const MessageSchema = z.object({
  form_id: z.string().max(100).default(''),
  message_text: requiredText(
    HANDLING_LIMITS.message,
    'handling.error.message_required',
    'handling.error.too_long',
  ),
  strip_metadata: z.union([z.string(), z.array(z.string())]).optional(),
});

const MinutesSchema = z.object({
  form_id: z.string().max(100).default(''),
  minutes_text: requiredText(
    HANDLING_LIMITS.minutes,
    'handling.error.minutes_required',
    'handling.error.too_long',
  ),
});

const ForwardSchema = z.object({
  channel: z.string('handling.error.channel_required').refine(isUuid, 'handling.error.channel_required'),
});

const GrantSchema = z.object({
  user: z.string('handling.refusal.grant_not_entitled').refine(isUuid, 'handling.refusal.grant_not_entitled'),
});

const RevealSchema = z.object({
  reveal_reason: z
    .string('handling.error.reveal_reason_required')
    .trim()
    .min(10, 'handling.error.reveal_reason_required')
    .max(HANDLING_LIMITS.revealReason, 'handling.error.too_long')
    .refine(noNul, 'handling.error.bad_characters'),
});

const uuidOrEmpty = z
  .string('handling.error.bad_choice')
  .refine((v) => v === '' || isUuid(v), 'handling.error.bad_choice')
  .default('');

const OralSchema = z
  .object({
    form_id: z.string().max(100).default(''),
    channel: z.string('handling.error.channel_required').refine(isUuid, 'handling.error.channel_required'),
    category: uuidOrEmpty,
    identity_mode: z.enum(['anonymous', 'confidential', 'named'], 'handling.error.identity_mode_required'),
    identity_name: z
      .string('handling.error.bad_choice')
      .trim()
      .max(HANDLING_LIMITS.name, 'handling.error.too_long')
      .refine(noNul, 'handling.error.bad_characters')
      .default(''),
    identity_contact: z
      .string('handling.error.bad_choice')
      .trim()
      .max(HANDLING_LIMITS.contact, 'handling.error.too_long')
      .refine(noNul, 'handling.error.bad_characters')
      .default(''),
    notify_address: z
      .string('handling.error.notify_invalid')
      .trim()
      .max(HANDLING_LIMITS.email, 'handling.error.notify_invalid')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'handling.error.notify_invalid')
      .default(''),
    excluded: z
      .union([z.string(), z.array(z.string()).max(200)], 'handling.error.bad_choice')
      .transform((v) => (typeof v === 'string' ? [v] : v))
      .refine((v) => v.every(isUuid), 'handling.error.bad_choice')
      .default([]),
    summary: requiredText(
      HANDLING_LIMITS.message,
      'handling.error.summary_required',
      'handling.error.too_long',
    ),
    minutes: requiredText(
      HANDLING_LIMITS.minutes,
      'handling.error.minutes_required',
      'handling.error.too_long',
    ),
  })
  .superRefine((v, ctx) => {
    if (v.identity_mode === 'anonymous') {
      if (v.identity_name !== '' || v.identity_contact !== '') {
        ctx.addIssue({
          code: 'custom',
          path: ['identity_name'],
          message: 'handling.error.anonymous_identity',
        });
      }
    } else if (v.identity_name === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['identity_name'],
        message: 'handling.error.identity_name_required',
      });
    }
  });

const OralQuerySchema = z.object({
  channel: z.string().max(100).optional().catch(undefined),
});

// ——— Helpers ———

const formOnces = new WeakMap<FastifyInstance, FormOnce>();
function formOnce(app: FastifyInstance): FormOnce {
  let once = formOnces.get(app);
  if (!once) {
    once = new FormOnce();
    formOnces.set(app, once);
  }
  return once;
}

function handlerContext(request: FastifyRequest): HandlerContext {
  const ctx = serviceContext(request);
  if (!ctx.auth) throw new AppError('not_authenticated');
  return ctx as HandlerContext;
}

/** The signed-in recipient's unlocked keys, or null when locked (or not theirs). */
function keysOf(request: FastifyRequest): UnlockedKeys | null {
  const auth = request.auth;
  if (!auth) return null;
  const keys = request.server.keyring.get(auth.sessionIdHash, request.server.deps.clock.now().getTime());
  return keys && keys.userId === auth.userId ? keys : null;
}

function unlockRedirect(reply: FastifyReply, next: string): FastifyReply {
  return reply.redirect(`/account/keys/unlock?next=${encodeURIComponent(next)}`, 303);
}

function showUnreadable(request: FastifyRequest, reply: FastifyReply, reportId: string): FastifyReply {
  // Nothing of the report is logged: only that one did not decrypt for this request.
  request.log.warn({ reportId }, 'a report did not decrypt');
  return sendPage(reply, <UnreadablePage page={pageContext(request)} requestId={request.id} />, 500);
}

/**
 * The common start of every report route: a malformed or foreign id is 404 (the same answer as
 * an unknown one); locked keys lead to the unlock page and back; an entitled user without a seal
 * sees that they have no access yet (unless the route handles that: `onPending`, for recusal);
 * a report that does not decrypt gets a clear page.
 */
async function withReport(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  work: (ctx: HandlerContext, report: OpenedReport) => Promise<FastifyReply>,
  onPending?: (ctx: HandlerContext, row: ReportRow) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  if (!isUuid(id)) throw new AppError('not_found');
  const ctx = handlerContext(request);
  try {
    const opening = await openReport(ctx, keysOf(request), id);
    switch (opening.kind) {
      case 'locked':
        return unlockRedirect(reply, request.method === 'GET' ? request.url : `/handling/reports/${id}`);
      case 'pending':
        if (onPending) return await onPending(ctx, opening.row);
        return sendPage(
          reply,
          <AccessPendingPage
            page={pageContext(request)}
            reportId={opening.row.id}
            reference={opening.row.reference}
          />,
          request.method === 'GET' ? 200 : 409,
        );
      case 'opened':
        return await work(ctx, opening.report);
      default: {
        const unreachable: never = opening;
        return unreachable;
      }
    }
  } catch (error) {
    if (error instanceof CryptoError) return showUnreadable(request, reply, id);
    throw error;
  }
}

async function showReport(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: HandlerContext,
  report: OpenedReport,
  state: ReportPageState,
  status: number,
): Promise<FastifyReply> {
  const details = await readReportDetails(ctx, report);
  return sendPage(reply, <ReportPage page={pageContext(request)} details={details} state={state} />, status);
}

function showFormErrors(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: HandlerContext,
  report: OpenedReport,
  form: ReportForm,
  errors: FieldErrors,
  values: FormValues,
): Promise<FastifyReply> {
  return showReport(request, reply, ctx, report, { form, errors, values }, 422);
}

/** Refusals of a whole action, by `AppError.details.reason`. */
const refusals: Readonly<Record<string, MessageKey>> = {
  already_acknowledged: 'handling.refusal.already_acknowledged',
  already_recorded: 'handling.refusal.already_recorded',
  not_confidential: 'handling.refusal.not_confidential',
  changed: 'handling.refusal.changed',
  no_keys: 'handling.refusal.no_keys',
  last_reader: 'handling.refusal.last_reader',
  channel_unavailable: 'handling.refusal.channel_unavailable',
  same_channel: 'handling.refusal.same_channel',
  replayed: 'handling.refusal.replayed',
  grant_not_entitled: 'handling.refusal.grant_not_entitled',
  grant_no_keys: 'handling.refusal.grant_no_keys',
  grant_already: 'handling.refusal.grant_already',
};

function refusalOf(error: unknown): MessageKey | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code !== 'conflict' && error.code !== 'validation_failed') return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? refusals[reason] : undefined;
}

/** Runs an action; a refusal shows the report again with its message (409), nothing changed. */
async function runAction(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: HandlerContext,
  report: OpenedReport,
  action: () => Promise<string>,
): Promise<FastifyReply> {
  let target: string;
  try {
    target = await action();
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    // The report may have changed (acknowledged by a colleague): show it as it is now. If it can
    // no longer be opened at all (forwarded away meanwhile), the inbox is the honest answer.
    const fresh = await openReport(ctx, keysOf(request), report.row.id).catch((reopenError: unknown) => {
      if (reopenError instanceof AppError && reopenError.code === 'not_found') return undefined;
      throw reopenError;
    });
    if (fresh?.kind !== 'opened') return reply.redirect('/handling', 303);
    return showReport(request, reply, ctx, fresh.report, { refusal }, 409);
  }
  return reply.redirect(target, 303);
}

/** A name as shown and stored: the last path segment, no control characters, bounded. */
function cleanFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.slice(0, 200) || 'file';
}

const uploadProblems: Readonly<Record<string, MessageKey>> = {
  too_many_files: 'handling.error.too_many_files',
  file_too_large: 'handling.error.file_too_large',
  too_many_fields: 'handling.error.upload_failed',
  malformed: 'handling.error.upload_failed',
  empty: 'handling.error.file_empty',
  executable: 'handling.error.file_executable',
  type_not_accepted: 'handling.error.file_type',
};

// ——— Routes ———

/** The handler's side (`/handling…`): inbox, a report and its actions, oral reports. */
export function registerHandlingRoutes(app: FastifyInstance): void {
  app.get('/handling', recipientsOnly, async (request, reply) => {
    const ctx = handlerContext(request);
    const parsed = InboxQuerySchema.parse(request.query ?? {});
    const query: InboxQuery = {
      status: parsed.status,
      channelId: parsed.channel,
      overdueOnly: parsed.overdue,
      sort: parsed.sort,
      direction: parsed.dir,
      page: parsed.page,
    };
    const result = await listInboxForHandler(ctx, query);
    return sendPage(
      reply,
      <InboxPage page={pageContext(request)} query={query} result={result} notice={parsed.done} />,
    );
  });

  app.get<IdParams>('/handling/reports/:id', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      await recordReportOpened(ctx, report);
      const query = ReportQuerySchema.parse(request.query ?? {});
      return showReport(request, reply, ctx, report, { notice: query.done }, 200);
    }),
  );

  app.post<IdParams>('/handling/reports/:id/acknowledge', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(AcknowledgeSchema, request.body);
      if (!form.ok)
        return showFormErrors(request, reply, ctx, report, 'acknowledge', form.errors, form.values);
      return runAction(request, reply, ctx, report, async () => {
        await acknowledgeReport(ctx, report, { text: form.data.ack_text });
        return `/handling/reports/${report.row.id}?done=acknowledged`;
      });
    }),
  );

  app.post<IdParams>('/handling/reports/:id/not-acknowledged', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(NotAcknowledgedSchema, request.body);
      if (!form.ok) {
        return showFormErrors(request, reply, ctx, report, 'not_acknowledged', form.errors, form.values);
      }
      return runAction(request, reply, ctx, report, async () => {
        const { reporterTold } = await recordNotAcknowledged(ctx, report, {
          reason: form.data.reason,
          text: form.data.not_ack_text,
        });
        return `/handling/reports/${report.row.id}?done=${reporterTold ? 'not_acknowledged_told' : 'not_acknowledged'}`;
      });
    }),
  );

  app.post<IdParams>('/handling/reports/:id/messages', recipientsMultipart, async (request, reply) => {
    const { config } = request.server.deps;
    // The body is read before anything else: its CSRF token is checked on the way.
    const body = await readMultipartForm(request, {
      maxFiles: config.reporting.maxFiles,
      maxFileBytes: config.reporting.maxFileBytes,
      maxFieldBytes: HANDLING_LIMITS.message * 4 + 1000,
    });
    return withReport(request, reply, request.params.id, async (ctx, report) => {
      const values = formValues(body.fields);
      const form = parseForm(MessageSchema, body.fields);
      const errors: Record<string, MessageKey> = form.ok ? {} : { ...form.errors };
      if (body.problem) errors.files = uploadProblems[body.problem] ?? 'handling.error.upload_failed';
      const strip = form.ok && form.data.strip_metadata !== undefined;
      const files: NewReportFile[] = [];
      if (!errors.files) {
        for (const file of body.files) {
          const filename = cleanFilename(file.filename);
          const inspection = inspectUpload(filename, file.data);
          if (!inspection.ok) {
            errors.files = uploadProblems[inspection.reason] ?? 'handling.error.file_type';
            break;
          }
          const data =
            strip && STRIPPABLE_IMAGE_TYPES.has(inspection.mediaType)
              ? stripImageMetadata(file.data, inspection.mediaType)
              : file.data;
          files.push({ filename, mediaType: inspection.mediaType, data, uploadedBy: 'handler' });
        }
      }
      if (!form.ok || Object.keys(errors).length > 0) {
        return showFormErrors(request, reply, ctx, report, 'message', errors, values);
      }
      const once = formOnce(request.server);
      const scope = ctx.auth.sessionIdHash;
      if (form.data.form_id && !once.claim(scope, form.data.form_id, ctx.now.getTime())) {
        return reply.redirect(`/handling/reports/${report.row.id}?done=message_sent`, 303);
      }
      return runAction(request, reply, ctx, report, async () => {
        try {
          await sendHandlerMessage(ctx, report, { text: form.data.message_text, files });
        } catch (error) {
          once.release(scope, form.data.form_id);
          throw error;
        }
        return `/handling/reports/${report.row.id}?done=message_sent`;
      });
    });
  });

  app.get<{ Params: { id: string; fileId: string } }>(
    '/handling/reports/:id/files/:fileId',
    recipientsOnly,
    async (request, reply) =>
      withReport(request, reply, request.params.id, async (ctx, report) => {
        if (!isUuid(request.params.fileId)) throw new AppError('not_found');
        const file = await downloadReportFile(ctx, report, request.params.fileId);
        if (!file) throw new AppError('not_found');
        return (
          reply
            .header('content-type', safeMediaType(file.mediaType))
            // Files stored before names followed their type get the right extension here too.
            .header('content-disposition', attachmentDisposition(safeFilename(file.filename, file.mediaType)))
            .header('cache-control', 'no-store')
            .header('x-content-type-options', 'nosniff')
            .send(file.data)
        );
      }),
  );

  app.post<IdParams>('/handling/reports/:id/minutes', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(MinutesSchema, request.body);
      if (!form.ok) return showFormErrors(request, reply, ctx, report, 'minutes', form.errors, form.values);
      const once = formOnce(request.server);
      const scope = ctx.auth.sessionIdHash;
      if (form.data.form_id && !once.claim(scope, form.data.form_id, ctx.now.getTime())) {
        return reply.redirect(`/handling/reports/${report.row.id}?done=minutes_added`, 303);
      }
      return runAction(request, reply, ctx, report, async () => {
        try {
          await addMinutes(ctx, report, { text: form.data.minutes_text });
        } catch (error) {
          once.release(scope, form.data.form_id);
          throw error;
        }
        return `/handling/reports/${report.row.id}?done=minutes_added`;
      });
    }),
  );

  app.post<IdParams>('/handling/reports/:id/forward', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(ForwardSchema, request.body);
      if (!form.ok) return showFormErrors(request, reply, ctx, report, 'forward', form.errors, form.values);
      return runAction(request, reply, ctx, report, async () => {
        const result = await forwardReport(ctx, report, { channelId: form.data.channel });
        return result.keepsAccess
          ? `/handling/reports/${report.row.id}?done=forwarded`
          : '/handling?done=forwarded';
      });
    }),
  );

  app.post<IdParams>('/handling/reports/:id/grant', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(GrantSchema, request.body);
      if (!form.ok) {
        return showReport(
          request,
          reply,
          ctx,
          report,
          { refusal: 'handling.refusal.grant_not_entitled' },
          409,
        );
      }
      return runAction(request, reply, ctx, report, async () => {
        await grantReportAccess(ctx, report, { userId: form.data.user });
        return `/handling/reports/${report.row.id}?done=access_granted`;
      });
    }),
  );

  // Recusal needs no access: an entitled user without a seal may step aside without ever
  // being given the key (both routes take `onPending`).
  const confirmRecusal = async (request: FastifyRequest, reply: FastifyReply, row: ReportRow) =>
    sendPage(
      reply,
      <RecuseConfirmPage page={pageContext(request)} reportId={row.id} reference={row.reference} />,
    );

  app.get<IdParams>('/handling/reports/:id/recuse', recipientsOnly, async (request, reply) =>
    withReport(
      request,
      reply,
      request.params.id,
      async (_ctx, report) => confirmRecusal(request, reply, report.row),
      async (_ctx, row) => confirmRecusal(request, reply, row),
    ),
  );

  const recuse = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: HandlerContext,
    row: ReportRow,
  ) => {
    try {
      await recuseFromReport(ctx, row);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return sendPage(
        reply,
        <RecuseConfirmPage
          page={pageContext(request)}
          reportId={row.id}
          reference={row.reference}
          refusal={refusal}
        />,
        409,
      );
    }
    return reply.redirect('/handling?done=recused', 303);
  };

  app.post<IdParams>('/handling/reports/:id/recuse', recipientsOnly, async (request, reply) =>
    withReport(
      request,
      reply,
      request.params.id,
      async (ctx, report) => recuse(request, reply, ctx, report.row),
      async (ctx, row) => recuse(request, reply, ctx, row),
    ),
  );

  app.post<IdParams>('/handling/reports/:id/reveal', recipientsOnly, async (request, reply) =>
    withReport(request, reply, request.params.id, async (ctx, report) => {
      const form = parseForm(RevealSchema, request.body);
      if (!form.ok) return showFormErrors(request, reply, ctx, report, 'reveal', form.errors, form.values);
      try {
        const identity = await revealIdentity(ctx, report, { reason: form.data.reveal_reason });
        return showReport(request, reply, ctx, report, { revealed: identity }, 200);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        return showReport(request, reply, ctx, report, { refusal }, 409);
      }
    }),
  );

  // A page shown after a refused action keeps the action's address; a GET there (the language
  // switch, a reload) goes back to the report. A malformed id is 404 as everywhere.
  app.get<{ Params: { id: string; action: string } }>(
    '/handling/reports/:id/:action',
    recipientsOnly,
    async (request, reply) => {
      if (!isUuid(request.params.id)) throw new AppError('not_found');
      return reply.redirect(`/handling/reports/${request.params.id}`, 303);
    },
  );

  app.get('/handling/oral/new', recipientsOnly, async (request, reply) => {
    const ctx = handlerContext(request);
    if (!keysOf(request)) return unlockRedirect(reply, request.url);
    const query = OralQuerySchema.parse(request.query ?? {});
    const options = await oralReportOptions(ctx, query.channel);
    const page = pageContext(request);
    if (!options.channel) {
      const error = query.channel !== undefined ? ('handling.error.channel_required' as const) : undefined;
      return sendPage(
        reply,
        <OralChannelPage page={page} options={options} error={error} />,
        error ? 422 : 200,
      );
    }
    return sendPage(
      reply,
      <OralReportPage
        page={page}
        options={{ ...options, channel: options.channel }}
        values={{ form_id: FormOnce.newId() }}
      />,
    );
  });

  app.post('/handling/oral/new', recipientsOnly, async (request, reply) => {
    const ctx = handlerContext(request);
    const keys = keysOf(request);
    if (!keys) return unlockRedirect(reply, '/handling/oral/new');
    const values = formValues(request.body);
    const channelValue =
      typeof values.channel === 'string' && isUuid(values.channel) ? values.channel : undefined;
    const options = await oralReportOptions(ctx, channelValue);
    const page = pageContext(request);
    if (!options.channel || (channelValue && options.channel.id !== channelValue)) {
      return sendPage(
        reply,
        <OralChannelPage page={page} options={options} error="handling.error.channel_required" />,
        422,
      );
    }
    const channel = options.channel;
    const showAgain = (errors: FieldErrors, refusal?: MessageKey) =>
      sendPage(
        reply,
        <OralReportPage
          page={page}
          options={{ ...options, channel }}
          errors={errors}
          values={values}
          refusal={refusal}
        />,
        refusal ? 409 : 422,
      );
    const form = parseForm(OralSchema, request.body);
    if (!form.ok) return showAgain(form.errors);
    const data = form.data;
    const once = formOnce(request.server);
    const scope = ctx.auth.sessionIdHash;
    if (!data.form_id || !once.claim(scope, data.form_id, ctx.now.getTime())) {
      return showAgain({}, 'handling.refusal.replayed');
    }
    try {
      const created = await registerOralReport(ctx, keys, {
        channelId: channel.id,
        categoryId: data.category === '' ? null : data.category,
        identityMode: data.identity_mode,
        identity:
          data.identity_mode === 'anonymous'
            ? null
            : { name: data.identity_name, contact: data.identity_contact },
        notifyAddress: data.notify_address === '' ? null : data.notify_address,
        excludedUserIds: data.excluded,
        summary: data.summary,
        minutes: data.minutes,
      });
      return sendPage(
        reply,
        <OralReceiptPage
          page={page}
          reportId={created.reportId}
          reference={created.reference}
          receipt={created.receipt}
        />,
      );
    } catch (error) {
      once.release(scope, data.form_id);
      if (error instanceof AppError && error.code === 'validation_failed') {
        const reason = error.details?.reason;
        if (reason === 'bad_category') return showAgain({ category: 'handling.error.bad_choice' });
        if (reason === 'bad_exclusion') return showAgain({ excluded: 'handling.error.bad_exclusion' });
        if (reason === 'channel_unavailable') return showAgain({}, 'handling.refusal.channel_unavailable');
      }
      throw error;
    }
  });
}

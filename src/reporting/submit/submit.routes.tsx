import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { type MultipartForm, readMultipartForm } from '../../platform/http/multipart.js';
import { anonymousClientKey, RateLimiter } from '../../platform/http/rate-limit.js';
import { type PageContext, pageContext } from '../../platform/ui/page-context.js';
import { sendPage } from '../../platform/ui/render.js';
import { type ChannelForReport, listActiveChannels, readChannelForReport } from '../channels/channel-read.js';
import { safeFilename } from '../files/file-names.js';
import { inspectUpload, stripImageMetadata } from '../files/inspect-upload.js';
import { computeReportClocks } from '../report-clock.js';
import { createReport } from '../report-store.js';
import { type Draft, type DraftFile, DraftStore, type DraftValues } from './draft-store.js';
import {
  type FormLimits,
  FormPage,
  MessagePage,
  ReceiptPage,
  ReviewPage,
  StartPage,
  SUBMIT_PATHS,
} from './submit.views.js';
import {
  FIELD,
  type FormProblem,
  fileField,
  keptValues,
  type Submission,
  validateReportForm,
} from './submit-form.js';

/**
 * The reporter's way in (`/report…`): public, anonymous (nothing about the client is logged or
 * stored: no address, no user agent; audit events carry the anonymous `reporter` origin), and
 * working without JavaScript.
 *
 * Flow: `/report` (which way to go) → `/report/channel/:slug` (the form, multipart) → on a
 * complete form, 303 to `…/review` → "send" posts to `…/review` and the answer is the receipt,
 * shown once. Until "send" everything lives in a {@link DraftStore} in process memory; then
 * `createReport` stores it encrypted, all or nothing. No route here writes anything before that.
 *
 * Abuse controls, all in memory and without JavaScript: a per-client throttle on form posts and
 * on sends (the client is a keyed hash of the address prefix, the key random per process), a
 * global ceiling on sends per minute (`REPORT_SUBMISSIONS_PER_MINUTE`), caps on draft memory, and
 * a honeypot field. A filled honeypot is refused neutrally: the form comes back (422) with the
 * field shown and explained, nothing kept — a person whose browser filled it can empty it and go
 * on; a robot gets nothing stored and no receipt.
 */

/** The session cookie holding the draft's id (HttpOnly, SameSite=Strict, no expiry). */
export const DRAFT_COOKIE = 'report_draft';
const DRAFT_COOKIE_PATH = '/report/channel';

/** Sends of complete reports per client per hour: the default of `REPORT_SUBMISSIONS_PER_CLIENT_PER_HOUR`. */
export const SENDS_PER_CLIENT_PER_HOUR = 5;
/** Form posts (including ones with errors) per client per 10 minutes. */
export const FORM_POSTS_PER_CLIENT = 40;
const FORM_WINDOW_MS = 10 * 60 * 1000;
/** Memory for all drafts together, unless one full draft needs more. */
const DRAFT_MEMORY_BYTES = 256 * 1024 * 1024;
/** Allowance for typed text in one draft (and so in each client's drafts), on top of its files. */
const DRAFT_TEXT_BYTES = 2 * 1024 * 1024;

const REPORTER: AuditOrigin = { kind: 'anonymous', label: 'reporter' };

declare module 'fastify' {
  interface FastifyInstance {
    /** The report drafts of this instance (in memory only); exposed for tests of its caps. */
    readonly reportDrafts: DraftStore<Submission>;
  }
}

const SendSchema = z.object({ revision: z.string().regex(/^\d{1,9}$/) });

/** The reporter's way in (/report…). */
export function registerReportSubmitRoutes(app: FastifyInstance): void {
  const { config, clock } = app.deps;
  const db = () => app.deps.database.db;
  const limits: FormLimits = {
    maxFiles: config.reporting.maxFiles,
    maxFileBytes: config.reporting.maxFileBytes,
  };
  const clientBytes = limits.maxFiles * limits.maxFileBytes + DRAFT_TEXT_BYTES;
  const drafts = new DraftStore<Submission>({
    maxClientBytes: clientBytes,
    maxTotalBytes: Math.max(DRAFT_MEMORY_BYTES, clientBytes),
    maxDraftTextBytes: DRAFT_TEXT_BYTES,
  });
  app.decorate('reportDrafts', drafts);
  const perClient = config.reporting.submissionsPerClientPerHour;
  // Form posts (validation rounds) get eight times the sends, and never fewer than the default.
  const formThrottle = new RateLimiter({
    limit: Math.max(FORM_POSTS_PER_CLIENT, perClient * 8),
    windowMs: FORM_WINDOW_MS,
  });
  const sendThrottle = new RateLimiter({ limit: perClient, windowMs: 60 * 60 * 1000 });
  const sendCeiling = new RateLimiter({ limit: config.reporting.submissionsPerMinute, windowMs: 60_000 });
  // Throttle keys are keyed hashes of the address prefix: even this process's memory holds no address.
  const clientOf = (request: FastifyRequest) => anonymousClientKey(request.ip);

  const sweep = setInterval(() => drafts.sweep(clock.now().getTime()), 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    drafts.clear();
  });

  const route = { access: 'public', anonymous: true } as const;

  const setDraftCookie = (reply: FastifyReply, id: string) =>
    reply.setCookie(DRAFT_COOKIE, id, {
      path: DRAFT_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
    });
  const clearDraftCookie = (reply: FastifyReply) =>
    reply.clearCookie(DRAFT_COOKIE, {
      path: DRAFT_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
    });

  async function channelOf(request: FastifyRequest): Promise<ChannelForReport> {
    const { slug } = request.params as { slug: string };
    const channel = await readChannelForReport(db(), slug);
    if (!channel) throw new AppError('not_found');
    return channel;
  }

  function unavailable(reply: FastifyReply, page: PageContext, status: number) {
    return sendPage(
      reply,
      <MessagePage
        page={page}
        title="submit.unavailable.title"
        messages={[page.t('reporting.channel_unavailable'), page.t('submit.unavailable.text')]}
        links={[{ href: `${SUBMIT_PATHS.start}#channels`, label: 'submit.form.back_to_start' }]}
      />,
      status,
    );
  }

  function expired(reply: FastifyReply, page: PageContext, busy = false) {
    return sendPage(
      reply,
      <MessagePage
        page={page}
        title="submit.expired.title"
        messages={[page.t(busy ? 'submit.expired.busy' : 'submit.expired.text')]}
        links={[
          { href: SUBMIT_PATHS.followUp, label: 'submit.start.follow_up_link' },
          { href: SUBMIT_PATHS.start, label: 'submit.expired.again' },
        ]}
      />,
      busy ? 409 : 410,
    );
  }

  function form(
    reply: FastifyReply,
    page: PageContext,
    channel: ChannelForReport,
    state: {
      values: DraftValues | undefined;
      files: readonly DraftFile[];
      problems?: readonly FormProblem[];
      banner?: { type: 'info' | 'warning'; text: string };
      honeypotRevealed?: boolean;
    },
    status: number,
  ) {
    return sendPage(
      reply,
      <FormPage
        page={page}
        channel={channel}
        values={state.values}
        files={state.files}
        problems={state.problems ?? []}
        banner={state.banner}
        honeypotRevealed={state.honeypotRevealed ?? false}
        limits={limits}
      />,
      status,
    );
  }

  /** The draft of this browser for this channel, if any. */
  function draftFor(
    request: FastifyRequest,
    channel: ChannelForReport,
    nowMs: number,
  ): Draft<Submission> | undefined {
    const draft = drafts.get(request.cookies[DRAFT_COOKIE], nowMs);
    return draft && draft.channelId === channel.id ? draft : undefined;
  }

  function versionChanged(channel: ChannelForReport, values: DraftValues): boolean {
    const sent = values[FIELD.version];
    return sent !== undefined && sent !== channel.questionnaire?.id;
  }

  app.get(SUBMIT_PATHS.start, { config: route }, async (request, reply) => {
    const channels = await listActiveChannels(db());
    return sendPage(reply, <StartPage page={pageContext(request)} channels={channels} />);
  });

  app.get('/report/channel/:slug', { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const channel = await channelOf(request);
    if (!channel.canReceive) return unavailable(reply, page, 200);
    const draft = draftFor(request, channel, clock.now().getTime());
    if (!draft) return form(reply, page, channel, { values: undefined, files: [] }, 200);
    const changed = versionChanged(channel, draft.values);
    return form(
      reply,
      page,
      channel,
      {
        values: draft.values,
        files: draft.files,
        ...(changed ? { banner: { type: 'warning', text: page.t('submit.form.version_changed') } } : {}),
      },
      200,
    );
  });

  app.post('/report/channel/:slug', { config: { ...route, multipart: true } }, async (request, reply) => {
    const page = pageContext(request);
    const channel = await channelOf(request);
    const upload = await readMultipartForm(request, {
      maxFiles: Math.max(limits.maxFiles, 0),
      maxFileBytes: limits.maxFileBytes,
    });
    if (!channel.canReceive) return unavailable(reply, page, 503);
    const raw = formValues(upload.fields);
    const values = keptValues(raw);
    const nowMs = clock.now().getTime();
    const client = clientOf(request);
    const existing = draftFor(request, channel, nowMs);
    // "Send" is storing this draft right now: changing it meanwhile (another tab) would store
    // something else than was reviewed, or zero a file under the encryption.
    if (existing?.sending) return expired(reply, page, true);

    const verdict = formThrottle.hit(client, nowMs);
    if (!verdict.allowed) {
      const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
      reply.header('retry-after', String(verdict.retryAfterSeconds));
      return form(
        reply,
        page,
        channel,
        {
          values,
          files: existing?.files ?? [],
          banner: { type: 'warning', text: page.t('submit.throttle.form', { minutes }) },
        },
        429,
      );
    }

    const honeypot = raw[FIELD.honeypot];
    if (honeypot !== undefined && honeypot !== '') {
      // Nothing is kept: not the files of this post, not a draft.
      return form(
        reply,
        page,
        channel,
        {
          values: { ...values, [FIELD.honeypot]: typeof honeypot === 'string' ? honeypot : '' },
          files: existing?.files ?? [],
          problems: [{ field: FIELD.honeypot, key: 'submit.error.honeypot' }],
          honeypotRevealed: true,
        },
        422,
      );
    }

    const draft = drafts.open(request.cookies[DRAFT_COOKIE], client, channel.id, nowMs);
    // A new id at every post: a draft id planted in this browser by someone else (a cookie set from
    // a neighbouring site or over plain http) never sees what the reporter types here.
    drafts.renew(draft);
    setDraftCookie(reply, draft.id);
    const removals = raw[FIELD.removeFile];
    drafts.removeFiles(
      draft,
      removals === undefined ? [] : typeof removals === 'string' ? [removals] : removals,
    );
    const fileProblems = acceptFiles(drafts, draft, channel, upload, limits);

    const changed = versionChanged(channel, values) || values[FIELD.version] === undefined;
    const result = validateReportForm(channel, values, draft.files);
    const problems = [...(result.ok ? [] : result.problems), ...fileProblems];
    const tooMuch: FormProblem = { field: '_form', key: 'submit.error.form_incomplete' };
    if (problems.length > 0 || changed) {
      // Over the text allowance (fields the form never had, or the memory of all drafts is full):
      // the page still shows what was posted, the draft keeps what it had.
      if (!drafts.update(draft, { values, submission: null }, nowMs)) problems.push(tooMuch);
      return form(
        reply,
        page,
        channel,
        {
          values,
          files: draft.files,
          problems,
          ...(changed ? { banner: { type: 'warning', text: page.t('submit.form.version_changed') } } : {}),
        },
        422,
      );
    }
    if (!result.ok) throw new Error('unreachable: a failed validation has problems');
    if (!drafts.update(draft, { values: result.values, submission: result.submission }, nowMs)) {
      return form(reply, page, channel, { values, files: draft.files, problems: [tooMuch] }, 422);
    }
    return reply.redirect(SUBMIT_PATHS.review(channel.slug), 303);
  });

  app.get('/report/channel/:slug/review', { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const channel = await channelOf(request);
    const draft = draftFor(request, channel, clock.now().getTime());
    if (!draft) return expired(reply, page);
    if (!draft.submission) return reply.redirect(SUBMIT_PATHS.form(channel.slug), 303);
    return sendPage(
      reply,
      <ReviewPage
        page={page}
        channel={channel}
        submission={draft.submission}
        files={draft.files}
        revision={draft.revision}
      />,
    );
  });

  app.post('/report/channel/:slug/review', { config: route }, async (request, reply) => {
    const page = pageContext(request);
    const channel = await channelOf(request);
    const now = clock.now();
    const nowMs = now.getTime();
    const draft = draftFor(request, channel, nowMs);
    if (!draft) return expired(reply, page);
    if (draft.sending) return expired(reply, page, true);
    const parsed = parseForm(SendSchema, request.body);
    const submission = draft.submission;
    if (!submission || !parsed.ok || Number(parsed.data.revision) !== draft.revision) {
      // Changed in another tab, or never complete: show what would be sent now.
      return reply.redirect(SUBMIT_PATHS[submission ? 'review' : 'form'](channel.slug), 303);
    }
    if (!channel.canReceive) return unavailable(reply, page, 503);
    if (submission.questionnaireVersionId !== channel.questionnaire?.id) {
      return reply.redirect(SUBMIT_PATHS.form(channel.slug), 303);
    }

    const client = clientOf(request);
    const ceiling = sendCeiling.hit('all', nowMs);
    const own = ceiling.allowed ? sendThrottle.hit(client, nowMs) : undefined;
    if (!ceiling.allowed || !own?.allowed) {
      if (ceiling.allowed) sendCeiling.refund('all', nowMs);
      const wait = own && !own.allowed ? own.retryAfterSeconds : ceiling.retryAfterSeconds;
      reply.header('retry-after', String(wait));
      const message = own
        ? page.t('submit.throttle.send', { minutes: Math.max(1, Math.ceil(wait / 60)) })
        : page.t('submit.throttle.global');
      return sendPage(
        reply,
        <MessagePage
          page={page}
          title="submit.throttle.title"
          messages={[message]}
          links={[{ href: SUBMIT_PATHS.review(channel.slug), label: 'submit.throttle.retry' }]}
        />,
        429,
      );
    }

    draft.sending = true;
    const stripped: Buffer[] = [];
    let created: Awaited<ReturnType<typeof createReport>>;
    try {
      const files = draft.files.map((file) => {
        const data = submission.stripMetadata ? stripImageMetadata(file.data, file.mediaType) : file.data;
        if (data !== file.data) stripped.push(data);
        return {
          filename: file.filename,
          mediaType: file.mediaType,
          data,
          uploadedBy: 'reporter' as const,
          ...(file.questionId ? { questionId: file.questionId } : {}),
        };
      });
      created = await createReport(
        db(),
        config,
        {
          channelId: channel.id,
          categoryId: submission.categoryId,
          questionnaireVersionId: submission.questionnaireVersionId,
          identityMode: submission.identityMode,
          source: 'online',
          answers: submission.answers,
          identity: submission.identity,
          notifyAddress: submission.notifyAddress,
          excludedUserIds: submission.excludedUserIds,
          files,
          createdBy: null,
        },
        { now, origin: REPORTER },
      );
    } catch (error) {
      draft.sending = false;
      sendThrottle.refund(client, nowMs);
      sendCeiling.refund('all', nowMs);
      if (isAppError(error) && error.code === 'validation_failed') {
        // The channel changed between review and send (recipients, keys, activity): say what now.
        const fresh = await readChannelForReport(db(), channel.slug);
        if (!fresh?.canReceive) return unavailable(reply, page, 503);
        const result = validateReportForm(fresh, draft.values, draft.files);
        drafts.update(draft, { values: draft.values, submission: null }, nowMs);
        return form(
          reply,
          page,
          fresh,
          { values: draft.values, files: draft.files, problems: result.ok ? [] : result.problems },
          422,
        );
      }
      throw error;
    } finally {
      for (const buffer of stripped) buffer.fill(0);
    }
    drafts.delete(draft.id);
    clearDraftCookie(reply);
    const clocks = computeReportClocks({ receivedAt: now, now });
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <ReceiptPage
        page={page}
        receipt={created.receipt}
        receivedAt={now}
        acknowledgementDue={clocks.acknowledgementDue}
        feedbackDue={clocks.feedbackDue}
        notify={submission.notifyAddress !== null}
      />,
    );
  });
}

/** A file name fit to show: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    // Bidirectional controls too: with them `a<RLO>fdp.html` reads as `almth.pdf`.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (base.length <= 200) return base || 'file';
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 12 ? base.slice(dot) : '';
  return `${base.slice(0, 200 - extension.length)}${extension}`;
}

/**
 * Inspects the files of one post and adds the acceptable ones to the draft. Returns a problem per
 * refused file (its name in the summary) and one for limits that were hit.
 */
function acceptFiles(
  drafts: DraftStore<Submission>,
  draft: Draft<Submission>,
  channel: ChannelForReport,
  upload: MultipartForm,
  limits: FormLimits,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const fileQuestions = (channel.questionnaire?.questions ?? []).filter((q) => q.type === 'files');
  const defaultField = fileQuestions[0] ? fileField(fileQuestions[0]) : FIELD.attachments;
  const megabytes = Math.floor(limits.maxFileBytes / (1024 * 1024));
  // Limits are said once, however many files hit them.
  const once = (problem: FormProblem) => {
    if (!problems.some((p) => p.summary?.key === problem.summary?.key)) problems.push(problem);
  };
  for (const file of upload.files) {
    let questionId: string | null;
    if (file.field === FIELD.attachments && fileQuestions.length === 0) questionId = null;
    else {
      const question = fileQuestions.find((q) => fileField(q) === file.field);
      if (!question) continue; // a field the form never had: dropped unread
      questionId = question.id;
    }
    const field = questionId === null ? FIELD.attachments : file.field;
    const filename = cleanFilename(file.filename);
    if (draft.files.length >= limits.maxFiles) {
      once({
        field,
        key: 'submit.error.files_field',
        summary: { key: 'submit.error.too_many_files', params: { max: limits.maxFiles } },
      });
      continue;
    }
    const inspection = inspectUpload(filename, file.data);
    if (!inspection.ok) {
      const key =
        inspection.reason === 'executable'
          ? 'submit.error.file_executable'
          : inspection.reason === 'empty'
            ? 'submit.error.file_empty'
            : 'submit.error.file_type';
      problems.push({ field, key: 'submit.error.files_field', summary: { key, params: { name: filename } } });
      continue;
    }
    const added = drafts.addFile(draft, {
      id: randomUUID(),
      questionId,
      // As it will be stored: with the extension of the detected type.
      filename: safeFilename(filename, inspection.mediaType),
      mediaType: inspection.mediaType,
      data: file.data,
    });
    if (added !== 'ok')
      once({ field, key: 'submit.error.files_field', summary: { key: 'submit.error.files_memory' } });
  }
  switch (upload.problem) {
    case undefined:
      break;
    case 'file_too_large':
      problems.push({
        field: defaultField,
        key: 'submit.error.files_field',
        summary: { key: 'submit.error.file_too_large', params: { size: megabytes } },
      });
      break;
    case 'too_many_files':
      once({
        field: defaultField,
        key: 'submit.error.files_field',
        summary: { key: 'submit.error.too_many_files', params: { max: limits.maxFiles } },
      });
      break;
    case 'too_many_fields':
    case 'malformed':
      problems.push({ field: '_form', key: 'submit.error.form_incomplete' });
      break;
    default: {
      const unknown: never = upload.problem;
      throw new Error(`unknown multipart problem ${String(unknown)}`);
    }
  }
  return problems;
}

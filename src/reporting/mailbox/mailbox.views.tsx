import type { ReportStatus } from '../../platform/db/schema.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  FileInput,
  NotificationBanner,
  PageHeader,
  StatusTag,
  type StatusTone,
  SummaryList,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey, Translate } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import { BRUSSELS_TIME_ZONE } from '../brussels-time.js';
import type { MailboxEntry, MailboxMinutes, MailboxView } from './mailbox.service.js';

/** The paths of the mailbox (the receipt form, the mailbox, its actions). */
export const MAILBOX_PATHS = {
  entry: '/report/follow-up',
  mailbox: '/report/follow-up/mailbox',
  logout: '/report/follow-up/logout',
  minutes: (id: string) => `/report/follow-up/minutes/${id}`,
  file: (id: string) => `/report/follow-up/files/${id}`,
} as const;

/** Longest message or correction text a reporter may send, in characters. */
export const MAX_REPORTER_TEXT = 20_000;

const dateFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', { timeZone: BRUSSELS_TIME_ZONE, dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: BRUSSELS_TIME_ZONE, dateStyle: 'long' }),
};
const dateTimeFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    timeZone: BRUSSELS_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: BRUSSELS_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }),
};
const timeFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', { timeZone: BRUSSELS_TIME_ZONE, timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: BRUSSELS_TIME_ZONE, timeStyle: 'short' }),
};

/** A date in Brussels, in the reader's language ("3 december 2026"). */
export function formatDate(locale: Locale, date: Date): string {
  return dateFormats[locale].format(date);
}

/** A date and time in Brussels, in the reader's language. */
export function formatDateTime(locale: Locale, date: Date): string {
  return dateTimeFormats[locale].format(date);
}

/** A clock time in Brussels ("14:35"). */
export function formatTime(locale: Locale, date: Date): string {
  return timeFormats[locale].format(date);
}

function formatSize(page: PageContext, bytes: number): string {
  const number = new Intl.NumberFormat(page.locale === 'nl' ? 'nl-BE' : 'en-GB', {
    maximumFractionDigits: 1,
  });
  if (bytes < 1024 * 1024) {
    return page.t('mailbox.messages.file_size_kb', {
      size: number.format(Math.max(1, Math.ceil(bytes / 1024))),
    });
  }
  return page.t('mailbox.messages.file_size_mb', { size: number.format(bytes / (1024 * 1024)) });
}

/** Notices the receipt page shows (after a redirect, `?notice=`). */
export const entryNotices = {
  session_ended: 'mailbox.notice.session_ended',
  logged_out: 'mailbox.notice.logged_out',
} as const satisfies Record<string, MessageKey>;
export type EntryNotice = keyof typeof entryNotices;

export function isEntryNotice(value: unknown): value is EntryNotice {
  return typeof value === 'string' && Object.hasOwn(entryNotices, value);
}

/** When receipt entry is throttled: until when. */
export interface ThrottledUntil {
  readonly until: Date;
  readonly minutes: number;
}

/**
 * The receipt form: the way into the mailbox. Shows why a session ended, what a throttled
 * reporter must wait for, and (when a post arrived after the session had ended) the text that
 * was not sent, so that nothing typed is lost.
 */
export function ReceiptPage(props: {
  readonly page: PageContext;
  readonly receipt?: string;
  readonly errors?: FieldErrors | undefined;
  readonly notice?: EntryNotice | undefined;
  readonly throttled?: ThrottledUntil | undefined;
  readonly unsentText?: string | undefined;
}) {
  const { page, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('mailbox.title')} narrow>
      {props.notice && (
        <NotificationBanner page={page} type={props.notice === 'logged_out' ? 'success' : 'info'}>
          <p>{t(entryNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      {props.throttled && (
        <NotificationBanner page={page} type="warning" title="mailbox.receipt.throttled_title">
          <p>
            {t('mailbox.receipt.throttled', {
              time: formatTime(page.locale, props.throttled.until),
              minutes: props.throttled.minutes,
            })}
          </p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('mailbox.title')} lead={t('mailbox.receipt.lead')} />
      <form method="post" action={MAILBOX_PATHS.entry} novalidate class="form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="receipt"
          label="mailbox.receipt.label"
          hint="mailbox.receipt.hint"
          value={props.receipt?.slice(0, 64) ?? ''}
          autocomplete="off"
          inputMode="numeric"
          maxLength={64}
          width="medium"
          error={errors?.receipt}
        />
        <Button>{t('mailbox.receipt.submit')}</Button>
      </form>
      <p class="hint">{t('mailbox.receipt.privacy')}</p>
      {props.unsentText && (
        <div class="field">
          <label class="field__label" for="unsent-text">
            {t('mailbox.notice.unsent_label')}
          </label>
          <p class="field__hint" id="unsent-text-hint">
            {t('mailbox.notice.unsent_hint')}
          </p>
          <textarea class="textarea" id="unsent-text" rows={6} readOnly aria-describedby="unsent-text-hint">
            {props.unsentText}
          </textarea>
        </div>
      )}
      <section class="section" aria-labelledby="receipt-lost-title">
        <h2 id="receipt-lost-title">{t('mailbox.receipt.lost_title')}</h2>
        <p>{t('mailbox.receipt.lost')}</p>
        <p>
          <a href="/report">{t('mailbox.receipt.lost_link')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** Notices the mailbox shows after an action (`?notice=`). */
export const mailboxNotices = {
  sent: 'mailbox.reply.sent',
  signed: 'mailbox.minutes.signed_done',
  corrections: 'mailbox.minutes.corrections_done',
} as const satisfies Record<string, MessageKey>;
export type MailboxNotice = keyof typeof mailboxNotices;

export function isMailboxNotice(value: unknown): value is MailboxNotice {
  return typeof value === 'string' && Object.hasOwn(mailboxNotices, value);
}

/** What the reply form shows again after a refused post. */
export interface ReplyFormState {
  readonly message: string;
  readonly strip: boolean;
  readonly errors?: FieldErrors | undefined;
}

/** What a minutes form shows again after a refused post. */
export interface MinutesFormState {
  readonly minutesId: string;
  readonly corrections: string;
  readonly errors?: FieldErrors | undefined;
}

const statusTones: Readonly<Record<ReportStatus, StatusTone>> = {
  received: 'neutral',
  acknowledged: 'info',
  in_treatment: 'progress',
  closed: 'success',
};

/**
 * The mailbox: where the report stands and its deadlines, the conversation oldest first, the
 * minutes to sign or correct, and the reply form. Handlers appear as the channel, never by name.
 */
export function MailboxPage(props: {
  readonly page: PageContext;
  readonly view: MailboxView;
  readonly limits: { readonly maxFiles: number; readonly maxFileBytes: number };
  readonly notice?: MailboxNotice | undefined;
  /** A warning to show (a replayed minutes answer, a closed report, a throttled reply). */
  readonly warning?: MessageKey | undefined;
  readonly reply?: ReplyFormState | undefined;
  readonly minutesForm?: MinutesFormState | undefined;
}) {
  const { page, view } = props;
  const { t, locale } = page;
  const channel = view.channelName[locale];
  const errors = { ...props.reply?.errors, ...props.minutesForm?.errors };
  const waiting = view.entries.find((e) => e.minutes?.actionable);
  return (
    <Layout page={page} title={t('mailbox.title')}>
      <div class="mailbox-bar">
        <form method="post" action={MAILBOX_PATHS.logout} class="mailbox-bar__logout">
          <CsrfField page={page} />
          <Button variant="secondary">{t('mailbox.logout')}</Button>
        </form>
      </div>
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(mailboxNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      {props.warning && (
        <NotificationBanner page={page} type="warning">
          <p>{t(props.warning)}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('mailbox.title')} caption={t('mailbox.caption')} />
      {waiting?.minutes && !props.minutesForm && (
        <NotificationBanner page={page} id="minutes-waiting">
          <p>
            {t('mailbox.minutes_waiting')}{' '}
            <a href={`#minutes-${waiting.minutes.id}`}>{t('mailbox.minutes_waiting_link')}</a>
          </p>
        </NotificationBanner>
      )}
      <SummaryList
        page={page}
        rows={[
          { key: 'mailbox.summary.channel', value: channel },
          {
            key: 'mailbox.summary.status',
            value: (
              <StatusTag
                page={page}
                label={`reporting.status.${view.status}`}
                tone={statusTones[view.status]}
              />
            ),
          },
          { key: 'mailbox.summary.received', value: formatDate(locale, view.receivedAt) },
          ...(view.acknowledgement
            ? [
                {
                  key: 'mailbox.summary.acknowledgement' as const,
                  value: acknowledgementText(page, view.acknowledgement),
                },
              ]
            : []),
          ...(view.feedbackGivenAt
            ? [
                {
                  key: 'mailbox.summary.feedback' as const,
                  value: t('mailbox.summary.feedback_given', {
                    date: formatDate(locale, view.feedbackGivenAt),
                  }),
                },
              ]
            : view.status !== 'closed'
              ? [
                  {
                    key: 'mailbox.summary.feedback' as const,
                    value: t('mailbox.summary.feedback_due', { date: formatDate(locale, view.feedbackDue) }),
                  },
                ]
              : []),
          ...(view.closedAt
            ? [{ key: 'mailbox.summary.closed' as const, value: formatDate(locale, view.closedAt) }]
            : []),
        ]}
      />
      <p class="hint">{t('mailbox.deadlines_hint')}</p>

      <section class="section" aria-labelledby="mailbox-messages-title">
        <h2 id="mailbox-messages-title">{t('mailbox.messages.title')}</h2>
        {view.entries.length === 0 ? (
          <p>{t('mailbox.messages.empty')}</p>
        ) : (
          <ol class="mailbox-messages">
            {view.entries.map((entry) => (
              <MessageItem
                key={entry.id}
                page={page}
                entry={entry}
                channel={channel}
                minutesForm={props.minutesForm}
              />
            ))}
          </ol>
        )}
      </section>

      <section class="section" aria-labelledby="mailbox-reply-title">
        <h2 id="mailbox-reply-title">{t('mailbox.reply.title')}</h2>
        {view.status === 'closed' ? (
          <p>{t('mailbox.reply.closed')}</p>
        ) : (
          <ReplyForm page={page} limits={props.limits} state={props.reply} />
        )}
      </section>
    </Layout>
  );
}

function acknowledgementText(page: PageContext, ack: NonNullable<MailboxView['acknowledgement']>): string {
  switch (ack.state) {
    case 'done':
      return page.t('mailbox.summary.ack_done', { date: formatDate(page.locale, ack.at) });
    case 'due':
      return page.t('mailbox.summary.ack_due', { date: formatDate(page.locale, ack.by) });
    case 'not_needed_closed':
      return page.t('mailbox.summary.ack_closed');
    default: {
      const never: never = ack;
      return never;
    }
  }
}

function authorLabel(t: Translate, entry: MailboxEntry, channel: string): string {
  switch (entry.from) {
    case 'you':
      return t('mailbox.messages.from_you');
    case 'channel':
      return channel;
    case 'system':
      return t('reporting.author.system');
    default: {
      const never: never = entry.from;
      return never;
    }
  }
}

/** The sentence the mailbox puts above a message of a kind that is more than a message. */
function kindSentence(entry: MailboxEntry): MessageKey | null {
  switch (entry.kind) {
    case 'message':
    case 'minutes':
      return null;
    case 'acknowledgement':
      return 'mailbox.kind.acknowledgement';
    case 'not_acknowledged':
      return 'mailbox.kind.not_acknowledged';
    case 'forwarded':
      return 'mailbox.kind.forwarded';
    case 'status':
      return 'mailbox.kind.status';
    case 'minutes_signed':
      return 'mailbox.kind.minutes_signed';
    case 'minutes_corrections':
      return 'mailbox.kind.minutes_corrections';
    default: {
      const never: never = entry.kind;
      return never;
    }
  }
}

function MessageItem(props: {
  readonly page: PageContext;
  readonly entry: MailboxEntry;
  readonly channel: string;
  readonly minutesForm: MinutesFormState | undefined;
}) {
  const { page, entry } = props;
  const { t, locale } = page;
  const titleId = `message-${entry.id}-title`;
  // Minutes carry their text in the minutes row; a message text equal to it is not shown twice.
  const text = entry.minutes && entry.text?.trim() === entry.minutes.text.trim() ? null : entry.text;
  // The desk's own wording, when the message brings none (or, for corrections, as their heading).
  const sentence = text === null || entry.kind === 'minutes_corrections' ? kindSentence(entry) : null;
  return (
    <li class={`mailbox-message mailbox-message--${entry.from}`}>
      <article aria-labelledby={titleId}>
        <h3 class="mailbox-message__title" id={titleId}>
          <span class="mailbox-message__from">{authorLabel(t, entry, props.channel)}</span>{' '}
          <time class="mailbox-message__time" dateTime={entry.createdAt.toISOString()}>
            {formatDateTime(locale, entry.createdAt)}
          </time>
        </h3>
        {entry.kind !== 'message' && (
          <p class="mailbox-message__kind">
            <StatusTag page={page} label={`reporting.kind.${entry.kind}`} tone="info" />
          </p>
        )}
        {sentence && <p>{t(sentence)}</p>}
        {text && <div class="mailbox-message__text">{text}</div>}
        {entry.files.length > 0 && (
          <div class="mailbox-message__files">
            <h4 class="mailbox-message__files-title">{t('mailbox.messages.files')}</h4>
            <ul class="list--bullet">
              {entry.files.map((file) => (
                <li key={file.id}>
                  <a href={MAILBOX_PATHS.file(file.id)} download>
                    {file.filename}
                  </a>{' '}
                  <span class="hint">({formatSize(page, file.sizeBytes)})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {entry.minutes && (
          <MinutesBlock
            page={page}
            minutes={entry.minutes}
            state={props.minutesForm?.minutesId === entry.minutes.id ? props.minutesForm : undefined}
          />
        )}
      </article>
    </li>
  );
}

const minutesTones: Readonly<Record<MailboxMinutes['status'], StatusTone>> = {
  awaiting_signature: 'warning',
  signed: 'success',
  corrections_proposed: 'info',
  superseded: 'neutral',
};

function MinutesBlock(props: {
  readonly page: PageContext;
  readonly minutes: MailboxMinutes;
  readonly state: MinutesFormState | undefined;
}) {
  const { page, minutes, state } = props;
  const { t, locale } = page;
  const titleId = `minutes-${minutes.id}-title`;
  return (
    <section class="mailbox-minutes" id={`minutes-${minutes.id}`} aria-labelledby={titleId}>
      <h4 class="mailbox-minutes__title" id={titleId}>
        {t('mailbox.minutes.title')}
      </h4>
      <p>
        <StatusTag
          page={page}
          label={`mailbox.minutes.status.${minutes.status}`}
          tone={minutesTones[minutes.status]}
        />
        {minutes.answeredAt && (
          <span class="hint">
            {' '}
            {t('mailbox.minutes.answered_on', { date: formatDateTime(locale, minutes.answeredAt) })}
          </span>
        )}
      </p>
      <div class="mailbox-message__text mailbox-minutes__text">{minutes.text}</div>
      {minutes.actionable && (
        <>
          <p>{t('mailbox.minutes.intro')}</p>
          <form method="post" action={MAILBOX_PATHS.minutes(minutes.id)} novalidate class="form">
            <CsrfField page={page} />
            <input type="hidden" name="answer" value="sign" />
            <h5 class="mailbox-minutes__action">{t('mailbox.minutes.sign_title')}</h5>
            <Checkboxes
              page={page}
              name="confirm"
              legend="mailbox.minutes.confirm_legend"
              options={[{ value: 'yes', label: 'mailbox.minutes.confirm' }]}
              values={[]}
              error={state?.errors?.confirm}
            />
            <Button>{t('mailbox.minutes.sign')}</Button>
          </form>
          <form method="post" action={MAILBOX_PATHS.minutes(minutes.id)} novalidate class="form">
            <CsrfField page={page} />
            <input type="hidden" name="answer" value="corrections" />
            <h5 class="mailbox-minutes__action">{t('mailbox.minutes.corrections_title')}</h5>
            <TextareaField
              page={page}
              name="corrections"
              label="mailbox.minutes.corrections_label"
              value={state?.corrections ?? ''}
              rows={6}
              maxLength={MAX_REPORTER_TEXT}
              error={state?.errors?.corrections}
            />
            <Button variant="secondary">{t('mailbox.minutes.corrections_submit')}</Button>
          </form>
        </>
      )}
    </section>
  );
}

function ReplyForm(props: {
  readonly page: PageContext;
  readonly limits: { readonly maxFiles: number; readonly maxFileBytes: number };
  readonly state: ReplyFormState | undefined;
}) {
  const { page, state, limits } = props;
  const { t } = page;
  const errors = state?.errors;
  const megabytes = Math.floor(limits.maxFileBytes / (1024 * 1024));
  return (
    <form
      method="post"
      action={MAILBOX_PATHS.mailbox}
      enctype="multipart/form-data"
      novalidate
      class="form"
      id="reply"
    >
      <CsrfField page={page} />
      <TextareaField
        page={page}
        name="message"
        label="mailbox.reply.message_label"
        hint="mailbox.reply.message_hint"
        value={state?.message ?? ''}
        rows={8}
        maxLength={MAX_REPORTER_TEXT}
        error={errors?.message}
        optional
      />
      <Checkboxes
        page={page}
        name="strip_metadata"
        legend="mailbox.reply.strip_legend"
        options={[{ value: 'yes', label: 'mailbox.reply.strip_option' }]}
        values={(state?.strip ?? true) ? ['yes'] : []}
      />
      {limits.maxFiles > 0 && (
        <FileInput
          page={page}
          name="files"
          label="mailbox.reply.files_label"
          hint={{ text: t('mailbox.reply.files_hint', { max: limits.maxFiles, mb: megabytes }) }}
          error={errors?.files}
          multiple
          optional
        />
      )}
      <Button>{t('mailbox.reply.submit')}</Button>
    </form>
  );
}

import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  fieldId,
  NotificationBanner,
  PageHeader,
  Radios,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey, Translate } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import {
  type ChatMessage,
  chatMessageText,
  MAX_CHAT_MESSAGE,
  MAX_VISITOR_NAME,
  type VisitorChat,
} from '../chat/chat.service.js';
import type { WaitEstimate } from '../chat/wait-estimator.js';
import { type ContactTopic, topicName } from '../topics.js';
import type { TopicAvailability } from './visitor-chat.service.js';
import { formatOpening, formatTime, statusKey, statusText, waitText } from './visitor-status.js';

/** The URLs of the visitor's side. */
export const VISITOR_PATHS = {
  contact: '/contact',
  chat: '/contact/chat',
  socket: '/contact/chat/socket',
  message: '/contact/chat/message',
  email: '/contact/chat/email',
  leave: '/contact/chat/leave',
  end: '/contact/chat/end',
  transcript: '/contact/chat/transcript',
  rating: '/contact/chat/rating',
  restart: '/contact/chat/new',
  emailForm: '/contact/email',
} as const;

/** Seconds between the self-refreshes of the chat page without JavaScript. */
export const NO_JS_REFRESH_SECONDS = 15;

/** "Open now, until 19:00" or "Closed. Opens again on …" (Brussels time). */
function hoursText(t: Translate, locale: Locale, item: TopicAvailability): string {
  if (item.availability.open) {
    return item.closesAt
      ? t('visitor.hours.open_until', { time: formatTime(item.closesAt, locale) })
      : t('visitor.hours.open');
  }
  const next = item.availability.nextOpening;
  return next
    ? t('visitor.hours.closed_next', { when: formatOpening(next, locale) })
    : t('visitor.hours.closed_unknown');
}

function topicWaitText(t: Translate, item: TopicAvailability): string {
  if (!item.availability.open) return t('visitor.wait.closed');
  return `${waitText(t, item.availability.estimate)} ${t('visitor.wait.waiting', { count: item.availability.waiting })}`;
}

/** `/contact`: the contact box of the source page — e-mail with a copy, and the chat per topic. */
export function ContactPage(props: {
  readonly page: PageContext;
  readonly topics: readonly TopicAvailability[];
}) {
  const { page } = props;
  const { t, locale } = page;
  const allClosed = props.topics.every((item) => !item.availability.open);
  return (
    <Layout page={page} title={t('visitor.contact.title')} feedback="/contact">
      <PageHeader title={t('visitor.contact.title')} lead={t('visitor.contact.lead')} />
      <section class="section contact-box" aria-labelledby="contact-email">
        <h2 id="contact-email">{t('visitor.contact.email_heading')}</h2>
        <p>{t('visitor.contact.email_text')}</p>
        <ButtonLink href={VISITOR_PATHS.emailForm}>{t('visitor.contact.email_button')}</ButtonLink>
      </section>
      <section class="section contact-box" aria-labelledby="contact-chat">
        <h2 id="contact-chat">{t('visitor.contact.chat_heading')}</h2>
        <p>{t('visitor.contact.chat_text')}</p>
        {props.topics.length === 0 ? (
          <p>{t('visitor.contact.no_topics')}</p>
        ) : (
          <Table
            page={page}
            caption="visitor.contact.topics_caption"
            rowHeaders
            columns={[
              { key: 'topic', label: 'visitor.contact.col_topic' },
              { key: 'hours', label: 'visitor.contact.col_hours' },
              { key: 'wait', label: 'visitor.contact.col_wait' },
            ]}
            rows={props.topics.map((item) => ({
              key: item.topic.id,
              cells: [
                topicName(item.topic, locale),
                <span key="hours" data-topic-open={item.availability.open ? 'true' : 'false'}>
                  {hoursText(t, locale, item)}
                  {!item.availability.open && (
                    <>
                      {' '}
                      <a href={VISITOR_PATHS.emailForm}>{t('visitor.hours.closed_email')}</a>
                    </>
                  )}
                </span>,
                topicWaitText(t, item),
              ],
            }))}
          />
        )}
        {props.topics.length > 0 && (
          <p>
            <ButtonLink href={VISITOR_PATHS.chat} variant={allClosed ? 'secondary' : 'primary'}>
              {t('visitor.contact.chat_button')}
            </ButtonLink>
          </p>
        )}
      </section>
    </Layout>
  );
}

/** What the start form shows in its fields. */
export interface StartValues {
  readonly topicId: string;
  readonly name: string;
}

/** `/contact/chat` without a chat: the topic, an optional name, the privacy note. */
export function ChatStartPage(props: {
  readonly page: PageContext;
  readonly topics: readonly TopicAvailability[];
  readonly values: StartValues;
  readonly errors?: FieldErrors | undefined;
  readonly notice?: MessageKey | undefined;
  /** A warning already translated (the throttle). */
  readonly warning?: string | undefined;
  readonly retentionDays: number;
}) {
  const { page, values, errors } = props;
  const { t, locale } = page;
  const hasErrors = errors !== undefined && Object.keys(errors).length > 0;
  const title = t('visitor.start.title');
  return (
    <Layout
      page={page}
      title={hasErrors ? `${t('ui.error_prefix')} ${title}` : title}
      narrow
      feedback="/contact/chat"
    >
      <ErrorSummary page={page} errors={errors} />
      {props.warning && (
        <NotificationBanner page={page} type="warning">
          <p>{props.warning}</p>
        </NotificationBanner>
      )}
      {props.notice && (
        <NotificationBanner page={page} type="info" title="visitor.notice.title">
          <p data-chat-notice>{t(props.notice)}</p>
        </NotificationBanner>
      )}
      <PageHeader title={title} lead={t('visitor.start.lead')} />
      <form method="post" action={VISITOR_PATHS.chat} novalidate class="form">
        <CsrfField page={page} />
        <Radios
          page={page}
          name="topicId"
          legend="visitor.start.topic_legend"
          value={values.topicId}
          error={errors?.topicId}
          options={props.topics.map((item) => ({
            value: item.topic.id,
            label: { text: topicName(item.topic, locale) },
            hint: {
              text: `${hoursText(t, locale, item)} ${item.availability.open ? waitText(t, item.availability.estimate) : ''}`.trim(),
            },
          }))}
        />
        <TextField
          page={page}
          name="name"
          label="visitor.start.name_label"
          hint="visitor.start.name_hint"
          value={values.name}
          autocomplete="name"
          maxLength={MAX_VISITOR_NAME}
          optional
          width="medium"
          error={errors?.name}
        />
        <Button>{t('visitor.start.submit')}</Button>
      </form>
      <p>
        {t('visitor.start.email_alternative')}{' '}
        <a href={VISITOR_PATHS.emailForm}>{t('visitor.start.email_link')}</a>
      </p>
      <section class="section" aria-labelledby="chat-privacy">
        <h2 id="chat-privacy">{t('visitor.start.privacy_heading')}</h2>
        <p>{t('visitor.start.privacy', { days: props.retentionDays })}</p>
      </section>
    </Layout>
  );
}

/** A form that carries the topic and name to the e-mail form (posting to /contact/chat/email). */
function EmailInsteadForm(props: {
  readonly page: PageContext;
  readonly values: StartValues;
  readonly label: MessageKey;
  readonly variant: 'primary' | 'secondary';
}) {
  return (
    <form method="post" action={VISITOR_PATHS.email} class="form--inline">
      <CsrfField page={props.page} />
      <input type="hidden" name="topicId" value={props.values.topicId} />
      <input type="hidden" name="name" value={props.values.name} />
      <Button variant={props.variant}>{props.page.t(props.label)}</Button>
    </form>
  );
}

/** The chat of the chosen topic is closed: when it opens next, and the e-mail route. */
export function ChatClosedPage(props: {
  readonly page: PageContext;
  readonly topic: ContactTopic;
  readonly nextOpening: Date | null;
  readonly values: StartValues;
}) {
  const { page } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('visitor.closed.title')} narrow>
      <PageHeader title={t('visitor.closed.title')} />
      <p data-chat-closed>
        {t('visitor.closed.text', { topic: topicName(props.topic, locale) })}{' '}
        {props.nextOpening
          ? t('visitor.hours.closed_next', { when: formatOpening(props.nextOpening, locale) })
          : t('visitor.hours.closed_unknown')}
      </p>
      <p>{t('visitor.closed.email')}</p>
      <EmailInsteadForm
        page={page}
        values={props.values}
        label="visitor.contact.email_button"
        variant="primary"
      />
    </Layout>
  );
}

/**
 * Admission control: the wait is long (or unknown because nobody is online). E-mail is offered
 * first; joining the queue anyway is a deliberate second button.
 */
export function AdmissionPage(props: {
  readonly page: PageContext;
  readonly topic: ContactTopic;
  readonly estimate: WaitEstimate;
  readonly values: StartValues;
}) {
  const { page, estimate, values } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('visitor.admission.title')} narrow>
      <PageHeader
        title={t('visitor.admission.title')}
        caption={t('visitor.chat.caption', { topic: topicName(props.topic, locale) })}
      />
      <p class="callout" data-admission-wait>
        {estimate.kind === 'range'
          ? t('visitor.admission.wait', { low: estimate.lowMinutes, high: estimate.highMinutes })
          : estimate.kind === 'none'
            ? t('visitor.admission.none')
            : waitText(t, estimate)}
      </p>
      <p>{t('visitor.admission.offer')}</p>
      <div class="button-group">
        <EmailInsteadForm
          page={page}
          values={values}
          label="visitor.admission.email_button"
          variant="primary"
        />
        <form method="post" action={VISITOR_PATHS.chat} class="form--inline">
          <CsrfField page={page} />
          <input type="hidden" name="topicId" value={values.topicId} />
          <input type="hidden" name="name" value={values.name} />
          <input type="hidden" name="join" value="anyway" />
          <Button variant="secondary">{t('visitor.admission.join_button')}</Button>
        </form>
      </div>
      <p class="field__hint">{t('visitor.admission.join_hint')}</p>
    </Layout>
  );
}

function authorLabel(t: Translate, message: ChatMessage): string {
  if (message.author === 'visitor') return t('visitor.chat.author_you');
  if (message.author === 'agent') return message.agentName ?? t('visitor.chat.author_agent');
  return t('visitor.chat.author_system');
}

/** The conversation so far, oldest first; a polite log, so new messages are read out. */
function Thread(props: { readonly page: PageContext; readonly messages: readonly ChatMessage[] }) {
  const { t, locale } = props.page;
  return (
    <div class="chat-thread" role="log" aria-labelledby="chat-thread-title" data-chat-thread>
      <h2 class="chat-thread__title" id="chat-thread-title">
        {t('visitor.chat.thread_label')}
      </h2>
      <ol class="chat-thread__list" data-chat-thread-list>
        {props.messages.length === 0 && (
          <li class="chat-thread__empty" data-chat-thread-empty>
            {t('visitor.chat.thread_empty')}
          </li>
        )}
        {props.messages.map((message) => (
          <li
            key={message.id}
            class={`chat-message chat-message--${message.author}`}
            data-message-id={message.id}
          >
            <p class="chat-message__meta">
              <span class="chat-message__author">{authorLabel(t, message)}</span>{' '}
              <time class="chat-message__time" datetime={message.createdAt.toISOString()}>
                {formatTime(message.createdAt, locale)}
              </time>
            </p>
            <p class="chat-message__body">{chatMessageText(message, locale)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The texts the browser script shows (it has none of its own). */
function clientTexts(t: Translate): Record<string, string> {
  return {
    you: t('visitor.chat.author_you'),
    agent: t('visitor.chat.author_agent'),
    system: t('visitor.chat.author_system'),
    connecting: t('visitor.chat.connection_connecting'),
    open: t('visitor.chat.connection_open'),
    lost: t('visitor.chat.connection_lost'),
    retry: t('visitor.chat.connection_retry'),
    ended: t('visitor.status.ended'),
    left: t('visitor.status.left'),
    empty: t('visitor.message.error_empty'),
    tooLong: t('visitor.message.error_too_long'),
  };
}

/**
 * The chat page while queued or active. Works without JavaScript: the page refreshes itself
 * every {@link NO_JS_REFRESH_SECONDS} seconds (inside `<noscript>`, so a page whose script runs
 * never reloads) and every action is a form. `src/client/chat.ts` enhances it over the socket:
 * it updates the status region only on real changes, appends messages, sends without reload and
 * shows or hides the parts marked `data-chat-when` as the state changes.
 */
export function ChatPage(props: {
  readonly page: PageContext;
  readonly chat: VisitorChat;
  readonly topic: ContactTopic | undefined;
  readonly draft?: string | undefined;
  readonly errors?: FieldErrors | undefined;
  /** Self-refresh without JavaScript (off on request, and on a page showing errors). */
  readonly refresh: boolean;
}) {
  const { page, chat, errors } = props;
  const { t, locale } = page;
  const hasErrors = errors !== undefined && Object.keys(errors).length > 0;
  const title = t('visitor.chat.title');
  const status = {
    state: chat.state,
    position: chat.position,
    estimate: chat.estimate,
    agentName: chat.agentName,
  };
  const queued = chat.state === 'queued';
  const active = chat.state === 'active';
  return (
    <Layout page={page} title={hasErrors ? `${t('ui.error_prefix')} ${title}` : title}>
      {props.refresh && (
        <noscript>
          <meta http-equiv="refresh" content={String(NO_JS_REFRESH_SECONDS)} />
        </noscript>
      )}
      <ErrorSummary page={page} errors={errors} />
      <div
        class="chat"
        data-chat
        data-socket={VISITOR_PATHS.socket}
        data-state={chat.state}
        data-status-key={statusKey(status)}
        data-locale={locale}
        data-texts={JSON.stringify(clientTexts(t))}
      >
        <PageHeader
          title={title}
          caption={
            props.topic ? t('visitor.chat.caption', { topic: topicName(props.topic, locale) }) : undefined
          }
        />
        <section class={`chat-status chat-status--${chat.state}`} aria-labelledby="chat-status-title">
          <h2 class="chat-status__title" id="chat-status-title">
            {t('visitor.chat.status_heading')}
          </h2>
          <p
            class="chat-status__text"
            id="chat-status"
            role="status"
            aria-live="polite"
            aria-atomic="true"
            data-chat-status
          >
            {statusText(t, status)}
          </p>
          <p class="chat-status__hint" data-chat-when="queued" hidden={!queued}>
            {t('visitor.chat.keep_open')}
          </p>
          <p class="chat-status__connection" role="status" data-chat-connection />
          <p data-chat-when="over" hidden>
            <a href={VISITOR_PATHS.chat}>{t('visitor.chat.ended_continue')}</a>
          </p>
          <noscript>
            {props.refresh ? (
              <p class="chat-status__refresh">
                {t('visitor.chat.refresh_on')}{' '}
                <a href={`${VISITOR_PATHS.chat}?refresh=off`}>{t('visitor.chat.refresh_off_link')}</a>
              </p>
            ) : (
              <p class="chat-status__refresh">
                {t('visitor.chat.refresh_off')}{' '}
                <a href={`${VISITOR_PATHS.chat}?refresh=off`}>{t('visitor.chat.refresh_now')}</a>{' '}
                <a href={VISITOR_PATHS.chat}>{t('visitor.chat.refresh_on_link')}</a>
              </p>
            )}
          </noscript>
        </section>
        <Thread page={page} messages={chat.messages} />
        <form method="post" action={VISITOR_PATHS.message} novalidate class="chat-form" data-chat-form>
          <CsrfField page={page} />
          <TextareaField
            page={page}
            name="body"
            label="visitor.chat.message_label"
            hint="visitor.chat.message_hint"
            value={props.draft ?? ''}
            rows={3}
            maxLength={MAX_CHAT_MESSAGE}
            error={errors?.body}
          />
          <p class="field__error chat-form__error" role="alert" data-chat-send-error hidden />
          <div class="chat-form__actions">
            <Button>{t('visitor.chat.send')}</Button>
          </div>
          <div class="chat-email-offer" data-chat-when="queued" hidden={!queued}>
            <h2 class="chat-email-offer__title">{t('visitor.chat.email_offer_heading')}</h2>
            <p>{t('visitor.chat.email_offer')}</p>
            <button
              type="submit"
              class="button button--secondary"
              formaction={VISITOR_PATHS.email}
              formnovalidate
            >
              {t('visitor.chat.leave_for_email')}
            </button>
          </div>
        </form>
        <div class="chat-actions">
          <form method="post" action={VISITOR_PATHS.leave} data-chat-when="queued" hidden={!queued}>
            <CsrfField page={page} />
            <Button variant="secondary">{t('visitor.chat.leave')}</Button>
          </form>
          <form method="post" action={VISITOR_PATHS.end} data-chat-when="active" hidden={!active}>
            <CsrfField page={page} />
            <Button variant="warning">{t('visitor.chat.end')}</Button>
          </form>
        </div>
      </div>
      <script src="/build/chat.js" defer />
    </Layout>
  );
}

/** What the forms of the ended page show again after an error. */
export interface EndedValues {
  readonly email?: string;
  readonly rating?: string;
  readonly comment?: string;
}

/** The ended chat: the thread, a transcript by e-mail on request (once), the smiley rating (once). */
export function ChatEndedPage(props: {
  readonly page: PageContext;
  readonly chat: VisitorChat;
  readonly topic: ContactTopic | undefined;
  readonly values?: EndedValues | undefined;
  readonly errors?: FieldErrors | undefined;
  /** What was just done (shown as a success banner). */
  readonly done?: 'transcript' | 'rating' | undefined;
  /** The transcript was asked for again after it had been sent. */
  readonly transcriptAlready?: boolean;
}) {
  const { page, chat, errors } = props;
  const { t, locale } = page;
  const values = props.values ?? {};
  const hasErrors = errors !== undefined && Object.keys(errors).length > 0;
  const title = t('visitor.ended.title');
  return (
    <Layout
      page={page}
      title={hasErrors ? `${t('ui.error_prefix')} ${title}` : title}
      feedback="/contact/chat"
    >
      <ErrorSummary page={page} errors={errors} />
      {props.done === 'transcript' && (
        <NotificationBanner page={page} type="success" id="done-transcript">
          <p>{t('visitor.transcript.sent')}</p>
        </NotificationBanner>
      )}
      {props.done === 'rating' && (
        <NotificationBanner page={page} type="success" id="done-rating">
          <p>{t('visitor.rating.thanks')}</p>
        </NotificationBanner>
      )}
      <PageHeader
        title={title}
        caption={
          props.topic ? t('visitor.chat.caption', { topic: topicName(props.topic, locale) }) : undefined
        }
        lead={t('visitor.ended.lead')}
      />
      <Thread page={page} messages={chat.messages} />
      <section class="section" aria-labelledby="chat-transcript">
        <h2 id="chat-transcript">{t('visitor.transcript.heading')}</h2>
        {chat.transcriptSentAt ? (
          <p data-transcript-sent>
            {t(props.transcriptAlready ? 'visitor.transcript.already' : 'visitor.transcript.sent')}
          </p>
        ) : (
          <form method="post" action={VISITOR_PATHS.transcript} novalidate class="form">
            <CsrfField page={page} />
            <p>{t('visitor.transcript.text')}</p>
            <TextField
              page={page}
              name="email"
              type="email"
              label="visitor.transcript.email_label"
              value={values.email ?? ''}
              autocomplete="email"
              maxLength={254}
              width="medium"
              error={errors?.email}
            />
            <Button variant="secondary">{t('visitor.transcript.submit')}</Button>
          </form>
        )}
      </section>
      {chat.rating === null ? (
        <form method="post" action={VISITOR_PATHS.rating} novalidate class="form section chat-rating">
          <CsrfField page={page} />
          <RatingField page={page} value={values.rating} error={errors?.rating} />
          <TextareaField
            page={page}
            name="comment"
            label="visitor.rating.comment_label"
            hint="visitor.rating.comment_hint"
            value={values.comment ?? ''}
            rows={3}
            maxLength={2000}
            optional
            error={errors?.comment}
          />
          <Button>{t('visitor.rating.submit')}</Button>
        </form>
      ) : (
        props.done !== 'rating' && (
          <p class="section" data-rating-done>
            {t('visitor.rating.done')}
          </p>
        )
      )}
      <form method="post" action={VISITOR_PATHS.restart} class="section">
        <CsrfField page={page} />
        <Button variant="secondary">{t('visitor.ended.new_chat')}</Button>
      </form>
    </Layout>
  );
}

/** The mouth of each smiley, from a deep frown (1) to a broad smile (5): an SVG path. */
const MOUTHS = [
  'M8 17 Q12 12 16 17',
  'M8 16 Q12 13.5 16 16',
  'M8 15.5 L16 15.5',
  'M8 14.5 Q12 17.5 16 14.5',
  'M7.5 14 Q12 19.5 16.5 14',
] as const;

function Smiley(props: { readonly rating: number }) {
  return (
    <svg class="rating__face" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path
        d={MOUTHS[props.rating - 1] ?? MOUTHS[2]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
      />
    </svg>
  );
}

/**
 * Five smileys as a radio group: each option has its visible text ("Very satisfied"), the face
 * only repeats it (hidden from screen readers). Arrow keys move between them as in any radio group.
 */
function RatingField(props: {
  readonly page: PageContext;
  readonly value: string | undefined;
  readonly error: MessageKey | undefined;
}) {
  const { t } = props.page;
  const id = fieldId('rating');
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <fieldset class="fieldset rating" aria-describedby={errorId}>
        <legend class="fieldset__legend">{t('visitor.rating.legend')}</legend>
        {props.error && (
          <p class="field__error" id={errorId}>
            <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
            {t(props.error)}
          </p>
        )}
        <div class="rating__options">
          {([1, 2, 3, 4, 5] as const).map((n, index) => {
            const inputId = index === 0 ? id : `${id}-${n}`;
            return (
              <div class="rating__option" key={n}>
                <input
                  class="rating__input"
                  id={inputId}
                  type="radio"
                  name="rating"
                  value={String(n)}
                  checked={props.value === String(n)}
                  aria-invalid={props.error ? 'true' : undefined}
                />
                <label class="rating__label" for={inputId}>
                  <Smiley rating={n} />
                  <span class="rating__text">{t(`visitor.rating.${n}`)}</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

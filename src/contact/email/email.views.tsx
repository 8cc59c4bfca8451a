import { formatBrusselsDateTime } from '../../platform/audit/audit-period.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  fieldId,
  NotificationBanner,
  PageHeader,
  Select,
  StatusTag,
  type StatusTone,
  SummaryList,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import { type ContactTopic, topicName } from '../topics.js';
import {
  type EmailMessage,
  type EmailQueueItem,
  type EmailState,
  type EmailThread,
  formatMailDate,
} from './email.service.js';
import {
  EMAIL_FIELD,
  EMAIL_PATHS,
  type EmailQueueFilter,
  MAX_ANSWER_LENGTH,
  MAX_QUESTION_LENGTH,
} from './email-form.js';

/** What the e-mail form shows in its fields (also prefilled by the chat when a visitor leaves the queue). */
export type EmailFormValues = {
  name: string;
  email: string;
  topicId: string;
  question: string;
};

/** The empty form. */
export const emptyEmailForm: EmailFormValues = { name: '', email: '', topicId: '', question: '' };

/** Errors of the e-mail form: field name (`name`, `email`, `topicId`, `question`, `website`) → message. */
export type EmailFormErrors = FieldErrors;

/**
 * The public e-mail form (`/contact/email`). Works without JavaScript; on an error it is shown
 * again (422) with the error summary and everything typed. `notice` is an info banner above the
 * form (e.g. "You left the chat queue: your text is kept below"). `retentionDays` is shown in the
 * privacy line when given.
 */
export function EmailFormPage(props: {
  page: PageContext;
  values: EmailFormValues;
  errors?: EmailFormErrors | undefined;
  topics: readonly ContactTopic[];
  notice?: MessageKey | undefined;
  /** A warning above the form, already translated (a throttle). */
  warning?: string | undefined;
  /** Shows the honeypot field to people, with its error (someone's browser filled it in). */
  honeypotRevealed?: boolean;
  retentionDays?: number | undefined;
}) {
  const { page, values, errors } = props;
  const { t, locale } = page;
  const title = t('email.form.title');
  return (
    <Layout
      page={page}
      title={errors && Object.keys(errors).length > 0 ? `${t('ui.error_prefix')} ${title}` : title}
      narrow
    >
      <ErrorSummary page={page} errors={errors} />
      {props.warning && (
        <NotificationBanner page={page} type="warning">
          <p>{props.warning}</p>
        </NotificationBanner>
      )}
      {props.notice && (
        <NotificationBanner page={page} type="info">
          <p>{t(props.notice)}</p>
        </NotificationBanner>
      )}
      <PageHeader title={title} lead={t('email.form.lead')} />
      <p class="email-report-hint">
        {t('email.form.report_hint')} <a href="/report">{t('email.form.report_link')}</a>
      </p>
      <form method="post" action={EMAIL_PATHS.form} novalidate class="email-form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name={EMAIL_FIELD.name}
          label="email.form.name_label"
          value={values.name}
          autocomplete="name"
          maxLength={200}
          error={errors?.[EMAIL_FIELD.name]}
        />
        <TextField
          page={page}
          name={EMAIL_FIELD.email}
          type="email"
          label="email.form.email_label"
          hint="email.form.email_hint"
          value={values.email}
          autocomplete="email"
          maxLength={254}
          error={errors?.[EMAIL_FIELD.email]}
        />
        <Select
          page={page}
          name={EMAIL_FIELD.topicId}
          label="email.form.topic_label"
          placeholder="email.form.topic_placeholder"
          value={values.topicId}
          options={props.topics.map((topic) => ({
            value: topic.id,
            label: { text: topicName(topic, locale) },
          }))}
          error={errors?.[EMAIL_FIELD.topicId]}
        />
        <TextareaField
          page={page}
          name={EMAIL_FIELD.question}
          label="email.form.question_label"
          hint={{ text: t('email.form.question_hint', { max: MAX_QUESTION_LENGTH }) }}
          value={values.question}
          rows={10}
          maxLength={MAX_QUESTION_LENGTH}
          error={errors?.[EMAIL_FIELD.question]}
        />
        <Honeypot
          page={page}
          revealed={props.honeypotRevealed ?? false}
          error={errors?.[EMAIL_FIELD.honeypot]}
        />
        {props.retentionDays !== undefined && (
          <p class="field__hint">{t('email.form.retention', { days: props.retentionDays })}</p>
        )}
        <Button>{t('email.form.submit')}</Button>
      </form>
    </Layout>
  );
}

/** Hidden from people, filled by naive robots; shown with its error when a browser filled it in. */
function Honeypot(props: { page: PageContext; revealed: boolean; error: MessageKey | undefined }) {
  const { t } = props.page;
  const id = fieldId(EMAIL_FIELD.honeypot);
  if (props.revealed) {
    return (
      <TextField
        page={props.page}
        name={EMAIL_FIELD.honeypot}
        label="email.form.honeypot_label"
        value=""
        autocomplete="off"
        optional
        error={props.error ?? 'email.error.honeypot'}
      />
    );
  }
  return (
    <div class="email-hp" aria-hidden="true">
      <label for={id}>{t('email.form.honeypot_label')}</label>
      <input id={id} name={EMAIL_FIELD.honeypot} type="text" value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/** A due moment in the reader's language, without seconds ("02/12/2026 15:00"). */
export function formatDue(date: Date, locale: Locale): string {
  return formatBrusselsDateTime(date, locale).replace(/:\d\d$/, '');
}

/** After sending: what happens next, the 2-working-day target, the copy. */
export function EmailSentPage(props: { page: PageContext; email: string; dueAt: Date }) {
  const { page } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('email.sent.title')} narrow>
      <PageHeader title={t('email.sent.title')} />
      <NotificationBanner page={page} type="success">
        <p>{t('email.sent.copy', { email: props.email })}</p>
      </NotificationBanner>
      <h2>{t('email.sent.next_heading')}</h2>
      <p>{t('email.sent.target', { due: formatMailDate(props.dueAt, locale) })}</p>
      <p>{t('email.sent.reply')}</p>
      <p>{t('email.sent.no_copy')}</p>
      <p>
        <a href="/contact">{t('email.sent.back')}</a>
      </p>
    </Layout>
  );
}

const stateTone: Record<EmailState, StatusTone> = { open: 'info', answered: 'success', closed: 'neutral' };

function StateTag(props: { page: PageContext; state: EmailState }) {
  return <StatusTag page={props.page} label={`email.state.${props.state}`} tone={stateTone[props.state]} />;
}

/** The due line in words: overdue against the target, or when it is due; nothing once answered. */
function DueText(props: { page: PageContext; item: Pick<EmailQueueItem, 'state' | 'dueAt' | 'overdue'> }) {
  const { page, item } = props;
  const { t, locale } = page;
  if (item.state !== 'open' || !item.dueAt) return <span>{t('email.queue.done')}</span>;
  const due = formatDue(item.dueAt, locale);
  if (item.overdue) {
    return (
      <span class="email-overdue">
        <StatusTag page={page} label={{ text: t('email.queue.overdue', { due }) }} tone="danger" />
      </span>
    );
  }
  return <span>{t('email.queue.due', { due })}</span>;
}

function topicLabel(topics: readonly ContactTopic[], id: string, locale: Locale): string {
  const topic = topics.find((candidate) => candidate.id === id);
  return topic ? topicName(topic, locale) : '';
}

const filters: readonly EmailQueueFilter[] = ['open', 'answered', 'closed', 'all'];

/** The agents' e-mail queue (`/console/email`): oldest first, overdue marked in words. */
export function EmailQueuePage(props: {
  page: PageContext;
  items: readonly EmailQueueItem[];
  filter: EmailQueueFilter;
  counts: { open: number; overdue: number };
  topics: readonly ContactTopic[];
}) {
  const { page } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('email.queue.title')}>
      <p>
        <a href="/console">{t('email.queue.back_console')}</a>
      </p>
      <PageHeader title={t('email.queue.title')} lead={t('email.queue.lead')}>
        <p>{t('email.queue.summary', props.counts)}</p>
      </PageHeader>
      <form method="get" action={EMAIL_PATHS.queue} class="email-filter">
        <Select
          page={page}
          name="state"
          label="email.queue.filter_label"
          value={props.filter}
          options={filters.map((f) => ({
            value: f,
            label: f === 'all' ? 'email.filter.all' : `email.state.${f}`,
          }))}
        />
        <Button variant="secondary">{t('email.queue.filter_submit')}</Button>
      </form>
      <Table
        page={page}
        caption="email.queue.caption"
        columns={[
          { key: 'received', label: 'email.queue.col_received' },
          { key: 'from', label: 'email.queue.col_from' },
          { key: 'topic', label: 'email.queue.col_topic' },
          { key: 'subject', label: 'email.queue.col_subject' },
          { key: 'state', label: 'email.queue.col_state' },
          { key: 'due', label: 'email.queue.col_due' },
        ]}
        rows={props.items.map((item) => ({
          key: item.id,
          cells: [
            formatDue(item.createdAt, locale),
            <a href={EMAIL_PATHS.thread(item.id)} key="from">
              {item.visitorName}
            </a>,
            topicLabel(props.topics, item.topicId, locale),
            item.subject,
            <StateTag page={page} state={item.state} key="state" />,
            <DueText page={page} item={item} key="due" />,
          ],
        }))}
        empty="email.queue.empty"
      />
    </Layout>
  );
}

function authorLabel(page: PageContext, thread: EmailThread, message: EmailMessage): string {
  const { t } = page;
  switch (message.author) {
    case 'visitor':
      return t('email.thread.author_visitor', { name: thread.visitorName });
    case 'agent':
      return message.agentName
        ? t('email.thread.author_agent', { name: message.agentName })
        : t('email.thread.author_agent_unknown');
    case 'system':
      return t('email.thread.author_system');
    default: {
      const never: never = message.author;
      return never;
    }
  }
}

function messageText(page: PageContext, message: EmailMessage): string {
  if (message.author !== 'system') return message.body;
  // A system message's body is a catalogue key; an unknown one is shown as it is.
  return page.t(message.body as MessageKey);
}

/** One conversation for an agent (`/console/email/:id`): the whole thread and the answer form. */
export function EmailThreadPage(props: {
  page: PageContext;
  thread: EmailThread;
  topics: readonly ContactTopic[];
  answer?: string;
  errors?: FieldErrors | undefined;
  done?: MessageKey | undefined;
}) {
  const { page, thread } = props;
  const { t, locale } = page;
  const title = t('email.thread.title', { name: thread.visitorName });
  const closed = thread.state === 'closed';
  return (
    <Layout page={page} title={props.errors ? `${t('ui.error_prefix')} ${title}` : title}>
      <p>
        <a href={EMAIL_PATHS.queue}>{t('email.thread.back')}</a>
      </p>
      <ErrorSummary page={page} errors={props.errors} />
      {props.done && (
        <NotificationBanner page={page} type="success">
          <p>{t(props.done)}</p>
        </NotificationBanner>
      )}
      <PageHeader title={title} caption={t('email.thread.caption')} />
      <SummaryList
        page={page}
        rows={[
          { key: 'email.thread.details_from', value: thread.visitorName },
          { key: 'email.thread.details_address', value: thread.visitorEmail },
          { key: 'email.thread.details_topic', value: topicLabel(props.topics, thread.topicId, locale) },
          { key: 'email.thread.details_state', value: <StateTag page={page} state={thread.state} /> },
          { key: 'email.thread.details_received', value: formatDue(thread.createdAt, locale) },
          { key: 'email.thread.details_due', value: <DueText page={page} item={thread} /> },
        ]}
      />
      <h2>{t('email.thread.heading')}</h2>
      <ol class="email-thread">
        {thread.messages.map((message) => (
          <li key={message.id} class={`email-thread__message email-thread__message--${message.author}`}>
            <p class="email-thread__meta">
              <strong>{authorLabel(page, thread, message)}</strong>{' '}
              <time dateTime={message.createdAt.toISOString()}>{formatDue(message.createdAt, locale)}</time>
            </p>
            <div class="email-thread__body">{messageText(page, message)}</div>
          </li>
        ))}
      </ol>
      {closed && (
        <>
          <p>{t('email.thread.closed_note')}</p>
          <form method="post" action={EMAIL_PATHS.reopen(thread.id)}>
            <CsrfField page={page} />
            <Button variant="secondary">{t('email.reopen.submit')}</Button>
          </form>
        </>
      )}
      {/* A closed conversation shows the answer form only to give back what the agent typed. */}
      {(!closed || props.answer) && (
        <>
          <h2>{t('email.thread.answer_heading')}</h2>
          <form method="post" action={EMAIL_PATHS.answer(thread.id)} novalidate>
            <CsrfField page={page} />
            <TextareaField
              page={page}
              name={EMAIL_FIELD.answer}
              label="email.answer.label"
              hint={{ text: t('email.answer.hint', { email: thread.visitorEmail, max: MAX_ANSWER_LENGTH }) }}
              value={props.answer ?? ''}
              rows={10}
              maxLength={MAX_ANSWER_LENGTH}
              error={props.errors?.[EMAIL_FIELD.answer]}
            />
            <Button>{t('email.answer.submit')}</Button>
          </form>
        </>
      )}
      {!closed && (
        <form method="post" action={EMAIL_PATHS.close(thread.id)} class="email-close">
          <CsrfField page={page} />
          <Button variant="secondary">{t('email.close.submit')}</Button>
        </form>
      )}
      <p>
        <ButtonLink href={EMAIL_PATHS.queue} variant="secondary">
          {t('email.thread.back')}
        </ButtonLink>
      </p>
    </Layout>
  );
}

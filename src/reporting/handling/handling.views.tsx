import type { ComponentChildren } from 'preact';
import type { ReportStatus } from '../../platform/db/schema.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  FileInput,
  NotificationBanner,
  PageHeader,
  Pagination,
  Radios,
  Select,
  StatusTag,
  type StatusTone,
  SummaryList,
  type SummaryRow,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import { type Answer, type Question, questionText } from '../questionnaire.js';
import { formatReceipt, type Receipt } from '../receipt.js';
import { NOT_ACKNOWLEDGED_REASONS } from '../report-clock.js';
import type { ReporterIdentity, ReportFileView } from '../report-store.js';
import { FormOnce } from './form-once.js';
import {
  HANDLING_LIMITS,
  INBOX_PAGE_SIZE,
  type InboxQuery,
  REPORT_STATUSES,
  type ReportClockReading,
} from './handling.js';
import type { CategoryName, ChannelName } from './handling.repository.js';
import type {
  listInboxForHandler,
  OralChannelOptions,
  ReportDetails,
  ThreadEntry,
} from './handling.service.js';

/** Submitted form values (strings, arrays for repeated fields), shown again after a refusal. */
export type FormValues = Readonly<Record<string, string | string[]>>;

// ——— Shared bits ———

const dateTimeFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }),
};
/** The day only, for the inbox's columns (the report's page gives the time too). */
const shortDateTimeFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', { dateStyle: 'short', timeZone: 'Europe/Brussels' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: 'Europe/Brussels' }),
};
const dateFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }),
};

/** A moment in Brussels time, in the reader's language, as a `<time>` element. */
function When(props: { readonly page: PageContext; readonly date: Date; readonly short?: boolean }) {
  const formats = props.short ? shortDateTimeFormats : dateTimeFormats;
  return <time dateTime={props.date.toISOString()}>{formats[props.page.locale].format(props.date)}</time>;
}

/** A calendar date answer (`YYYY-MM-DD`) in the reader's language; anything else as typed. */
function formatDateAnswer(value: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateFormats[locale].format(date);
}

function formatSize(page: PageContext, bytes: number): string {
  if (bytes < 1024) return page.t('handling.file.size_bytes', { n: bytes });
  if (bytes < 1024 * 1024) return page.t('handling.file.size_kb', { n: Math.ceil(bytes / 1024) });
  return page.t('handling.file.size_mb', { n: (bytes / (1024 * 1024)).toFixed(1) });
}

export function channelLabel(page: PageContext, channel: ChannelName | undefined): string {
  if (!channel) return '—';
  return page.locale === 'nl' ? channel.nameNl : channel.nameEn;
}

function categoryLabel(page: PageContext, category: CategoryName | undefined): string {
  if (!category) return '—';
  return page.locale === 'nl' ? category.labelNl : category.labelEn;
}

const statusTones: Readonly<Record<ReportStatus, StatusTone>> = {
  received: 'info',
  acknowledged: 'progress',
  in_treatment: 'progress',
  closed: 'neutral',
};

function ReportStatusTag(props: { readonly page: PageContext; readonly status: ReportStatus }) {
  return (
    <StatusTag
      page={props.page}
      label={`reporting.status.${props.status}`}
      tone={statusTones[props.status]}
    />
  );
}

/** A due date with its state in words ("overdue", "done"), never in colour only. */
function DueDate(props: {
  readonly page: PageContext;
  readonly clock: ReportClockReading['acknowledgement'] | ReportClockReading['feedback'];
  readonly short?: boolean;
}) {
  const { page, clock } = props;
  const exempt = 'exempt' in clock && clock.exempt;
  return (
    <span class="handling-due">
      <When page={page} date={clock.due} short={props.short ?? false} />{' '}
      {clock.outstandingOverdue ? (
        <StatusTag page={page} label="handling.clock.overdue" tone="danger" />
      ) : exempt ? (
        <StatusTag page={page} label="handling.clock.exempt" tone="neutral" />
      ) : clock.done ? (
        <StatusTag
          page={page}
          label={clock.status === 'overdue' ? 'handling.clock.done_late' : 'handling.clock.done'}
          tone="success"
        />
      ) : null}
    </span>
  );
}

function HandlingLayout(props: {
  readonly page: PageContext;
  readonly title: string;
  readonly children: ComponentChildren;
  readonly narrow?: boolean;
}) {
  return (
    <Layout page={props.page} title={props.title} narrow={props.narrow ?? false}>
      {props.children}
    </Layout>
  );
}

function value(values: FormValues | undefined, name: string): string | undefined {
  const v = values?.[name];
  return v === undefined ? undefined : typeof v === 'string' ? v : v[0];
}

function many(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

// ——— Inbox ———

/** What happened just before a redirect to the inbox. */
export const inboxNotices = {
  forwarded: 'handling.notice.forwarded_away',
  recused: 'handling.notice.recused',
} as const satisfies Record<string, MessageKey>;
export type InboxNotice = keyof typeof inboxNotices;

export function InboxPage(props: {
  readonly page: PageContext;
  readonly query: InboxQuery;
  readonly result: Awaited<ReturnType<typeof listInboxForHandler>>;
  readonly notice: InboxNotice | undefined;
}) {
  const { page, query, result } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.inbox.title')}>
      <PageHeader title={t('handling.inbox.title')} lead={t('handling.inbox.lead')}>
        <ButtonLink href="/handling/oral/new" variant="secondary">
          {t('handling.oral.start')}
        </ButtonLink>
      </PageHeader>
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(inboxNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <search aria-label={t('handling.inbox.filters_label')}>
        <form method="get" action="/handling" class="filters">
          <Select
            page={page}
            name="status"
            label="handling.inbox.filter_status"
            value={query.status ?? ''}
            options={[
              { value: '', label: 'handling.inbox.filter_all' },
              ...REPORT_STATUSES.map((s) => ({ value: s, label: `reporting.status.${s}` as MessageKey })),
            ]}
            optional
          />
          <Select
            page={page}
            name="channel"
            label="handling.inbox.filter_channel"
            value={query.channelId ?? ''}
            options={[
              { value: '', label: 'handling.inbox.filter_all' },
              ...result.channels.map((c) => ({ value: c.id, label: { text: channelLabel(page, c) } })),
            ]}
            optional
          />
          <Checkboxes
            page={page}
            name="overdue"
            legend="handling.inbox.filter_overdue_legend"
            values={query.overdueOnly ? ['1'] : []}
            options={[{ value: '1', label: 'handling.inbox.filter_overdue' }]}
          />
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.direction} />
          <Button variant="secondary">{t('handling.inbox.filter_apply')}</Button>
        </form>
      </search>
      <div class="handling-inbox">
        <Table
          page={page}
          caption="handling.inbox.caption"
          columns={[
            { key: 'reference', label: 'handling.field.reference' },
            { key: 'status', label: 'handling.field.status' },
            { key: 'channel', label: 'handling.field.channel' },
            { key: 'category', label: 'handling.field.category' },
            { key: 'received', label: 'handling.field.received', sortable: true },
            { key: 'ack_due', label: 'handling.inbox.col_ack_due', sortable: true },
            { key: 'feedback_due', label: 'handling.inbox.col_feedback_due', sortable: true },
          ]}
          rowHeaders
          sort={{ column: query.sort, direction: query.direction }}
          empty={
            query.status || query.channelId || query.overdueOnly
              ? 'handling.inbox.empty_filtered'
              : 'handling.inbox.empty'
          }
          rows={result.rows.map((r) => ({
            key: r.id,
            cells: [
              <a key="ref" href={`/handling/reports/${r.id}`}>
                {r.reference}
              </a>,
              <ReportStatusTag key="status" page={page} status={r.status} />,
              channelLabel(page, r.channel),
              categoryLabel(page, r.category),
              <When key="received" page={page} date={r.receivedAt} short />,
              <DueDate key="ack" page={page} clock={r.clocks.acknowledgement} short />,
              <DueDate key="feedback" page={page} clock={r.clocks.feedback} short />,
            ],
          }))}
        />
      </div>
      <Pagination page={page} currentPage={query.page} pageSize={INBOX_PAGE_SIZE} total={result.total} />
    </HandlingLayout>
  );
}

// ——— A report ———

/** What happened just before a redirect to the report page. */
export const reportNotices = {
  acknowledged: 'handling.notice.acknowledged',
  not_acknowledged: 'handling.notice.not_acknowledged',
  not_acknowledged_told: 'handling.notice.not_acknowledged_told',
  message_sent: 'handling.notice.message_sent',
  minutes_added: 'handling.notice.minutes_added',
  forwarded: 'handling.notice.forwarded',
  access_granted: 'handling.notice.access_granted',
} as const satisfies Record<string, MessageKey>;
export type ReportNotice = keyof typeof reportNotices;

/** Which form on the report page a refused submission came from. */
export type ReportForm = 'acknowledge' | 'not_acknowledged' | 'message' | 'minutes' | 'forward' | 'reveal';

export interface ReportPageState {
  readonly notice?: ReportNotice | undefined;
  readonly form?: ReportForm | undefined;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
  /** A refusal of the whole action (already acknowledged, …). */
  readonly refusal?: MessageKey | undefined;
  /** Shown once, after a reveal with a reason. */
  readonly revealed?: ReporterIdentity | undefined;
}

export function ReportPage(props: {
  readonly page: PageContext;
  readonly details: ReportDetails;
  readonly state: ReportPageState;
}) {
  const { page, details, state } = props;
  const { t } = page;
  const { row } = details;
  const base = `/handling/reports/${row.id}`;
  const filesById = new Map(details.files.map((f) => [f.id, f]));
  const forForm = (form: ReportForm) => (state.form === form ? state.values : undefined);
  const errorOf = (form: ReportForm, field: string) =>
    state.form === form ? state.errors?.[field] : undefined;
  const canAcknowledge = row.acknowledged_at === null && row.status === 'received';
  const canRecordWhyNot = row.acknowledged_at === null && row.not_acknowledged_reason === null;
  return (
    <HandlingLayout page={page} title={t('handling.report.title', { reference: row.reference })}>
      <p>
        <a href="/handling">{t('handling.report.back')}</a>
      </p>
      <PageHeader title={row.reference} caption={t('handling.report.caption')} />
      <ErrorSummary page={page} errors={state.errors} />
      {state.refusal && (
        <NotificationBanner page={page} type="warning" id="refusal">
          <p>{t(state.refusal)}</p>
        </NotificationBanner>
      )}
      {state.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(reportNotices[state.notice])}</p>
        </NotificationBanner>
      )}

      <section class="section" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('handling.report.facts')}</h2>
        <SummaryList
          page={page}
          rows={[
            { key: 'handling.field.status', value: <ReportStatusTag page={page} status={row.status} /> },
            { key: 'handling.field.channel', value: channelLabel(page, details.channel) },
            { key: 'handling.field.category', value: categoryLabel(page, details.category) },
            { key: 'handling.field.identity_mode', value: t(`reporting.identity.${row.identity_mode}`) },
            { key: 'handling.field.source', value: t(`reporting.source.${row.source}`) },
            { key: 'handling.field.received', value: <When page={page} date={row.received_at} /> },
            {
              key: 'handling.field.ack_due',
              value: <DueDate page={page} clock={details.clocks.acknowledgement} />,
            },
            ...(row.acknowledged_at
              ? [
                  {
                    key: 'handling.field.acknowledged_at',
                    value: <When page={page} date={row.acknowledged_at} />,
                  } as SummaryRow,
                ]
              : []),
            ...(row.not_acknowledged_reason
              ? [
                  {
                    key: 'handling.field.not_acknowledged_reason',
                    value: t(`reporting.reason.${row.not_acknowledged_reason}`),
                  } as SummaryRow,
                ]
              : []),
            {
              key: 'handling.field.feedback_due',
              value: <DueDate page={page} clock={details.clocks.feedback} />,
            },
            {
              key: 'handling.field.notify',
              value: t(details.hasNotifyAddress ? 'handling.report.notify_yes' : 'handling.report.notify_no'),
            },
          ]}
        />
      </section>

      <IdentitySection
        page={page}
        details={details}
        revealed={state.revealed}
        error={errorOf('reveal', 'reveal_reason')}
        values={forForm('reveal')}
      />

      <section class="section" aria-labelledby="answers-title">
        <h2 id="answers-title">{t('handling.report.answers')}</h2>
        <Answers page={page} details={details} filesById={filesById} base={base} />
      </section>

      <section class="section" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('handling.report.thread')}</h2>
        {details.thread.length === 0 ? (
          <p>{t('handling.report.thread_empty')}</p>
        ) : (
          <ol class="handling-thread">
            {details.thread.map((entry) => (
              <ThreadItem key={entry.id} page={page} entry={entry} base={base} />
            ))}
          </ol>
        )}
      </section>

      <section class="section" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('handling.report.actions')}</h2>

        {canAcknowledge && (
          <form method="post" action={`${base}/acknowledge`} class="form handling-action">
            <CsrfField page={page} />
            <h3>{t('handling.ack.title')}</h3>
            <p>{t('handling.ack.lead')}</p>
            <TextareaField
              page={page}
              name="ack_text"
              label="handling.ack.text"
              hint="handling.ack.text_hint"
              value={value(forForm('acknowledge'), 'ack_text') ?? t('handling.ack.default_text')}
              error={errorOf('acknowledge', 'ack_text')}
              maxLength={HANDLING_LIMITS.message}
              rows={6}
            />
            <Button>{t('handling.ack.submit')}</Button>
          </form>
        )}

        {canRecordWhyNot && (
          <form method="post" action={`${base}/not-acknowledged`} class="form handling-action">
            <CsrfField page={page} />
            <h3>{t('handling.not_ack.title')}</h3>
            <Radios
              page={page}
              name="reason"
              legend="handling.not_ack.reason"
              hint="handling.not_ack.reason_hint"
              value={value(forForm('not_acknowledged'), 'reason')}
              error={errorOf('not_acknowledged', 'reason')}
              options={NOT_ACKNOWLEDGED_REASONS.map((r) => ({
                value: r,
                label: `reporting.reason.${r}` as MessageKey,
                hint: `handling.not_ack.hint_${r}` as MessageKey,
              }))}
            />
            <TextareaField
              page={page}
              name="not_ack_text"
              label="handling.not_ack.text"
              hint="handling.not_ack.text_hint"
              value={value(forForm('not_acknowledged'), 'not_ack_text') ?? t('handling.not_ack.default_text')}
              error={errorOf('not_acknowledged', 'not_ack_text')}
              maxLength={HANDLING_LIMITS.message}
              optional
            />
            <Button variant="secondary">{t('handling.not_ack.submit')}</Button>
          </form>
        )}

        <form
          method="post"
          action={`${base}/messages`}
          enctype="multipart/form-data"
          class="form handling-action"
        >
          <CsrfField page={page} />
          <input
            type="hidden"
            name="form_id"
            value={value(forForm('message'), 'form_id') ?? FormOnce.newId()}
          />
          <h3>{t('handling.message.title')}</h3>
          <TextareaField
            page={page}
            name="message_text"
            label="handling.message.text"
            hint="handling.message.text_hint"
            value={value(forForm('message'), 'message_text') ?? ''}
            error={errorOf('message', 'message_text')}
            maxLength={HANDLING_LIMITS.message}
            rows={6}
          />
          <Checkboxes
            page={page}
            name="strip_metadata"
            legend="handling.message.strip_legend"
            values={forForm('message') ? many(forForm('message'), 'strip_metadata') : ['1']}
            options={[{ value: '1', label: 'handling.message.strip', hint: 'handling.message.strip_hint' }]}
          />
          <FileInput
            page={page}
            name="files"
            label="handling.message.files"
            hint="handling.message.files_hint"
            error={errorOf('message', 'files')}
            multiple
            optional
          />
          <Button>{t('handling.message.submit')}</Button>
        </form>

        <form method="post" action={`${base}/minutes`} class="form handling-action">
          <CsrfField page={page} />
          <input
            type="hidden"
            name="form_id"
            value={value(forForm('minutes'), 'form_id') ?? FormOnce.newId()}
          />
          <h3>{t('handling.minutes.title')}</h3>
          <p>{t(details.hasOpenMinutes ? 'handling.minutes.lead_supersede' : 'handling.minutes.lead')}</p>
          <TextareaField
            page={page}
            name="minutes_text"
            label="handling.minutes.text"
            hint="handling.minutes.text_hint"
            value={value(forForm('minutes'), 'minutes_text') ?? ''}
            error={errorOf('minutes', 'minutes_text')}
            maxLength={HANDLING_LIMITS.minutes}
            rows={8}
          />
          <Button variant="secondary">{t('handling.minutes.submit')}</Button>
        </form>

        <form method="post" action={`${base}/forward`} class="form handling-action">
          <CsrfField page={page} />
          <h3>{t('handling.forward.title')}</h3>
          <p>{t('handling.forward.lead')}</p>
          {details.forwardTargets.length === 0 ? (
            <p>{t('handling.forward.none')}</p>
          ) : (
            <>
              <Select
                page={page}
                name="channel"
                label="handling.forward.channel"
                placeholder="handling.forward.choose"
                value={value(forForm('forward'), 'channel')}
                error={errorOf('forward', 'channel')}
                options={details.forwardTargets.map((c) => ({
                  value: c.id,
                  label: { text: channelLabel(page, c) },
                }))}
              />
              <Button variant="secondary">{t('handling.forward.submit')}</Button>
            </>
          )}
        </form>

        <div class="handling-action">
          <h3>{t('handling.recuse.title')}</h3>
          <p>{t('handling.recuse.lead')}</p>
          <ButtonLink href={`${base}/recuse`} variant="secondary">
            {t('handling.recuse.start')}
          </ButtonLink>
        </div>
      </section>

      <section class="section" aria-labelledby="access-title">
        <h2 id="access-title">{t('handling.access.title')}</h2>
        <ul class="list--bullet">
          {details.access
            .filter((a) => a.hasSeal)
            .map((a) => (
              <li key={a.userId}>
                {a.name}
                {a.userId === page.auth?.userId && ` ${t('handling.access.you')}`}
              </li>
            ))}
        </ul>
        {details.access.some((a) => !a.hasSeal) && (
          <>
            <h3>{t('handling.access.pending_title')}</h3>
            <p>{t('handling.access.grant_lead')}</p>
            <form method="post" action={`${base}/grant`} class="form">
              <CsrfField page={page} />
              <ul class="list--bullet">
                {details.access
                  .filter((a) => !a.hasSeal)
                  .map((a) => (
                    <li key={a.userId}>
                      {a.name} — {t('handling.access.pending')}{' '}
                      {a.hasKeys ? (
                        <Button variant="secondary" name="user" value={a.userId}>
                          {t('handling.access.grant')}
                          <span class="visually-hidden">
                            {' '}
                            {t('handling.access.grant_to', { name: a.name })}
                          </span>
                        </Button>
                      ) : (
                        <span class="hint">{t('handling.access.no_keys')}</span>
                      )}
                    </li>
                  ))}
              </ul>
            </form>
          </>
        )}
        {details.excludedCount > 0 && <p>{t('handling.access.excluded', { n: details.excludedCount })}</p>}
        {details.recusedCount > 0 && <p>{t('handling.access.recused', { n: details.recusedCount })}</p>}
      </section>
    </HandlingLayout>
  );
}

function IdentitySection(props: {
  readonly page: PageContext;
  readonly details: ReportDetails;
  readonly revealed: ReporterIdentity | undefined;
  readonly error: MessageKey | undefined;
  readonly values: FormValues | undefined;
}) {
  const { page, details } = props;
  const { t } = page;
  const mode = details.row.identity_mode;
  const shown = mode === 'named' ? details.identity : props.revealed;
  return (
    <section class="section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('handling.identity.title')}</h2>
      {mode === 'anonymous' && <p>{t('handling.identity.anonymous')}</p>}
      {shown && (
        <>
          {mode === 'confidential' && (
            <NotificationBanner page={page} type="warning" id="revealed">
              <p>{t('handling.identity.revealed_warning')}</p>
            </NotificationBanner>
          )}
          <SummaryList
            page={page}
            rows={[
              { key: 'handling.identity.name', value: shown.name },
              { key: 'handling.identity.contact', value: shown.contact || '—' },
            ]}
          />
        </>
      )}
      {mode === 'confidential' && !shown && (
        <form method="post" action={`/handling/reports/${details.row.id}/reveal`} class="form">
          <CsrfField page={page} />
          <p>{t('handling.identity.confidential')}</p>
          <TextareaField
            page={page}
            name="reveal_reason"
            label="handling.identity.reason"
            hint="handling.identity.reason_hint"
            value={value(props.values, 'reveal_reason') ?? ''}
            error={props.error}
            maxLength={HANDLING_LIMITS.revealReason}
            rows={3}
          />
          <Button variant="warning">{t('handling.identity.reveal')}</Button>
        </form>
      )}
    </section>
  );
}

function Answers(props: {
  readonly page: PageContext;
  readonly details: ReportDetails;
  readonly filesById: ReadonlyMap<string, ReportFileView>;
  readonly base: string;
}) {
  const { page, details } = props;
  const { t } = page;
  const answers = details.answers;
  const questions = details.questions ?? [];
  const known = new Set(questions.map((q) => q.id));
  const rows: SummaryRow[] = questions.map((q) => ({
    key: { text: questionText(q, 'label', page.locale) },
    value: (
      <AnswerValue
        page={page}
        question={q}
        answer={answers[q.id]}
        filesById={props.filesById}
        base={props.base}
      />
    ),
  }));
  for (const [id, answer] of Object.entries(answers)) {
    if (known.has(id)) continue;
    rows.push({
      key: id === 'summary' ? 'handling.answer.summary' : { text: id },
      value: (
        <AnswerValue
          page={page}
          question={undefined}
          answer={answer}
          filesById={props.filesById}
          base={props.base}
        />
      ),
    });
  }
  if (rows.length === 0) return <p>{t('handling.answer.none_at_all')}</p>;
  return <SummaryList page={page} rows={rows} />;
}

function AnswerValue(props: {
  readonly page: PageContext;
  readonly question: Question | undefined;
  readonly answer: Answer | undefined;
  readonly filesById: ReadonlyMap<string, ReportFileView>;
  readonly base: string;
}) {
  const { page, question, answer } = props;
  const { t } = page;
  if (answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0)) {
    return <span class="hint">{t('handling.answer.none')}</span>;
  }
  const list = typeof answer === 'string' ? [answer] : answer;
  const optionLabel = (id: string) => {
    const option = question?.options.find((o) => o.id === id);
    return option ? (page.locale === 'nl' ? option.label_nl : option.label_en) : id;
  };
  switch (question?.type) {
    case 'files':
      return (
        <ul class="handling-files">
          {list.map((id) => {
            const file = props.filesById.get(id);
            return (
              <li key={id}>
                {file ? <FileLink page={page} file={file} base={props.base} /> : t('handling.file.missing')}
              </li>
            );
          })}
        </ul>
      );
    case 'yes_no':
      return (
        <>
          {list
            .map((v) => (v === 'yes' ? t('handling.answer.yes') : v === 'no' ? t('handling.answer.no') : v))
            .join(', ')}
        </>
      );
    case 'single_choice':
      return <>{list.map(optionLabel).join(', ')}</>;
    case 'multiple_choice':
      return (
        <ul class="list--bullet">
          {list.map((id) => (
            <li key={id}>{optionLabel(id)}</li>
          ))}
        </ul>
      );
    case 'date':
      return <>{list.map((v) => formatDateAnswer(v, page.locale)).join(', ')}</>;
    default:
      return <p class="handling-text">{list.join('\n')}</p>;
  }
}

function FileLink(props: {
  readonly page: PageContext;
  readonly file: ReportFileView;
  readonly base: string;
}) {
  const { page, file } = props;
  return (
    <>
      <a href={`${props.base}/files/${file.id}`} download>
        {file.filename}
      </a>{' '}
      <span class="hint">({`${file.mediaType}, ${formatSize(page, file.sizeBytes)}`})</span>
    </>
  );
}

const minutesStatusKeys = {
  awaiting_signature: 'handling.minutes.status_awaiting_signature',
  signed: 'handling.minutes.status_signed',
  corrections_proposed: 'handling.minutes.status_corrections_proposed',
  superseded: 'handling.minutes.status_superseded',
} as const satisfies Record<string, MessageKey>;

function ThreadItem(props: {
  readonly page: PageContext;
  readonly entry: ThreadEntry;
  readonly base: string;
}) {
  const { page, entry } = props;
  const { t } = page;
  const author =
    entry.author === 'reporter'
      ? t('reporting.author.reporter')
      : entry.author === 'system'
        ? t('reporting.author.system')
        : (entry.authorName ?? t('reporting.author.handler'));
  return (
    <li class={`handling-thread__item handling-thread__item--${entry.author}`}>
      <p class="handling-thread__meta">
        <strong>{author}</strong> · {t(`reporting.kind.${entry.kind}`)} ·{' '}
        <When page={page} date={entry.createdAt} />
      </p>
      {entry.text !== null && <p class="handling-text">{entry.text}</p>}
      {entry.minutes && (
        <div class="handling-minutes">
          <p>
            <StatusTag
              page={page}
              label={minutesStatusKeys[entry.minutes.status]}
              tone={
                entry.minutes.status === 'signed'
                  ? 'success'
                  : entry.minutes.status === 'superseded'
                    ? 'neutral'
                    : 'warning'
              }
            />
          </p>
          <p class="handling-text">{entry.minutes.text}</p>
        </div>
      )}
      {entry.files.length > 0 && (
        <ul class="handling-files">
          {entry.files.map((f) => (
            <li key={f.id}>
              <FileLink page={page} file={f} base={props.base} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Entitled, but no sealed copy of the report key: a colleague must grant it; recusing is possible. */
export function AccessPendingPage(props: {
  readonly page: PageContext;
  readonly reportId: string;
  readonly reference: string;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.pending.title', { reference: props.reference })} narrow>
      <PageHeader title={props.reference} caption={t('handling.report.caption')} />
      <NotificationBanner page={page} type="info" title="handling.pending.title_short">
        <p>{t('handling.pending.body')}</p>
      </NotificationBanner>
      <h2>{t('handling.recuse.title')}</h2>
      <p>{t('handling.pending.recuse_lead')}</p>
      <p>
        <ButtonLink href={`/handling/reports/${props.reportId}/recuse`} variant="secondary">
          {t('handling.recuse.start')}
        </ButtonLink>
      </p>
      <p>
        <a href="/handling">{t('handling.report.back')}</a>
      </p>
    </HandlingLayout>
  );
}

/** A report that did not decrypt (a damaged row, a key that does not match). */
export function UnreadablePage(props: { readonly page: PageContext; readonly requestId: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.unreadable.title')} narrow>
      <h1>{t('handling.unreadable.title')}</h1>
      <p class="lead">{t('handling.unreadable.body')}</p>
      <p class="hint">{t('handling.unreadable.reference', { id: props.requestId })}</p>
      <p>
        <a href="/handling">{t('handling.report.back')}</a>
      </p>
    </HandlingLayout>
  );
}

/** "Are you sure?" before a recusal. */
export function RecuseConfirmPage(props: {
  readonly page: PageContext;
  readonly reportId: string;
  readonly reference: string;
  readonly refusal?: MessageKey | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.recuse.confirm_title')} narrow>
      <PageHeader title={t('handling.recuse.confirm_title')} caption={props.reference} />
      {props.refusal && (
        <NotificationBanner page={page} type="warning">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <p>{t('handling.recuse.confirm_body')}</p>
      <form method="post" action={`/handling/reports/${props.reportId}/recuse`} class="form">
        <CsrfField page={page} />
        <div class="button-group">
          <Button variant="warning">{t('handling.recuse.confirm')}</Button>
          <a href={`/handling/reports/${props.reportId}`}>{t('handling.recuse.cancel')}</a>
        </div>
      </form>
    </HandlingLayout>
  );
}

// ——— Oral report ———

export function OralChannelPage(props: {
  readonly page: PageContext;
  readonly options: OralChannelOptions;
  readonly error?: MessageKey | undefined;
}) {
  const { page, options } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.oral.title')} narrow>
      <PageHeader title={t('handling.oral.title')} lead={t('handling.oral.lead')} />
      {options.channels.length === 0 ? (
        <p>{t('handling.oral.no_channels')}</p>
      ) : (
        <form method="get" action="/handling/oral/new" class="form">
          <Radios
            page={page}
            name="channel"
            legend="handling.oral.channel"
            error={props.error}
            options={options.channels.map((c) => ({ value: c.id, label: { text: channelLabel(page, c) } }))}
          />
          <Button>{t('handling.oral.continue')}</Button>
        </form>
      )}
    </HandlingLayout>
  );
}

export function OralReportPage(props: {
  readonly page: PageContext;
  readonly options: OralChannelOptions & { readonly channel: ChannelName };
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
  readonly refusal?: MessageKey | undefined;
}) {
  const { page, options, errors, values } = props;
  const { t } = page;
  const mode = value(values, 'identity_mode');
  return (
    <HandlingLayout page={page} title={t('handling.oral.title')} narrow>
      <PageHeader
        title={t('handling.oral.title')}
        caption={channelLabel(page, options.channel)}
        lead={t('handling.oral.form_lead')}
      />
      <ErrorSummary page={page} errors={errors} />
      {props.refusal && (
        <NotificationBanner page={page} type="warning">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <form method="post" action="/handling/oral/new" class="form">
        <CsrfField page={page} />
        <input type="hidden" name="form_id" value={value(values, 'form_id') ?? FormOnce.newId()} />
        <input type="hidden" name="channel" value={options.channel.id} />
        {options.channels.length > 1 && (
          <p>
            <a href="/handling/oral/new">{t('handling.oral.other_channel')}</a>
          </p>
        )}
        {options.categories.length > 0 && (
          <Select
            page={page}
            name="category"
            label="handling.field.category"
            placeholder="handling.oral.category_none"
            value={value(values, 'category')}
            error={errors?.category}
            options={options.categories.map((c) => ({
              value: c.id,
              label: { text: categoryLabel(page, c) },
            }))}
            optional
          />
        )}
        <Radios
          page={page}
          name="identity_mode"
          legend="handling.field.identity_mode"
          value={mode}
          error={errors?.identity_mode}
          options={(['anonymous', 'confidential', 'named'] as const).map((m) => ({
            value: m,
            label: `reporting.identity.${m}` as MessageKey,
            hint: `reporting.identity.${m}_hint` as MessageKey,
          }))}
        />
        <TextField
          page={page}
          name="identity_name"
          label="handling.identity.name"
          hint="handling.oral.identity_hint"
          value={value(values, 'identity_name') ?? ''}
          error={errors?.identity_name}
          maxLength={HANDLING_LIMITS.name}
          optional
        />
        <TextField
          page={page}
          name="identity_contact"
          label="handling.identity.contact"
          hint="handling.oral.contact_hint"
          value={value(values, 'identity_contact') ?? ''}
          error={errors?.identity_contact}
          maxLength={HANDLING_LIMITS.contact}
          optional
        />
        <TextField
          page={page}
          name="notify_address"
          type="email"
          label="handling.oral.notify"
          hint="handling.oral.notify_hint"
          value={value(values, 'notify_address') ?? ''}
          error={errors?.notify_address}
          maxLength={HANDLING_LIMITS.email}
          autocomplete="off"
          optional
        />
        {options.colleagues.length > 0 && (
          <Checkboxes
            page={page}
            name="excluded"
            legend="handling.oral.excluded"
            hint="handling.oral.excluded_hint"
            values={many(values, 'excluded')}
            error={errors?.excluded}
            options={options.colleagues.map((c) => ({ value: c.userId, label: { text: c.name } }))}
          />
        )}
        <TextareaField
          page={page}
          name="summary"
          label={
            options.summaryQuestion
              ? { text: questionText(options.summaryQuestion, 'label', page.locale) }
              : 'handling.answer.summary'
          }
          hint="handling.oral.summary_hint"
          value={value(values, 'summary') ?? ''}
          error={errors?.summary}
          maxLength={HANDLING_LIMITS.message}
          rows={8}
        />
        <TextareaField
          page={page}
          name="minutes"
          label="handling.minutes.text"
          hint="handling.oral.minutes_hint"
          value={value(values, 'minutes') ?? ''}
          error={errors?.minutes}
          maxLength={HANDLING_LIMITS.minutes}
          rows={10}
        />
        <Button>{t('handling.oral.submit')}</Button>
      </form>
    </HandlingLayout>
  );
}

/** The receipt of an oral report, shown once for the handler to hand over. */
export function OralReceiptPage(props: {
  readonly page: PageContext;
  readonly reportId: string;
  readonly reference: string;
  readonly receipt: Receipt;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <HandlingLayout page={page} title={t('handling.oral.receipt_title')} narrow>
      <PageHeader title={t('handling.oral.receipt_title')} caption={props.reference} />
      <NotificationBanner page={page} type="success">
        <p>{t('handling.oral.receipt_registered', { reference: props.reference })}</p>
      </NotificationBanner>
      <p>{t('handling.oral.receipt_intro')}</p>
      <p class="handling-receipt">
        <code data-receipt>{formatReceipt(props.receipt)}</code>
      </p>
      <ul class="list--bullet">
        <li>{t('handling.oral.receipt_once')}</li>
        <li>{t('handling.oral.receipt_in_person')}</li>
        <li>{t('handling.oral.receipt_only_key')}</li>
      </ul>
      <p>
        <a href={`/handling/reports/${props.reportId}`}>{t('handling.oral.receipt_to_report')}</a>
      </p>
    </HandlingLayout>
  );
}

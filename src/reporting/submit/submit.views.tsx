import type { ComponentChildren } from 'preact';
import {
  Button,
  Checkboxes,
  CsrfField,
  FileInput,
  fieldId,
  NotificationBanner,
  PageHeader,
  Radios,
  SummaryList,
  type SummaryRow,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import type { ChannelForReport, ChannelListing } from '../channels/channel-read.js';
import { ANSWER_LIMITS, type Question, questionText } from '../questionnaire.js';
import { formatReceipt, type Receipt } from '../receipt.js';
import type { DraftFile, DraftValues } from './draft-store.js';
import {
  CATEGORY_UNKNOWN,
  FIELD,
  type FormProblem,
  fileField,
  IDENTITY_LIMITS,
  parseDateAnswer,
  questionField,
  type Submission,
} from './submit-form.js';

/** The reporter's pages: which way to go, the form, review, receipt, and the pages in between. */

/** The URLs of the reporter's way in. */
export const SUBMIT_PATHS = {
  start: '/report',
  followUp: '/report/follow-up',
  form: (slug: string) => `/report/channel/${slug}`,
  review: (slug: string) => `/report/channel/${slug}/review`,
} as const;

const OMBUDSMAN_URL = 'https://www.vlaamseombudsdienst.be';

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', options);
}

/** A file size people read: "820 B", "14 kB", "3,2 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} kB`;
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** A day in Brussels, written out: "14 maart 2026". */
export function formatDay(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/** A date answer (`YYYY-MM-DD`) written out. */
function formatDateAnswer(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${value}T12:00:00Z`));
}

function Section(props: {
  readonly id?: string;
  readonly heading: string;
  readonly children: ComponentChildren;
}) {
  return (
    <section class="section">
      <h2 id={props.id}>{props.heading}</h2>
      {props.children}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// /report

const routes: readonly { title: MessageKey; text: MessageKey; link?: { href: string; label: MessageKey } }[] =
  [
    { title: 'submit.start.route_colleague_title', text: 'submit.start.route_colleague' },
    { title: 'submit.start.route_manager_title', text: 'submit.start.route_manager' },
    { title: 'submit.start.route_counselor_title', text: 'submit.start.route_counselor' },
    {
      title: 'submit.start.route_internal_title',
      text: 'submit.start.route_internal',
      link: { href: '#channels', label: 'submit.start.route_internal_link' },
    },
    {
      title: 'submit.start.route_external_title',
      text: 'submit.start.route_external',
      link: { href: '#external', label: 'submit.start.route_external_link' },
    },
  ];

const identityModes = ['anonymous', 'confidential', 'named'] as const;

/** `/report`: which way to go, the channels, the external channel, rights and duties. */
export function StartPage(props: {
  readonly page: PageContext;
  readonly channels: readonly ChannelListing[];
}) {
  const { page, channels } = props;
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('submit.start.title')} feedback="/report">
      <PageHeader title={t('submit.start.title')} lead={t('submit.start.lead')} />
      <Section id="routes" heading={t('submit.start.routes_heading')}>
        <p>{t('submit.start.routes_intro')}</p>
        <ol class="list list--numbered report-routes">
          {routes.map((route) => (
            <li key={route.title}>
              <h3 class="report-routes__title">{t(route.title)}</h3>
              <p>
                {t(route.text)}
                {route.link && (
                  <>
                    {' '}
                    <a href={route.link.href}>{t(route.link.label)}</a>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="channels" heading={t('submit.start.channels_heading')}>
        <p>{t('submit.start.channels_intro')}</p>
        {channels.length === 0 ? (
          <p>{t('submit.start.no_channels')}</p>
        ) : (
          <ul class="cards report-channels">
            {channels.map((channel) => (
              <li class="card" key={channel.id}>
                <h3 class="card__title">
                  {channel.canReceive ? (
                    <a class="card__link" href={SUBMIT_PATHS.form(channel.slug)}>
                      {t('submit.start.channel_link', { name: channel.name[locale] })}
                    </a>
                  ) : (
                    channel.name[locale]
                  )}
                </h3>
                {channel.intro[locale] && <p class="card__text report-text">{channel.intro[locale]}</p>}
                {channel.audience === 'staff' && (
                  <p class="card__text hint">{t('submit.start.channel_staff')}</p>
                )}
                {!channel.canReceive && (
                  <p class="card__text hint">{t('submit.start.channel_unavailable')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>{t('submit.start.receipt_note')}</p>
      </Section>
      <Section id="external" heading={t('submit.start.external_heading')}>
        <p>{t('submit.start.external_intro')}</p>
        <OmbudsmanCard page={page} />
        <p>{t('submit.start.external_1700')}</p>
      </Section>
      <Section id="identity" heading={t('submit.start.identity_heading')}>
        <p>{t('submit.start.identity_intro')}</p>
        <dl class="definitions">
          {identityModes.map((mode) => (
            <div class="definitions__row" key={mode}>
              <dt class="definitions__term">{t(`reporting.identity.${mode}`)}</dt>
              <dd class="definitions__description">{t(`reporting.identity.${mode}_hint`)}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section id="duty" heading={t('submit.start.duty_heading')}>
        <p>{t('submit.start.duty')}</p>
        <p>{t('submit.start.duty_crime')}</p>
      </Section>
      <Section id="protection" heading={t('submit.start.protection_heading')}>
        <ul class="list list--bullet">
          <li>{t('submit.start.protection_retaliation')}</li>
          <li>{t('submit.start.protection_burden')}</li>
          <li>{t('submit.start.protection_identity')}</li>
          <li>{t('submit.start.protection_involved')}</li>
          <li>{t('submit.start.protection_clocks')}</li>
        </ul>
      </Section>
      <Section id="follow-up" heading={t('submit.start.follow_up_heading')}>
        <p>{t('submit.start.follow_up')}</p>
        <p>
          <a class="button button--secondary" href={SUBMIT_PATHS.followUp}>
            {t('submit.start.follow_up_link')}
          </a>
        </p>
      </Section>
    </Layout>
  );
}

function OmbudsmanCard(props: { readonly page: PageContext }) {
  const { t } = props.page;
  const email = t('submit.start.external_email');
  return (
    <ul class="contact-card">
      <li class="contact-card__name">{t('submit.start.external_name')}</li>
      <li>{`${t('submit.start.external_address_label')}: ${t('submit.start.external_address')}`}</li>
      <li>{`${t('submit.start.external_phone_label')}: ${t('submit.start.external_phone')}`}</li>
      <li>
        {`${t('submit.start.external_email_label')}: `}
        <a href={`mailto:${email}`}>{email}</a>
      </li>
      <li>
        {`${t('submit.start.external_website_label')}: `}
        <a href={OMBUDSMAN_URL}>{t('submit.start.external_website')}</a>
      </li>
    </ul>
  );
}

// ---------------------------------------------------------------------------------------------
// The form

export interface FormLimits {
  readonly maxFiles: number;
  readonly maxFileBytes: number;
}

export interface FormPageProps {
  readonly page: PageContext;
  readonly channel: ChannelForReport;
  /** What was typed; undefined for a fresh form. */
  readonly values: DraftValues | undefined;
  readonly files: readonly DraftFile[];
  readonly problems: readonly FormProblem[];
  /** Shows the honeypot to people, with its error (someone's browser filled it in). */
  readonly honeypotRevealed?: boolean;
  /** A message above the form (a throttle, a questionnaire that changed). */
  readonly banner?: { readonly type: 'info' | 'warning'; readonly text: string } | undefined;
  readonly limits: FormLimits;
}

function fieldText(values: DraftValues | undefined, name: string): string {
  const v = values?.[name];
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (v[0] ?? '');
}

function fieldTexts(values: DraftValues | undefined, name: string): readonly string[] {
  const v = values?.[name];
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** The label of every field, for the error summary ("What happened?: Answer this question."). */
function fieldLabels(page: PageContext, channel: ChannelForReport): Map<string, string> {
  const { t, locale } = page;
  const labels = new Map<string, string>([
    [FIELD.identity, t('submit.form.identity_legend')],
    [FIELD.name, t('submit.form.name_label')],
    [FIELD.contact, t('submit.form.contact_label')],
    [FIELD.category, t('submit.form.category_legend')],
    [FIELD.exclude, t('submit.form.exclude_legend')],
    [FIELD.notifyEmail, t('submit.form.notify_label')],
    [FIELD.honeypot, t('submit.form.honeypot_label')],
    [FIELD.attachments, t('submit.form.attachments_label')],
  ]);
  for (const question of channel.questionnaire?.questions ?? []) {
    const label = questionText(question, 'label', locale);
    labels.set(question.type === 'files' ? fileField(question) : questionField(question), label);
  }
  return labels;
}

/** The error summary (same markup as the shared ErrorSummary), with each field's label. */
function ProblemSummary(props: {
  readonly page: PageContext;
  readonly problems: readonly FormProblem[];
  readonly labels: Map<string, string>;
}) {
  const { t } = props.page;
  if (props.problems.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      data-error-summary
    >
      <h2 class="error-summary__title" id="error-summary-title">
        {t('form.error_summary_title')}
      </h2>
      <ul class="error-summary__list">
        {props.problems.map((problem, index) => {
          const message = problem.summary ? t(problem.summary.key, problem.summary.params) : t(problem.key);
          const label = props.labels.get(problem.field);
          const text =
            label && !problem.summary ? t('submit.error.summary_item', { label, message }) : message;
          return (
            <li key={`${problem.field}-${index}`}>
              {problem.field === '_form' ? text : <a href={`#${fieldId(problem.field)}`}>{text}</a>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** `/report/channel/:slug`: the report form (multipart; works without JavaScript). */
export function FormPage(props: FormPageProps) {
  const { page, channel, values, files, problems, limits } = props;
  const { t, locale } = page;
  const questions = channel.questionnaire?.questions ?? [];
  const fieldError = (field: string): MessageKey | undefined => problems.find((p) => p.field === field)?.key;
  const identity = fieldText(values, FIELD.identity);
  const fileQuestions = questions.filter((q) => q.type === 'files');
  const megabytes = Math.floor(limits.maxFileBytes / (1024 * 1024));
  const filesHint = t('submit.form.files_hint', { max: limits.maxFiles, size: megabytes });
  const stripChecked = values === undefined || fieldText(values, FIELD.stripMetadata) !== 'no';
  const name = channel.name[locale];
  return (
    <Layout page={page} title={t('submit.form.title', { channel: name })} narrow>
      <PageHeader caption={t('submit.form.caption')} title={t('submit.form.title', { channel: name })} />
      <ProblemSummary page={page} problems={problems} labels={fieldLabels(page, channel)} />
      {props.banner && (
        <NotificationBanner page={page} type={props.banner.type}>
          <p>{props.banner.text}</p>
        </NotificationBanner>
      )}
      {channel.intro[locale] && <p class="report-text">{channel.intro[locale]}</p>}
      {channel.audience === 'staff' && <p>{t('submit.form.staff_note')}</p>}
      <p>{t('submit.form.steps')}</p>
      <p class="hint">{t('submit.form.safety')}</p>
      <form
        method="post"
        action={SUBMIT_PATHS.form(channel.slug)}
        enctype="multipart/form-data"
        novalidate
        class="form"
      >
        <CsrfField page={page} />
        {channel.questionnaire && (
          <input type="hidden" name={FIELD.version} value={channel.questionnaire.id} />
        )}

        <h2>{t('submit.form.identity_heading')}</h2>
        <Radios
          page={page}
          name={FIELD.identity}
          legend="submit.form.identity_legend"
          value={identity}
          error={fieldError(FIELD.identity)}
          options={identityModes.map((mode) => ({
            value: mode,
            label: `reporting.identity.${mode}` as const,
            hint: `reporting.identity.${mode}_hint` as const,
          }))}
        />
        <PlainField
          page={page}
          name={FIELD.name}
          label="submit.form.name_label"
          hint="submit.form.name_hint"
          value={fieldText(values, FIELD.name)}
          error={fieldError(FIELD.name)}
          maxLength={IDENTITY_LIMITS.name}
          autocomplete="name"
        />
        <PlainField
          page={page}
          name={FIELD.contact}
          label="submit.form.contact_label"
          hint="submit.form.contact_hint"
          value={fieldText(values, FIELD.contact)}
          error={fieldError(FIELD.contact)}
          maxLength={IDENTITY_LIMITS.contact}
          autocomplete="off"
        />

        <h2>{t('submit.form.questions_heading')}</h2>
        {channel.categories.length > 0 && (
          <Radios
            page={page}
            name={FIELD.category}
            legend="submit.form.category_legend"
            value={fieldText(values, FIELD.category)}
            error={fieldError(FIELD.category)}
            options={[
              ...channel.categories.map((c) => ({ value: c.id, label: { text: c.label[locale] } })),
              { value: CATEGORY_UNKNOWN, label: 'submit.form.category_unknown' as const },
            ]}
          />
        )}
        {questions
          .filter((q) => q.type !== 'files')
          .map((question) => (
            <QuestionField
              key={question.id}
              page={page}
              question={question}
              values={values}
              error={fieldError(questionField(question))}
            />
          ))}

        {channel.recipients.length > 0 && (
          <>
            <h2>{t('submit.form.exclude_heading')}</h2>
            <Checkboxes
              page={page}
              name={FIELD.exclude}
              legend="submit.form.exclude_legend"
              hint="submit.form.exclude_hint"
              error={fieldError(FIELD.exclude)}
              values={fieldTexts(values, FIELD.exclude)}
              options={channel.recipients.map((r) => ({ value: r.userId, label: { text: r.name } }))}
            />
          </>
        )}

        <h2>{t('submit.form.notify_heading')}</h2>
        <TextField
          page={page}
          name={FIELD.notifyEmail}
          type="email"
          label="submit.form.notify_label"
          hint="submit.form.notify_hint"
          value={fieldText(values, FIELD.notifyEmail)}
          error={fieldError(FIELD.notifyEmail)}
          maxLength={IDENTITY_LIMITS.email}
          autocomplete="off"
          optional
        />

        <Honeypot
          page={page}
          revealed={props.honeypotRevealed ?? false}
          value={props.honeypotRevealed ? fieldText(values, FIELD.honeypot) : ''}
        />

        <h2>{t('submit.form.files_heading')}</h2>
        {files.length > 0 && (
          <Checkboxes
            page={page}
            name={FIELD.removeFile}
            legend="submit.form.kept_files_legend"
            hint="submit.form.kept_files_hint"
            values={[]}
            options={files.map((file) => ({
              value: file.id,
              label: {
                text: t('submit.form.remove_file', {
                  name: file.filename,
                  size: formatSize(file.data.length, locale),
                }),
              },
              hint: file.questionId
                ? { text: questionLabel(fileQuestions, file.questionId, locale) }
                : undefined,
            }))}
          />
        )}
        <Checkboxes
          page={page}
          name={FIELD.stripMetadata}
          legend="submit.form.strip_legend"
          hint="submit.form.strip_hint"
          values={stripChecked ? ['yes'] : []}
          options={[{ value: 'yes', label: 'submit.form.strip_option' }]}
        />
        {fileQuestions.length === 0 ? (
          <FileInput
            page={page}
            name={FIELD.attachments}
            label="submit.form.attachments_label"
            hint={{ text: filesHint }}
            error={fieldError(FIELD.attachments)}
            multiple
            optional
          />
        ) : (
          fileQuestions.map((question) => {
            const help = questionText(question, 'help', locale);
            const kept = files.some((f) => f.questionId === question.id);
            return (
              <FileInput
                key={question.id}
                page={page}
                name={fileField(question)}
                label={{ text: questionText(question, 'label', locale) }}
                hint={{ text: help ? `${help} ${filesHint}` : filesHint }}
                error={fieldError(fileField(question))}
                multiple
                optional={!question.required || kept}
              />
            );
          })
        )}
        <Button>{t('submit.form.continue')}</Button>
      </form>
      <p>
        <a href={SUBMIT_PATHS.start}>{t('submit.form.back_to_start')}</a>
      </p>
    </Layout>
  );
}

function questionLabel(questions: readonly Question[], id: string, locale: Locale): string {
  const question = questions.find((q) => q.id === id);
  return question ? questionText(question, 'label', locale) : '';
}

/**
 * A text field that is required only for some choices (name and contact): no `required`
 * attribute and no "(optional)" mark; the hint says when it is needed.
 */
function PlainField(props: {
  readonly page: PageContext;
  readonly name: string;
  readonly label: MessageKey;
  readonly hint: MessageKey;
  readonly value: string;
  readonly error: MessageKey | undefined;
  readonly maxLength: number;
  readonly autocomplete: string;
}) {
  const { t } = props.page;
  const id = fieldId(props.name);
  const describedBy = [`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {t(props.label)}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {t(props.hint)}
      </p>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
          {t(props.error)}
        </p>
      )}
      <input
        class="input input--full"
        id={id}
        name={props.name}
        type="text"
        value={props.value}
        maxLength={props.maxLength}
        autocomplete={props.autocomplete}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

/**
 * The honeypot: a text field people never see (moved off screen, hidden from assistive
 * technology, out of the tab order, never autofilled) and naive robots fill in. If someone's
 * browser filled it anyway, the form comes back with the field shown and explained.
 */
function Honeypot(props: { readonly page: PageContext; readonly revealed: boolean; readonly value: string }) {
  const { t } = props.page;
  const id = fieldId(FIELD.honeypot);
  if (props.revealed) {
    return (
      <div class="field field--error">
        <label class="field__label" for={id}>
          {t('submit.form.honeypot_label')}
        </label>
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
          {t('submit.error.honeypot')}
        </p>
        <input
          class="input input--full"
          id={id}
          name={FIELD.honeypot}
          type="text"
          value={props.value}
          autocomplete="off"
          aria-describedby={`${id}-error`}
          aria-invalid="true"
        />
      </div>
    );
  }
  return (
    <div class="report-hp" aria-hidden="true">
      <label for={id}>{t('submit.form.honeypot_label')}</label>
      <input id={id} name={FIELD.honeypot} type="text" value="" tabIndex={-1} autocomplete="off" />
    </div>
  );
}

/** One question of the questionnaire, rendered by its type (files questions are rendered apart). */
function QuestionField(props: {
  readonly page: PageContext;
  readonly question: Question;
  readonly values: DraftValues | undefined;
  readonly error: MessageKey | undefined;
}) {
  const { page, question, values, error } = props;
  const { t, locale } = page;
  const name = questionField(question);
  const label = { text: questionText(question, 'label', locale) };
  const help = questionText(question, 'help', locale);
  const hint = help ? { text: help } : undefined;
  const optional = !question.required;
  switch (question.type) {
    case 'short_text':
      return (
        <TextField
          page={page}
          name={name}
          label={label}
          hint={hint}
          error={error}
          value={fieldText(values, name)}
          maxLength={ANSWER_LIMITS.short_text}
          optional={optional}
        />
      );
    case 'long_text':
      return (
        <TextareaField
          page={page}
          name={name}
          label={label}
          hint={hint}
          error={error}
          value={fieldText(values, name)}
          rows={8}
          maxLength={ANSWER_LIMITS.long_text}
          optional={optional}
        />
      );
    case 'single_choice':
      return (
        <Radios
          page={page}
          name={name}
          legend={label}
          hint={hint}
          error={error}
          value={fieldText(values, name)}
          optional={optional}
          options={question.options.map((o) => ({ value: o.id, label: { text: o[`label_${locale}`] } }))}
        />
      );
    case 'multiple_choice':
      return (
        <Checkboxes
          page={page}
          name={name}
          legend={label}
          hint={hint}
          error={error}
          values={fieldTexts(values, name)}
          options={question.options.map((o) => ({ value: o.id, label: { text: o[`label_${locale}`] } }))}
        />
      );
    case 'yes_no':
      return (
        <Radios
          page={page}
          name={name}
          legend={label}
          hint={hint}
          error={error}
          value={fieldText(values, name)}
          optional={optional}
          inline
          options={[
            { value: 'yes', label: 'submit.form.yes' },
            { value: 'no', label: 'submit.form.no' },
          ]}
        />
      );
    case 'date': {
      const typed = fieldText(values, name);
      const normalised = typed === '' ? '' : parseDateAnswer(typed);
      const dateHint = { text: help ? `${help} ${t('submit.form.date_hint')}` : t('submit.form.date_hint') };
      // A date input shows nothing for a value it cannot read: what was typed wrongly comes back
      // in a text field, so that it is not lost.
      return (
        <TextField
          page={page}
          name={name}
          label={label}
          hint={dateHint}
          error={error}
          type={normalised === null ? 'text' : 'date'}
          value={normalised ?? typed}
          width="medium"
          optional={optional}
        />
      );
    }
    case 'files':
      return null;
    default: {
      const unknown: never = question.type;
      return unknown;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Review, receipt, and the pages in between

export interface ReviewPageProps {
  readonly page: PageContext;
  readonly channel: ChannelForReport;
  readonly submission: Submission;
  readonly files: readonly DraftFile[];
  readonly revision: number;
}

/** `/report/channel/:slug/review`: everything as it will be sent, "change" and "send". */
export function ReviewPage(props: ReviewPageProps) {
  const { page, channel, submission, files } = props;
  const { t, locale } = page;
  const formUrl = SUBMIT_PATHS.form(channel.slug);
  const change = (field: string) => ({ href: `${formUrl}#${fieldId(field)}` });
  const questions = channel.questionnaire?.questions ?? [];
  const category = channel.categories.find((c) => c.id === submission.categoryId);
  const details: SummaryRow[] = [
    { key: 'submit.review.channel', value: channel.name[locale] },
    {
      key: 'submit.review.identity',
      value: t(`reporting.identity.${submission.identityMode}`),
      action: change(FIELD.identity),
    },
  ];
  if (submission.identity) {
    details.push(
      { key: 'submit.review.name', value: submission.identity.name, action: change(FIELD.name) },
      {
        key: 'submit.review.contact',
        value: <span class="report-text">{submission.identity.contact}</span>,
        action: change(FIELD.contact),
      },
    );
  }
  if (channel.categories.length > 0) {
    details.push({
      key: 'submit.review.category',
      value: category ? category.label[locale] : t('submit.form.category_unknown'),
      action: change(FIELD.category),
    });
  }
  const answers: SummaryRow[] = questions.map((question) => ({
    key: { text: questionText(question, 'label', locale) },
    value: <AnswerValue page={page} question={question} submission={submission} files={files} />,
    action: change(question.type === 'files' ? fileField(question) : questionField(question)),
  }));
  const excluded = channel.recipients.filter((r) => submission.excludedUserIds.includes(r.userId));
  const generalFiles = files.filter((f) => f.questionId === null);
  const more: SummaryRow[] = [];
  if (questions.every((q) => q.type !== 'files') || generalFiles.length > 0) {
    more.push({
      key: 'submit.review.files',
      value: <FileList page={page} files={generalFiles} />,
      action: change(FIELD.attachments),
    });
  }
  if (files.length > 0) {
    more.push({
      key: 'submit.review.strip',
      value: t(submission.stripMetadata ? 'submit.review.strip_yes' : 'submit.review.strip_no'),
      action: change(FIELD.stripMetadata),
    });
  }
  if (channel.recipients.length > 0) {
    more.push({
      key: 'submit.review.excluded',
      value:
        excluded.length === 0 ? (
          t('submit.review.excluded_none')
        ) : (
          <ul class="list">
            {excluded.map((r) => (
              <li key={r.userId}>{r.name}</li>
            ))}
          </ul>
        ),
      action: change(FIELD.exclude),
    });
  }
  more.push({
    key: 'submit.review.notify',
    value: submission.notifyAddress ?? t('submit.review.notify_none'),
    action: change(FIELD.notifyEmail),
  });
  return (
    <Layout page={page} title={t('submit.review.title')} narrow>
      <PageHeader
        caption={t('submit.form.caption')}
        title={t('submit.review.title')}
        lead={t('submit.review.lead')}
      />
      <h2>{t('submit.review.details_heading')}</h2>
      <SummaryList page={page} rows={[...details, ...more]} />
      <h2>{t('submit.review.answers_heading')}</h2>
      <SummaryList page={page} rows={answers} />
      <p>
        <a href={formUrl}>{t('submit.review.change_all')}</a>
      </p>
      <h2>{t('submit.review.send_heading')}</h2>
      <p>{t('submit.review.send_text')}</p>
      <form method="post" action={SUBMIT_PATHS.review(channel.slug)} novalidate class="form">
        <CsrfField page={page} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <Button>{t('submit.review.send')}</Button>
      </form>
    </Layout>
  );
}

function FileList(props: { readonly page: PageContext; readonly files: readonly DraftFile[] }) {
  const { t, locale } = props.page;
  if (props.files.length === 0) return <>{t('submit.review.no_files')}</>;
  return (
    <ul class="list">
      {props.files.map((file) => (
        <li key={file.id}>
          {t('submit.review.file_entry', { name: file.filename, size: formatSize(file.data.length, locale) })}
        </li>
      ))}
    </ul>
  );
}

function AnswerValue(props: {
  readonly page: PageContext;
  readonly question: Question;
  readonly submission: Submission;
  readonly files: readonly DraftFile[];
}) {
  const { page, question, submission } = props;
  const { t, locale } = page;
  if (question.type === 'files') {
    const files = props.files.filter((f) => f.questionId === question.id);
    return files.length === 0 ? (
      <span class="hint">{t('submit.review.not_answered')}</span>
    ) : (
      <FileList page={page} files={files} />
    );
  }
  const answer = submission.answers[question.id];
  if (answer === undefined) return <span class="hint">{t('submit.review.not_answered')}</span>;
  const optionLabel = (id: string) => {
    const option = question.options.find((o) => o.id === id);
    return option ? option[`label_${locale}`] : id;
  };
  switch (question.type) {
    case 'short_text':
    case 'long_text':
      return <span class="report-text">{String(answer)}</span>;
    case 'date':
      return <>{formatDateAnswer(String(answer), locale)}</>;
    case 'yes_no':
      return <>{t(answer === 'yes' ? 'submit.form.yes' : 'submit.form.no')}</>;
    case 'single_choice':
      return <>{optionLabel(String(answer))}</>;
    case 'multiple_choice':
      return (
        <ul class="list">
          {(typeof answer === 'string' ? [answer] : answer).map((id) => (
            <li key={id}>{optionLabel(id)}</li>
          ))}
        </ul>
      );
    default: {
      const unknown: never = question.type;
      return unknown;
    }
  }
}

export interface ReceiptPageProps {
  readonly page: PageContext;
  readonly receipt: Receipt;
  readonly receivedAt: Date;
  readonly acknowledgementDue: Date;
  readonly feedbackDue: Date;
  readonly notify: boolean;
}

/** The answer to "send": the receipt, shown once, with what happens next. */
export function ReceiptPage(props: ReceiptPageProps) {
  const { page, receipt } = props;
  const { t, locale } = page;
  const grouped = formatReceipt(receipt);
  // Screen readers would read "1234" as a number: the digits one by one, in groups.
  const spoken = grouped
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
  return (
    <Layout page={page} title={t('submit.receipt.title')} narrow>
      <div class="report-receipt">
        <h1 class="report-receipt__title">{t('submit.receipt.title')}</h1>
        <p class="report-receipt__label">{t('submit.receipt.code_label')}</p>
        <p class="report-receipt__code" data-receipt>
          <span aria-hidden="true">{grouped}</span>
          <span class="visually-hidden">{t('submit.receipt.digits', { digits: spoken })}</span>
        </p>
      </div>
      <NotificationBanner page={page} type="warning" title="submit.receipt.write_down">
        <ul class="list list--bullet">
          <li>{t('submit.receipt.only_key')}</li>
          <li>{t('submit.receipt.shown_once')}</li>
          <li>{t('submit.receipt.not_at_work')}</li>
        </ul>
      </NotificationBanner>
      <h2>{t('submit.receipt.next_heading')}</h2>
      <ul class="list list--bullet">
        <li>{t('submit.receipt.received', { date: formatDay(props.receivedAt, locale) })}</li>
        <li>{t('submit.receipt.ack_due', { date: formatDay(props.acknowledgementDue, locale) })}</li>
        <li>{t('submit.receipt.feedback_due', { date: formatDay(props.feedbackDue, locale) })}</li>
        {props.notify && <li>{t('submit.receipt.notify')}</li>}
      </ul>
      <p>{t('submit.receipt.follow_up')}</p>
      <p>
        <a class="button button--secondary" href={SUBMIT_PATHS.followUp}>
          {t('submit.receipt.follow_up_link')}
        </a>
      </p>
    </Layout>
  );
}

/** A short page with a title, a message and a way on. */
export function MessagePage(props: {
  readonly page: PageContext;
  readonly title: MessageKey;
  readonly messages: readonly string[];
  readonly links: readonly { readonly href: string; readonly label: MessageKey }[];
}) {
  const { t } = props.page;
  return (
    <Layout page={props.page} title={t(props.title)} narrow>
      <PageHeader title={t(props.title)} />
      {props.messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      <ul class="list">
        {props.links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{t(link.label)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

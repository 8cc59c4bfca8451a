import { AdminLayout } from '../../identity/admin.views.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import { fieldValue } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  fieldId,
  NotificationBanner,
  PageHeader,
  StatusTag,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey, Translate } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import {
  closesAt,
  isOpen,
  nextOpening,
  type OpeningHours,
  WEEKDAYS,
  type Weekday,
} from '../opening-hours.js';
import type { ContactTopic } from '../topics.js';
import type { CannedAnswer } from './canned-answers.js';
import { RANGES_PER_DAY, rangeField } from './contact-admin.forms.js';

type Values = Readonly<Record<string, string | string[]>>;

/** What just happened, from `?done=…` after a redirect. */
export type ContactAdminNotice = 'topic_saved' | 'answer_saved' | 'answer_deleted';

const noticeText: Readonly<Record<ContactAdminNotice, MessageKey>> = {
  topic_saved: 'contact_admin.notice.topic_saved',
  answer_saved: 'contact_admin.notice.answer_saved',
  answer_deleted: 'contact_admin.notice.answer_deleted',
};

const weekdayName: Readonly<Record<Weekday, MessageKey>> = {
  mon: 'contact_admin.weekday.mon',
  tue: 'contact_admin.weekday.tue',
  wed: 'contact_admin.weekday.wed',
  thu: 'contact_admin.weekday.thu',
  fri: 'contact_admin.weekday.fri',
  sat: 'contact_admin.weekday.sat',
  sun: 'contact_admin.weekday.sun',
};

function formatMoment(date: Date, locale: Locale, withDay: boolean): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-BE', {
    ...(withDay ? { weekday: 'long', day: 'numeric', month: 'long' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/** "Open now, until 19:00" or "Closed now; opens Monday 1 December at 09:00", at `now`. */
export function openingPreview(t: Translate, locale: Locale, schedule: OpeningHours, now: Date): string {
  if (isOpen(schedule, now)) {
    const end = closesAt(schedule, now);
    return end
      ? t('contact_admin.preview.open_until', { time: formatMoment(end, locale, false) })
      : t('contact_admin.preview.open');
  }
  const next = nextOpening(schedule, now);
  return next
    ? t('contact_admin.preview.closed_until', { moment: formatMoment(next, locale, true) })
    : t('contact_admin.preview.closed_long');
}

/** `/admin/contact`: the topics with their state now, and the canned answers. */
export function ContactAdminPage(props: {
  readonly page: PageContext;
  readonly topics: readonly ContactTopic[];
  readonly answers: readonly CannedAnswer[];
  readonly now: Date;
  readonly notice: ContactAdminNotice | undefined;
}) {
  const { page, topics, answers, now } = props;
  const { t, locale } = page;
  return (
    <AdminLayout page={page} title={t('contact_admin.title')}>
      <PageHeader title={t('contact_admin.title')} lead={t('contact_admin.lead')} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(noticeText[props.notice])}</p>
        </NotificationBanner>
      )}
      <h2 id="topics">{t('contact_admin.topics.heading')}</h2>
      <Table
        page={page}
        id="topics-table"
        caption="contact_admin.topics.heading"
        captionHidden
        rowHeaders
        columns={[
          { key: 'name', label: 'contact_admin.topics.col_name' },
          { key: 'slug', label: 'contact_admin.topics.col_slug' },
          { key: 'position', label: 'contact_admin.col_position', numeric: true },
          { key: 'status', label: 'contact_admin.topics.col_status' },
          { key: 'now', label: 'contact_admin.topics.col_now' },
        ]}
        rows={topics.map((topic) => ({
          key: topic.id,
          cells: [
            <a key="name" href={`/admin/contact/topics/${topic.id}`}>
              {locale === 'en' ? topic.nameEn : topic.nameNl}
            </a>,
            <code key="slug">{topic.slug}</code>,
            topic.position,
            <StatusTag
              key="status"
              page={page}
              label={topic.active ? 'contact_admin.topics.active' : 'contact_admin.topics.inactive'}
              tone={topic.active ? 'success' : 'neutral'}
            />,
            openingPreview(t, locale, topic.openingHours, now),
          ],
        }))}
      />
      <p>
        <ButtonLink href="/admin/contact/topics/new" variant="secondary">
          {t('contact_admin.topics.new')}
        </ButtonLink>
      </p>

      <h2 id="answers">{t('contact_admin.answers.heading')}</h2>
      <p>{t('contact_admin.answers.lead')}</p>
      <Table
        page={page}
        id="answers-table"
        caption="contact_admin.answers.heading"
        captionHidden
        rowHeaders
        empty="contact_admin.answers.empty"
        columns={[
          { key: 'title_nl', label: 'contact_admin.answers.col_title_nl' },
          { key: 'title_en', label: 'contact_admin.answers.col_title_en' },
          { key: 'position', label: 'contact_admin.col_position', numeric: true },
        ]}
        rows={answers.map((answer) => ({
          key: answer.id,
          cells: [
            <a key="title" href={`/admin/contact/answers/${answer.id}`}>
              {answer.titleNl}
            </a>,
            <span key="en" lang="en">
              {answer.titleEn}
            </span>,
            answer.position,
          ],
        }))}
      />
      <p>
        <ButtonLink href="/admin/contact/answers/new" variant="secondary">
          {t('contact_admin.answers.new')}
        </ButtonLink>
      </p>
    </AdminLayout>
  );
}

/** The form of a topic: names, slug, order, active, opening hours and closed dates. */
export function TopicFormPage(props: {
  readonly page: PageContext;
  /** undefined for a new topic. */
  readonly topic: ContactTopic | undefined;
  readonly values: Values;
  readonly errors?: FieldErrors | undefined;
  readonly now: Date;
}) {
  const { page, topic, values, now } = props;
  const errors = props.errors ?? {};
  const { t, locale } = page;
  const title = topic
    ? t('contact_admin.topic.edit_title', { name: locale === 'en' ? topic.nameEn : topic.nameNl })
    : t('contact_admin.topic.new_title');
  const action = topic ? `/admin/contact/topics/${topic.id}` : '/admin/contact/topics/new';
  return (
    <AdminLayout page={page} title={title}>
      <p>
        <a href="/admin/contact">{t('contact_admin.back')}</a>
      </p>
      <PageHeader title={title} />
      {topic && (
        <NotificationBanner page={page} title="contact_admin.preview.title">
          <p data-opening-preview>{openingPreview(t, locale, topic.openingHours, now)}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField page={page} />
        <TextField
          page={page}
          name="name_nl"
          label="contact_admin.topic.name_nl"
          value={fieldValue(values, 'name_nl')}
          maxLength={200}
          error={errors.name_nl}
        />
        <TextField
          page={page}
          name="name_en"
          label="contact_admin.topic.name_en"
          value={fieldValue(values, 'name_en')}
          maxLength={200}
          error={errors.name_en}
        />
        <TextField
          page={page}
          name="slug"
          label="contact_admin.topic.slug"
          hint="contact_admin.topic.slug_hint"
          value={fieldValue(values, 'slug')}
          maxLength={40}
          width="medium"
          error={errors.slug}
        />
        <TextField
          page={page}
          name="position"
          label="contact_admin.position"
          hint="contact_admin.position_hint"
          value={fieldValue(values, 'position')}
          inputMode="numeric"
          maxLength={4}
          width="short"
          error={errors.position}
        />
        <Checkboxes
          page={page}
          name="active"
          legend="contact_admin.topic.status_legend"
          values={fieldValue(values, 'active') === 'yes' ? ['yes'] : []}
          options={[
            { value: 'yes', label: 'contact_admin.topic.active', hint: 'contact_admin.topic.active_hint' },
          ]}
        />
        <h2>{t('contact_admin.topic.hours_heading')}</h2>
        <p class="field__hint">{t('contact_admin.topic.hours_hint')}</p>
        {WEEKDAYS.map((day) => (
          <DayFieldset key={day} page={page} day={day} values={values} errors={errors} />
        ))}
        <Checkboxes
          page={page}
          name="closed_on_holidays"
          legend="contact_admin.topic.holidays_legend"
          values={fieldValue(values, 'closed_on_holidays') === 'yes' ? ['yes'] : []}
          options={[{ value: 'yes', label: 'contact_admin.topic.closed_on_holidays' }]}
        />
        <TextareaField
          page={page}
          name="closed_dates"
          label="contact_admin.topic.closed_dates"
          hint="contact_admin.topic.closed_dates_hint"
          optional
          rows={4}
          value={fieldValue(values, 'closed_dates')}
          error={errors.closed_dates}
        />
        <Button>{t('contact_admin.save')}</Button>
      </form>
    </AdminLayout>
  );
}

function DayFieldset(props: {
  readonly page: PageContext;
  readonly day: Weekday;
  readonly values: Values;
  readonly errors: FieldErrors;
}) {
  const { page, day, values, errors } = props;
  const { t } = page;
  const dayError = errors[day];
  const errorId = `${fieldId(day)}-error`;
  return (
    <fieldset
      class={dayError ? 'fieldset opening-day field--error' : 'fieldset opening-day'}
      id={fieldId(day)}
      aria-describedby={dayError ? errorId : undefined}
    >
      <legend class="fieldset__legend">{t(weekdayName[day])}</legend>
      {dayError && (
        <p class="field__error" id={errorId}>
          <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
          {t(dayError)}
        </p>
      )}
      <div class="opening-day__slots">
        {Array.from({ length: RANGES_PER_DAY }, (_, i) => i + 1).map((slot) => (
          <div class="opening-slot" key={slot}>
            {(['from', 'to'] as const).map((end) => {
              const name = rangeField(day, slot, end);
              const error = errors[name];
              const id = fieldId(name);
              return (
                <div class={error ? 'opening-slot__end field--error' : 'opening-slot__end'} key={end}>
                  <label class="field__label" for={id}>
                    {t(end === 'from' ? 'contact_admin.topic.slot_from' : 'contact_admin.topic.slot_to', {
                      slot,
                    })}
                  </label>
                  {error && (
                    <p class="field__error" id={`${id}-error`}>
                      <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
                      {t(error)}
                    </p>
                  )}
                  <input
                    class="input input--short"
                    id={id}
                    name={name}
                    type="text"
                    inputMode="numeric"
                    maxLength={5}
                    placeholder={t('contact_admin.topic.time_placeholder')}
                    value={fieldValue(values, name)}
                    aria-describedby={error ? `${id}-error` : undefined}
                    aria-invalid={error ? 'true' : undefined}
                  />
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The form of a canned answer, and on an existing one the delete button. */
export function AnswerFormPage(props: {
  readonly page: PageContext;
  readonly answerId: string | undefined;
  readonly values: Values;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, answerId, values } = props;
  const errors = props.errors ?? {};
  const { t } = page;
  const title = answerId
    ? t('contact_admin.answer.edit_title', { title: fieldValue(values, 'title_nl') })
    : t('contact_admin.answer.new_title');
  const action = answerId ? `/admin/contact/answers/${answerId}` : '/admin/contact/answers/new';
  return (
    <AdminLayout page={page} title={title}>
      <p>
        <a href="/admin/contact#answers">{t('contact_admin.back')}</a>
      </p>
      <PageHeader title={title} />
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField page={page} />
        <TextField
          page={page}
          name="title_nl"
          label="contact_admin.answer.title_nl"
          value={fieldValue(values, 'title_nl')}
          maxLength={100}
          error={errors.title_nl}
        />
        <TextareaField
          page={page}
          name="body_nl"
          label="contact_admin.answer.body_nl"
          value={fieldValue(values, 'body_nl')}
          maxLength={2000}
          rows={5}
          error={errors.body_nl}
        />
        <TextField
          page={page}
          name="title_en"
          label="contact_admin.answer.title_en"
          value={fieldValue(values, 'title_en')}
          maxLength={100}
          error={errors.title_en}
        />
        <TextareaField
          page={page}
          name="body_en"
          label="contact_admin.answer.body_en"
          value={fieldValue(values, 'body_en')}
          maxLength={2000}
          rows={5}
          error={errors.body_en}
        />
        <TextField
          page={page}
          name="position"
          label="contact_admin.position"
          hint="contact_admin.position_hint"
          value={fieldValue(values, 'position')}
          inputMode="numeric"
          maxLength={4}
          width="short"
          error={errors.position}
        />
        <Button>{t('contact_admin.save')}</Button>
      </form>
      {answerId && (
        <form
          method="post"
          action={`/admin/contact/answers/${answerId}/delete`}
          class="contact-admin__delete"
        >
          <CsrfField page={page} />
          <Button variant="warning">{t('contact_admin.answer.delete')}</Button>
        </form>
      )}
    </AdminLayout>
  );
}

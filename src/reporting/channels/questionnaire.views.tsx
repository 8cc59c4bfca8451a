import { AdminLayout } from '../../identity/admin.views.js';
import { formatBrusselsDateTime } from '../../platform/audit/audit-period.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  Radios,
  StatusTag,
  SummaryList,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import { ANSWER_LIMITS, QUESTION_TYPES, type Question, type QuestionType } from '../questionnaire.js';
import type { Channel, QuestionnaireVersion, QuestionnaireVersionSummary } from './channel.repository.js';
import { channelName, type FormValues, value } from './channel-admin.views.js';
import { isChoiceType } from './questionnaire-edit.js';

/** What happened just before a redirect to the editor (`?done=`). */
export const questionnaireNotices = {
  published: 'channels.questionnaire.notice_published',
  unchanged: 'channels.questionnaire.notice_unchanged',
} as const satisfies Record<string, MessageKey>;
export type QuestionnaireNotice = keyof typeof questionnaireNotices;

function typeLabel(type: QuestionType): MessageKey {
  return `channels.type.${type}`;
}

function questionLabel(page: PageContext, question: Question): string {
  return page.locale === 'en' ? question.label_en : question.label_nl;
}

function questionsBase(channel: Channel): string {
  return `/admin/channels/${channel.id}/questionnaire`;
}

/** One question as the admin reads it: label in both languages, type, required, help, options. */
function QuestionDetails(props: { readonly page: PageContext; readonly question: Question }) {
  const { page, question } = props;
  const { t } = page;
  const rows = [
    { key: 'channels.question.label_nl' as const, value: question.label_nl },
    { key: 'channels.question.label_en' as const, value: question.label_en },
    {
      key: 'channels.question.type' as const,
      value: (
        <>
          {t(typeLabel(question.type))}
          {question.required && (
            <>
              {' '}
              <StatusTag page={page} label="channels.question.required_tag" tone="info" />
            </>
          )}
        </>
      ),
    },
    ...(question.help_nl || question.help_en
      ? [
          { key: 'channels.question.help_nl' as const, value: question.help_nl || '—' },
          { key: 'channels.question.help_en' as const, value: question.help_en || '—' },
        ]
      : []),
    ...(question.options.length > 0
      ? [
          {
            key: 'channels.question.options' as const,
            value: (
              <ul class="list--bullet">
                {question.options.map((o) => (
                  <li key={o.id}>{`${o.label_nl} / ${o.label_en}`}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    { key: 'channels.question.id' as const, value: <code>{question.id}</code> },
  ];
  return <SummaryList page={page} rows={rows} />;
}

function QuestionActions(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly question: Question;
  readonly baseVersion: number;
  readonly first: boolean;
  readonly last: boolean;
}) {
  const { page, channel, question, baseVersion } = props;
  const { t } = page;
  const base = `${questionsBase(channel)}/questions/${question.id}`;
  const hidden = (
    <span class="visually-hidden">{` ${t('channels.question.named', { label: questionLabel(page, question) })}`}</span>
  );
  const move = (direction: 'up' | 'down') => (
    <form method="post" action={`${base}/move`}>
      <CsrfField page={page} />
      <input type="hidden" name="baseVersion" value={String(baseVersion)} />
      <input type="hidden" name="direction" value={direction} />
      <Button variant="secondary">
        {t(direction === 'up' ? 'channels.move_up' : 'channels.move_down')}
        {hidden}
      </Button>
    </form>
  );
  return (
    <div class="channel-actions">
      <a href={base}>
        {t('channels.question.edit')}
        {hidden}
      </a>
      {!props.first && move('up')}
      {!props.last && move('down')}
      <a href={`${base}/remove`}>
        {t('channels.question.remove')}
        {hidden}
      </a>
    </div>
  );
}

/** The questions of a version in order, each with its details and (in the editor) its actions. */
function QuestionList(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly questions: readonly Question[];
  readonly editableFrom?: number | undefined;
}) {
  const { page, channel, questions } = props;
  if (questions.length === 0) return <p>{page.t('channels.questionnaire.empty')}</p>;
  return (
    <ol class="question-list">
      {questions.map((question, index) => (
        <li class="question-list__item" key={question.id}>
          <h2 class="question-list__title">{questionLabel(page, question)}</h2>
          <QuestionDetails page={page} question={question} />
          {props.editableFrom !== undefined && (
            <QuestionActions
              page={page}
              channel={channel}
              question={question}
              baseVersion={props.editableFrom}
              first={index === 0}
              last={index === questions.length - 1}
            />
          )}
        </li>
      ))}
    </ol>
  );
}

function versionLine(page: PageContext, version: QuestionnaireVersion): string {
  return page.t('channels.questionnaire.version_line', {
    version: version.version,
    date: formatBrusselsDateTime(version.createdAt, page.locale),
    by: version.createdByName ?? page.t('channels.questionnaire.by_system'),
  });
}

/**
 * `/admin/channels/:id/questionnaire`: the current version's questions in order, each with edit,
 * move and remove; adding a question; the version history. Every action publishes a version.
 */
export function QuestionnairePage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly current: QuestionnaireVersion | undefined;
  readonly notice?: QuestionnaireNotice | undefined;
  readonly refusal?: MessageKey | undefined;
}) {
  const { page, channel, current } = props;
  const { t } = page;
  const title = t('channels.questionnaire.title', { channel: channelName(page, channel) });
  const base = questionsBase(channel);
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={t('channels.list.title')} lead={t('channels.questionnaire.lead')} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(questionnaireNotices[props.notice], { version: current?.version ?? 0 })}</p>
        </NotificationBanner>
      )}
      {props.refusal && (
        <NotificationBanner page={page} type="warning" title="channels.questionnaire.refused_title">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <p>{current ? versionLine(page, current) : t('channels.questionnaire.no_version')}</p>
      <QuestionList
        page={page}
        channel={channel}
        questions={current?.questions ?? []}
        editableFrom={current?.version ?? 0}
      />
      {(current?.questions.length ?? 0) < ANSWER_LIMITS.questions ? (
        <ButtonLink href={`${base}/new`}>{t('channels.questionnaire.add')}</ButtonLink>
      ) : (
        <p>{t('channels.questionnaire.error_too_many_questions')}</p>
      )}
      <ul class="link-list">
        <li class="link-list__item">
          <a href={`${base}/versions`}>{t('channels.questionnaire.history_link')}</a>
        </li>
        <li class="link-list__item">
          <a href={`/admin/channels/${channel.id}`}>
            {t('channels.back_to_channel', { channel: channelName(page, channel) })}
          </a>
        </li>
      </ul>
    </AdminLayout>
  );
}

/**
 * The form for one question: add (type chosen) or edit (type fixed). Options are two
 * textareas, one option per line, so it works without JavaScript.
 */
export function QuestionFormPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  /** The question being edited; undefined to add one. */
  readonly question?: Question | undefined;
  readonly values: FormValues;
  readonly errors?: FieldErrors | undefined;
  readonly refusal?: MessageKey | undefined;
}) {
  const { page, channel, question, values, errors } = props;
  const { t } = page;
  const base = questionsBase(channel);
  const title = question
    ? t('channels.question.edit_title', { label: questionLabel(page, question) })
    : t('channels.question.new_title');
  const action = question ? `${base}/questions/${question.id}` : `${base}/new`;
  const showOptions = !question || isChoiceType(question.type);
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader
        title={title}
        caption={channelName(page, channel)}
        lead={t('channels.question.form_lead')}
      />
      {props.refusal && (
        <NotificationBanner page={page} type="warning" title="channels.questionnaire.refused_title">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action={action} class="form" novalidate>
        <CsrfField page={page} />
        <input type="hidden" name="baseVersion" value={value(values, 'baseVersion')} />
        {question ? (
          <SummaryList
            page={page}
            rows={[
              { key: 'channels.question.type', value: t(typeLabel(question.type)) },
              { key: 'channels.question.id', value: <code>{question.id}</code> },
            ]}
          />
        ) : (
          <Radios
            page={page}
            name="type"
            legend="channels.question.type"
            value={value(values, 'type')}
            error={errors?.type}
            options={QUESTION_TYPES.map((type) => ({
              value: type,
              label: typeLabel(type),
              hint: `channels.type.${type}_hint` as const,
            }))}
          />
        )}
        <Radios
          page={page}
          name="required"
          legend="channels.question.required"
          value={value(values, 'required')}
          error={errors?.required}
          inline
          options={[
            { value: 'yes', label: 'channels.yes' },
            { value: 'no', label: 'channels.no' },
          ]}
        />
        <TextField
          page={page}
          name="labelNl"
          label="channels.question.label_nl"
          value={value(values, 'labelNl')}
          error={errors?.labelNl}
          maxLength={ANSWER_LIMITS.label}
        />
        <TextField
          page={page}
          name="labelEn"
          label="channels.question.label_en"
          value={value(values, 'labelEn')}
          error={errors?.labelEn}
          maxLength={ANSWER_LIMITS.label}
        />
        <TextareaField
          page={page}
          name="helpNl"
          label="channels.question.help_nl"
          hint="channels.question.help_hint"
          value={value(values, 'helpNl')}
          error={errors?.helpNl}
          maxLength={ANSWER_LIMITS.help}
          rows={3}
          optional
        />
        <TextareaField
          page={page}
          name="helpEn"
          label="channels.question.help_en"
          value={value(values, 'helpEn')}
          error={errors?.helpEn}
          maxLength={ANSWER_LIMITS.help}
          rows={3}
          optional
        />
        {showOptions && (
          <>
            <TextareaField
              page={page}
              name="optionsNl"
              label="channels.question.options_nl"
              hint={question ? 'channels.question.options_hint_edit' : 'channels.question.options_hint'}
              value={value(values, 'optionsNl')}
              error={errors?.optionsNl}
              rows={5}
              optional={!question}
            />
            <TextareaField
              page={page}
              name="optionsEn"
              label="channels.question.options_en"
              hint="channels.question.options_en_hint"
              value={value(values, 'optionsEn')}
              error={errors?.optionsEn}
              rows={5}
              optional={!question}
            />
          </>
        )}
        <p class="hint">{t('channels.question.publish_hint')}</p>
        <div class="button-group">
          <Button>{t(question ? 'channels.question.save' : 'channels.question.add')}</Button>
          <a href={base}>{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** `/…/questions/:questionId/remove`: asks before removing a question (publishes a version). */
export function RemoveQuestionPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly question: Question;
  readonly baseVersion: number;
  readonly refusal?: MessageKey | undefined;
}) {
  const { page, channel, question } = props;
  const { t } = page;
  const base = questionsBase(channel);
  const title = t('channels.question.remove_title', { label: questionLabel(page, question) });
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={channelName(page, channel)} />
      {props.refusal && (
        <NotificationBanner page={page} type="warning" title="channels.questionnaire.refused_title">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <p>{t('channels.question.remove_text')}</p>
      <QuestionDetails page={page} question={question} />
      <form method="post" action={`${base}/questions/${question.id}/remove`} class="form">
        <CsrfField page={page} />
        <input type="hidden" name="baseVersion" value={String(props.baseVersion)} />
        <div class="button-group">
          <Button variant="warning">{t('channels.question.remove_confirm')}</Button>
          <a href={base}>{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** `/admin/channels/:id/questionnaire/versions`: every version, newest first. */
export function VersionHistoryPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly versions: readonly QuestionnaireVersionSummary[];
}) {
  const { page, channel, versions } = props;
  const { t } = page;
  const title = t('channels.history.title', { channel: channelName(page, channel) });
  const base = questionsBase(channel);
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={t('channels.list.title')} lead={t('channels.history.lead')} />
      <Table
        page={page}
        caption="channels.history.caption"
        captionHidden
        rowHeaders
        columns={[
          { key: 'version', label: 'channels.history.column_version', numeric: true },
          { key: 'date', label: 'channels.history.column_date' },
          { key: 'by', label: 'channels.history.column_by' },
          { key: 'questions', label: 'channels.history.column_questions', numeric: true },
        ]}
        rows={versions.map((v) => ({
          key: String(v.version),
          cells: [
            <a key="v" href={`${base}/versions/${v.version}`}>
              {t('channels.history.version_link', { version: v.version })}
            </a>,
            formatBrusselsDateTime(v.createdAt, page.locale),
            v.createdByName ?? t('channels.questionnaire.by_system'),
            String(v.questions),
          ],
        }))}
        empty="channels.history.empty"
      />
      <p>
        <a href={base}>{t('channels.history.back')}</a>
      </p>
    </AdminLayout>
  );
}

/** `/admin/channels/:id/questionnaire/versions/:version`: one version, read-only. */
export function VersionPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly version: QuestionnaireVersion;
  readonly latest: number;
}) {
  const { page, channel, version } = props;
  const { t } = page;
  const title = t('channels.version.title', {
    version: version.version,
    channel: channelName(page, channel),
  });
  const base = questionsBase(channel);
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={t('channels.list.title')} />
      <NotificationBanner page={page} type="info">
        <p>
          {version.version === props.latest
            ? t('channels.version.is_current')
            : t('channels.version.is_old', { latest: props.latest })}
        </p>
      </NotificationBanner>
      <p>{versionLine(page, version)}</p>
      <QuestionList page={page} channel={channel} questions={version.questions} />
      <ul class="link-list">
        <li class="link-list__item">
          <a href={`${base}/versions`}>{t('channels.questionnaire.history_link')}</a>
        </li>
        <li class="link-list__item">
          <a href={base}>{t('channels.history.back')}</a>
        </li>
      </ul>
    </AdminLayout>
  );
}

import { AdminLayout, roleLabel } from '../../identity/admin.views.js';
import { isRole } from '../../identity/role.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  Checkboxes,
  type ChoiceOption,
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
import type { Category, Channel, ChannelSummary, RecipientCandidate } from './channel.repository.js';

/** Submitted form values, shown again after a refusal. */
export type FormValues = Readonly<Record<string, string | string[]>>;

/** What happened just before a redirect to the channel page (`?done=`). */
export const channelNotices = {
  created: 'channels.notice.created',
  updated: 'channels.notice.updated',
  recipients: 'channels.notice.recipients',
  categories: 'channels.notice.categories',
  unchanged: 'channels.notice.unchanged',
} as const satisfies Record<string, MessageKey>;
export type ChannelNotice = keyof typeof channelNotices;

export function value(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? '');
}

function many(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** A channel's name in the reader's language. */
export function channelName(page: PageContext, channel: Pick<Channel, 'nameNl' | 'nameEn'>): string {
  return page.locale === 'en' ? channel.nameEn : channel.nameNl;
}

/** A category's label in the reader's language. */
export function categoryLabel(page: PageContext, category: Pick<Category, 'labelNl' | 'labelEn'>): string {
  return page.locale === 'en' ? category.labelEn : category.labelNl;
}

/** Whether a channel can receive reports: at least one eligible recipient has a key pair. */
export function canReceive(summary: Pick<ChannelSummary, 'recipientsWithKeys'>): boolean {
  return summary.recipientsWithKeys > 0;
}

function ActiveTag(props: { readonly page: PageContext; readonly active: boolean }) {
  return props.active ? (
    <StatusTag page={props.page} label="channels.status.active" tone="success" />
  ) : (
    <StatusTag page={props.page} label="channels.status.inactive" tone="neutral" />
  );
}

/** The recipients' figures in words, with a warning tag when nobody can open a report. */
function RecipientFigures(props: { readonly page: PageContext; readonly summary: ChannelSummary }) {
  const { page, summary } = props;
  const { t } = page;
  return (
    <>
      {t('channels.list.recipients_figures', {
        recipients: summary.recipients,
        withKeys: summary.recipientsWithKeys,
      })}
      {!canReceive(summary) && (
        <>
          {' '}
          <StatusTag page={page} label="channels.list.cannot_receive" tone="danger" />
        </>
      )}
    </>
  );
}

/** `/admin/channels`: every channel with its figures, and a warning for those that cannot receive. */
export function ChannelListPage(props: {
  readonly page: PageContext;
  readonly channels: readonly ChannelSummary[];
}) {
  const { page, channels } = props;
  const { t } = page;
  const blocked = channels.filter((c) => c.active && !canReceive(c));
  return (
    <AdminLayout page={page} title={t('channels.list.title')}>
      <PageHeader title={t('channels.list.title')} lead={t('channels.list.lead')} />
      {blocked.length > 0 && (
        <NotificationBanner page={page} type="warning" title="channels.warning.cannot_receive_title">
          <p>{t('channels.warning.cannot_receive_list')}</p>
          <ul class="list--bullet">
            {blocked.map((c) => (
              <li key={c.id}>
                <a href={`/admin/channels/${c.id}#recipients`}>{channelName(page, c)}</a>
              </li>
            ))}
          </ul>
          <p>{t('channels.warning.cannot_receive_help')}</p>
        </NotificationBanner>
      )}
      <Table
        page={page}
        caption="channels.list.caption"
        captionHidden
        rowHeaders
        columns={[
          { key: 'name', label: 'channels.list.column_name' },
          { key: 'audience', label: 'channels.list.column_audience' },
          { key: 'status', label: 'channels.list.column_status' },
          { key: 'recipients', label: 'channels.list.column_recipients' },
          { key: 'questionnaire', label: 'channels.list.column_questionnaire' },
          { key: 'categories', label: 'channels.list.column_categories', numeric: true },
        ]}
        rows={channels.map((c) => ({
          key: c.id,
          cells: [
            <a key="name" href={`/admin/channels/${c.id}`}>
              {channelName(page, c)}
            </a>,
            t(`channels.audience.${c.audience}`),
            <ActiveTag key="status" page={page} active={c.active} />,
            <RecipientFigures key="recipients" page={page} summary={c} />,
            c.questionnaireVersion === null ? (
              <StatusTag key="q" page={page} label="channels.list.no_questionnaire" tone="danger" />
            ) : (
              <a key="q" href={`/admin/channels/${c.id}/questionnaire`}>
                {t('channels.list.questionnaire_figures', {
                  version: c.questionnaireVersion,
                  questions: c.questions,
                })}
              </a>
            ),
            String(c.categories),
          ],
        }))}
        empty="channels.list.empty"
      />
      <ButtonLink href="/admin/channels/new">{t('channels.list.add')}</ButtonLink>
    </AdminLayout>
  );
}

/** The channel's own fields (create and edit). */
function ChannelFields(props: {
  readonly page: PageContext;
  readonly values: FormValues | undefined;
  readonly errors: FieldErrors | undefined;
}) {
  const { page, values, errors } = props;
  return (
    <>
      <TextField
        page={page}
        name="nameNl"
        label="channels.channel.name_nl"
        value={value(values, 'nameNl')}
        error={errors?.nameNl}
        maxLength={200}
      />
      <TextField
        page={page}
        name="nameEn"
        label="channels.channel.name_en"
        value={value(values, 'nameEn')}
        error={errors?.nameEn}
        maxLength={200}
      />
      <TextField
        page={page}
        name="slug"
        label="channels.channel.slug"
        hint="channels.channel.slug_hint"
        value={value(values, 'slug')}
        error={errors?.slug}
        maxLength={40}
        width="medium"
        autocomplete="off"
      />
      <TextareaField
        page={page}
        name="introNl"
        label="channels.channel.intro_nl"
        hint="channels.channel.intro_hint"
        value={value(values, 'introNl')}
        error={errors?.introNl}
        maxLength={4000}
        rows={6}
        optional
      />
      <TextareaField
        page={page}
        name="introEn"
        label="channels.channel.intro_en"
        value={value(values, 'introEn')}
        error={errors?.introEn}
        maxLength={4000}
        rows={6}
        optional
      />
      <Radios
        page={page}
        name="audience"
        legend="channels.channel.audience"
        value={value(values, 'audience')}
        error={errors?.audience}
        options={[
          { value: 'everyone', label: 'channels.audience.everyone', hint: 'channels.audience.everyone_hint' },
          { value: 'staff', label: 'channels.audience.staff', hint: 'channels.audience.staff_hint' },
        ]}
      />
      <Radios
        page={page}
        name="active"
        legend="channels.channel.active"
        value={value(values, 'active')}
        error={errors?.active}
        options={[
          { value: 'yes', label: 'channels.status.active', hint: 'channels.channel.active_hint' },
          { value: 'no', label: 'channels.status.inactive', hint: 'channels.channel.inactive_hint' },
        ]}
      />
      <TextField
        page={page}
        name="position"
        label="channels.channel.position"
        hint="channels.channel.position_hint"
        value={value(values, 'position')}
        error={errors?.position}
        maxLength={4}
        inputMode="numeric"
        width="short"
      />
    </>
  );
}

/** `/admin/channels/new`: the form to create a channel. */
export function NewChannelPage(props: {
  readonly page: PageContext;
  readonly values: FormValues;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('channels.new.title')}>
      <PageHeader
        title={t('channels.new.title')}
        caption={t('channels.list.title')}
        lead={t('channels.new.lead')}
      />
      <ErrorSummary page={page} errors={props.errors} />
      <form method="post" action="/admin/channels/new" class="form" novalidate>
        <CsrfField page={page} />
        <ChannelFields page={page} values={props.values} errors={props.errors} />
        <div class="button-group">
          <Button>{t('channels.new.create')}</Button>
          <a href="/admin/channels">{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** The channel's fields as form values. */
export function channelFormValues(channel: Channel): FormValues {
  return {
    slug: channel.slug,
    nameNl: channel.nameNl,
    nameEn: channel.nameEn,
    introNl: channel.introNl,
    introEn: channel.introEn,
    audience: channel.audience,
    active: channel.active ? 'yes' : 'no',
    position: String(channel.position),
  };
}

/** Which form of the channel page a problem belongs to. */
export type ChannelPageForm = 'details' | 'recipients' | 'category';

function recipientOption(page: PageContext, candidate: RecipientCandidate): ChoiceOption {
  const { t } = page;
  const roles = candidate.roles
    .filter(isRole)
    .map((role) => t(roleLabel(role)))
    .join(', ');
  const facts = [
    t('channels.recipients.roles', { roles: roles || t('channels.recipients.no_roles') }),
    t(candidate.hasKeys ? 'channels.recipients.has_keys' : 'channels.recipients.no_keys'),
  ];
  if (!candidate.eligible) facts.push(t('channels.recipients.not_eligible'));
  return {
    value: candidate.userId,
    label: { text: `${candidate.name} (${candidate.username})` },
    hint: { text: facts.join(' · ') },
  };
}

function CategoryActions(props: {
  readonly page: PageContext;
  readonly channelId: string;
  readonly category: Category;
  readonly first: boolean;
  readonly last: boolean;
}) {
  const { page, channelId, category } = props;
  const { t } = page;
  const base = `/admin/channels/${channelId}/categories/${category.id}`;
  const label = categoryLabel(page, category);
  const hidden = <span class="visually-hidden">{` ${t('channels.category.named', { label })}`}</span>;
  return (
    <div class="channel-actions">
      <a href={base}>
        {t('channels.category.rename')}
        {hidden}
      </a>
      {!props.first && (
        <form method="post" action={`${base}/move`}>
          <CsrfField page={page} />
          <input type="hidden" name="direction" value="up" />
          <Button variant="secondary">
            {t('channels.move_up')}
            {hidden}
          </Button>
        </form>
      )}
      {!props.last && (
        <form method="post" action={`${base}/move`}>
          <CsrfField page={page} />
          <input type="hidden" name="direction" value="down" />
          <Button variant="secondary">
            {t('channels.move_down')}
            {hidden}
          </Button>
        </form>
      )}
      <form method="post" action={`${base}/${category.active ? 'deactivate' : 'reactivate'}`}>
        <CsrfField page={page} />
        <Button variant={category.active ? 'warning' : 'secondary'}>
          {t(category.active ? 'channels.category.deactivate' : 'channels.category.reactivate')}
          {hidden}
        </Button>
      </form>
    </div>
  );
}

/**
 * `/admin/channels/:id`: the channel's fields, its recipients (chosen among active users with a
 * recipient role; each shown with roles and key pair) and its categories.
 */
export function ChannelPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly summary: ChannelSummary;
  readonly candidates: readonly RecipientCandidate[];
  readonly categories: readonly Category[];
  readonly notice?: ChannelNotice | undefined;
  readonly problem?:
    | { readonly form: ChannelPageForm; readonly errors: FieldErrors; readonly values: FormValues }
    | undefined;
}) {
  const { page, channel, summary, candidates, categories, problem } = props;
  const { t } = page;
  const title = channelName(page, channel);
  const errorsFor = (form: ChannelPageForm) => (problem?.form === form ? problem.errors : undefined);
  const detailValues = problem?.form === 'details' ? problem.values : channelFormValues(channel);
  const chosen =
    problem?.form === 'recipients'
      ? many(problem.values, 'recipients')
      : candidates.filter((c) => c.chosen).map((c) => c.userId);
  const categoryValues = problem?.form === 'category' ? problem.values : undefined;
  const base = `/admin/channels/${channel.id}`;
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader title={title} caption={t('channels.list.title')} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(channelNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={problem?.errors} />
      {!canReceive(summary) && (
        <NotificationBanner page={page} type="warning" title="channels.warning.cannot_receive_title">
          <p>{t(summary.recipients === 0 ? 'channels.warning.no_recipients' : 'channels.warning.no_keys')}</p>
          <p>{t('channels.warning.cannot_receive_help')}</p>
        </NotificationBanner>
      )}
      <SummaryList
        page={page}
        rows={[
          { key: 'channels.channel.address', value: <code>{`/report/channel/${channel.slug}`}</code> },
          { key: 'channels.list.column_status', value: <ActiveTag page={page} active={channel.active} /> },
          {
            key: 'channels.list.column_recipients',
            value: <RecipientFigures page={page} summary={summary} />,
          },
          {
            key: 'channels.list.column_questionnaire',
            value:
              summary.questionnaireVersion === null
                ? t('channels.list.no_questionnaire')
                : t('channels.list.questionnaire_figures', {
                    version: summary.questionnaireVersion,
                    questions: summary.questions,
                  }),
            action: { href: `${base}/questionnaire`, label: 'channels.questionnaire.edit_link' },
          },
        ]}
      />

      <h2 id="details">{t('channels.channel.details_heading')}</h2>
      <form method="post" action={base} class="form" novalidate aria-labelledby="details">
        <CsrfField page={page} />
        <ChannelFields page={page} values={detailValues} errors={errorsFor('details')} />
        <Button>{t('form.save')}</Button>
      </form>

      <h2 id="recipients">{t('channels.recipients.heading')}</h2>
      <p>{t('channels.recipients.lead')}</p>
      {candidates.length === 0 ? (
        <p>{t('channels.recipients.none_available')}</p>
      ) : (
        <form
          method="post"
          action={`${base}/recipients`}
          class="form"
          novalidate
          aria-labelledby="recipients"
        >
          <CsrfField page={page} />
          <Checkboxes
            page={page}
            name="recipients"
            legend="channels.recipients.legend"
            hint="channels.recipients.hint"
            options={candidates.map((c) => recipientOption(page, c))}
            values={chosen}
            error={errorsFor('recipients')?.recipients}
          />
          <Button>{t('channels.recipients.save')}</Button>
        </form>
      )}

      <h2 id="categories">{t('channels.category.heading')}</h2>
      <p>{t('channels.category.lead')}</p>
      <Table
        page={page}
        id="categories-table"
        caption="channels.category.caption"
        captionHidden
        rowHeaders
        columns={[
          { key: 'label', label: 'channels.category.column_label' },
          { key: 'other', label: 'channels.category.column_other_language' },
          { key: 'status', label: 'channels.list.column_status' },
          { key: 'actions', label: 'channels.column_actions' },
        ]}
        rows={categories.map((category, index) => ({
          key: category.id,
          cells: [
            categoryLabel(page, category),
            page.locale === 'en' ? category.labelNl : category.labelEn,
            <ActiveTag key="status" page={page} active={category.active} />,
            <CategoryActions
              key="actions"
              page={page}
              channelId={channel.id}
              category={category}
              first={index === 0}
              last={index === categories.length - 1}
            />,
          ],
        }))}
        empty="channels.category.empty"
      />
      <h3 id="new-category">{t('channels.category.add_heading')}</h3>
      <form
        method="post"
        action={`${base}/categories`}
        class="form"
        novalidate
        aria-labelledby="new-category"
      >
        <CsrfField page={page} />
        <CategoryFields page={page} values={categoryValues} errors={errorsFor('category')} />
        <Button variant="secondary">{t('channels.category.add')}</Button>
      </form>
      <p>
        <a href="/admin/channels">{t('channels.back_to_list')}</a>
      </p>
    </AdminLayout>
  );
}

function CategoryFields(props: {
  readonly page: PageContext;
  readonly values: FormValues | undefined;
  readonly errors: FieldErrors | undefined;
}) {
  const { page, values, errors } = props;
  return (
    <>
      <TextField
        page={page}
        name="labelNl"
        label="channels.category.label_nl"
        value={value(values, 'labelNl')}
        error={errors?.labelNl}
        maxLength={200}
      />
      <TextField
        page={page}
        name="labelEn"
        label="channels.category.label_en"
        value={value(values, 'labelEn')}
        error={errors?.labelEn}
        maxLength={200}
      />
    </>
  );
}

/** `/admin/channels/:id/categories/:categoryId`: rename a category in both languages. */
export function CategoryEditPage(props: {
  readonly page: PageContext;
  readonly channel: Channel;
  readonly category: Category;
  readonly values?: FormValues | undefined;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, channel, category } = props;
  const { t } = page;
  const title = t('channels.category.rename_title', { label: categoryLabel(page, category) });
  const values = props.values ?? { labelNl: category.labelNl, labelEn: category.labelEn };
  return (
    <AdminLayout page={page} title={title}>
      <PageHeader
        title={title}
        caption={channelName(page, channel)}
        lead={t('channels.category.rename_lead')}
      />
      <ErrorSummary page={page} errors={props.errors} />
      <form
        method="post"
        action={`/admin/channels/${channel.id}/categories/${category.id}`}
        class="form"
        novalidate
      >
        <CsrfField page={page} />
        <CategoryFields page={page} values={values} errors={props.errors} />
        <div class="button-group">
          <Button>{t('form.save')}</Button>
          <a href={`/admin/channels/${channel.id}#categories`}>{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

import { formatBrusselsDateTime } from '../platform/audit/audit-period.js';
import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  Pagination,
  Select,
  type SelectOption,
  StatusTag,
  SummaryList,
  Table,
  TextField,
} from '../platform/ui/components.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { AdminLayout, entityName, roleLabel } from './admin.views.js';
import type { EntityInTree } from './entity.repository.js';
import { type Role, roles } from './role.js';
import type { UserSummary } from './user.repository.js';
import type { UserFormOptions } from './user.service.js';

/** Submitted form values (strings, arrays for repeated fields), shown again after a refusal. */
export type FormValues = Readonly<Record<string, string | string[]>>;

/** What happened just before a redirect to the user page, named in its `done` query parameter. */
export const userNotices = {
  created: 'admin.user.notice_created',
  updated: 'admin.user.notice_updated',
  roles: 'admin.user.notice_roles',
  deactivated: 'admin.user.notice_deactivated',
  reactivated: 'admin.user.notice_reactivated',
  second_factor_reset: 'admin.user.notice_second_factor_reset',
} as const satisfies Record<string, MessageKey>;
export type UserNotice = keyof typeof userNotices;

function value(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? '');
}

function many(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** Entity options indented by depth, so the tree reads in a flat list. */
export function entityOptions(
  page: PageContext,
  entities: readonly EntityInTree[],
  disabled: ReadonlySet<string> = new Set(),
): SelectOption[] {
  return entities.map((entity) => ({
    value: entity.id,
    label: { text: `${'\u00a0\u00a0'.repeat(entity.depth)}${entityName(page, entity)}` },
    disabled: disabled.has(entity.id),
  }));
}

function roleOptions() {
  return roles.map((role) => ({ value: role, label: roleLabel(role) }));
}

function managerOptions(
  options: UserFormOptions,
  current?: { username: string; name: string },
): SelectOption[] {
  const list = [...options.managers];
  if (current && !list.some((m) => m.username === current.username)) list.unshift(current);
  return list.map((m) => ({ value: m.username, label: { text: `${m.name} (${m.username})` } }));
}

// ——— List ———

export interface UserListView {
  readonly query: string;
  readonly role: Role | undefined;
  readonly status: 'all' | 'active' | 'inactive';
  readonly page: number;
  readonly pageSize: number;
  readonly users: readonly UserSummary[];
  readonly total: number;
}

/** `/admin/users`: search and filters (a GET form), the matching users, pagination. */
export function UserListPage(props: { readonly page: PageContext; readonly list: UserListView }) {
  const { page, list } = props;
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('admin.users.title')}>
      <PageHeader title={t('admin.users.title')} caption={t('admin.nav.overview')}>
        <ButtonLink href="/admin/users/new">{t('admin.users.new')}</ButtonLink>
      </PageHeader>
      <search aria-label={t('admin.users.search_label')}>
        <form method="get" action="/admin/users" class="filters">
          <TextField
            page={page}
            name="q"
            type="search"
            label="admin.users.search"
            hint="admin.users.search_hint"
            value={list.query}
            maxLength={200}
            optional
          />
          <Select
            page={page}
            name="role"
            label="admin.users.filter_role"
            value={list.role ?? ''}
            options={[{ value: '', label: 'admin.users.filter_role_all' }, ...roleOptions()]}
            optional
          />
          <Select
            page={page}
            name="status"
            label="admin.users.filter_status"
            value={list.status}
            options={[
              { value: 'all', label: 'admin.users.filter_status_all' },
              { value: 'active', label: 'admin.users.filter_status_active' },
              { value: 'inactive', label: 'admin.users.filter_status_inactive' },
            ]}
            optional
          />
          <Button variant="secondary">{t('form.search')}</Button>
        </form>
      </search>
      <Table
        page={page}
        caption="admin.users.table_caption"
        columns={[
          { key: 'name', label: 'admin.user.name' },
          { key: 'username', label: 'admin.user.username' },
          { key: 'email', label: 'admin.user.email' },
          { key: 'roles', label: 'admin.user.roles' },
          { key: 'entity', label: 'admin.user.entity' },
          { key: 'status', label: 'admin.user.status' },
        ]}
        rows={list.users.map((user) => ({
          key: user.id,
          cells: [
            <a href={`/admin/users/${user.id}`} key="name">
              {user.name}
            </a>,
            user.username,
            <BreakableEmail email={user.email} key="email" />,
            user.roles.map((role) => t(roleLabel(role as Role))).join(', '),
            entityName(page, { nameNl: user.entityNameNl, nameEn: user.entityNameEn }),
            <UserStatus page={page} active={user.active} key="status" />,
          ],
        }))}
        rowHeaders
        empty="admin.users.none"
      />
      <Pagination page={page} currentPage={list.page} pageSize={list.pageSize} total={list.total} />
    </AdminLayout>
  );
}

/** An e-mail address that may wrap after its "@", so a long one does not push the table wider than the page. */
function BreakableEmail(props: { readonly email: string }) {
  const at = props.email.lastIndexOf('@');
  if (at < 0) return <>{props.email}</>;
  return (
    <>
      {props.email.slice(0, at + 1)}
      <wbr />
      {props.email.slice(at + 1)}
    </>
  );
}

function UserStatus(props: { readonly page: PageContext; readonly active: boolean }) {
  return props.active ? (
    <StatusTag page={props.page} label="admin.user.status_active" tone="success" />
  ) : (
    <StatusTag page={props.page} label="admin.user.status_inactive" tone="neutral" />
  );
}

// ——— Create ———

/** `/admin/users/new`: the new-user form, shown again with messages and the typed values after a refusal. */
export function UserCreatePage(props: {
  readonly page: PageContext;
  readonly options: UserFormOptions;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
}) {
  const { page, options, errors, values } = props;
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('admin.user.new_title')}>
      <PageHeader title={t('admin.user.new_title')} caption={t('admin.users.title')} />
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/admin/users/new" class="form" novalidate>
        <CsrfField page={page} />
        <TextField
          page={page}
          name="name"
          label="admin.user.name"
          value={value(values, 'name')}
          error={errors?.name}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          page={page}
          name="username"
          label="admin.user.username"
          hint="admin.user.username_hint"
          value={value(values, 'username')}
          error={errors?.username}
          maxLength={64}
          autocomplete="off"
          width="medium"
        />
        <TextField
          page={page}
          name="email"
          type="email"
          label="admin.user.email"
          value={value(values, 'email')}
          error={errors?.email}
          maxLength={254}
          autocomplete="off"
        />
        <ProfileRelations page={page} options={options} errors={errors} values={values} />
        <Checkboxes
          page={page}
          name="roles"
          legend="admin.user.roles"
          hint="admin.user.roles_hint"
          options={roleOptions()}
          values={many(values, 'roles')}
          error={errors?.roles}
        />
        <TextField
          page={page}
          name="password"
          type="password"
          label="admin.user.password"
          hint="admin.user.password_hint"
          error={errors?.password}
          autocomplete="new-password"
          maxLength={200}
          optional
        />
        <div class="button-group">
          <Button>{t('admin.user.create')}</Button>
          <a href="/admin/users">{t('form.cancel')}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** Entity and manager fields, shared by the create and edit forms. */
function ProfileRelations(props: {
  readonly page: PageContext;
  readonly options: UserFormOptions;
  readonly errors: FieldErrors | undefined;
  readonly values: FormValues | undefined;
  readonly currentManager?: { username: string; name: string } | undefined;
}) {
  const { page, options, errors, values } = props;
  return (
    <>
      <Select
        page={page}
        name="entityId"
        label="admin.user.entity"
        value={value(values, 'entityId')}
        options={[{ value: '', label: 'admin.user.entity_none' }, ...entityOptions(page, options.entities)]}
        error={errors?.entityId}
        optional
      />
      <Select
        page={page}
        name="manager"
        label="admin.user.manager"
        hint="admin.user.manager_hint"
        value={value(values, 'manager')}
        options={[
          { value: '', label: 'admin.user.manager_none' },
          ...managerOptions(options, props.currentManager),
        ]}
        error={errors?.manager}
        optional
      />
    </>
  );
}

// ——— Edit ———

/** `/admin/users/:id`: the facts, the profile form, the roles form, and the account actions. */
export function UserEditPage(props: {
  readonly page: PageContext;
  readonly user: UserSummary;
  readonly options: UserFormOptions;
  readonly notice?: UserNotice | undefined;
  /** Why the last action was refused (deactivating yourself, the last admin, …). */
  readonly refusal?: MessageKey | undefined;
  readonly errors?: FieldErrors | undefined;
  /** The form that was refused and what was typed in it, to show again. */
  readonly submitted?: { readonly form: 'profile' | 'roles'; readonly values: FormValues } | undefined;
}) {
  const { page, user, options, errors, submitted } = props;
  const { t } = page;
  const base = `/admin/users/${user.id}`;
  const isSelf = page.auth?.userId === user.id;
  const profile: FormValues = (submitted?.form === 'profile' && submitted.values) || {
    name: user.name,
    email: user.email,
    entityId: user.entityId ?? '',
    manager: user.managerUsername ?? '',
  };
  const roleValues = submitted?.form === 'roles' ? many(submitted.values, 'roles') : [...user.roles];
  const currentManager =
    user.managerUsername && user.managerName
      ? { username: user.managerUsername, name: user.managerName }
      : undefined;
  return (
    <AdminLayout page={page} title={user.name}>
      <PageHeader title={user.name} caption={t('admin.users.title')} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(userNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      {props.refusal && (
        <NotificationBanner page={page} type="warning">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <SummaryList
        page={page}
        rows={[
          { key: 'admin.user.username', value: user.username },
          { key: 'admin.user.status', value: <UserStatus page={page} active={user.active} /> },
          {
            key: 'admin.user.second_factor',
            value: t(
              user.secondFactorEnabled ? 'admin.user.second_factor_on' : 'admin.user.second_factor_off',
            ),
          },
          {
            key: 'admin.user.last_login',
            value: user.lastLoginAt
              ? formatBrusselsDateTime(user.lastLoginAt, page.locale)
              : t('admin.user.never'),
          },
        ]}
      />

      <h2 id="profile">{t('admin.user.profile_heading')}</h2>
      <form method="post" action={base} class="form" novalidate aria-labelledby="profile">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="name"
          label="admin.user.name"
          value={value(profile, 'name')}
          error={errors?.name}
          maxLength={200}
          autocomplete="off"
        />
        <TextField
          page={page}
          name="email"
          type="email"
          label="admin.user.email"
          value={value(profile, 'email')}
          error={errors?.email}
          maxLength={254}
          autocomplete="off"
        />
        <ProfileRelations
          page={page}
          options={options}
          errors={errors}
          values={profile}
          currentManager={currentManager}
        />
        <Button>{t('form.save')}</Button>
      </form>

      <h2 id="roles">{t('admin.user.roles')}</h2>
      <form method="post" action={`${base}/roles`} class="form" novalidate aria-labelledby="roles">
        <CsrfField page={page} />
        <Checkboxes
          page={page}
          name="roles"
          legend="admin.user.roles_legend"
          hint={isSelf ? 'admin.user.roles_hint_self' : 'admin.user.roles_hint_edit'}
          options={roleOptions()}
          values={roleValues}
          error={errors?.roles}
        />
        <Button>{t('admin.user.save_roles')}</Button>
      </form>

      <h2>{t('admin.user.account_heading')}</h2>
      {isSelf ? (
        <p>{t('admin.user.error_cannot_deactivate_self')}</p>
      ) : user.active ? (
        <form method="post" action={`${base}/deactivate`} class="form">
          <CsrfField page={page} />
          <p>{t('admin.user.deactivate_text')}</p>
          <Button variant="warning">{t('admin.user.deactivate')}</Button>
        </form>
      ) : (
        <form method="post" action={`${base}/reactivate`} class="form">
          <CsrfField page={page} />
          <p>{t('admin.user.reactivate_text')}</p>
          <Button variant="secondary">{t('admin.user.reactivate')}</Button>
        </form>
      )}
      {user.secondFactorEnabled && (
        <form method="post" action={`${base}/reset-second-factor`} class="form">
          <CsrfField page={page} />
          <p>{t('admin.user.reset_second_factor_text')}</p>
          <Button variant="warning">{t('admin.user.reset_second_factor')}</Button>
        </form>
      )}
      <p>
        <a href="/admin/users">{t('admin.users.back')}</a>
      </p>
    </AdminLayout>
  );
}

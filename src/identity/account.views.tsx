import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  SummaryList,
  Table,
  TextField,
} from '../platform/ui/components.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import type { Locale } from '../platform/ui/i18n/define.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { AccountKeysSection } from '../reporting/keys/keys.views.js';
import type { AccountOverview } from './account.service.js';
import { roleLabel } from './admin.views.js';
import { isRole } from './role.js';

/** Notices the account page can show after a redirect (`?notice=`); anything else is ignored. */
export const accountNotices = {
  password_changed: 'account.notice_password_changed',
} as const satisfies Record<string, MessageKey>;
export type AccountNotice = keyof typeof accountNotices;

export function isAccountNotice(value: unknown): value is AccountNotice {
  return typeof value === 'string' && Object.hasOwn(accountNotices, value);
}

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

function DateTime(props: { readonly page: PageContext; readonly value: Date }) {
  return (
    <time dateTime={props.value.toISOString()}>{dateTimeFormats[props.page.locale].format(props.value)}</time>
  );
}

/** The person's own account: details, password, second factor and sessions. */
export function AccountPage(props: {
  readonly page: PageContext;
  readonly account: AccountOverview;
  readonly notice?: AccountNotice | undefined;
}) {
  const { page, account } = props;
  const { t } = page;
  const roleNames = account.roles.map((role) => (isRole(role) ? t(roleLabel(role)) : role)).join(', ');
  const factor = account.secondFactor;
  return (
    <Layout page={page} title={t('account.title')}>
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(accountNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <PageHeader title={t('account.title')} />

      <section class="section" aria-labelledby="account-details">
        <h2 id="account-details">{t('account.details_heading')}</h2>
        <SummaryList
          page={page}
          rows={[
            { key: 'account.name', value: account.name },
            { key: 'account.username', value: account.username },
            { key: 'account.email', value: account.email },
            { key: 'account.roles', value: roleNames },
          ]}
        />
        <p class="hint">{t('account.details_hint')}</p>
      </section>

      <section class="section" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.password_heading')}</h2>
        {account.hasPassword ? (
          <p>
            <a href="/account/password">{t('account.password_change_link')}</a>
          </p>
        ) : (
          <p>{t('account.password_none')}</p>
        )}
      </section>

      <section class="section" aria-labelledby="account-second-factor">
        <h2 id="account-second-factor">{t('account.second_factor_heading')}</h2>
        {factor.enabledAt ? (
          <>
            <p>
              {t('account.second_factor_on')} <DateTime page={page} value={factor.enabledAt} />
            </p>
            <p>{t('account.recovery_codes_left', { count: factor.recoveryCodesLeft })}</p>
            <ul class="list">
              <li>
                <a href="/account/second-factor">{t('account.second_factor_reenrol_link')}</a>
              </li>
              <li>
                <a href="/account/recovery-codes">{t('account.recovery_codes_link')}</a>
              </li>
            </ul>
          </>
        ) : (
          <>
            <p>{t('account.second_factor_off')}</p>
            <p>
              <a href="/account/second-factor">{t('account.second_factor_enrol_link')}</a>
            </p>
          </>
        )}
      </section>

      <AccountKeysSection page={page} keyPair={account.keyPair} />

      <section class="section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t('account.sessions_heading')}</h2>
        <Table
          page={page}
          id="sessions"
          caption="account.sessions_caption"
          captionHidden
          columns={[
            { key: 'created', label: 'account.session_created' },
            { key: 'seen', label: 'account.session_last_seen' },
            { key: 'method', label: 'account.session_method' },
            { key: 'current', label: 'account.session_this' },
          ]}
          rows={account.sessions.map((session, index) => ({
            key: String(index),
            cells: [
              <DateTime key="c" page={page} value={session.createdAt} />,
              <DateTime key="s" page={page} value={session.lastSeenAt} />,
              t(session.method === 'oidc' ? 'account.method_oidc' : 'account.method_password'),
              session.current ? <strong key="t">{t('account.session_this_one')}</strong> : '',
            ],
          }))}
        />
        <form method="post" action="/account/logout-everywhere" class="form">
          <CsrfField page={page} />
          <p class="hint">{t('account.logout_everywhere_hint')}</p>
          <Button variant="warning">{t('account.logout_everywhere')}</Button>
        </form>
      </section>
    </Layout>
  );
}

/** The change-password form. */
export function ChangePasswordPage(props: { readonly page: PageContext; readonly errors?: FieldErrors }) {
  const { page, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('account.password_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('account.password_title')} lead={t('account.password_lead')} />
      <form method="post" action="/account/password" novalidate class="form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="currentPassword"
          type="password"
          label="account.current_password"
          autocomplete="current-password"
          error={errors?.currentPassword}
        />
        <TextField
          page={page}
          name="newPassword"
          type="password"
          label="account.new_password"
          hint="password.hint"
          autocomplete="new-password"
          error={errors?.newPassword}
        />
        <TextField
          page={page}
          name="confirmPassword"
          type="password"
          label="account.confirm_password"
          autocomplete="new-password"
          error={errors?.confirmPassword}
        />
        <Button>{t('account.password_submit')}</Button>
      </form>
      <p>
        <a href="/account">{t('account.back')}</a>
      </p>
    </Layout>
  );
}

import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  Table,
  TextField,
} from '../platform/ui/components.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { roleLabel } from './admin.views.js';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.js';
import { withNext } from './login.js';

/** Notices the login page can show after a redirect (`?notice=`); anything else is ignored. */
export const loginNotices = {
  logged_out: 'login.notice_logged_out',
  logged_out_everywhere: 'login.notice_logged_out_everywhere',
} as const satisfies Record<string, MessageKey>;
export type LoginNotice = keyof typeof loginNotices;

export function isLoginNotice(value: unknown): value is LoginNotice {
  return typeof value === 'string' && Object.hasOwn(loginNotices, value);
}

/**
 * The login page: user name or e-mail address and password; a link to single sign-on when it is
 * configured; in demo mode, the demo accounts and their shared password.
 */
export function LoginPage(props: {
  readonly page: PageContext;
  readonly next?: string | undefined;
  readonly login?: string;
  readonly errors?: FieldErrors;
  readonly notice?: LoginNotice | undefined;
}) {
  const { page, next, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('login.title')} narrow>
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(loginNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('login.title')} lead={t('login.lead')} />
      <form method="post" action="/login" novalidate class="form">
        <CsrfField page={page} />
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          page={page}
          name="login"
          label="login.login_label"
          value={props.login?.slice(0, 254) ?? ''}
          autocomplete="username"
          error={errors?.login}
          maxLength={254}
        />
        <TextField
          page={page}
          name="password"
          type="password"
          label="login.password_label"
          autocomplete="current-password"
          error={errors?.password}
        />
        <Button>{t('login.submit')}</Button>
      </form>
      {page.oidcEnabled && (
        <section class="section" aria-labelledby="login-oidc-title">
          <h2 id="login-oidc-title">{t('login.oidc_title')}</h2>
          <p>
            <a href={withNext('/auth/oidc/start', next)}>{t('login.oidc_link')}</a>
          </p>
        </section>
      )}
      <p class="hint">{t('login.help')}</p>
      {page.demo && <DemoAccounts page={page} />}
    </Layout>
  );
}

/** In demo mode only: who you can log in as, and the shared password. */
function DemoAccounts(props: { readonly page: PageContext }) {
  const { page } = props;
  const { t } = page;
  return (
    <section class="section demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('login.demo_title')}</h2>
      <p>
        {t('login.demo_password')} <code>{DEMO_PASSWORD}</code>
      </p>
      <Table
        page={page}
        id="demo-accounts"
        caption="login.demo_caption"
        columns={[
          { key: 'username', label: 'login.demo_username' },
          { key: 'role', label: 'login.demo_role' },
        ]}
        rows={demoAccounts.map((account) => ({
          key: account.username,
          cells: [<code key="u">{account.username}</code>, t(roleLabel(account.role))],
        }))}
        rowHeaders
      />
    </section>
  );
}

import type { FieldErrors } from '../platform/http/forms.js';
import { fieldValue } from '../platform/http/forms.js';
import { Button, CsrfField, ErrorSummary, PageHeader, TextField } from '../platform/ui/components.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';

/** The first-run page: the setup code from the log and the first administrator's account. */
export function SetupPage(props: {
  readonly page: PageContext;
  readonly values?: Readonly<Record<string, string | string[]>>;
  readonly errors?: FieldErrors;
}) {
  const { page, values, errors } = props;
  const { t } = page;
  // Never echoed: the token and the passwords.
  const value = (name: string) => fieldValue(values, name).slice(0, 254);
  return (
    <Layout page={page} title={t('setup.title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('setup.title')} lead={t('setup.lead')} />
      <form method="post" action="/setup" novalidate class="form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="token"
          label="setup.token_label"
          hint="setup.token_hint"
          autocomplete="off"
          width="medium"
          maxLength={200}
          error={errors?.token}
        />
        <h2>{t('setup.admin_heading')}</h2>
        <TextField
          page={page}
          name="name"
          label="setup.name_label"
          value={value('name')}
          autocomplete="name"
          maxLength={200}
          error={errors?.name}
        />
        <TextField
          page={page}
          name="username"
          label="setup.username_label"
          hint="setup.username_hint"
          value={value('username')}
          autocomplete="username"
          width="medium"
          maxLength={64}
          error={errors?.username}
        />
        <TextField
          page={page}
          name="email"
          type="email"
          label="setup.email_label"
          value={value('email')}
          autocomplete="email"
          maxLength={254}
          error={errors?.email}
        />
        <TextField
          page={page}
          name="password"
          type="password"
          label="setup.password_label"
          hint="password.hint"
          autocomplete="new-password"
          error={errors?.password}
        />
        <TextField
          page={page}
          name="confirmPassword"
          type="password"
          label="setup.confirm_label"
          autocomplete="new-password"
          error={errors?.confirmPassword}
        />
        <Button>{t('setup.submit')}</Button>
      </form>
    </Layout>
  );
}

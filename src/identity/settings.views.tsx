import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  TextField,
} from '../platform/ui/components.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { AdminLayout } from './admin.views.js';
import type { Settings } from './settings.service.js';
import type { FormValues } from './user-admin.views.js';

function value(values: FormValues, name: string): string {
  const v = values[name];
  return v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? '');
}

/** `/admin/settings`: the organisation's name in both languages and the contact address. */
export function SettingsPage(props: {
  readonly page: PageContext;
  readonly settings: Settings;
  readonly saved?: boolean;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
}) {
  const { page, settings, errors } = props;
  const { t } = page;
  const values: FormValues = props.values ?? {
    organisationNameNl: settings.organisationName.nl,
    organisationNameEn: settings.organisationName.en,
    contactEmail: settings.contactEmail,
  };
  return (
    <AdminLayout page={page} title={t('admin.settings.title')}>
      <PageHeader title={t('admin.settings.title')} lead={t('admin.settings.lead')} />
      {props.saved && (
        <NotificationBanner page={page} type="success">
          <p>{t('admin.settings.notice_saved')}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={errors} />
      <form method="post" action="/admin/settings" class="form" novalidate>
        <CsrfField page={page} />
        <TextField
          page={page}
          name="organisationNameNl"
          label="admin.settings.organisation_name_nl"
          value={value(values, 'organisationNameNl')}
          error={errors?.organisationNameNl}
          maxLength={200}
        />
        <TextField
          page={page}
          name="organisationNameEn"
          label="admin.settings.organisation_name_en"
          value={value(values, 'organisationNameEn')}
          error={errors?.organisationNameEn}
          maxLength={200}
        />
        <TextField
          page={page}
          name="contactEmail"
          type="email"
          label="admin.settings.contact_email"
          hint="admin.settings.contact_email_hint"
          value={value(values, 'contactEmail')}
          error={errors?.contactEmail}
          maxLength={254}
          optional
        />
        <Button>{t('form.save')}</Button>
      </form>
    </AdminLayout>
  );
}

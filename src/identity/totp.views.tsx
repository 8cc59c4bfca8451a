import QRCode from 'qrcode';
import type { FieldErrors } from '../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  TextField,
} from '../platform/ui/components.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import type { EnrolmentSecret } from './totp.service.js';

/**
 * Renders the QR code on the server as SVG markup (no external service, no script). The SVG uses
 * presentation attributes only; any `style` attribute is removed all the same, since the
 * Content-Security-Policy forbids inline styles.
 */
export async function qrCodeSvg(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 224 });
  return svg
    .replace(/\sstyle="[^"]*"/gi, '')
    .replace('<svg ', '<svg aria-hidden="true" focusable="false" class="qr-code__svg" ')
    .trim();
}

/** The "Log out" button on the login steps, for someone who wants to stop halfway. */
function CancelLogin(props: { readonly page: PageContext }) {
  const { page } = props;
  return (
    <form method="post" action="/logout" class="form form--inline">
      <CsrfField page={page} />
      <Button variant="secondary">{page.t('totp.cancel')}</Button>
    </form>
  );
}

/** The second login step: a code from the app or a recovery code. */
export function SecondFactorPage(props: {
  readonly page: PageContext;
  readonly action: string;
  readonly errors?: FieldErrors;
}) {
  const { page, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('totp.second_factor_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('totp.second_factor_title')} lead={t('totp.second_factor_lead')} />
      <form method="post" action={props.action} novalidate class="form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="code"
          label="totp.code_label"
          hint="totp.code_or_recovery_hint"
          autocomplete="one-time-code"
          width="medium"
          maxLength={20}
          error={errors?.code}
        />
        <Button>{t('totp.verify')}</Button>
      </form>
      <CancelLogin page={page} />
    </Layout>
  );
}

/**
 * Enrolment of an authenticator app: the QR code and the key to type by hand, then a code to
 * confirm. `required` when a role demands a second factor and the login cannot go on without it.
 */
export function EnrolPage(props: {
  readonly page: PageContext;
  readonly action: string;
  readonly secret: EnrolmentSecret;
  readonly qrSvg: string;
  readonly required: boolean;
  readonly errors?: FieldErrors;
}) {
  const { page, secret, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('totp.enrol_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader
        title={t('totp.enrol_title')}
        lead={t(props.required ? 'totp.enrol_required_lead' : 'totp.enrol_lead')}
      />
      <ol class="steps">
        <li>
          <h2 class="steps__title">{t('totp.enrol_step_app_title')}</h2>
          <p>{t('totp.enrol_step_app')}</p>
        </li>
        <li>
          <h2 class="steps__title">{t('totp.enrol_step_scan_title')}</h2>
          <p>{t('totp.enrol_step_scan')}</p>
          <figure class="qr-code">
            <div
              class="qr-code__image"
              role="img"
              aria-label={t('totp.qr_label')}
              // SVG made on the server by the qrcode package from our own URI, style attributes removed.
              dangerouslySetInnerHTML={{ __html: props.qrSvg }}
            />
          </figure>
          <p>{t('totp.enrol_manual')}</p>
          <p>
            <code class="secret-key">{secret.secretGroups}</code>
          </p>
          <p class="hint">{t('totp.enrol_manual_hint')}</p>
        </li>
        <li>
          <h2 class="steps__title">{t('totp.enrol_step_confirm_title')}</h2>
          <form method="post" action={props.action} novalidate class="form">
            <CsrfField page={page} />
            {secret.replacing && (
              <TextField
                page={page}
                name="currentCode"
                label="totp.current_code_label"
                hint="totp.current_code_hint"
                autocomplete="off"
                width="medium"
                maxLength={20}
                error={errors?.currentCode}
              />
            )}
            <TextField
              page={page}
              name="code"
              label="totp.new_code_label"
              hint="totp.new_code_hint"
              autocomplete="one-time-code"
              inputMode="numeric"
              width="short"
              maxLength={10}
              error={errors?.code}
            />
            <Button>{t('totp.enrol_submit')}</Button>
          </form>
        </li>
      </ol>
      {props.required && <CancelLogin page={page} />}
    </Layout>
  );
}

/** The recovery codes, shown this once, with advice on keeping them. */
export function RecoveryCodesPage(props: {
  readonly page: PageContext;
  readonly codes: readonly string[];
  readonly continueHref: string;
  readonly enrolled: boolean;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('totp.recovery_title')} narrow>
      {props.enrolled && (
        <NotificationBanner page={page} type="success">
          <p>{t('totp.enrolled_notice')}</p>
        </NotificationBanner>
      )}
      <PageHeader title={t('totp.recovery_title')} lead={t('totp.recovery_lead')} />
      <NotificationBanner page={page} type="warning">
        <p>{t('totp.recovery_once')}</p>
      </NotificationBanner>
      <ol class="recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <h2>{t('totp.recovery_advice_title')}</h2>
      <ul class="list list--bullet">
        <li>{t('totp.recovery_advice_store')}</li>
        <li>{t('totp.recovery_advice_use')}</li>
        <li>{t('totp.recovery_advice_lost')}</li>
      </ul>
      <ButtonLink href={props.continueHref}>{t('totp.recovery_continue')}</ButtonLink>
    </Layout>
  );
}

/** Asks for a current code before new recovery codes are made. */
export function RegenerateRecoveryCodesPage(props: {
  readonly page: PageContext;
  readonly errors?: FieldErrors;
}) {
  const { page, errors } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('totp.regenerate_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader title={t('totp.regenerate_title')} lead={t('totp.regenerate_lead')} />
      <form method="post" action="/account/recovery-codes" novalidate class="form">
        <CsrfField page={page} />
        <TextField
          page={page}
          name="currentCode"
          label="totp.current_code_label"
          hint="totp.current_code_hint"
          autocomplete="one-time-code"
          width="medium"
          maxLength={20}
          error={errors?.currentCode}
        />
        <Button>{t('totp.regenerate_submit')}</Button>
      </form>
      <p>
        <a href="/account">{t('account.back')}</a>
      </p>
    </Layout>
  );
}

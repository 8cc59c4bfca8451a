import { DEFAULT_AFTER_LOGIN } from '../../identity/login.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  PageHeader,
  StatusTag,
  SummaryList,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import {
  KEYS_PATH,
  KEYS_RECOVER_PATH,
  KEYS_RECOVERY_KEY_PATH,
  KEYS_SETUP_PATH,
  KEYS_UNLOCK_PATH,
  keysPathWithNext,
} from './key-paths.js';
import type { KeyStatus, WrappedWith } from './user-keys.service.js';

/** Notices the keys page can show after a redirect (`?notice=`); anything else is ignored. */
export const keysNotices = {
  unlocked: 'keys.notice_unlocked',
  locked: 'keys.notice_locked',
  recovered: 'keys.notice_recovered',
} as const satisfies Record<string, MessageKey>;
export type KeysNotice = keyof typeof keysNotices;

export function isKeysNotice(value: unknown): value is KeysNotice {
  return typeof value === 'string' && Object.hasOwn(keysNotices, value);
}

const dateFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  nl: new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long', timeZone: 'Europe/Brussels' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Brussels' }),
};

/** A date as the reader's language writes it (Brussels time). */
export function formatKeyDate(locale: Locale, value: Date): string {
  return dateFormats[locale].format(value);
}

function KeyDate(props: { readonly page: PageContext; readonly value: Date }) {
  return <time dateTime={props.value.toISOString()}>{formatKeyDate(props.page.locale, props.value)}</time>;
}

/** `/account/keys`: whether the person needs a key pair, and whether it is there, locked or open. */
export function KeysPage(props: {
  readonly page: PageContext;
  readonly status: KeyStatus;
  readonly unlocked: boolean;
  readonly recoveryKeyWaiting: boolean;
  readonly notice?: KeysNotice | undefined;
  /** A refused "new recovery key" form (the password or key passphrase asked again). */
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, status } = props;
  const { t } = page;
  const pair = status.keyPair;
  return (
    <Layout page={page} title={t('keys.title')}>
      <ErrorSummary page={page} errors={props.errors} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(keysNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <PageHeader title={t('keys.title')} lead={t('keys.lead')} />
      {!status.needed ? (
        <section class="section">
          <p>{t('keys.not_needed')}</p>
          {pair && <p>{t('keys.not_needed_kept')}</p>}
        </section>
      ) : !pair ? (
        <section class="section">
          <SummaryList
            page={page}
            rows={[{ key: 'keys.status', value: <StatusTag page={page} label="keys.status_none" /> }]}
          />
          <p>{t('keys.none_text')}</p>
          <ButtonLink href={KEYS_SETUP_PATH}>{t('keys.none_action')}</ButtonLink>
        </section>
      ) : (
        <>
          {props.recoveryKeyWaiting && (
            <NotificationBanner page={page} type="warning" id="recovery-key-waiting">
              <p>{t('keys.recovery_key_waiting')}</p>
              <p>
                <a href={KEYS_RECOVERY_KEY_PATH}>{t('keys.recovery_key_waiting_link')}</a>
              </p>
            </NotificationBanner>
          )}
          {pair.outOfStep && !props.unlocked && (
            <NotificationBanner page={page} type="warning" id="out-of-step">
              <p>{t('keys.out_of_step')}</p>
              <p>
                <a href={KEYS_RECOVER_PATH}>{t('keys.recover_link')}</a>
              </p>
            </NotificationBanner>
          )}
          <section class="section">
            <SummaryList
              page={page}
              rows={[
                {
                  key: 'keys.status',
                  value: props.unlocked ? (
                    <StatusTag page={page} label="keys.status_unlocked" tone="success" />
                  ) : (
                    <StatusTag page={page} label="keys.status_locked" tone="warning" />
                  ),
                },
                { key: 'keys.created_at', value: <KeyDate page={page} value={pair.createdAt} /> },
                {
                  key: 'keys.wrapped_with',
                  value: t(
                    pair.wrappedWith === 'password'
                      ? 'keys.wrapped_with_password'
                      : 'keys.wrapped_with_passphrase',
                  ),
                },
              ]}
            />
            {props.unlocked ? (
              <form method="post" action="/account/keys/lock" class="form form--inline">
                <CsrfField page={page} />
                <p>{t('keys.unlocked_text')}</p>
                <Button variant="secondary">{t('keys.lock_action')}</Button>
              </form>
            ) : (
              <>
                <p>{t('keys.locked_text')}</p>
                <ButtonLink href={KEYS_UNLOCK_PATH}>{t('keys.unlock_action')}</ButtonLink>
              </>
            )}
          </section>
          <section class="section" aria-labelledby="keys-recovery">
            <h2 id="keys-recovery">{t('keys.recovery_heading')}</h2>
            <p>{t('keys.recovery_text')}</p>
            <p>
              <a href={KEYS_RECOVER_PATH}>{t('keys.recover_link')}</a>
            </p>
            {props.unlocked && (
              <form method="post" action={KEYS_RECOVERY_KEY_PATH} novalidate class="form">
                <CsrfField page={page} />
                <p class="hint">{t('keys.replace_recovery_hint')}</p>
                <TextField
                  page={page}
                  name="secret"
                  type="password"
                  label={pair.wrappedWith === 'password' ? 'keys.password_label' : 'keys.passphrase_label'}
                  hint="keys.replace_recovery_secret_hint"
                  autocomplete={pair.wrappedWith === 'password' ? 'current-password' : 'off'}
                  error={props.errors?.secret}
                />
                <Button variant="warning">{t('keys.replace_recovery_action')}</Button>
              </form>
            )}
          </section>
        </>
      )}
      {status.needed && (
        <section class="section" aria-labelledby="keys-how">
          <h2 id="keys-how">{t('keys.how_heading')}</h2>
          <ul class="list list--bullet">
            <li>{t('keys.how_sealed')}</li>
            <li>{t('keys.how_secret')}</li>
            <li>{t('keys.how_new')}</li>
          </ul>
        </section>
      )}
      <p>
        <a href="/account">{t('account.back')}</a>
      </p>
    </Layout>
  );
}

function NextField(props: { readonly next: string | undefined }) {
  return props.next ? <input type="hidden" name="next" value={props.next} /> : null;
}

/** `/account/keys/unlock`: the password or key passphrase that opens the key pair. */
export function UnlockPage(props: {
  readonly page: PageContext;
  readonly wrappedWith: WrappedWith;
  readonly next: string | undefined;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, errors } = props;
  const { t } = page;
  const isPassword = props.wrappedWith === 'password';
  return (
    <Layout page={page} title={t('keys.unlock_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader
        title={t('keys.unlock_title')}
        lead={t(isPassword ? 'keys.unlock_lead_password' : 'keys.unlock_lead_passphrase')}
      />
      <form method="post" action={KEYS_UNLOCK_PATH} novalidate class="form">
        <CsrfField page={page} />
        <NextField next={props.next} />
        <TextField
          page={page}
          name="secret"
          type="password"
          label={isPassword ? 'keys.password_label' : 'keys.passphrase_label'}
          autocomplete={isPassword ? 'current-password' : 'off'}
          error={errors?.secret}
        />
        <Button>{t('keys.unlock_submit')}</Button>
      </form>
      <p>
        <a href={keysPathWithNext(KEYS_RECOVER_PATH, props.next)}>{t('keys.unlock_forgot')}</a>
      </p>
      <p>
        <a href={KEYS_PATH}>{t('keys.back')}</a>
      </p>
    </Layout>
  );
}

/** `/account/keys/setup`: the password (local account) or a new key passphrase. */
export function SetUpPage(props: {
  readonly page: PageContext;
  readonly mode: WrappedWith;
  readonly next: string | undefined;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, errors } = props;
  const { t } = page;
  const isPassword = props.mode === 'password';
  return (
    <Layout page={page} title={t('keys.setup_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader
        title={t('keys.setup_title')}
        lead={t(isPassword ? 'keys.setup_lead_password' : 'keys.setup_lead_passphrase')}
      />
      <form method="post" action={KEYS_SETUP_PATH} novalidate class="form">
        <CsrfField page={page} />
        <NextField next={props.next} />
        {isPassword ? (
          <TextField
            page={page}
            name="secret"
            type="password"
            label="keys.setup_password_label"
            autocomplete="current-password"
            error={errors?.secret}
          />
        ) : (
          <>
            <TextField
              page={page}
              name="secret"
              type="password"
              label="keys.setup_passphrase_label"
              hint="keys.passphrase_hint"
              autocomplete="new-password"
              error={errors?.secret}
            />
            <TextField
              page={page}
              name="confirm"
              type="password"
              label="keys.confirm_label"
              autocomplete="new-password"
              error={errors?.confirm}
            />
          </>
        )}
        <p>{t('keys.setup_after')}</p>
        <div class="button-group">
          <Button>{t('keys.setup_submit')}</Button>
          <a href={props.next ?? DEFAULT_AFTER_LOGIN}>{t('keys.setup_later')}</a>
        </div>
      </form>
    </Layout>
  );
}

/**
 * `/account/keys/recovery-key`: the recovery key, this once, with advice on keeping it; or, when
 * there is none to show (already shown), why not.
 */
export function RecoveryKeyPage(props: {
  readonly page: PageContext;
  /** Formatted (groups of four), or null when there is none to show. */
  readonly recoveryKey: string | null;
  /**
   * The key pair made at this login was not stored: another session stored one first. That one
   * opens with the password; the key of this session is locked.
   */
  readonly takenElsewhere?: boolean;
  readonly continueHref: string;
}) {
  const { page, recoveryKey } = props;
  const { t } = page;
  if (recoveryKey === null && props.takenElsewhere) {
    return (
      <Layout page={page} title={t('keys.recovery_key_taken_title')} narrow>
        <PageHeader title={t('keys.recovery_key_taken_title')} lead={t('keys.recovery_key_taken')} />
        <div class="button-group">
          <ButtonLink href={keysPathWithNext(KEYS_UNLOCK_PATH, props.continueHref)}>
            {t('keys.unlock_action')}
          </ButtonLink>
          <a href={props.continueHref}>{t('keys.continue')}</a>
        </div>
      </Layout>
    );
  }
  if (recoveryKey === null) {
    return (
      <Layout page={page} title={t('keys.recovery_key_gone_title')} narrow>
        <PageHeader title={t('keys.recovery_key_gone_title')} lead={t('keys.recovery_key_gone')} />
        <div class="button-group">
          <ButtonLink href={props.continueHref}>{t('keys.continue')}</ButtonLink>
          <a href={KEYS_PATH}>{t('keys.back')}</a>
        </div>
      </Layout>
    );
  }
  return (
    <Layout page={page} title={t('keys.recovery_key_title')} narrow>
      <PageHeader title={t('keys.recovery_key_title')} lead={t('keys.recovery_key_lead')} />
      <NotificationBanner page={page} type="warning">
        <p>{t('keys.recovery_key_once')}</p>
      </NotificationBanner>
      <p class="secret-key">
        <code>{recoveryKey}</code>
      </p>
      <h2>{t('keys.recovery_key_advice_title')}</h2>
      <ul class="list list--bullet">
        <li>{t('keys.recovery_key_advice_print')}</li>
        <li>{t('keys.recovery_key_advice_manager')}</li>
        <li>{t('keys.recovery_key_advice_share')}</li>
        <li>{t('keys.recovery_key_advice_new')}</li>
      </ul>
      <ButtonLink href={props.continueHref}>{t('keys.recovery_key_continue')}</ButtonLink>
    </Layout>
  );
}

/** `/account/keys/recover`: the recovery key, then the password or a new key passphrase. */
export function RecoverPage(props: {
  readonly page: PageContext;
  readonly mode: WrappedWith;
  readonly next: string | undefined;
  readonly errors?: FieldErrors | undefined;
}) {
  const { page, errors } = props;
  const { t } = page;
  const isPassword = props.mode === 'password';
  return (
    <Layout page={page} title={t('keys.recover_title')} narrow>
      <ErrorSummary page={page} errors={errors} />
      <PageHeader
        title={t('keys.recover_title')}
        lead={t(isPassword ? 'keys.recover_lead_password' : 'keys.recover_lead_passphrase')}
      />
      <form method="post" action={KEYS_RECOVER_PATH} novalidate class="form">
        <CsrfField page={page} />
        <NextField next={props.next} />
        <TextField
          page={page}
          name="recoveryKey"
          label="keys.recovery_key_label"
          hint="keys.recovery_key_hint"
          autocomplete="off"
          maxLength={200}
          error={errors?.recoveryKey}
        />
        {isPassword ? (
          <TextField
            page={page}
            name="secret"
            type="password"
            label="keys.recover_password_label"
            autocomplete="current-password"
            error={errors?.secret}
          />
        ) : (
          <>
            <TextField
              page={page}
              name="secret"
              type="password"
              label="keys.recover_passphrase_label"
              hint="keys.passphrase_hint"
              autocomplete="new-password"
              error={errors?.secret}
            />
            <TextField
              page={page}
              name="confirm"
              type="password"
              label="keys.confirm_label"
              autocomplete="new-password"
              error={errors?.confirm}
            />
          </>
        )}
        <p class="hint">{t('keys.recover_keeps')}</p>
        <Button>{t('keys.recover_submit')}</Button>
      </form>
      <p>
        <a href={KEYS_PATH}>{t('keys.back')}</a>
      </p>
    </Layout>
  );
}

/** The account page's section on the key pair (shown when the person has or needs one). */
export function AccountKeysSection(props: {
  readonly page: PageContext;
  readonly keyPair: { readonly createdAt: Date | null; readonly outOfStep: boolean } | null;
}) {
  const { page, keyPair } = props;
  const { t } = page;
  if (!keyPair) return null;
  return (
    <section class="section" aria-labelledby="account-keys">
      <h2 id="account-keys">{t('keys.account_heading')}</h2>
      {keyPair.createdAt === null ? (
        <p>{t('keys.account_none')}</p>
      ) : (
        <p>{t('keys.account_has', { date: formatKeyDate(page.locale, keyPair.createdAt) })}</p>
      )}
      {keyPair.outOfStep && (
        <p>
          <strong>{t('keys.account_out_of_step')}</strong>
        </p>
      )}
      <p>
        <a href={KEYS_PATH}>{t('keys.account_link')}</a>
      </p>
    </section>
  );
}

import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import type { OidcProblem } from './oidc.service.js';

const problemText: Readonly<
  Record<OidcProblem, { readonly title: MessageKey; readonly body: MessageKey; readonly status: number }>
> = {
  flow_invalid: { title: 'oidc.flow_invalid_title', body: 'oidc.flow_invalid_body', status: 400 },
  provider_refused: { title: 'oidc.provider_refused_title', body: 'oidc.provider_refused_body', status: 403 },
  provider_unreachable: { title: 'oidc.unreachable_title', body: 'oidc.unreachable_body', status: 503 },
  response_invalid: { title: 'oidc.response_invalid_title', body: 'oidc.response_invalid_body', status: 502 },
  email_missing: { title: 'oidc.email_missing_title', body: 'oidc.email_missing_body', status: 403 },
  account_refused: { title: 'oidc.account_refused_title', body: 'oidc.account_refused_body', status: 403 },
};

/** The HTTP status each problem is answered with. */
export function oidcProblemStatus(problem: OidcProblem): number {
  return problemText[problem].status;
}

/**
 * The page shown when a single sign-on did not succeed: what happened in plain words, and the way
 * on (start again, or back to the login page where a password login is also offered).
 */
export function OidcProblemPage(props: {
  readonly page: PageContext;
  readonly problem: OidcProblem;
  readonly providerError?: string | undefined;
}) {
  const { page, problem } = props;
  const { t } = page;
  const text = problemText[problem];
  const canRetry = problem !== 'account_refused' && problem !== 'email_missing';
  return (
    <Layout page={page} title={t(text.title)} narrow>
      <h1>{t(text.title)}</h1>
      <p class="lead">{t(text.body)}</p>
      {props.providerError && (
        <p class="hint">{t('oidc.provider_error_code', { code: props.providerError })}</p>
      )}
      <ul>
        {canRetry && (
          <li>
            <a href="/auth/oidc/start">{t('oidc.try_again')}</a>
          </li>
        )}
        <li>
          <a href="/login">{t('oidc.back_to_login')}</a>
        </li>
      </ul>
    </Layout>
  );
}

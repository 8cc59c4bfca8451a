import type { MessageKey } from './i18n/catalogue.js';
import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The page shown for 403, 404, 500 and other refusals, in the visitor's language. */
export function ErrorPage(props: {
  readonly page: PageContext;
  readonly status: number;
  readonly message: MessageKey;
  readonly requestId?: string;
}) {
  const { page, status } = props;
  const { t } = page;
  const titleKey: MessageKey =
    status === 403
      ? 'error_page.title_403'
      : status === 404
        ? 'error_page.title_404'
        : status >= 500
          ? 'error_page.title_500'
          : 'error_page.title_other';
  return (
    <Layout page={page} title={t(titleKey)} narrow>
      <h1>{t(titleKey)}</h1>
      <p class="lead">{t(props.message)}</p>
      {props.requestId && status >= 500 && (
        <p class="hint">{t('error_page.reference', { id: props.requestId })}</p>
      )}
      <p>
        <a href="/">{t('error_page.home_link')}</a>
      </p>
    </Layout>
  );
}

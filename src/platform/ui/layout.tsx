import type { ComponentChildren } from 'preact';
import { PageFeedback } from '../../feedback/feedback-block.js';
import { isRecipient } from '../../identity/role.js';
import { CSRF_FIELD } from '../http/csrf.js';
import type { MessageKey } from './i18n/catalogue.js';
import type { PageContext } from './page-context.js';

export interface NavItem {
  readonly href: string;
  readonly label: MessageKey;
}

/** The public navigation: the home page and one page per pillar of the integrity policy. */
const mainNavigation: readonly NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/prevention', label: 'nav.prevention' },
  { href: '/detection', label: 'nav.detection' },
  { href: '/reaction', label: 'nav.reaction' },
  { href: '/report', label: 'nav.report' },
  { href: '/contact', label: 'nav.contact' },
];

/** The page shell: skip link, header with navigation and language switch, main landmark, footer. */
export function Layout(props: {
  readonly page: PageContext;
  /** The page title, without the application name. */
  readonly title: string;
  readonly children: ComponentChildren;
  /** Narrow column for forms. */
  readonly narrow?: boolean;
  /** This page's path in the page-feedback list (src/feedback/feedback-pages.ts): shows "Was this information useful?" above the footer. */
  readonly feedback?: string;
}) {
  const { page, title } = props;
  const { t } = page;
  const other = t('layout.language_switch_lang');
  const languageHref = `/language?to=${other}&next=${encodeURIComponent(page.path)}`;
  return (
    <html lang={page.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/build/app.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip_link')}
        </a>
        <header class="site-header">
          {page.demo && (
            <div class="demo-banner" role="note">
              {t('layout.demo_banner')}
            </div>
          )}
          <div class="container site-header__inner">
            <a class="site-header__brand" href="/">
              <span class="site-header__mark" aria-hidden="true" />
              <span class="site-header__name">{t('app.name')}</span>
              <span class="site-header__tagline">{t('app.tagline')}</span>
            </a>
            <div class="site-header__tools">
              <a class="site-header__lang" href={languageHref} hreflang={other}>
                <span class="visually-hidden">{`${t('layout.language_label')}: `}</span>
                <span lang={other}>{t('layout.language_switch')}</span>
              </a>
              {page.auth ? (
                <UserMenu page={page} />
              ) : (
                <a class="site-header__login" href="/login">
                  {t('layout.login')}
                </a>
              )}
            </div>
          </div>
          {
            <nav class="site-nav" aria-label={t('layout.nav_label')}>
              <ul class="container site-nav__list">
                {mainNavigation.map((item) => (
                  <li key={item.href}>
                    <a
                      href={item.href}
                      aria-current={isCurrent(page.path, item.href) ? 'page' : undefined}
                      class="site-nav__link"
                    >
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          }
        </header>
        <main id="main" class={props.narrow ? 'container container--narrow' : 'container'} tabIndex={-1}>
          {props.children}
        </main>
        {props.feedback && <PageFeedback page={page} path={props.feedback} />}
        <footer class="site-footer">
          <div class="container">
            <p>{t('layout.footer_about')}</p>
            <ul class="site-footer__links">
              <li>
                <a href="/contact/chat">{t('visitor.footer.chat')}</a>
              </li>
              <li>
                <a href="/accessibility">{t('layout.footer_accessibility')}</a>
              </li>
              <li>
                <a href="/privacy">{t('layout.footer_privacy')}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

function UserMenu(props: { readonly page: PageContext }) {
  const { page } = props;
  const { t } = page;
  const auth = page.auth;
  if (!auth) return null;
  return (
    <div class="user-menu">
      <span class="user-menu__name">{t('layout.signed_in_as', { name: auth.name })}</span>
      <a href="/account">{t('layout.account')}</a>
      {isRecipient(auth.roles) && <a href="/handling">{t('layout.handling')}</a>}
      {auth.roles.includes('agent') && <a href="/console">{t('layout.console')}</a>}
      {(auth.roles.includes('coordinator') || auth.roles.includes('admin')) && (
        <a href="/insights/feedback">{t('layout.feedback')}</a>
      )}
      {auth.roles.includes('admin') && <a href="/admin">{t('layout.admin')}</a>}
      <form method="post" action="/logout" class="user-menu__logout">
        <input type="hidden" name={CSRF_FIELD} value={page.csrfToken} />
        <button type="submit" class="button button--link">
          {t('layout.logout')}
        </button>
      </form>
    </div>
  );
}

function isCurrent(path: string, href: string): boolean {
  const bare = path.split('?')[0] ?? path;
  return href === '/' ? bare === '/' : bare === href || bare.startsWith(`${href}/`);
}

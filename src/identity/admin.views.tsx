import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { Layout } from '../platform/ui/layout.js';
import type { PageContext } from '../platform/ui/page-context.js';
import type { Role } from './role.js';
import type { AdminOverview } from './user.service.js';

/** The sections of the administration, in the order the overview and the section menu show them. */
const sections: readonly { readonly href: string; readonly label: MessageKey; readonly text: MessageKey }[] =
  [
    { href: '/admin/users', label: 'admin.nav.users', text: 'admin.overview.users_text' },
    { href: '/admin/entities', label: 'admin.nav.entities', text: 'admin.overview.entities_text' },
    { href: '/admin/channels', label: 'admin.nav.channels', text: 'admin.overview.channels_text' },
    { href: '/admin/contact', label: 'admin.nav.contact', text: 'admin.overview.contact_text' },
    { href: '/admin/mail', label: 'admin.nav.mail', text: 'admin.overview.mail_text' },
    { href: '/admin/audit', label: 'admin.nav.audit', text: 'admin.overview.audit_text' },
    { href: '/admin/settings', label: 'admin.nav.settings', text: 'admin.overview.settings_text' },
  ];

/** The catalogue key of a role's name. */
export function roleLabel(role: Role): MessageKey {
  return `admin.role.${role}`;
}

/** An entity's name in the reader's language. */
export function entityName(
  page: PageContext,
  entity: { readonly nameNl: string | null; readonly nameEn: string | null },
): string {
  return (page.locale === 'en' ? entity.nameEn : entity.nameNl) ?? '';
}

/**
 * The frame of every administration page: the layout, a section menu (the current section marked
 * with `aria-current`) and the page's content.
 */
export function AdminLayout(props: {
  readonly page: PageContext;
  readonly title: string;
  readonly children: ComponentChildren;
}) {
  const { page } = props;
  const { t } = page;
  const bare = page.path.split('?')[0] ?? page.path;
  return (
    <Layout page={page} title={props.title}>
      <nav class="admin-nav" aria-label={t('admin.nav.label')}>
        <ul class="admin-nav__list">
          <li class="admin-nav__item">
            <a class="admin-nav__link" href="/admin" aria-current={bare === '/admin' ? 'page' : undefined}>
              {t('admin.nav.overview')}
            </a>
          </li>
          {sections.map((section) => (
            <li class="admin-nav__item" key={section.href}>
              <a
                class="admin-nav__link"
                href={section.href}
                aria-current={
                  bare === section.href ? 'page' : bare.startsWith(`${section.href}/`) ? 'true' : undefined
                }
              >
                {t(section.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}

/** `/admin`: the sections with a line each, and the numbers that matter. */
export function AdminOverviewPage(props: { readonly page: PageContext; readonly overview: AdminOverview }) {
  const { page, overview } = props;
  const { t } = page;
  const stats: readonly [MessageKey, number][] = [
    ['admin.overview.count_users', overview.users],
    ['admin.overview.count_active_users', overview.activeUsers],
    ['admin.overview.count_entities', overview.entities],
  ];
  return (
    <AdminLayout page={page} title={t('admin.overview.title')}>
      <h1>{t('admin.overview.title')}</h1>
      <p class="lead">{t('admin.overview.lead')}</p>
      <h2>{t('admin.overview.figures')}</h2>
      <dl class="stats">
        {stats.map(([label, value]) => (
          <div class="stats__item" key={label}>
            <dt class="stats__label">{t(label)}</dt>
            <dd class="stats__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('admin.overview.sections')}</h2>
      <ul class="link-list">
        {sections.map((section) => (
          <li key={section.href} class="link-list__item">
            <a href={section.href}>{t(section.label)}</a>
            <p class="link-list__text">{t(section.text)}</p>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

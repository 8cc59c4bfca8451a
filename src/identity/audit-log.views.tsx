import type { ComponentChildren } from 'preact';
import type { ChainVerdict } from '../platform/audit/audit.js';
import type { AuditEntry } from '../platform/audit/audit.repository.js';
import { formatBrusselsDateTime } from '../platform/audit/audit-period.js';
import {
  Button,
  CsrfField,
  NotificationBanner,
  PageHeader,
  Select,
  Table,
  TextField,
  withQuery,
} from '../platform/ui/components.js';
import { isMessageKey } from '../platform/ui/i18n/catalogue.js';
import type { PageContext } from '../platform/ui/page-context.js';
import { AdminLayout } from './admin.views.js';

/** The filters as shown in the form (already validated; '' = not set). */
export interface AuditLogFilters {
  readonly actor: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The readable name of an event type, or the type itself for one without a label. */
function typeLabel(page: PageContext, type: string): string {
  const key = `admin.audit.type.${type}`;
  return isMessageKey(key) ? page.t(key) : type;
}

function DataValue(props: { readonly name: string; readonly value: unknown }): ComponentChildren {
  const { name, value } = props;
  if (typeof value === 'string' && UUID.test(value)) {
    if (name === 'userId' || name === 'adminId') return <a href={`/admin/users/${value}`}>{value}</a>;
    if (name === 'entityId' || name === 'parentId') return <a href={`/admin/entities/${value}`}>{value}</a>;
  }
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') || '—';
  if (value === null || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The event's data as "name: value" lines, with the full JSON behind a disclosure. */
function EventData(props: { readonly page: PageContext; readonly event: AuditEntry }) {
  const { event } = props;
  const data = event.data;
  const entries = data && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data) : [];
  return (
    <div class="audit-data">
      {entries.length > 0 && (
        <dl class="audit-data__list">
          {entries.map(([name, value]) => (
            <div class="audit-data__row" key={name}>
              <dt class="audit-data__key">{name}</dt>
              <dd class="audit-data__value">
                <DataValue name={name} value={value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      <details class="audit-data__details">
        <summary>{props.page.t('admin.audit.show_json')}</summary>
        <pre class="audit-data__json">{JSON.stringify(data, null, 2)}</pre>
      </details>
    </div>
  );
}

function Actor(props: { readonly page: PageContext; readonly event: AuditEntry }) {
  const { page, event } = props;
  const { t } = page;
  const label = event.actorLabel ?? t('admin.audit.actor_unknown');
  return (
    <>
      {event.actorId ? <a href={`/admin/users/${event.actorId}`}>{label}</a> : label}
      {event.clientIp && (
        <span class="audit-log__client">
          <br />
          {t('admin.audit.client_ip', { ip: event.clientIp })}
        </span>
      )}
      {event.userAgent && (
        <span class="audit-log__client">
          <br />
          {t('admin.audit.user_agent', { agent: event.userAgent })}
        </span>
      )}
    </>
  );
}

function Verdict(props: { readonly page: PageContext; readonly verdict: ChainVerdict }) {
  const { page, verdict } = props;
  const { t } = page;
  if (verdict.ok) {
    return (
      <NotificationBanner page={page} type="success" title="admin.audit.verify_title">
        <p data-verdict="intact">{t('admin.audit.verify_intact', { count: verdict.count })}</p>
      </NotificationBanner>
    );
  }
  return (
    <NotificationBanner page={page} type="warning" title="admin.audit.verify_title">
      <p data-verdict="broken">
        {t(verdict.reason === 'link' ? 'admin.audit.verify_broken_link' : 'admin.audit.verify_broken_hash', {
          id: verdict.brokenId,
          count: verdict.count,
        })}
      </p>
    </NotificationBanner>
  );
}

/**
 * `/admin/audit`: filters (a GET form), the events newest first with keyset paging ("newer" and
 * "older" links keep the filters), and the chain check on request. Client address and user agent
 * appear only on events that have them (staff events); reporter and visitor events never do.
 */
export function AuditLogPage(props: {
  readonly page: PageContext;
  readonly filters: AuditLogFilters;
  readonly types: readonly string[];
  readonly events: readonly AuditEntry[];
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
  /** The list's own address with its filters, for the paging links. */
  readonly listPath: string;
  readonly verdict?: ChainVerdict | undefined;
}) {
  const { page, filters, events } = props;
  const { t } = page;
  const first = events[0];
  const last = events.at(-1);
  return (
    <AdminLayout page={page} title={t('admin.audit.title')}>
      <PageHeader title={t('admin.audit.title')} lead={t('admin.audit.lead')} />
      {props.verdict && <Verdict page={page} verdict={props.verdict} />}
      <form method="post" action="/admin/audit/verify" class="form form--inline">
        <CsrfField page={page} />
        <p class="hint">{t('admin.audit.verify_hint')}</p>
        <Button variant="secondary">{t('admin.audit.verify')}</Button>
      </form>
      <search aria-label={t('admin.audit.filter_label')}>
        <form method="get" action="/admin/audit" class="filters">
          <TextField
            page={page}
            name="actor"
            label="admin.audit.filter_actor"
            hint="admin.audit.filter_actor_hint"
            value={filters.actor}
            maxLength={254}
            width="medium"
            optional
          />
          <Select
            page={page}
            name="type"
            label="admin.audit.filter_type"
            value={filters.type}
            options={[
              { value: '', label: 'admin.audit.filter_type_all' },
              ...props.types.map((type) => ({ value: type, label: { text: typeLabel(page, type) } })),
            ]}
            optional
          />
          <TextField
            page={page}
            name="from"
            type="date"
            label="admin.audit.filter_from"
            value={filters.from}
            width="short"
            optional
          />
          <TextField
            page={page}
            name="to"
            type="date"
            label="admin.audit.filter_to"
            value={filters.to}
            width="short"
            optional
          />
          <Button variant="secondary">{t('admin.audit.filter_apply')}</Button>
        </form>
      </search>
      <Table
        page={page}
        caption="admin.audit.table_caption"
        columns={[
          { key: 'time', label: 'admin.audit.column_time' },
          { key: 'type', label: 'admin.audit.column_type' },
          { key: 'actor', label: 'admin.audit.column_actor' },
          { key: 'data', label: 'admin.audit.column_data' },
        ]}
        rows={events.map((event) => ({
          key: event.id,
          cells: [
            <time dateTime={event.occurredAt.toISOString()} key="time">
              {formatBrusselsDateTime(event.occurredAt, page.locale)}
            </time>,
            <span key="type" title={event.type}>
              {typeLabel(page, event.type)}
            </span>,
            <Actor page={page} event={event} key="actor" />,
            <EventData page={page} event={event} key="data" />,
          ],
        }))}
        empty="admin.audit.none"
      />
      {(props.hasNewer || props.hasOlder) && (
        <nav class="pagination" aria-label={t('pagination.label')}>
          <ul class="pagination__list">
            {props.hasNewer && first && (
              <li class="pagination__item pagination__item--previous">
                <a
                  class="pagination__link"
                  rel="prev"
                  href={withQuery(props.listPath, { after: first.id, before: null })}
                >
                  {t('admin.audit.newer')}
                </a>
              </li>
            )}
            {props.hasOlder && last && (
              <li class="pagination__item pagination__item--next">
                <a
                  class="pagination__link"
                  rel="next"
                  href={withQuery(props.listPath, { before: last.id, after: null })}
                >
                  {t('admin.audit.older')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}

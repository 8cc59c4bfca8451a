import { AdminLayout } from '../../identity/admin.views.js';
import { formatBrusselsDateTime } from '../audit/audit-period.js';
import type { OutboxState } from '../db/schema.js';
import {
  Button,
  CsrfField,
  NotificationBanner,
  PageHeader,
  Pagination,
  Select,
  StatusTag,
  type StatusTone,
  SummaryList,
  Table,
} from '../ui/components.js';
import { isMessageKey, type MessageKey } from '../ui/i18n/catalogue.js';
import type { PageContext } from '../ui/page-context.js';
import type { OutgoingMailList } from './mail-admin.service.js';
import { isErased, type OutboxMail, outboxStates } from './outbox.repository.js';

const stateTones: Readonly<Record<OutboxState, StatusTone>> = {
  pending: 'info',
  sending: 'progress',
  sent: 'success',
  failed: 'danger',
  held: 'warning',
};

function stateLabel(state: OutboxState): MessageKey {
  return `mail.state.${state}`;
}

/** A purpose's readable name, or the purpose itself when the catalogue has none. */
function purposeLabel(page: PageContext, purpose: string): string {
  const key = `mail.purpose.${purpose}`;
  return isMessageKey(key) ? page.t(key) : purpose;
}

function Time(props: { readonly page: PageContext; readonly date: Date }) {
  return (
    <time dateTime={props.date.toISOString()}>{formatBrusselsDateTime(props.date, props.page.locale)}</time>
  );
}

/** Address and text of a reporter's message are never shown; erased ones say so. */
type Visibility = 'shown' | 'hidden' | 'erased';

function visibilityOf(mail: OutboxMail): Visibility {
  if (isErased(mail)) return 'erased';
  return mail.scrubAfterSend ? 'hidden' : 'shown';
}

function When(props: { readonly page: PageContext; readonly mail: OutboxMail }) {
  const { page, mail } = props;
  if (mail.sentAt) {
    return <>{page.t('mail.admin.sent_at', { time: formatBrusselsDateTime(mail.sentAt, page.locale) })}</>;
  }
  if (mail.state === 'pending' || mail.state === 'sending') {
    return (
      <>
        {page.t('mail.admin.next_attempt', { time: formatBrusselsDateTime(mail.nextAttemptAt, page.locale) })}
      </>
    );
  }
  return <>—</>;
}

/**
 * `/admin/mail`: counts per state, a state filter (a GET form), and the outbox newest first with
 * page links. Without SMTP a banner says mail is held and can be read here. Addresses of
 * messages to reporters are hidden.
 */
export function MailListPage(props: {
  readonly page: PageContext;
  readonly list: OutgoingMailList;
  readonly state: OutboxState | undefined;
  readonly currentPage: number;
  readonly pageSize: number;
}) {
  const { page, list } = props;
  const { t } = page;
  return (
    <AdminLayout page={page} title={t('mail.admin.title')}>
      <PageHeader title={t('mail.admin.title')} lead={t('mail.admin.lead')} />
      {!list.smtpConfigured && (
        <NotificationBanner page={page} type="info" title="mail.admin.no_smtp_title">
          <p>{t('mail.admin.no_smtp_text')}</p>
        </NotificationBanner>
      )}
      <h2 class="visually-hidden">{t('mail.admin.counts')}</h2>
      <dl class="stats">
        {outboxStates.map((state) => (
          <div class="stats__item" key={state}>
            <dt class="stats__label">{t(stateLabel(state))}</dt>
            <dd class="stats__value" data-state-count={state}>
              {list.byState[state] ?? 0}
            </dd>
          </div>
        ))}
      </dl>
      <search aria-label={t('mail.admin.filter_label')}>
        <form method="get" action="/admin/mail" class="filters">
          <Select
            page={page}
            name="state"
            label="mail.admin.filter_state"
            value={props.state ?? ''}
            options={[
              { value: '', label: 'mail.admin.filter_state_all' },
              ...outboxStates.map((state) => ({ value: state, label: stateLabel(state) })),
            ]}
            optional
          />
          <Button variant="secondary">{t('mail.admin.filter_apply')}</Button>
        </form>
      </search>
      <Table
        page={page}
        caption="mail.admin.table_caption"
        columns={[
          { key: 'created', label: 'mail.admin.column_created' },
          { key: 'purpose', label: 'mail.admin.column_purpose' },
          { key: 'to', label: 'mail.admin.column_to' },
          { key: 'subject', label: 'mail.admin.column_subject' },
          { key: 'state', label: 'mail.admin.column_state' },
          { key: 'attempts', label: 'mail.admin.column_attempts', numeric: true },
          { key: 'when', label: 'mail.admin.column_when' },
          { key: 'error', label: 'mail.admin.column_error' },
        ]}
        rows={list.mails.map((mail) => {
          const visibility = visibilityOf(mail);
          const subject = visibility === 'erased' ? t('mail.admin.erased') : mail.subject;
          return {
            key: mail.id,
            cells: [
              <Time page={page} date={mail.createdAt} key="created" />,
              purposeLabel(page, mail.purpose),
              visibility === 'shown' ? (
                <span class="mail-list__address">{mail.to}</span>
              ) : (
                t(visibility === 'hidden' ? 'mail.admin.hidden' : 'mail.admin.erased')
              ),
              <a href={`/admin/mail/${mail.id}`} key="subject">
                {subject.trim() || t('mail.detail.title')}
              </a>,
              <StatusTag
                page={page}
                label={stateLabel(mail.state)}
                tone={stateTones[mail.state]}
                key="state"
              />,
              String(mail.attempts),
              <When page={page} mail={mail} key="when" />,
              mail.lastError ? <span class="mail-list__error">{mail.lastError}</span> : '—',
            ],
          };
        })}
        empty={props.state ? 'mail.admin.none_in_state' : 'mail.admin.none'}
      />
      <Pagination page={page} currentPage={props.currentPage} pageSize={props.pageSize} total={list.total} />
    </AdminLayout>
  );
}

/** What the detail page reports about the last action. */
export type MailNotice = 'retried' | 'retry_refused';

/**
 * `/admin/mail/:id`: the facts of one message and its full text (held mail is read here), with
 * "retry now" for failed or pending mail when SMTP is configured.
 */
export function MailDetailPage(props: {
  readonly page: PageContext;
  readonly mail: OutboxMail;
  readonly canRetry: boolean;
  readonly notice?: MailNotice | undefined;
}) {
  const { page, mail } = props;
  const { t } = page;
  const visibility = visibilityOf(mail);
  const headers = Object.entries(mail.headers);
  const dash = t('mail.detail.none');
  return (
    <AdminLayout page={page} title={t('mail.detail.title')}>
      <PageHeader
        title={t('mail.detail.title')}
        caption={t('mail.admin.title')}
        lead={visibility === 'erased' ? undefined : mail.subject}
      />
      {props.notice === 'retried' && (
        <NotificationBanner page={page} type="success" title="mail.detail.retried_title">
          <p>{t('mail.detail.retried')}</p>
        </NotificationBanner>
      )}
      {props.notice === 'retry_refused' && (
        <NotificationBanner page={page} type="warning">
          <p>{t('mail.detail.retry_refused')}</p>
        </NotificationBanner>
      )}
      {mail.state === 'held' && (
        <NotificationBanner page={page} type="info" id="notification-held">
          <p>{t('mail.detail.held_text')}</p>
        </NotificationBanner>
      )}
      <h2 class="visually-hidden">{t('mail.detail.facts')}</h2>
      <SummaryList
        page={page}
        rows={[
          {
            key: 'mail.detail.state',
            value: <StatusTag page={page} label={stateLabel(mail.state)} tone={stateTones[mail.state]} />,
          },
          { key: 'mail.detail.purpose', value: purposeLabel(page, mail.purpose) },
          {
            key: 'mail.detail.to',
            value:
              visibility === 'shown'
                ? mail.to
                : t(visibility === 'hidden' ? 'mail.admin.hidden' : 'mail.admin.erased'),
          },
          {
            key: 'mail.detail.subject',
            value: visibility === 'erased' ? t('mail.admin.erased') : mail.subject,
          },
          { key: 'mail.detail.created', value: <Time page={page} date={mail.createdAt} /> },
          { key: 'mail.detail.attempts', value: String(mail.attempts) },
          {
            key: 'mail.detail.next_attempt',
            value:
              mail.state === 'pending' || mail.state === 'sending' ? (
                <Time page={page} date={mail.nextAttemptAt} />
              ) : (
                dash
              ),
          },
          { key: 'mail.detail.sent_at', value: mail.sentAt ? <Time page={page} date={mail.sentAt} /> : dash },
          {
            key: 'mail.detail.last_error',
            value: mail.lastError ? <span class="mail-list__error">{mail.lastError}</span> : dash,
          },
          { key: 'mail.detail.message_id', value: <code>{mail.messageId}</code> },
          {
            key: 'mail.detail.headers',
            value:
              headers.length === 0 || visibility !== 'shown' ? (
                dash
              ) : (
                <ul class="mail-detail__headers">
                  {headers.map(([name, value]) => (
                    <li key={name}>
                      <code>{`${name}: ${value}`}</code>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <h2>{t('mail.detail.body')}</h2>
      {visibility === 'shown' ? (
        <pre class="mail-detail__body" data-mail-body>
          {mail.text}
        </pre>
      ) : (
        <p>{t(visibility === 'hidden' ? 'mail.detail.hidden_text' : 'mail.detail.erased_text')}</p>
      )}
      {props.canRetry && (
        <form method="post" action={`/admin/mail/${mail.id}/retry`} class="form">
          <CsrfField page={page} />
          <p>{t('mail.detail.retry_text')}</p>
          <Button>{t('mail.detail.retry')}</Button>
        </form>
      )}
      <p>
        <a href="/admin/mail">{t('mail.detail.back')}</a>
      </p>
    </AdminLayout>
  );
}

import { formatBrusselsDateTime } from '../../platform/audit/audit-period.js';
import type { FieldErrors } from '../../platform/http/forms.js';
import {
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  fieldId,
  NotificationBanner,
  PageHeader,
  Radios,
  Select,
  StatusTag,
  SummaryList,
  Table,
  TextareaField,
  TextField,
} from '../../platform/ui/components.js';
import type { MessageKey, Translate } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { Layout } from '../../platform/ui/layout.js';
import type { PageContext } from '../../platform/ui/page-context.js';
import { formatReceipt, type Receipt } from '../../reporting/receipt.js';
import {
  type AgentChat,
  type AgentState,
  type ChatMessage,
  chatMessageText,
  MAX_CHAT_MESSAGE,
} from '../chat/chat.service.js';
import { type ContactTopic, topicName } from '../topics.js';
import type {
  CannedAnswer,
  EarlierConversation,
  EarlierMessage,
  ReportChannelChoice,
  TransferTarget,
} from './console.service.js';

/** Form values as submitted (kept on a validation error). */
export type FormValues = Readonly<Record<string, string | string[]>>;

/** Notices after a redirect (`?done=…`), by key. */
export const consoleNotices = {
  saved: 'console.notice.saved',
  taken: 'console.notice.taken',
  nothing: 'console.notice.nothing_waiting',
  ended: 'console.notice.ended',
  transferred: 'console.notice.transferred',
  sent: 'console.chat.sent',
} as const satisfies Record<string, MessageKey>;
export type ConsoleNotice = keyof typeof consoleNotices;

const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', { timeStyle: 'short', timeZone: 'Europe/Brussels' }),
  en: new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/Brussels' }),
};

function time(date: Date, locale: Locale): string {
  return timeFormats[locale].format(date);
}

/** The visitor's name, or "visitor" when they gave none. */
export function visitorLabel(t: Translate, name: string): string {
  return name.trim() === '' ? t('console.chats.anonymous_visitor') : name;
}

function minutesSince(t: Translate, from: Date | null, now: Date): string {
  if (!from) return t('console.queue.none_waiting');
  const minutes = Math.floor((now.getTime() - from.getTime()) / 60_000);
  return minutes < 1 ? t('console.queue.less_than_minute') : t('console.queue.minutes', { minutes });
}

function fieldText(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

function listOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
}

/** One message of a thread. */
function ThreadItem(props: {
  readonly page: PageContext;
  readonly message: Pick<ChatMessage, 'author' | 'body' | 'agentName' | 'createdAt'>;
  readonly id: string;
  readonly visitorName: string;
  readonly ownName: string | null;
}) {
  const { t, locale } = props.page;
  const m = props.message;
  const who =
    m.author === 'visitor'
      ? visitorLabel(t, props.visitorName)
      : m.author === 'system'
        ? t('console.thread.system')
        : m.agentName && m.agentName !== props.ownName
          ? m.agentName
          : t('console.thread.you');
  return (
    <li class={`console-msg console-msg--${m.author}`} data-message-id={props.id}>
      <p class="console-msg__meta">
        <span class="console-msg__who">{who}</span>{' '}
        <span class="console-msg__time">{time(m.createdAt, locale)}</span>
      </p>
      <p class="console-msg__text">{chatMessageText(m, locale)}</p>
    </li>
  );
}

function Thread(props: {
  readonly page: PageContext;
  readonly id: string;
  readonly messages: readonly Pick<ChatMessage, 'id' | 'author' | 'body' | 'agentName' | 'createdAt'>[];
  readonly visitorName: string;
  readonly ownName: string | null;
  readonly label: string;
}) {
  const { t } = props.page;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <ol class="console-thread" id={props.id} aria-label={props.label} tabIndex={0} data-thread>
      {props.messages.length === 0 && <li class="console-thread__empty">{t('console.thread.empty')}</li>}
      {props.messages.map((m) => (
        <ThreadItem
          key={m.id}
          id={m.id}
          page={props.page}
          message={m}
          visitorName={props.visitorName}
          ownName={props.ownName}
        />
      ))}
    </ol>
  );
}

/** The canned answers as options `id:lang`, the chat's language first. */
function cannedGroups(t: Translate, canned: readonly CannedAnswer[], chatLocale: Locale) {
  const order: Locale[] = chatLocale === 'en' ? ['en', 'nl'] : ['nl', 'en'];
  return order.map((lang) => ({
    lang,
    label: t(`console.lang.${lang}`),
    options: canned.map((c) => ({ value: `${c.id}:${lang}`, label: c.title[lang] })),
  }));
}

/**
 * The canned-answer picker: a select grouped by language (the chat's first). Without JavaScript
 * its button posts the chosen answer; with JavaScript "Insert" puts it in the message box.
 */
function CannedPicker(props: {
  readonly page: PageContext;
  readonly chatId: string;
  readonly chatLocale: Locale;
  readonly canned: readonly CannedAnswer[];
  readonly returnTo: 'console' | 'chat';
  readonly error?: MessageKey | undefined;
}) {
  const { page } = props;
  const { t } = page;
  if (props.canned.length === 0) return <p class="console-pane__hint">{t('console.canned.none')}</p>;
  const id = `canned-${props.chatId}`;
  return (
    <form
      method="post"
      action={`/console/chats/${props.chatId}/canned`}
      class="console-canned"
      data-canned-form
    >
      <CsrfField page={page} />
      <input type="hidden" name="return" value={props.returnTo} />
      <div class={props.error ? 'field field--error' : 'field'}>
        <label class="field__label" for={id}>
          {t('console.canned.label')}
        </label>
        {props.error && (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
            {t(props.error)}
          </p>
        )}
        <select
          class="select"
          id={id}
          name="canned"
          data-canned-select
          aria-describedby={props.error ? `${id}-error` : undefined}
          aria-invalid={props.error ? 'true' : undefined}
        >
          <option value="">{t('console.canned.choose')}</option>
          {cannedGroups(t, props.canned, props.chatLocale).map((g) => (
            <optgroup key={g.lang} label={g.label} data-lang={g.lang}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="console-canned__actions">
        <button type="button" class="button button--secondary" data-canned-insert hidden>
          {t('console.canned.insert')}
        </button>
        <Button variant="secondary">{t('console.canned.send')}</Button>
      </div>
    </form>
  );
}

/** The message box of a chat. */
function MessageForm(props: {
  readonly page: PageContext;
  readonly chatId: string;
  readonly returnTo: 'console' | 'chat';
  readonly value?: string;
  readonly error?: MessageKey | undefined;
  readonly name?: string;
}) {
  const { page } = props;
  const { t } = page;
  const name = props.name ?? `body-${props.chatId}`;
  return (
    <form
      method="post"
      action={`/console/chats/${props.chatId}/messages`}
      class="console-message"
      data-message-form
    >
      <CsrfField page={page} />
      <input type="hidden" name="return" value={props.returnTo} />
      <input type="hidden" name="field" value={name} />
      <TextareaField
        page={page}
        name={name}
        label="console.message.label"
        rows={3}
        maxLength={MAX_CHAT_MESSAGE}
        value={props.value ?? ''}
        error={props.error}
      />
      <Button>{t('console.message.send')}</Button>
    </form>
  );
}

/** One chat in the console's grid: a labelled region with thread, message box, canned answers, end. */
export function ChatPane(props: {
  readonly page: PageContext;
  readonly chat: AgentChat;
  readonly topics: ReadonlyMap<string, ContactTopic>;
  readonly canned: readonly CannedAnswer[];
  readonly ownName: string | null;
}) {
  const { page, chat } = props;
  const { t } = page;
  const name = visitorLabel(t, chat.visitorName);
  const topic = props.topics.get(chat.topicId);
  const titleId = `pane-${chat.id}-title`;
  return (
    <section
      class="console-pane"
      aria-labelledby={titleId}
      data-chat-pane={chat.id}
      data-visitor={chat.visitorName}
    >
      <h3 class="console-pane__title" id={titleId}>
        {t('console.chats.pane_label', { name })}
      </h3>
      <p class="console-pane__meta">
        <span data-pane-topic>
          {topic ? t('console.chats.topic', { topic: topicName(topic, page.locale) }) : ''}
        </span>{' '}
        <span data-pane-lang lang={chat.locale}>
          ({t(`console.lang.${chat.locale}`)})
        </span>
      </p>
      <p class="console-pane__closed" data-pane-closed hidden />
      <Thread
        page={page}
        id={`thread-${chat.id}`}
        messages={chat.messages}
        visitorName={chat.visitorName}
        ownName={props.ownName}
        label={`${t('console.thread.label')}: ${name}`}
      />
      <MessageForm page={page} chatId={chat.id} returnTo="console" />
      <CannedPicker
        page={page}
        chatId={chat.id}
        chatLocale={chat.locale}
        canned={props.canned}
        returnTo="console"
      />
      <div class="console-pane__actions">
        <form method="post" action={`/console/chats/${chat.id}/end`} data-end-form>
          <CsrfField page={page} />
          <input type="hidden" name="return" value="console" />
          <Button variant="warning">{t('console.end.button')}</Button>
        </form>
        <a href={`/console/chats/${chat.id}#transfer`}>{t('console.transfer.title')}</a>
        <a href={`/console/chats/${chat.id}`} data-full-link>
          {t('console.chats.open_full', { name })}
        </a>
      </div>
    </section>
  );
}

/** The polite live region for announcements and the (visible) connection status of the script. */
function LiveBits(props: { readonly page: PageContext }) {
  const { t } = props.page;
  return (
    <>
      <div class="console-live visually-hidden" aria-live="polite" data-console-announcer />
      <p class="console-connection" data-console-connection hidden>
        <span class="visually-hidden">{`${t('console.status.label')}: `}</span>
        <span data-console-connection-text />
      </p>
    </>
  );
}

/** Without JavaScript the page refreshes itself; this says so and lets the agent stop it (WCAG 2.2.1). */
function RefreshNote(props: {
  readonly page: PageContext;
  readonly path: string;
  readonly refresh: boolean;
  readonly note: MessageKey;
}) {
  const { t } = props.page;
  return (
    <p class="console-pane__hint" data-nojs-only>
      {props.refresh ? t(props.note) : null}{' '}
      <a href={props.refresh ? `${props.path}?refresh=off` : props.path}>
        {t(props.refresh ? 'console.refresh.off' : 'console.refresh.on')}
      </a>
    </p>
  );
}

/** What the console script needs from the server: texts, topic names, canned answers. */
function ClientData(props: {
  readonly page: PageContext;
  readonly topics: readonly ContactTopic[];
  readonly canned: readonly CannedAnswer[];
}) {
  const { t, locale } = props.page;
  const keys = [
    'console.status.connecting',
    'console.status.connected',
    'console.status.reconnecting',
    'console.chats.new_announcement',
    'console.chats.message_announcement',
    'console.chats.closed_by_visitor',
    'console.chats.closed_ended',
    'console.chats.closed_transferred',
    'console.chats.closed_abandoned',
    'console.chats.dismiss',
    'console.chats.pane_label',
    'console.chats.topic',
    'console.chats.open_full',
    'console.chats.anonymous_visitor',
    'console.chats.none',
    'console.thread.label',
    'console.thread.you',
    'console.thread.system',
    'console.queue.minutes',
    'console.queue.less_than_minute',
    'console.queue.none_waiting',
    'console.queue.email_summary',
    'console.agent.summary',
    'console.agent.available',
    'console.agent.away',
    'console.agent.offline',
    'console.canned.inserted',
    'console.lang.nl',
    'console.lang.en',
  ] as const satisfies readonly MessageKey[];
  const data = {
    locale,
    ownName: props.page.auth?.name ?? null,
    texts: Object.fromEntries(keys.map((k) => [k, t(k)])),
    topics: Object.fromEntries(props.topics.map((topic) => [topic.id, topicName(topic, locale)])),
    canned: Object.fromEntries(props.canned.map((c) => [c.id, c.body])),
  };
  return (
    <script
      type="application/json"
      id="console-data"
      // JSON with `<` escaped cannot close the element.
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
    />
  );
}

export interface ConsolePageProps {
  readonly page: PageContext;
  readonly now: Date;
  readonly agent: AgentState;
  readonly topics: readonly ContactTopic[];
  readonly queue: readonly { topicId: string; waiting: number; oldestQueuedAt: Date | null }[];
  readonly email: { readonly open: number; readonly overdue: number } | null;
  readonly chats: readonly AgentChat[];
  readonly canned: readonly CannedAnswer[];
  readonly notice?: ConsoleNotice | undefined;
  readonly errors?: FieldErrors | undefined;
  readonly values?: FormValues | undefined;
  readonly refresh: boolean;
}

/** `/console`: availability, queues and the agent's chats side by side. */
export function ConsolePage(props: ConsolePageProps) {
  const { page, agent } = props;
  const { t } = page;
  const topicMap = new Map(props.topics.map((topic) => [topic.id, topic]));
  const activeTopics = props.topics.filter((topic) => topic.active);
  const values = props.values;
  const availability = values ? fieldText(values, 'availability') : agent.availability;
  const capacity = values ? fieldText(values, 'capacity') : String(agent.capacity);
  const chosenTopics = values ? listOf(values, 'topics') : agent.topicIds;
  const queueByTopic = new Map(props.queue.map((q) => [q.topicId, q]));
  return (
    <Layout page={page} title={t('console.title')}>
      {props.refresh && (
        <noscript>
          <meta http-equiv="refresh" content="20;url=/console" />
        </noscript>
      )}
      <PageHeader title={t('console.title')} caption={t('console.caption')} lead={t('console.lead')} />
      <LiveBits page={page} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(consoleNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={props.errors} />
      <div class="console-top">
        <section class="console-box" aria-labelledby="console-agent-title">
          <h2 id="console-agent-title">{t('console.agent.title')}</h2>
          <p data-agent-summary>
            {t('console.agent.summary', {
              availability: t(`console.agent.${agent.availability}`),
              active: agent.activeCount,
              capacity: agent.capacity,
            })}
          </p>
          <form method="post" action="/console/agent" class="form" novalidate>
            <CsrfField page={page} />
            <Radios
              page={page}
              name="availability"
              legend="console.agent.availability"
              hint="console.agent.availability_hint"
              value={availability}
              error={props.errors?.availability}
              options={[
                { value: 'available', label: 'console.agent.available' },
                { value: 'away', label: 'console.agent.away' },
                { value: 'offline', label: 'console.agent.offline' },
              ]}
            />
            <TextField
              page={page}
              name="capacity"
              label="console.agent.capacity"
              hint="console.agent.capacity_hint"
              type="number"
              inputMode="numeric"
              width="short"
              value={capacity}
              error={props.errors?.capacity}
            />
            {activeTopics.length === 0 ? (
              <p>{t('console.agent.no_topics')}</p>
            ) : (
              <Checkboxes
                page={page}
                name="topics"
                legend="console.agent.topics"
                hint="console.agent.topics_hint"
                values={chosenTopics}
                error={props.errors?.topics}
                options={activeTopics.map((topic) => ({
                  value: topic.id,
                  label: { text: topicName(topic, page.locale) },
                }))}
              />
            )}
            <Button>{t('console.agent.save')}</Button>
          </form>
        </section>
        <section class="console-box" aria-labelledby="console-queue-title">
          <h2 id="console-queue-title">{t('console.queue.title')}</h2>
          <Table
            page={page}
            caption="console.queue.caption"
            id="queue"
            columns={[
              { key: 'topic', label: 'console.queue.topic' },
              { key: 'waiting', label: 'console.queue.waiting', numeric: true },
              { key: 'longest', label: 'console.queue.longest', numeric: true },
            ]}
            rows={activeTopics.map((topic) => {
              const q = queueByTopic.get(topic.id);
              return {
                key: topic.id,
                cells: [
                  topicName(topic, page.locale),
                  <span key="w" data-queue-waiting={topic.id}>
                    {q?.waiting ?? 0}
                  </span>,
                  <span
                    key="l"
                    data-queue-longest={topic.id}
                    data-since={q?.oldestQueuedAt?.toISOString() ?? ''}
                  >
                    {minutesSince(t, q?.oldestQueuedAt ?? null, props.now)}
                  </span>,
                ],
              };
            })}
            empty="console.queue.empty"
            rowHeaders
          />
          <form method="post" action="/console/take-next">
            <CsrfField page={page} />
            <Button>{t('console.queue.take_next')}</Button>
          </form>
          {props.email && (
            <>
              <h3>{t('console.queue.email')}</h3>
              <p data-email-summary>
                {t('console.queue.email_summary', { open: props.email.open, overdue: props.email.overdue })}
              </p>
              <p>
                <a href="/console/email">{t('console.queue.email_link')}</a>
              </p>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="console-chats-title">
        <h2 id="console-chats-title">{t('console.chats.title')}</h2>
        <RefreshNote page={page} path="/console" refresh={props.refresh} note="console.agent.live_only" />
        <p data-chats-none hidden={props.chats.length > 0}>
          {t('console.chats.none')}
        </p>
        <div class="console-grid" data-console-grid>
          {props.chats.map((chat) => (
            <ChatPane
              key={chat.id}
              page={page}
              chat={chat}
              topics={topicMap}
              canned={props.canned}
              ownName={page.auth?.name ?? null}
            />
          ))}
        </div>
      </section>
      <PaneTemplate page={page} canned={props.canned} />
      <ClientData page={page} topics={props.topics} canned={props.canned} />
      <script src="/build/console.js" defer />
    </Layout>
  );
}

/**
 * The empty pane the console script copies for a chat that arrives live: the same markup as a
 * server-rendered pane, with `__ID__` where the chat's id goes and texts in the page's language.
 */
function PaneTemplate(props: { readonly page: PageContext; readonly canned: readonly CannedAnswer[] }) {
  const { page } = props;
  const chat: AgentChat = {
    id: '__ID__',
    topicId: '',
    state: 'active',
    locale: page.locale,
    visitorName: '',
    queuedAt: null,
    assignedAt: null,
    messages: [],
  };
  return (
    <template id="console-pane-template">
      <ChatPane page={page} chat={chat} topics={new Map()} canned={props.canned} ownName={null} />
    </template>
  );
}

export interface ChatPageProps {
  readonly page: PageContext;
  readonly chat: AgentChat;
  readonly topics: readonly ContactTopic[];
  readonly canned: readonly CannedAnswer[];
  readonly targets: readonly TransferTarget[];
  readonly earlier: readonly EarlierConversation[];
  readonly channels: readonly ReportChannelChoice[];
  readonly mailAvailable: boolean;
  readonly notice?: ConsoleNotice | undefined;
  /** Errors of one form; `form` says which (the others are shown clean). */
  readonly errors?: FieldErrors | undefined;
  readonly form?: 'message' | 'canned' | 'transfer' | 'report' | undefined;
  readonly values?: FormValues | undefined;
  readonly refusal?: MessageKey | undefined;
  readonly reportFormId: string;
  readonly refresh: boolean;
}

/** The visitor's messages, one paragraph each: the prefill of the report text. */
export function visitorText(chat: AgentChat): string {
  return chat.messages
    .filter((m) => m.author === 'visitor')
    .map((m) => m.body)
    .join('\n\n');
}

/** `/console/chats/:id`: one chat in full, usable without JavaScript. */
export function ChatPage(props: ChatPageProps) {
  const { page, chat } = props;
  const { t, locale } = page;
  const name = visitorLabel(t, chat.visitorName);
  const topicMap = new Map(props.topics.map((topic) => [topic.id, topic]));
  const topic = topicMap.get(chat.topicId);
  const active = chat.state === 'active';
  const errors = props.errors ?? {};
  const formValues = props.values ?? {};
  const v = (form: ChatPageProps['form'], field: string, fallback = '') =>
    props.form === form ? fieldText(formValues, field) : fallback;
  const titleText = t('console.chat.page_title', { name });
  const otherTopics = props.topics.filter((x) => x.active && x.id !== chat.topicId);
  return (
    <Layout page={page} title={titleText}>
      {active && props.refresh && (
        <noscript>
          <meta http-equiv="refresh" content={`15;url=/console/chats/${chat.id}`} />
        </noscript>
      )}
      <p>
        <a href="/console">{t('console.chat.back')}</a>
      </p>
      <PageHeader title={titleText} caption={t('console.caption')} />
      <LiveBits page={page} />
      {props.notice && (
        <NotificationBanner page={page} type="success">
          <p>{t(consoleNotices[props.notice])}</p>
        </NotificationBanner>
      )}
      {props.refusal && (
        <NotificationBanner page={page} type="warning">
          <p>{t(props.refusal)}</p>
        </NotificationBanner>
      )}
      <ErrorSummary page={page} errors={props.errors} />
      <SummaryList
        page={page}
        rows={[
          { key: 'console.chat.visitor', value: name },
          { key: 'console.earlier.topic', value: topic ? topicName(topic, locale) : '' },
          { key: 'console.chat.language', value: t(`console.lang.${chat.locale}`) },
          {
            key: 'console.earlier.state',
            value: (
              <StatusTag
                page={page}
                label={`console.state.${chat.state}`}
                tone={active ? 'progress' : 'neutral'}
              />
            ),
          },
          ...(chat.queuedAt
            ? [
                {
                  key: 'console.chat.queued_at' as const,
                  value: formatBrusselsDateTime(chat.queuedAt, locale),
                },
              ]
            : []),
          ...(chat.assignedAt
            ? [
                {
                  key: 'console.chat.assigned_at' as const,
                  value: formatBrusselsDateTime(chat.assignedAt, locale),
                },
              ]
            : []),
        ]}
      />
      {active && (
        <RefreshNote
          page={page}
          path={`/console/chats/${chat.id}`}
          refresh={props.refresh}
          note="console.chat.refresh_note"
        />
      )}
      <section
        class="console-pane console-pane--full"
        aria-labelledby="chat-thread-title"
        data-chat-pane={chat.id}
        data-visitor={chat.visitorName}
      >
        <h2 id="chat-thread-title">{t('console.thread.label')}</h2>
        <p class="console-pane__closed" data-pane-closed hidden />
        <Thread
          page={page}
          id={`thread-${chat.id}`}
          messages={chat.messages}
          visitorName={chat.visitorName}
          ownName={page.auth?.name ?? null}
          label={t('console.thread.label')}
        />
        {active && (
          <>
            <MessageForm
              page={page}
              chatId={chat.id}
              returnTo="chat"
              name="body"
              value={v('message', 'body')}
              error={props.form === 'message' ? errors.body : undefined}
            />
            <CannedPicker
              page={page}
              chatId={chat.id}
              chatLocale={chat.locale}
              canned={props.canned}
              returnTo="chat"
              error={props.form === 'canned' ? errors.canned : undefined}
            />
            <form method="post" action={`/console/chats/${chat.id}/end`}>
              <CsrfField page={page} />
              <input type="hidden" name="return" value="chat" />
              <Button variant="warning">{t('console.end.button')}</Button>
            </form>
          </>
        )}
      </section>
      {active && (
        <section aria-labelledby="transfer" class="console-section">
          <h2 id="transfer" tabIndex={-1}>
            {t('console.transfer.title')}
          </h2>
          <form method="post" action={`/console/chats/${chat.id}/transfer`} class="form">
            <CsrfField page={page} />
            <input type="hidden" name="to" value="agent" />
            {props.targets.length === 0 ? (
              <p>{t('console.transfer.agent_none')}</p>
            ) : (
              <>
                <Select
                  page={page}
                  name="agent"
                  label="console.transfer.agent"
                  hint="console.transfer.agent_hint"
                  placeholder="console.transfer.agent_choose"
                  value={v('transfer', 'agent')}
                  error={props.form === 'transfer' ? errors.agent : undefined}
                  options={props.targets.map((a) => ({
                    value: a.userId,
                    label: {
                      text: t('console.transfer.agent_option', {
                        name: a.name,
                        active: a.activeCount,
                        capacity: a.capacity,
                      }),
                    },
                  }))}
                />
                <Button variant="secondary">{t('console.transfer.to_agent')}</Button>
              </>
            )}
          </form>
          {otherTopics.length > 0 && (
            <form method="post" action={`/console/chats/${chat.id}/transfer`} class="form">
              <CsrfField page={page} />
              <input type="hidden" name="to" value="topic" />
              <Select
                page={page}
                name="topic"
                label="console.transfer.topic"
                hint="console.transfer.topic_hint"
                placeholder="console.transfer.topic_choose"
                value={v('transfer', 'topic')}
                error={props.form === 'transfer' ? errors.topic : undefined}
                options={otherTopics.map((x) => ({ value: x.id, label: { text: topicName(x, locale) } }))}
              />
              <Button variant="secondary">{t('console.transfer.to_topic')}</Button>
            </form>
          )}
        </section>
      )}
      {active && (
        <section aria-labelledby="earlier-title" class="console-section">
          <h2 id="earlier-title">{t('console.earlier.title')}</h2>
          <p class="console-pane__hint">{t('console.earlier.hint')}</p>
          <Table
            page={page}
            id="earlier"
            caption="console.earlier.title"
            captionHidden
            columns={[
              { key: 'date', label: 'console.earlier.date' },
              { key: 'kind', label: 'console.earlier.kind' },
              { key: 'topic', label: 'console.earlier.topic' },
              { key: 'state', label: 'console.earlier.state' },
            ]}
            rows={props.earlier.map((c) => {
              const date = formatBrusselsDateTime(c.createdAt, locale);
              const other = topicMap.get(c.topicId);
              return {
                key: c.id,
                cells: [
                  <a key="d" href={`/console/chats/${chat.id}/earlier/${c.id}`}>
                    {date}
                  </a>,
                  t(`console.kind.${c.kind}`),
                  other ? topicName(other, locale) : '',
                  t(`console.state.${c.state as 'ended'}`),
                ],
              };
            })}
            empty="console.earlier.none"
          />
        </section>
      )}
      {active && (
        <ReportSection
          page={page}
          chat={chat}
          channels={props.channels}
          mailAvailable={props.mailAvailable}
          errors={props.form === 'report' ? errors : {}}
          values={props.form === 'report' ? formValues : undefined}
          formId={props.reportFormId}
        />
      )}
      <script src="/build/console.js" defer />
      <ClientData page={page} topics={props.topics} canned={props.canned} />
    </Layout>
  );
}

function ReportSection(props: {
  readonly page: PageContext;
  readonly chat: AgentChat;
  readonly channels: readonly ReportChannelChoice[];
  readonly mailAvailable: boolean;
  readonly errors: FieldErrors;
  readonly values: FormValues | undefined;
  readonly formId: string;
}) {
  const { page, chat, values } = props;
  const { t, locale } = page;
  const hasName = chat.visitorName.trim() !== '';
  return (
    <section aria-labelledby="report" class="console-section console-report">
      <h2 id="report" tabIndex={-1}>
        {t('console.report.title')}
      </h2>
      <p>{t('console.report.lead')}</p>
      {props.channels.length === 0 ? (
        <p>{t('console.report.no_channels')}</p>
      ) : (
        <form method="post" action={`/console/chats/${chat.id}/report`} class="form" novalidate>
          <CsrfField page={page} />
          <input
            type="hidden"
            name="form_id"
            value={values ? fieldText(values, 'form_id') || props.formId : props.formId}
          />
          <Select
            page={page}
            name="channel"
            label="console.report.channel"
            placeholder="console.report.channel_choose"
            value={
              values
                ? fieldText(values, 'channel')
                : props.channels.length === 1
                  ? props.channels[0]?.id
                  : undefined
            }
            error={props.errors.channel}
            options={props.channels.map((c) => ({ value: c.id, label: { text: c.name[locale] } }))}
          />
          <TextareaField
            page={page}
            name="text"
            label="console.report.text"
            hint="console.report.text_hint"
            rows={8}
            value={values ? fieldText(values, 'text') : visitorText(chat)}
            error={props.errors.text}
          />
          <Radios
            page={page}
            name="mode"
            legend="console.report.identity"
            hint="console.report.identity_hint"
            value={values ? fieldText(values, 'mode') : undefined}
            error={props.errors.mode}
            options={[
              { value: 'anonymous', label: 'console.report.anonymous' },
              {
                value: 'named',
                label: {
                  text: hasName
                    ? t('console.report.named', { name: chat.visitorName })
                    : t('console.report.named_no_name'),
                },
              },
            ]}
          />
          {props.mailAvailable && (
            <TextField
              page={page}
              name="email"
              type="email"
              autocomplete="off"
              label="console.report.email"
              hint="console.report.email_hint"
              value={values ? fieldText(values, 'email') : ''}
              error={props.errors.email}
              optional
            />
          )}
          <Button>{t('console.report.submit')}</Button>
        </form>
      )}
    </section>
  );
}

/** The receipt of a registered report, shown once to the agent to hand over. */
export function ReceiptPage(props: {
  readonly page: PageContext;
  readonly chatId: string;
  readonly reference: string;
  readonly receipt: Receipt;
  readonly mailedTo: string | null;
  readonly followUpUrl: string;
}) {
  const { page } = props;
  const { t } = page;
  return (
    <Layout page={page} title={t('console.report.receipt_title')} narrow>
      <PageHeader title={t('console.report.receipt_title')} caption={props.reference} />
      <NotificationBanner page={page} type="success">
        <p>{t('console.report.receipt_registered', { reference: props.reference })}</p>
      </NotificationBanner>
      <div class="report-receipt">
        <p class="report-receipt__label">{t('console.report.receipt_intro')}</p>
        <p class="report-receipt__code">
          <code data-receipt>{formatReceipt(props.receipt)}</code>
        </p>
      </div>
      <ul class="list--bullet">
        <li>{t('console.report.receipt_once')}</li>
        <li>{t('console.report.receipt_handover')}</li>
        <li>{t('console.report.receipt_follow_up', { url: props.followUpUrl })}</li>
        {props.mailedTo && <li>{t('console.report.receipt_mailed', { email: props.mailedTo })}</li>}
      </ul>
      <p>
        <a href={`/console/chats/${props.chatId}`}>{t('console.report.receipt_back')}</a>
      </p>
    </Layout>
  );
}

/** An earlier conversation of the same visitor, read-only. */
export function EarlierPage(props: {
  readonly page: PageContext;
  readonly chatId: string;
  readonly conversation: EarlierConversation;
  readonly messages: readonly EarlierMessage[];
  readonly topics: readonly ContactTopic[];
  readonly visitorName: string;
}) {
  const { page, conversation } = props;
  const { t, locale } = page;
  const date = formatBrusselsDateTime(conversation.createdAt, locale);
  const topic = props.topics.find((x) => x.id === conversation.topicId);
  const title = t('console.earlier.page_title', { date });
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={`/console/chats/${props.chatId}`}>{t('console.earlier.back')}</a>
      </p>
      <PageHeader title={title} caption={t(`console.kind.${conversation.kind}`)} />
      <SummaryList
        page={page}
        rows={[
          { key: 'console.earlier.kind', value: t(`console.kind.${conversation.kind}`) },
          { key: 'console.earlier.topic', value: topic ? topicName(topic, locale) : '' },
          { key: 'console.earlier.state', value: t(`console.state.${conversation.state as 'ended'}`) },
          ...(conversation.subject
            ? [{ key: 'console.earlier.subject' as const, value: conversation.subject }]
            : []),
        ]}
      />
      <Thread
        page={page}
        id="earlier-thread"
        messages={props.messages}
        visitorName={props.visitorName}
        ownName={page.auth?.name ?? null}
        label={t('console.thread.label')}
      />
    </Layout>
  );
}

export { fieldId };

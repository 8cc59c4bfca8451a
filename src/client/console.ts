/**
 * The agents' console, live (progressive enhancement of /console and /console/chats/:id; both
 * work without it). Connects to `/console/socket` and keeps it open (reconnecting with backoff),
 * which also keeps the agent "seen" by the server. Adds a pane when a chat is assigned, appends
 * messages, marks chats closed, updates the queue figures, sends messages over the socket, and
 * inserts canned answers into the message box. Every text comes from the server
 * (`#console-data`); focus is never moved while the agent types.
 */

interface ConsoleData {
  readonly locale: 'nl' | 'en';
  readonly ownName: string | null;
  readonly texts: Readonly<Record<string, string>>;
  readonly topics: Readonly<Record<string, string>>;
  readonly canned: Readonly<Record<string, { readonly nl: string; readonly en: string }>>;
}

interface WireMessage {
  readonly id: string;
  readonly author: 'visitor' | 'agent' | 'system';
  readonly createdAt: string;
  readonly agentName: string | null;
  readonly text?: string;
  readonly body: string;
}

interface WireChat {
  readonly id: string;
  readonly topicId: string;
  readonly state: string;
  readonly locale: 'nl' | 'en';
  readonly visitorName: string;
  readonly messages: readonly WireMessage[];
}

type Frame =
  | { type: 'agent'; state: { availability: string; capacity: number; activeCount: number } }
  | {
      type: 'queue';
      topics: { topicId: string; waiting: number; oldestQueuedAt: string | null }[];
      emailOpen: number;
    }
  | { type: 'chat'; chat: WireChat }
  | { type: 'message'; conversationId: string; message: WireMessage }
  | {
      type: 'closed';
      conversationId: string;
      reason: 'ended_by_visitor' | 'ended' | 'transferred' | 'abandoned';
    }
  | { type: 'error'; code: string; text: string };

const dataElement = document.getElementById('console-data');
if (dataElement) start(JSON.parse(dataElement.textContent ?? '{}') as ConsoleData);

function start(data: ConsoleData): void {
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    (data.texts[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : m,
    );
  const timeFormat = new Intl.DateTimeFormat(data.locale === 'en' ? 'en-GB' : 'nl-BE', {
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  });
  const grid = document.querySelector<HTMLElement>('[data-console-grid]');
  const announcer = document.querySelector<HTMLElement>('[data-console-announcer]');
  const connection = document.querySelector<HTMLElement>('[data-console-connection]');
  const connectionText = document.querySelector<HTMLElement>('[data-console-connection-text]');
  const template = document.getElementById('console-pane-template') as HTMLTemplateElement | null;
  const noChats = document.querySelector<HTMLElement>('[data-chats-none]');
  for (const el of document.querySelectorAll<HTMLElement>('[data-nojs-only]')) el.hidden = true;

  let socket: WebSocket | null = null;
  let attempt = 0;
  let pingTimer: number | undefined;

  function announce(text: string): void {
    if (!announcer) return;
    // A new node is announced even when the text repeats.
    const p = document.createElement('p');
    p.textContent = text;
    announcer.replaceChildren(p);
  }

  function setConnection(text: string): void {
    if (!connection || !connectionText) return;
    connection.hidden = false;
    connectionText.textContent = text;
  }

  function paneOf(id: string): HTMLElement | null {
    return document.querySelector<HTMLElement>(`[data-chat-pane="${CSS.escape(id)}"]`);
  }

  function visitorName(name: string): string {
    return name.trim() === '' ? t('console.chats.anonymous_visitor') : name;
  }

  function messageItem(message: WireMessage, visitor: string): HTMLLIElement {
    const li = document.createElement('li');
    li.className = `console-msg console-msg--${message.author}`;
    li.dataset.messageId = message.id;
    const meta = document.createElement('p');
    meta.className = 'console-msg__meta';
    const who = document.createElement('span');
    who.className = 'console-msg__who';
    who.textContent =
      message.author === 'visitor'
        ? visitorName(visitor)
        : message.author === 'system'
          ? t('console.thread.system')
          : message.agentName && message.agentName !== data.ownName
            ? message.agentName
            : t('console.thread.you');
    const time = document.createElement('span');
    time.className = 'console-msg__time';
    time.textContent = timeFormat.format(new Date(message.createdAt));
    meta.append(who, ' ', time);
    const text = document.createElement('p');
    text.className = 'console-msg__text';
    text.textContent = message.text ?? message.body;
    li.append(meta, text);
    return li;
  }

  function appendMessage(pane: HTMLElement, message: WireMessage): boolean {
    const thread = pane.querySelector<HTMLElement>('[data-thread]');
    if (!thread) return false;
    if (thread.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`)) return false;
    thread.querySelector('.console-thread__empty')?.remove();
    // Keep the view at the bottom only if the agent was already reading the end.
    const atEnd = thread.scrollTop + thread.clientHeight >= thread.scrollHeight - 8;
    thread.append(messageItem(message, pane.dataset.visitorName ?? ''));
    if (atEnd) thread.scrollTop = thread.scrollHeight;
    return true;
  }

  function createPane(chat: WireChat): HTMLElement | null {
    if (!template || !grid) return null;
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    for (const el of fragment.querySelectorAll<HTMLElement>('*')) {
      for (const attr of [...el.attributes]) {
        if (attr.value.includes('__ID__'))
          el.setAttribute(attr.name, attr.value.replaceAll('__ID__', chat.id));
      }
    }
    const pane = fragment.querySelector<HTMLElement>('[data-chat-pane]');
    if (!pane) return null;
    const name = visitorName(chat.visitorName);
    const title = pane.querySelector('.console-pane__title');
    if (title) title.textContent = t('console.chats.pane_label', { name });
    const topic = pane.querySelector('[data-pane-topic]');
    if (topic) topic.textContent = t('console.chats.topic', { topic: data.topics[chat.topicId] ?? '' });
    const lang = pane.querySelector<HTMLElement>('[data-pane-lang]');
    if (lang) {
      lang.lang = chat.locale;
      lang.textContent = `(${t(`console.lang.${chat.locale}`)})`;
    }
    const full = pane.querySelector('[data-full-link]');
    if (full) full.textContent = t('console.chats.open_full', { name });
    const thread = pane.querySelector<HTMLElement>('[data-thread]');
    thread?.setAttribute('aria-label', `${t('console.thread.label')}: ${name}`);
    // The canned answers in the chat's language come first.
    const select = pane.querySelector('[data-canned-select]');
    const first = select?.querySelector(`optgroup[data-lang="${chat.locale}"]`);
    const firstGroup = select?.querySelector('optgroup');
    if (first && firstGroup && first !== firstGroup) firstGroup.before(first);
    grid.append(pane);
    return pane;
  }

  function showChat(chat: WireChat, announceNew: boolean): void {
    let pane = paneOf(chat.id);
    const isNew = !pane;
    if (!pane) pane = createPane(chat);
    if (!pane) return;
    pane.dataset.visitorName = chat.visitorName;
    const thread = pane.querySelector<HTMLElement>('[data-thread]');
    if (thread) {
      // Replace the thread's items, never the message box (the agent may be typing in it).
      const items = chat.messages.map((m) => messageItem(m, chat.visitorName));
      if (items.length > 0) thread.replaceChildren(...items);
      thread.scrollTop = thread.scrollHeight;
    }
    enhancePane(pane);
    if (noChats) noChats.hidden = true;
    if (isNew && announceNew) {
      announce(
        t('console.chats.new_announcement', {
          name: visitorName(chat.visitorName),
          topic: data.topics[chat.topicId] ?? '',
        }),
      );
    }
  }

  function closePane(id: string, reason: string): void {
    const pane = paneOf(id);
    if (!pane || pane.dataset.closed) return;
    pane.dataset.closed = reason;
    const key =
      reason === 'ended_by_visitor'
        ? 'console.chats.closed_by_visitor'
        : reason === 'transferred'
          ? 'console.chats.closed_transferred'
          : reason === 'abandoned'
            ? 'console.chats.closed_abandoned'
            : 'console.chats.closed_ended';
    const notice = pane.querySelector<HTMLElement>('[data-pane-closed]');
    if (notice) {
      notice.textContent = t(key);
      notice.hidden = false;
    }
    for (const form of pane.querySelectorAll('form')) {
      for (const control of form.querySelectorAll<
        HTMLInputElement | HTMLButtonElement | HTMLTextAreaElement | HTMLSelectElement
      >('textarea, select, button')) {
        control.disabled = true;
      }
    }
    announce(`${pane.querySelector('.console-pane__title')?.textContent ?? ''}: ${t(key)}`);
    if (!grid) return;
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'button button--secondary';
    dismiss.textContent = t('console.chats.dismiss');
    dismiss.addEventListener('click', () => {
      pane.remove();
      const heading = document.getElementById('console-chats-title');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
      if (noChats && !grid.querySelector('[data-chat-pane]')) noChats.hidden = false;
    });
    notice?.after(dismiss);
  }

  function enhancePane(pane: HTMLElement): void {
    if (pane.dataset.enhanced) return;
    pane.dataset.enhanced = '1';
    const id = pane.dataset.chatPane ?? '';
    const messageForm = pane.querySelector<HTMLFormElement>('[data-message-form]');
    const box = messageForm?.querySelector('textarea');
    messageForm?.addEventListener('submit', (event) => {
      if (!box || !socket || socket.readyState !== WebSocket.OPEN) return; // the form posts normally
      const body = box.value.trim();
      if (body === '') return; // the server's validation explains it
      event.preventDefault();
      socket.send(JSON.stringify({ type: 'message', conversationId: id, body }));
      box.value = '';
      box.focus();
    });
    // Enter sends, Shift+Enter makes a new line (the usual chat keys).
    box?.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        messageForm?.requestSubmit();
      }
    });
    const insert = pane.querySelector<HTMLButtonElement>('[data-canned-insert]');
    const select = pane.querySelector<HTMLSelectElement>('[data-canned-select]');
    if (insert && select && box) {
      insert.hidden = false;
      insert.addEventListener('click', () => {
        const [cannedId, lang] = select.value.split(':');
        const answer = cannedId ? data.canned[cannedId] : undefined;
        if (!answer || (lang !== 'nl' && lang !== 'en')) {
          select.focus();
          return;
        }
        const text = answer[lang];
        const start = box.selectionStart ?? box.value.length;
        const end = box.selectionEnd ?? box.value.length;
        box.value = `${box.value.slice(0, start)}${text}${box.value.slice(end)}`;
        box.focus();
        box.setSelectionRange(start + text.length, start + text.length);
        announce(t('console.canned.inserted'));
      });
    }
  }

  function updateQueue(frame: Extract<Frame, { type: 'queue' }>): void {
    for (const topic of frame.topics) {
      const waiting = document.querySelector(`[data-queue-waiting="${CSS.escape(topic.topicId)}"]`);
      if (waiting) waiting.textContent = String(topic.waiting);
      const longest = document.querySelector<HTMLElement>(
        `[data-queue-longest="${CSS.escape(topic.topicId)}"]`,
      );
      if (longest) {
        longest.dataset.since = topic.oldestQueuedAt ?? '';
        renderLongest(longest);
      }
    }
  }

  function renderLongest(el: HTMLElement): void {
    const since = el.dataset.since;
    if (!since) {
      el.textContent = t('console.queue.none_waiting');
      return;
    }
    const minutes = Math.floor((Date.now() - new Date(since).getTime()) / 60_000);
    el.textContent =
      minutes < 1 ? t('console.queue.less_than_minute') : t('console.queue.minutes', { minutes });
  }

  function updateAgent(state: Extract<Frame, { type: 'agent' }>['state']): void {
    const summary = document.querySelector('[data-agent-summary]');
    if (!summary) return;
    summary.textContent = t('console.agent.summary', {
      availability: t(`console.agent.${state.availability}`),
      active: state.activeCount,
      capacity: state.capacity,
    });
  }

  function onFrame(frame: Frame): void {
    switch (frame.type) {
      case 'agent':
        updateAgent(frame.state);
        return;
      case 'queue':
        updateQueue(frame);
        return;
      case 'chat':
        // On the page of one chat only that chat is shown.
        if (!grid && !paneOf(frame.chat.id)) return;
        showChat(frame.chat, true);
        return;
      case 'message': {
        const pane = paneOf(frame.conversationId);
        if (pane && appendMessage(pane, frame.message) && frame.message.author === 'visitor') {
          announce(
            t('console.chats.message_announcement', { name: visitorName(pane.dataset.visitorName ?? '') }),
          );
        }
        return;
      }
      case 'closed':
        closePane(frame.conversationId, frame.reason);
        return;
      case 'error':
        announce(frame.text);
        return;
      default:
        return;
    }
  }

  function connect(): void {
    setConnection(t('console.status.connecting'));
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/console/socket`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      setConnection(t('console.status.connected'));
      window.clearInterval(pingTimer);
      pingTimer = window.setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }));
      }, 20_000);
    });
    ws.addEventListener('message', (event) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(event.data)) as Frame;
      } catch {
        return; // not ours to show: the server only sends JSON
      }
      onFrame(frame);
    });
    ws.addEventListener('close', () => {
      window.clearInterval(pingTimer);
      if (socket !== ws) return;
      socket = null;
      // 1, 2, 4, 8, 16, then 30 seconds, with some jitter so consoles do not reconnect in step.
      const delay = Math.min(30, 2 ** attempt) * (0.8 + Math.random() * 0.4);
      attempt += 1;
      let left = Math.ceil(delay);
      setConnection(t('console.status.reconnecting', { seconds: left }));
      const countdown = window.setInterval(() => {
        left -= 1;
        if (left > 0) setConnection(t('console.status.reconnecting', { seconds: left }));
      }, 1000);
      window.setTimeout(() => {
        window.clearInterval(countdown);
        connect();
      }, delay * 1000);
    });
  }

  for (const pane of document.querySelectorAll<HTMLElement>('[data-chat-pane]')) {
    if (pane.closest('template')) continue;
    pane.dataset.visitorName = pane.dataset.visitor ?? '';
    enhancePane(pane);
  }
  window.setInterval(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-queue-longest]')) renderLongest(el);
  }, 30_000);
  connect();
}

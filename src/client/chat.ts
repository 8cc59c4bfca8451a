/**
 * The live part of the visitor's chat page (`ChatPage` in src/contact/visitor/visitor.views.tsx);
 * the page works without it. Over the visitor socket (`/contact/chat/socket`, protocol in
 * src/contact/chat/chat-hub.ts) it:
 * - updates the polite status region only when the status really changes (state, place, shown
 *   wait or agent: the same key the server uses, never the wording), so nothing is repeated;
 * - appends new messages to the thread (a reconnect asks only for those after the last one shown);
 * - sends messages without a reload (the form still posts when the socket is not open), keeping
 *   the draft until the server has it: a refused or lost message comes back into the box;
 * - reconnects after a lost connection with growing waits (1 s … 30 s, with jitter) and says so;
 * - shows and hides the parts marked `data-chat-when` (queued, active, over) as the state changes.
 * All its texts come from the page (`data-texts`); it has none of its own. Ctrl/⌘+Enter sends.
 */
(() => {
  interface Estimate {
    readonly kind: 'none' | 'soon' | 'range';
    readonly lowMinutes?: number;
    readonly highMinutes?: number;
  }
  interface StatusFrame {
    readonly type: 'status';
    readonly state: string;
    readonly position: number | null;
    readonly estimate: Estimate | null;
    readonly agentName: string | null;
    readonly text: string;
  }
  interface MessageFrame {
    readonly type: 'message';
    readonly message: {
      readonly id: string;
      readonly author: 'visitor' | 'agent' | 'system';
      readonly createdAt: string;
      readonly agentName: string | null;
      readonly text: string;
    };
  }
  interface ErrorFrame {
    readonly type: 'error';
    readonly code: string;
    readonly text: string;
  }
  type Frame = StatusFrame | MessageFrame | ErrorFrame;

  const root = document.querySelector<HTMLElement>('[data-chat]');
  if (!root || typeof WebSocket === 'undefined') return;
  const chatRoot: HTMLElement = root;

  let texts: Record<string, string> = {};
  try {
    texts = JSON.parse(chatRoot.dataset.texts ?? '{}') as Record<string, string>;
  } catch {
    // Without texts the script cannot speak to the visitor: leave the page as it is (it works).
    return;
  }
  const say = (key: string): string => texts[key] ?? '';

  const statusRegion = chatRoot.querySelector<HTMLElement>('[data-chat-status]');
  const threadList = chatRoot.querySelector<HTMLElement>('[data-chat-thread-list]');
  const form = chatRoot.querySelector<HTMLFormElement>('[data-chat-form]');
  const textarea = form?.querySelector<HTMLTextAreaElement>('textarea[name="body"]') ?? null;
  const connection = chatRoot.querySelector<HTMLElement>('[data-chat-connection]');
  const sendError = chatRoot.querySelector<HTMLElement>('[data-chat-send-error]');
  const locale = chatRoot.dataset.locale === 'en' ? 'en-GB' : 'nl-BE';
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  });

  let state = chatRoot.dataset.state ?? 'queued';
  let shownKey = chatRoot.dataset.statusKey ?? '';
  const shownIds = new Set<string>();
  let lastMessageId: string | undefined;
  for (const item of chatRoot.querySelectorAll<HTMLElement>('[data-message-id]')) {
    const id = item.dataset.messageId;
    if (id) {
      shownIds.add(id);
      lastMessageId = id;
    }
  }

  let socket: WebSocket | undefined;
  let attempt = 0;
  let retryTimer: number | undefined;
  let pingTimer: number | undefined;
  /** The text sent and not yet seen back from the server. */
  let pending: string | undefined;

  const isOver = () => state !== 'queued' && state !== 'active';

  function statusKeyOf(frame: StatusFrame): string {
    const e = frame.estimate;
    const wait = !e ? '-' : e.kind === 'range' ? `${e.lowMinutes}-${e.highMinutes}` : e.kind;
    return [frame.state, frame.position ?? '-', wait, frame.agentName ?? '-'].join('|');
  }

  function applyState(next: string): void {
    const panel = chatRoot.querySelector<HTMLElement>('.chat-status');
    panel?.classList.remove(`chat-status--${state}`);
    panel?.classList.add(`chat-status--${next}`);
    state = next;
    chatRoot.dataset.state = next;
    for (const element of chatRoot.querySelectorAll<HTMLElement>('[data-chat-when]')) {
      const when = element.dataset.chatWhen;
      element.hidden = when === 'over' ? !isOver() : when !== next;
    }
    if (isOver() && form) form.hidden = true;
  }

  function showConnection(kind: 'connecting' | 'open' | 'lost'): void {
    if (!connection) return;
    connection.dataset.connection = kind;
    connection.textContent = say(kind);
    if (kind === 'lost') {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'button button--link chat-status__retry';
      retry.textContent = say('retry');
      retry.addEventListener('click', () => {
        window.clearTimeout(retryTimer);
        connect();
      });
      connection.append(' ', retry);
    }
  }

  function showSendError(text: string): void {
    if (!sendError) return;
    sendError.textContent = text;
    sendError.hidden = text === '';
  }

  function restoreDraft(): void {
    if (pending !== undefined && textarea && textarea.value.trim() === '') textarea.value = pending;
    pending = undefined;
  }

  function authorOf(message: MessageFrame['message']): string {
    if (message.author === 'visitor') return say('you');
    if (message.author === 'agent') return message.agentName ?? say('agent');
    return say('system');
  }

  function appendMessage(message: MessageFrame['message']): void {
    if (shownIds.has(message.id) || !threadList) return;
    shownIds.add(message.id);
    lastMessageId = message.id;
    threadList.querySelector('[data-chat-thread-empty]')?.remove();
    const item = document.createElement('li');
    item.className = `chat-message chat-message--${message.author}`;
    item.dataset.messageId = message.id;
    const meta = document.createElement('p');
    meta.className = 'chat-message__meta';
    const author = document.createElement('span');
    author.className = 'chat-message__author';
    author.textContent = authorOf(message);
    const time = document.createElement('time');
    time.className = 'chat-message__time';
    const created = new Date(message.createdAt);
    time.dateTime = created.toISOString();
    time.textContent = timeFormat.format(created);
    meta.append(author, ' ', time);
    const body = document.createElement('p');
    body.className = 'chat-message__body';
    body.textContent = message.text;
    item.append(meta, body);
    threadList.append(item);
    if (message.author === 'visitor' && pending !== undefined && pending.trim() === message.text)
      pending = undefined;
  }

  function onFrame(frame: Frame): void {
    switch (frame.type) {
      case 'status': {
        const key = statusKeyOf(frame);
        // Only a real change is written into the live region, so only a real change is announced.
        if (key !== shownKey && statusRegion) {
          shownKey = key;
          statusRegion.textContent = frame.text;
        }
        if (frame.state !== state) applyState(frame.state);
        if (isOver()) socket?.close(1000);
        return;
      }
      case 'message':
        appendMessage(frame.message);
        return;
      case 'error':
        restoreDraft();
        showSendError(frame.text);
        return;
      default:
        return;
    }
  }

  function scheduleReconnect(): void {
    attempt += 1;
    const delay = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5)) + Math.floor(Math.random() * 500);
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(connect, delay);
  }

  function connect(): void {
    if (isOver()) return;
    window.clearTimeout(retryTimer);
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const query = lastMessageId ? `?after=${encodeURIComponent(lastMessageId)}` : '';
    if (attempt === 0) showConnection('connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${scheme}://${window.location.host}${chatRoot.dataset.socket ?? ''}${query}`);
    } catch {
      showConnection('lost');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      showConnection('open');
      window.clearInterval(pingTimer);
      pingTimer = window.setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'ping' }));
      }, 25_000);
    });
    ws.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      try {
        onFrame(JSON.parse(event.data) as Frame);
      } catch {
        // A frame this page does not understand changes nothing.
      }
    });
    ws.addEventListener('close', () => {
      window.clearInterval(pingTimer);
      if (socket !== ws) return;
      socket = undefined;
      restoreDraft();
      if (isOver()) {
        if (connection) connection.textContent = '';
        return;
      }
      showConnection('lost');
      scheduleReconnect();
    });
  }

  form?.addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter;
    // "Leave for e-mail" posts the form (with the draft) as it is.
    if (submitter?.hasAttribute('formaction')) return;
    if (!textarea || !socket || socket.readyState !== WebSocket.OPEN) return;
    const body = textarea.value;
    const trimmed = body.trim();
    event.preventDefault();
    if (trimmed === '') {
      showSendError(say('empty'));
      textarea.focus();
      return;
    }
    if (trimmed.length > 2000) {
      showSendError(say('tooLong'));
      textarea.focus();
      return;
    }
    showSendError('');
    socket.send(JSON.stringify({ type: 'message', body }));
    pending = body;
    textarea.value = '';
    textarea.focus();
  });

  textarea?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form?.requestSubmit();
    }
  });

  applyState(state);
  connect();
})();

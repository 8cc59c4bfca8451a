import type { Db, OpenDatabase } from '../platform/db/database.js';
import { notify } from '../platform/db/database.js';

/**
 * Events of the contact channel between app instances. A change is published inside the
 * transaction that makes it (PostgreSQL `NOTIFY`), so every instance — this one included — hears
 * it only once it has committed, and never if it rolled back. On PostgreSQL the notifications
 * travel over one `LISTEN` connection per process; in embedded mode PGlite delivers them in
 * process. Events carry ids only: each instance reads what it needs from the database, so a
 * notification never holds a message's text.
 */
export type ContactEvent =
  /** The queue of a topic changed: someone joined, left, was assigned or abandoned it. */
  | { readonly t: 'queue'; readonly topicId: string }
  /** A message was added to a conversation. */
  | { readonly t: 'msg'; readonly conversationId: string; readonly messageId: string }
  /** A conversation changed state or agent (assigned, transferred, ended, rated). */
  | { readonly t: 'conv'; readonly conversationId: string }
  /** An agent's availability, capacity or topics changed (assignment and estimates follow). */
  | { readonly t: 'agent'; readonly userId: string }
  /** The e-mail queue changed (a new conversation, a reply, an answer). */
  | { readonly t: 'email' };

export const CONTACT_CHANNEL = 'contact_events';

/** Publishes `event` as part of `trx`'s transaction (use the transaction, not the outer `db`). */
export async function publishContactEvent(trx: Db, event: ContactEvent): Promise<void> {
  await notify(trx, CONTACT_CHANNEL, JSON.stringify(event));
}

export type ContactEventHandler = (event: ContactEvent) => void;

/**
 * This process's subscription to the contact events, shared by everything that listens (the
 * chat hub, the consoles). `resync` handlers run when notifications may have been lost (after
 * the PostgreSQL listening connection was re-established): they should re-read their state.
 */
export class ContactEventBus {
  private readonly handlers = new Set<ContactEventHandler>();
  private readonly resyncHandlers = new Set<() => void>();
  private stop: (() => Promise<void>) | undefined;

  static async start(database: OpenDatabase): Promise<ContactEventBus> {
    const bus = new ContactEventBus();
    bus.stop = await database.listen(
      CONTACT_CHANNEL,
      (payload) => bus.dispatch(payload),
      () => {
        for (const handler of bus.resyncHandlers) handler();
      },
    );
    return bus;
  }

  /** Adds a handler; returns a function that removes it. Handlers must not throw (errors are swallowed). */
  subscribe(handler: ContactEventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onResync(handler: () => void): () => void {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.resyncHandlers.clear();
    await this.stop?.();
    this.stop = undefined;
  }

  private dispatch(payload: string): void {
    let event: ContactEvent;
    try {
      event = JSON.parse(payload) as ContactEvent;
    } catch {
      return;
    }
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch {
        // One subscriber's bug must not stop the others or the listening connection.
      }
    }
  }
}

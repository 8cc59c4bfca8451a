import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';

/** A message to send, as the domains hand it to the outbox. Plain text only. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** What the message is for (`report.activity`, `contact.copy`…): shown to admins, used in tests. */
  readonly purpose: string;
  /** Extra headers such as `In-Reply-To` and `References`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Erase address, subject and text once sent (mail to reporters: nothing of it stays). */
  readonly scrubAfterSend?: boolean;
}

/**
 * Puts a message in the durable outbox, in the caller's transaction: the message exists exactly
 * when the change that caused it commits. The job runner sends it (src/platform/mail/). Its
 * Message-ID is fixed here, so a send retried after a crash is the same message to the receiver.
 * Returns the Message-ID (`<uuid@host>`).
 */
export async function enqueueMail(
  trx: Db,
  mail: OutgoingMail,
  context: { readonly now: Date; readonly publicUrl: string },
): Promise<string> {
  const host = new URL(context.publicUrl).hostname || 'localhost';
  const messageId = `<${randomUUID()}@${host}>`;
  await trx
    .insertInto('outbox')
    .values({
      message_id: messageId,
      purpose: mail.purpose,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      state: 'pending',
      next_attempt_at: context.now,
      scrub_after_send: mail.scrubAfterSend ?? false,
      created_at: context.now,
    })
    .execute();
  announceMailDue();
  return messageId;
}

let dueHook: (() => void) | undefined;

/**
 * Lets the process that runs the outbox worker hear of mail that is due (new, or retried by an
 * admin), to send it soon rather than at the next interval: main.ts wakes the job runner with
 * it. Only one hook at a time. Returns a function that removes it.
 */
export function onMailDue(hook: () => void): () => void {
  dueHook = hook;
  return () => {
    if (dueHook === hook) dueHook = undefined;
  };
}

/**
 * Calls the hook of {@link onMailDue}, if any. It may run before the caller's transaction
 * commits, so the hook must only schedule work, never do it; a message a wake misses is sent at
 * the worker's next interval anyway.
 */
export function announceMailDue(): void {
  dueHook?.();
}

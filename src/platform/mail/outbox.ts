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
  return messageId;
}

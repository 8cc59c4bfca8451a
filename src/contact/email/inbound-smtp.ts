import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream } from 'smtp-server';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { anonymousClientKey, RateLimiter } from '../../platform/http/rate-limit.js';
import { isKnownReplyToken, receiveEmailReply, replyTokenOf } from './email.service.js';
import { CONTROL } from './email-form.js';
import { htmlToPlainText } from './html-text.js';
import { stripQuotedReply } from './quote-strip.js';

/**
 * The inbound path of e-mail to 1700: a small SMTP receiver (`smtp-server`) that takes citizens'
 * replies and appends them to their conversation. Off by default; on when
 * `CONTACT_INBOUND_SMTP_PORT` is set. It is meant to sit behind the organisation's mail server,
 * which routes `<local>+*@<domain>` of `CONTACT_REPLY_ADDRESS` to it (plain SMTP, no TLS, no
 * authentication: keep it on a private interface, the default host is 127.0.0.1).
 *
 * - **Recipients.** Only `<local>+<token>@<domain>` of the reply address with a token of an
 *   existing e-mail conversation is accepted; anything else gets `550 5.1.1` at RCPT TO. The
 *   token is the only key: `In-Reply-To`/`References` are not used to find a conversation,
 *   because Message-IDs are not secret (they travel in every copy) and would let anyone who saw
 *   one write into someone else's conversation.
 * - **Limits.** Messages over {@link INBOUND_LIMITS.maxBytes} are refused (`552`); connections
 *   per client and messages per minute overall are throttled (`421`/`451`, the sender retries);
 *   at most a few recipients per message and {@link INBOUND_LIMITS.maxClients} connections.
 * - **Content.** Parsed with `mailparser`: the text part, or the HTML part converted to text;
 *   attachments are dropped (a system note in the thread says so); the quoted previous message
 *   is stripped where reliable (quote-strip.ts); long text is cut at
 *   {@link INBOUND_LIMITS.maxTextChars} (noted too). A mail that cannot be parsed is refused with
 *   `554`; nothing a sender does can crash the process.
 */

/** Limits of the receiver. Changing these changes no stored data. */
export const INBOUND_LIMITS = Object.freeze({
  /** Largest message accepted, in bytes (256 KiB: text replies, not attachments). */
  maxBytes: 256 * 1024,
  /** Longest text kept from one reply, in characters. */
  maxTextChars: 10_000,
  /** Recipients per message. */
  maxRecipients: 5,
  /** Refused recipients per connection before every further one is refused unchecked (guessing tokens). */
  maxRefusedRecipients: 10,
  /** Connections at once. */
  maxClients: 20,
  /** Connections one client may open per minute. */
  connectionsPerClientPerMinute: 60,
  /** Messages accepted per minute from everyone together. */
  messagesPerMinute: 120,
});

export interface InboundSmtpLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface InboundSmtp {
  /** The port it listens on (useful with port 0 in tests). */
  readonly port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Reads the DATA stream up to the size limit; resolves null when the message was too large. */
function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading to the end (the protocol needs it) but stop keeping what is over the limit.
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)));
  });
}

/** The text of a parsed reply, the quoted previous message stripped and cut to the limit. */
export function replyText(parsed: { text?: string | undefined; html?: string | false | undefined }): {
  body: string;
  truncated: boolean;
} {
  const text = parsed.text?.trim()
    ? parsed.text
    : typeof parsed.html === 'string'
      ? htmlToPlainText(parsed.html)
      : '';
  const stripped = stripQuotedReply(text);
  // Control characters other than tab and line breaks do not belong in a thread (NUL cannot be stored).
  const clean = stripped.replace(new RegExp(CONTROL.source, 'g'), '');
  const truncated = clean.length > INBOUND_LIMITS.maxTextChars;
  return { body: truncated ? clean.slice(0, INBOUND_LIMITS.maxTextChars) : clean, truncated };
}

/**
 * Starts the receiver on `listen` (default: `config.contact.inboundSmtp`). Resolves once it
 * listens. Errors of single connections are logged (without addresses) and never stop it.
 * @throws Error when neither `listen` nor `config.contact.inboundSmtp` is given, or listening fails.
 */
export async function startInboundSmtp(deps: {
  readonly db: Db;
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: InboundSmtpLogger;
  readonly listen?: { readonly host: string; readonly port: number };
}): Promise<InboundSmtp> {
  const { db, config, clock, logger } = deps;
  const listen = deps.listen ?? config.contact.inboundSmtp;
  if (!listen) throw new Error('The inbound SMTP receiver has no host and port');
  const connections = new RateLimiter({
    limit: INBOUND_LIMITS.connectionsPerClientPerMinute,
    windowMs: 60_000,
  });
  const messages = new RateLimiter({ limit: INBOUND_LIMITS.messagesPerMinute, windowMs: 60_000 });
  const replyAddress = config.contact.replyAddress;
  /** Refused recipients per open connection (session id → count). */
  const refused = new Map<string, number>();

  const server = new SMTPServer({
    name: new URL(config.publicUrl).hostname || 'localhost',
    banner: 'Integrity Desk 1700 replies',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_LIMITS.maxBytes,
    maxClients: INBOUND_LIMITS.maxClients,
    socketTimeout: 60_000,
    closeTimeout: 1_000,
    logger: false,
    onConnect(session, callback) {
      const verdict = connections.hit(anonymousClientKey(session.remoteAddress), clock.now().getTime());
      if (!verdict.allowed) return callback(smtpError(421, 'Too many connections, try again later'));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session, callback) {
      if (session.envelope.rcptTo.length >= INBOUND_LIMITS.maxRecipients) {
        return callback(smtpError(452, 'Too many recipients'));
      }
      const refusals = refused.get(session.id) ?? 0;
      if (refusals >= INBOUND_LIMITS.maxRefusedRecipients) {
        return callback(smtpError(421, '4.7.0 Too many unknown recipients, closing'));
      }
      const refuse = () => {
        refused.set(session.id, refusals + 1);
        callback(smtpError(550, '5.1.1 No such conversation'));
      };
      const token = replyTokenOf(replyAddress, address.address);
      if (!token) return refuse();
      isKnownReplyToken(db, token).then(
        (known) => (known ? callback() : refuse()),
        (error: unknown) => {
          logger.error({ err: error }, 'inbound mail: could not check a reply token');
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onClose(session) {
      refused.delete(session.id);
    },
    onData(stream, session, callback) {
      const tokens = session.envelope.rcptTo
        .map((rcpt) => replyTokenOf(replyAddress, rcpt.address))
        .filter((token): token is string => token !== undefined);
      handleData(stream, tokens).then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : smtpError(451, 'Temporary failure')),
      );
    },
  });

  async function handleData(stream: SMTPServerDataStream, tokens: readonly string[]): Promise<void> {
    const raw = await readMessage(stream, INBOUND_LIMITS.maxBytes);
    if (!raw) throw smtpError(552, '5.3.4 Message too big');
    if (!messages.hit('all', clock.now().getTime()).allowed) {
      throw smtpError(451, '4.7.1 Too many messages, try again later');
    }
    let parsed: Awaited<ReturnType<typeof simpleParser>>;
    try {
      parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
    } catch {
      throw smtpError(554, '5.6.0 Message could not be read');
    }
    const { body, truncated } = replyText(parsed);
    const hadAttachments = parsed.attachments.length > 0;
    const messageId =
      typeof parsed.messageId === 'string' && parsed.messageId.length <= 998 ? parsed.messageId : undefined;
    for (const token of new Set(tokens)) {
      try {
        const conversationId = await receiveEmailReply(
          { db, now: clock.now(), config },
          { token, messageId, body, hadAttachments, truncated },
        );
        logger.info({ conversationId, hadAttachments, truncated }, 'inbound mail: reply received');
      } catch (error) {
        logger.error({ err: error }, 'inbound mail: could not store a reply');
        throw smtpError(451, '4.3.0 Temporary failure, try again later');
      }
    }
  }

  // Errors of single connections (a client resetting, a malformed command) must not stop the server.
  server.on('error', (error: Error) =>
    logger.warn({ err: { message: error.message } }, 'inbound mail: connection error'),
  );

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(listen.port, listen.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = address && typeof address !== 'string' ? address.port : listen.port;
  logger.info({ host: listen.host, port }, 'inbound SMTP receiver listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

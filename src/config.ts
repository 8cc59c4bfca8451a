import path from 'node:path';
import { z } from 'zod';

/**
 * The application's configuration: the only place that reads `process.env`.
 *
 * Every variable is documented here and in the README. `loadConfig` parses them all at once and
 * throws a {@link ConfigError} that lists every problem, so a bad start names everything to fix.
 */

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlString = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );

const EnvSchema = z.object({
  /** TCP port to listen on. Default 3000. */
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(0)
    .max(65535)
    .default(3000),
  /** Interface to listen on. Default 127.0.0.1 (loopback only); use 0.0.0.0 behind a proxy. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Folder of the embedded database and uploads. Default ./data. */
  DATA_DIR: z.string().trim().min(1).optional(),
  /** PostgreSQL connection string; when set, the embedded database is not used. */
  DATABASE_URL: urlString(['postgres:', 'postgresql:']).optional(),
  /** SMTP server for outgoing mail (smtp:// or smtps://); without it mail stays in the outbox. */
  SMTP_URL: urlString(['smtp:', 'smtps:']).optional(),
  /** Sender of outgoing mail, `Name <address>` or an address. Default `Integriteitsloket <noreply@<host of PUBLIC_URL>>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .regex(/^(?:[^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      message: 'must be an e-mail address, optionally as Name <address>',
    })
    .optional(),
  /** The address people use to reach the application; used in links and for OIDC redirects. */
  PUBLIC_URL: urlString(['http:', 'https:']).optional(),
  /** OpenID Connect issuer URL; with client id and secret it turns on single sign-on. */
  OIDC_ISSUER: urlString(['http:', 'https:']).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().trim().min(1).optional(),
  /**
   * Which proxies to believe about the client address (for throttling and the staff audit log):
   * unset or false = none (connect directly); a number = that many proxy hops; otherwise a
   * comma-separated list of proxy addresses or CIDR ranges.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => v === 'false' || /^\d{1,2}$/.test(v) || /^[0-9a-fA-F.:/,\s]+$/.test(v), {
      message: 'must be false, a number of hops, or a list of proxy addresses',
    })
    .optional(),
  /** Whether cookies carry `Secure`. Default true (browsers accept it on localhost); false for plain http elsewhere. */
  COOKIE_SECURE: booleanString.optional(),
  /** Minutes of inactivity after which a session ends. Default 30. */
  SESSION_IDLE_MINUTES: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1440).default(30),
  /** Hours after which a session ends whatever happens. Default 12. */
  SESSION_MAX_HOURS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(168).default(12),
  /** Log level: fatal, error, warn, info, debug, trace or silent. Default info. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the encrypted report files. Default <DATA_DIR>/uploads. */
  UPLOAD_DIR: z.string().trim().min(1).optional(),
  /** Most files a reporter may attach to one report or message. Default 10. */
  REPORT_MAX_FILES: z.coerce.number({ message: 'must be a number' }).int().min(0).max(50).default(10),
  /** Largest file a reporter may attach, in MB. Default 20. */
  REPORT_MAX_FILE_MB: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(20),
  /** Report submissions accepted per minute from everyone together (a flood ceiling). Default 30. */
  REPORT_SUBMISSIONS_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(10000)
    .default(30),
  /** Reports one client (an IPv4 address or IPv6 /64) may send per hour. Default 5. */
  REPORT_SUBMISSIONS_PER_CLIENT_PER_HOUR: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(100000)
    .default(5),
  /** Days after which chats and e-mail conversations of the contact channel are deleted. Default 90. */
  CONTACT_RETENTION_DAYS: z.coerce.number({ message: 'must be a number' }).int().min(1).max(3650).default(90),
  /** A chat whose predicted wait is longer than this many minutes is offered e-mail first. Default 15. */
  CHAT_ADMISSION_MAX_WAIT_MINUTES: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(240)
    .default(15),
  /** Seconds a waiting visitor may be gone (no connection, no refresh) before leaving the queue. Default 120. */
  CHAT_GRACE_SECONDS: z.coerce.number({ message: 'must be a number' }).int().min(10).max(3600).default(120),
  /**
   * Address of the 1700 mailbox replies go to, e.g. `1700@example.org`; each conversation's
   * replies are addressed to `1700+<token>@example.org`. Default `1700@<host of PUBLIC_URL>`.
   */
  CONTACT_REPLY_ADDRESS: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s<>@+]+@[^\s<>@]+$/, { message: 'must be an e-mail address without +' })
    .optional(),
  /** Port of the inbound SMTP receiver for citizens' replies; unset = off (default). */
  CONTACT_INBOUND_SMTP_PORT: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(1)
    .max(65535)
    .optional(),
  /** Address the inbound SMTP receiver listens on. Default 127.0.0.1. */
  CONTACT_INBOUND_SMTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Demo mode (set by `npm run demo`): banner, demo accounts on the login page, no second factor. */
  DEMO: booleanString.optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  /** The From of outgoing mail. */
  mailFrom: string;
  publicUrl: string;
  oidc: Readonly<{ issuer: string; clientId: string; clientSecret: string }> | undefined;
  cookieSecure: boolean;
  /** Fastify's `trustProxy`: false, a hop count, or proxy addresses. */
  trustProxy: boolean | number | string;
  session: Readonly<{ idleMinutes: number; maxHours: number }>;
  logLevel: string;
  demo: boolean;
  reporting: Readonly<{
    uploadDir: string;
    maxFiles: number;
    maxFileBytes: number;
    submissionsPerMinute: number;
    submissionsPerClientPerHour: number;
  }>;
  contact: Readonly<{
    retentionDays: number;
    admissionMaxWaitMinutes: number;
    graceSeconds: number;
    /** The 1700 mailbox; replies go to its local part + `+<token>`. */
    replyAddress: string;
    /** The inbound SMTP receiver, when turned on. */
    inboundSmtp: Readonly<{ host: string; port: number }> | undefined;
  }>;
}>;

/** Thrown by {@link loadConfig}; `problems` holds one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a frozen, nested configuration.
 * @throws ConfigError listing every invalid variable at once.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= npm start`.
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const problems: string[] = [];
  const oidcCount = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter(
    (k) => cleaned[k] !== undefined,
  ).length;
  if (oidcCount > 0 && oidcCount < 3) {
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  }
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    problems.unshift(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const dataDir = path.resolve(e.DATA_DIR ?? (e.DEMO ? './data-demo' : './data'));
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Integriteitsloket <noreply@${new URL(publicUrl).hostname}>`,
    publicUrl,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? Object.freeze({
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
          })
        : undefined,
    // Browsers accept Secure cookies on http://localhost, so the safe default works out of the box.
    cookieSecure: e.COOKIE_SECURE ?? true,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    session: Object.freeze({ idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS }),
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO ?? false,
    reporting: Object.freeze({
      uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
      maxFiles: e.REPORT_MAX_FILES,
      maxFileBytes: e.REPORT_MAX_FILE_MB * 1024 * 1024,
      submissionsPerMinute: e.REPORT_SUBMISSIONS_PER_MINUTE,
      submissionsPerClientPerHour: e.REPORT_SUBMISSIONS_PER_CLIENT_PER_HOUR,
    }),
    contact: Object.freeze({
      retentionDays: e.CONTACT_RETENTION_DAYS,
      admissionMaxWaitMinutes: e.CHAT_ADMISSION_MAX_WAIT_MINUTES,
      graceSeconds: e.CHAT_GRACE_SECONDS,
      replyAddress: e.CONTACT_REPLY_ADDRESS ?? `1700@${new URL(publicUrl).hostname}`,
      inboundSmtp:
        e.CONTACT_INBOUND_SMTP_PORT === undefined
          ? undefined
          : Object.freeze({ host: e.CONTACT_INBOUND_SMTP_HOST, port: e.CONTACT_INBOUND_SMTP_PORT }),
    }),
  };
  return Object.freeze(config);
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}

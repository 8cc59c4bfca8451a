import type { Config } from '../../config.js';
import type { ContactEventBus } from '../../contact/contact-events.js';
import type { Keyring } from '../../reporting/keys/keyring.js';
import type { AuditOrigin } from '../audit/audit-events.js';
import type { Clock } from '../clock.js';
import type { Db, OpenDatabase } from '../db/database.js';
import type { Translate } from '../ui/i18n/catalogue.js';
import type { Locale } from '../ui/i18n/define.js';

/**
 * Who is signed in on this request, as the identity domain established it.
 * `stage` is `active` once every required factor is done; routes other than the login steps
 * see only active sessions.
 */
export interface Auth {
  readonly userId: string;
  readonly name: string;
  readonly username: string;
  readonly roles: readonly string[];
  readonly stage: 'second_factor' | 'enrol' | 'active';
  readonly sessionIdHash: string;
  readonly method: 'password' | 'oidc';
}

/**
 * Who may reach a route; every route declares one in `config.access` (routes without one are
 * refused: default deny).
 * - `public`: anyone; `pending`: a session that still owes a login step (second factor, enrolment);
 * - `authenticated`: any active session; an array of roles: an active session with one of them.
 */
export type Access = 'public' | 'pending' | 'authenticated' | readonly string[];

/** What a request carries through the app besides Fastify's own. */
export interface AppDeps {
  readonly config: Config;
  readonly database: OpenDatabase;
  readonly clock: Clock;
}

/** The context a service function receives: the database, the clock, config and who acts. */
export interface ServiceContext {
  readonly db: Db;
  readonly now: Date;
  readonly config: Config;
  readonly auth: Auth | null;
  readonly origin: AuditOrigin;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly deps: AppDeps;
    /** The key of the CSRF tokens' HMAC (see csrf.ts). */
    readonly csrfSecret: string;
    /** Unlocked recipient keys per staff session, in memory only (src/reporting/keys/keyring.ts). */
    readonly keyring: Keyring;
    /** Contact-channel events of this process (src/contact/contact-events.ts). */
    readonly contactBus: ContactEventBus;
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    auth: Auth | null;
    /** The token forms must echo in `_csrf` (see csrf.ts). */
    csrfToken: string;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Set on reporter and visitor routes: nothing about the client may be logged or stored. */
    anonymous?: boolean;
    /** The route reads a multipart body with readMultipartForm (which checks the CSRF token). */
    multipart?: boolean;
    /**
     * `origin`: only the same-origin rule guards this POST, no token (see csrf.ts). Only for an
     * anonymous, session-less route whose form sits on a page cached for every visitor.
     */
    csrf?: 'origin';
  }
}

import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Config } from '../config.js';
import { appendAuditEvent, recordAuditEvent } from '../platform/audit/audit.js';
import type { AuditOrigin } from '../platform/audit/audit-events.js';
import { safeEqual } from '../platform/crypto/tokens.js';
import type { Db } from '../platform/db/database.js';
import type { UserRow } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { stageAfterFirstFactor } from './login-stage.js';
import {
  allowsInsecureIssuer,
  identityFromClaims,
  providerDidMfa,
  usernameBase,
  usernameCandidates,
} from './oidc.js';
import {
  findTakenUsernames,
  findUserByEmail,
  findUserByOidcSubject,
  linkOidcSubject,
  recordLastLogin,
} from './oidc.repository.js';
import { OIDC_FLOW_TTL_MS, type OidcFlow } from './oidc-flow.js';
import { findRolesOfUser, insertUser } from './user.repository.js';

/** The scopes asked of the identity provider: the subject, the e-mail address and the name. */
const SCOPES = 'openid email profile';
/** Seconds before a request to the identity provider is given up (discovery, token, userinfo). */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** Role of an account created at its first OIDC login; an admin grants more. */
const PROVISIONED_ROLE = 'staff';
/** Origin of the changes the OIDC login makes on its own (creating and linking accounts). */
const OIDC_SYSTEM_ORIGIN: AuditOrigin = { kind: 'system', label: 'oidc' };

/**
 * Why an OIDC login did not succeed; each has its page (oidc.views.tsx):
 * - `flow_invalid`: no, an expired or a forged login state (cookie or `state` parameter);
 * - `provider_refused`: the provider answered with `?error=…` (the person cancelled, no access);
 * - `provider_unreachable`: discovery or the token request failed on the network;
 * - `response_invalid`: the code exchange or the ID token did not verify (nonce, signature, issuer…);
 * - `email_missing`: no verified e-mail address to match or create an account with;
 * - `account_refused`: the account is inactive, already linked to another subject, or the
 *   provider did not state that the e-mail address matching it is verified.
 */
export type OidcProblem =
  | 'flow_invalid'
  | 'provider_refused'
  | 'provider_unreachable'
  | 'response_invalid'
  | 'email_missing'
  | 'account_refused';

export type OidcLoginOutcome =
  | {
      readonly ok: true;
      readonly userId: string;
      readonly stage: 'active' | 'second_factor' | 'enrol';
      /** Whether the account was created by this login. */
      readonly created: boolean;
    }
  | {
      readonly ok: false;
      readonly problem: OidcProblem;
      /** The provider's `error` code, when it sent a well-formed one. */
      readonly providerError?: string | undefined;
      /** What went wrong underneath, for the log; never shown. */
      readonly cause?: unknown;
    };

/** The identity the provider vouched for, as the login uses it. */
export interface OidcIdentity {
  readonly subject: string;
  readonly email: string | undefined;
  /** The provider stated outright (`email_verified: true`) that the address is verified. */
  readonly emailVerified: boolean;
  readonly name: string | undefined;
  /** The provider reports a multi-factor login (`amr`): our own second factor is not asked. */
  readonly mfa: boolean;
}

/** This application as a client of the organisation's identity provider. */
export interface OidcRelyingParty {
  /** `${PUBLIC_URL}/auth/oidc/callback`: where the provider sends the person back. */
  readonly redirectUri: string;
  /**
   * The provider's configuration, discovered on first use and then cached. A failed discovery is
   * not cached: the next login tries again.
   */
  configuration(): Promise<client.Configuration>;
}

/**
 * Creates the relying party for the configured provider. Discovery happens lazily, so the
 * application starts even when the provider is down. Plain http is allowed only for an issuer on
 * the loopback interface (tests, local development).
 */
export function createOidcRelyingParty(
  settings: NonNullable<Config['oidc']>,
  publicUrl: string,
  options: { readonly timeoutSeconds?: number } = {},
): OidcRelyingParty {
  const timeout = options.timeoutSeconds ?? PROVIDER_TIMEOUT_SECONDS;
  const insecure = allowsInsecureIssuer(settings.issuer);
  let pending: Promise<client.Configuration> | undefined;

  const discover = async (): Promise<client.Configuration> => {
    const discovered = await client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      { timeout, execute: insecure ? [client.allowInsecureRequests] : [] },
    );
    const server = discovered.serverMetadata();
    // client_secret_basic is the default of the standard; use post only for a provider without it.
    const methods = server.token_endpoint_auth_methods_supported;
    const auth =
      !methods || methods.includes('client_secret_basic')
        ? client.ClientSecretBasic(settings.clientSecret)
        : client.ClientSecretPost(settings.clientSecret);
    const configuration = new client.Configuration(
      { ...server },
      settings.clientId,
      settings.clientSecret,
      auth,
    );
    configuration.timeout = timeout;
    if (insecure) client.allowInsecureRequests(configuration);
    return configuration;
  };

  return {
    redirectUri: `${publicUrl}/auth/oidc/callback`,
    configuration() {
      pending ??= discover().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}

/**
 * Starts a login: the authorization code flow with PKCE (S256), a fresh state and nonce.
 * Returns the provider's authorization URL and the flow to keep (sealed) in the browser.
 * @throws whatever discovery throws when the provider cannot be reached.
 */
export async function beginOidcLogin(
  rp: OidcRelyingParty,
  input: { readonly next: string | undefined; readonly locale: string; readonly now: Date },
): Promise<{ readonly authorizationUrl: URL; readonly flow: OidcFlow }> {
  const configuration = await rp.configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  const flow: OidcFlow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    next: input.next,
    expiresAt: input.now.getTime() + OIDC_FLOW_TTL_MS,
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: rp.redirectUri,
    scope: SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
    ui_locales: input.locale,
  });
  return { authorizationUrl, flow };
}

/**
 * Finishes a login at the callback: checks the state against the flow, exchanges the code with
 * the PKCE verifier, verifies the ID token (signature, issuer, audience, nonce), then matches or
 * creates the account ({@link signInWithOidcIdentity}). Every failure is audited as
 * `auth.login_failed` and returned as an {@link OidcProblem}, never thrown.
 * @throws AppError('not_found') when OIDC is not configured.
 */
export async function completeOidcLogin(
  ctx: ServiceContext,
  rp: OidcRelyingParty,
  input: {
    /** The flow from the browser's cookie, or undefined when it is missing, forged or expired. */
    readonly flow: OidcFlow | undefined;
    /** The callback's query parameters, as the provider sent them. */
    readonly params: URLSearchParams;
    readonly client: { readonly ip: string; readonly userAgent: string | undefined };
  },
): Promise<OidcLoginOutcome> {
  if (!ctx.config.oidc) throw new AppError('not_found');
  const exchanged = await exchangeCode(rp, input.flow, input.params);
  if (!exchanged.ok) {
    await recordAuditEvent(
      ctx.db,
      { type: 'auth.login_failed', data: { login: 'oidc', reason: 'oidc_error' } },
      ctx.origin,
      ctx.now,
    );
    return exchanged;
  }
  return signInWithOidcIdentity(ctx, exchanged.identity, input.client);
}

async function exchangeCode(
  rp: OidcRelyingParty,
  flow: OidcFlow | undefined,
  params: URLSearchParams,
): Promise<{ ok: true; identity: OidcIdentity } | (OidcLoginOutcome & { ok: false })> {
  const states = params.getAll('state');
  if (!flow || states.length !== 1 || !safeEqual(states[0] ?? '', flow.state)) {
    return { ok: false, problem: 'flow_invalid' };
  }
  const error = params.get('error');
  if (error !== null) {
    const providerError = /^[A-Za-z0-9_.-]{1,64}$/.test(error) ? error : undefined;
    return { ok: false, problem: 'provider_refused', providerError };
  }
  let configuration: client.Configuration;
  try {
    configuration = await rp.configuration();
  } catch (cause) {
    return { ok: false, problem: 'provider_unreachable', cause };
  }
  const currentUrl = new URL(rp.redirectUri);
  for (const [key, value] of params) currentUrl.searchParams.append(key, value);
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    const claims = tokens.claims();
    if (!claims) return { ok: false, problem: 'response_invalid' };
    let identity = identityFromClaims(claims);
    if (!identity.email || !identity.name) {
      // Many providers put e-mail and name only in the userinfo response, not in the ID token.
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      identity = identityFromClaims(claims, userinfo);
    }
    return { ok: true, identity: { ...identity, mfa: providerDidMfa(claims.amr) } };
  } catch (cause) {
    return { ok: false, problem: isUnreachable(cause) ? 'provider_unreachable' : 'response_invalid', cause };
  }
}

/**
 * Signs in the person the provider vouched for:
 * 1. the active user whose `oidc_subject` is this subject;
 * 2. else the user with this e-mail address (case-insensitive), whose subject is then stored —
 *    once: a user already linked to another subject is refused;
 * 3. else a new user with the role `staff` and a username made from the e-mail's local part.
 * An inactive user is refused like a failed login. Success is audited as `auth.login_succeeded`
 * (and `user.created` / `user.updated` by the system origin `oidc`), refusals as
 * `auth.login_failed`, each in the transaction of the change it records.
 * @throws AppError('not_found') when OIDC is not configured.
 */
export async function signInWithOidcIdentity(
  ctx: ServiceContext,
  identity: OidcIdentity,
  clientInfo: { readonly ip: string; readonly userAgent: string | undefined },
): Promise<OidcLoginOutcome> {
  if (!ctx.config.oidc) throw new AppError('not_found');
  try {
    return await matchOrProvision(ctx, identity, clientInfo);
  } catch (error) {
    // Two first logins of the same new person at once: the loser sees the winner's account.
    if (!isUniqueViolation(error)) throw error;
    return matchOrProvision(ctx, identity, clientInfo);
  }
}

function matchOrProvision(
  ctx: ServiceContext,
  identity: OidcIdentity,
  clientInfo: { readonly ip: string; readonly userAgent: string | undefined },
): Promise<OidcLoginOutcome> {
  const login = (identity.email ?? identity.subject).slice(0, 254);
  return ctx.db.transaction().execute(async (trx): Promise<OidcLoginOutcome> => {
    const refuse = async (
      problem: OidcProblem,
      reason: 'oidc_error' | 'inactive' = 'oidc_error',
    ): Promise<OidcLoginOutcome> => {
      await appendAuditEvent(
        trx,
        { type: 'auth.login_failed', data: { login, reason } },
        ctx.origin,
        ctx.now,
      );
      return { ok: false, problem };
    };
    const finish = async (user: UserRow, created: boolean): Promise<OidcLoginOutcome> => {
      if (!user.active) return refuse('account_refused', 'inactive');
      const roles = await findRolesOfUser(trx, user.id);
      await recordLastLogin(trx, user.id, ctx.now);
      const origin: AuditOrigin = {
        kind: 'user',
        userId: user.id,
        label: user.username,
        ip: clientInfo.ip,
        userAgent: clientInfo.userAgent,
      };
      await appendAuditEvent(
        trx,
        { type: 'auth.login_succeeded', data: { userId: user.id, method: 'oidc' } },
        origin,
        ctx.now,
      );
      const stage = stageAfterFirstFactor({
        roles,
        totpEnabled: user.totp_enabled_at !== null,
        demo: ctx.config.demo,
        providerDidMfa: identity.mfa,
      });
      return { ok: true, userId: user.id, stage, created };
    };

    const bySubject = await findUserByOidcSubject(trx, identity.subject);
    if (bySubject) return finish(bySubject, false);
    if (!identity.email) return refuse('email_missing');

    const byEmail = await findUserByEmail(trx, identity.email);
    if (byEmail) {
      if (!byEmail.active) return refuse('account_refused', 'inactive');
      // An address the provider has not verified could be anyone's (users can set their own e-mail
      // claim at some providers): it never takes over an existing account.
      if (!identity.emailVerified) return refuse('account_refused');
      // Linked to another subject: the same e-mail at the provider is not the same person here.
      if (!(await linkOidcSubject(trx, byEmail.id, identity.subject, ctx.now))) {
        return refuse('account_refused');
      }
      await appendAuditEvent(
        trx,
        { type: 'user.updated', data: { userId: byEmail.id, fields: ['oidc_subject'] } },
        OIDC_SYSTEM_ORIGIN,
        ctx.now,
      );
      return finish(byEmail, false);
    }

    const user = await provisionUser(trx, identity.email, identity, ctx.now);
    await appendAuditEvent(
      trx,
      { type: 'user.created', data: { userId: user.id, username: user.username, roles: [PROVISIONED_ROLE] } },
      OIDC_SYSTEM_ORIGIN,
      ctx.now,
    );
    return finish(user, true);
  });
}

async function provisionUser(db: Db, email: string, identity: OidcIdentity, now: Date): Promise<UserRow> {
  const base = usernameBase(email);
  const candidates = usernameCandidates(base);
  const taken = await findTakenUsernames(db, candidates);
  const username = candidates.find((c) => !taken.has(c)) ?? `${base}-${randomBytes(3).toString('hex')}`;
  const userId = await insertUser(
    db,
    {
      username,
      email,
      name: identity.name ?? username,
      entityId: null,
      managerId: null,
      passwordHash: null,
      roles: [PROVISIONED_ROLE],
    },
    now,
  );
  await linkOidcSubject(db, userId, identity.subject, now);
  const user = await findUserByOidcSubject(db, identity.subject);
  if (!user) throw new Error('provisioned user not found');
  return user;
}

/** Whether an error comes from the network (refused, reset, unknown host, timeout), at any depth. */
function isUnreachable(error: unknown): boolean {
  const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN']);
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const e = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e.message === 'fetch failed') return true;
    if (typeof e.code === 'string' && (networkCodes.has(e.code) || e.code.startsWith('UND_ERR_')))
      return true;
    current = e.cause;
  }
  return false;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

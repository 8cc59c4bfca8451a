import { appendAuditEvent, recordAuditEvent } from '../platform/audit/audit.js';
import type { AuditOrigin } from '../platform/audit/audit-events.js';
import { verifyAgainstDummy, verifySecret } from '../platform/crypto/password-hash.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { recordLogin } from './account.repository.js';
import { type FormRefusal, loginForAudit } from './login.js';
import { stageAfterFirstFactor } from './login-stage.js';
import { accountKey, type IdentityThrottle } from './throttle.js';
import { findRolesOfUser, findUserByLogin } from './user.repository.js';

/** The one answer to every failed password login, whatever the reason. */
export const LOGIN_FAILED_MESSAGE = 'login.error_invalid';
/** The answer once an account or a client address has failed too often. */
export const LOGIN_THROTTLED_MESSAGE = 'login.error_throttled';

export interface PasswordLogin {
  /** User name or e-mail address, as typed. */
  readonly login: string;
  readonly password: string;
  /** Where the attempt comes from: the address for throttling; both for the success event. */
  readonly client: { readonly ip: string; readonly userAgent?: string | undefined };
}

export type PasswordLoginOutcome =
  | {
      readonly ok: true;
      readonly userId: string;
      readonly stage: 'active' | 'second_factor' | 'enrol';
    }
  | FormRefusal<typeof LOGIN_FAILED_MESSAGE | typeof LOGIN_THROTTLED_MESSAGE>;

/**
 * Checks a user name (or e-mail address) and password.
 *
 * An unknown user, a wrong password, a deactivated account and an account without a password all
 * get the same answer after the same work (one Argon2id verification), so neither the message nor
 * the time tells which it was; the audit event records the reason for reviewers. Failures count
 * per account and per client address; over either limit the attempt is refused before any
 * password is checked, even a right one. An attempt on a locked account counts as a failure of
 * the client, so the audit events of refused attempts stay bounded per client. On success the
 * account's failures are forgotten and the stage the new session starts in is returned (the
 * caller starts the session).
 */
export async function loginWithPassword(
  ctx: ServiceContext,
  throttle: IdentityThrottle,
  attempt: PasswordLogin,
): Promise<PasswordLoginOutcome> {
  // Access: anyone may try to log in; the throttles below are the guard.
  const nowMs = ctx.now.getTime();

  const login = attempt.login.trim();
  const user = await findUserByLogin(ctx.db, login);
  const key = accountKey(user, login);
  // Both limits are checked and the attempt counted with no await in between (see below).
  const clientWait = throttle.clientBlocked(attempt.client.ip, nowMs);
  if (clientWait !== null) return throttled(clientWait);
  const accountWait = throttle.accountBlocked(key, nowMs);
  if (accountWait !== null) {
    // Counted against the client too: otherwise one client could hammer a locked account for
    // ever, each attempt a row in the audit log.
    throttle.loginFailed(key, attempt.client.ip, nowMs);
    await recordAuditEvent(
      ctx.db,
      { type: 'auth.login_failed', data: { login: loginForAudit(login), reason: 'throttled' } },
      ctx.origin,
      ctx.now,
    );
    return throttled(accountWait);
  }

  // Counted before the slow check, taken back on success: concurrent guesses cannot all get in.
  throttle.loginFailed(key, attempt.client.ip, nowMs);
  const passwordMatches =
    user?.password_hash != null
      ? await verifySecret(user.password_hash, attempt.password)
      : await verifyAgainstDummy(attempt.password);
  const reason = !user
    ? 'unknown_user'
    : !passwordMatches
      ? 'wrong_password'
      : !user.active
        ? 'inactive'
        : null;
  if (!user || reason !== null) {
    await recordAuditEvent(
      ctx.db,
      { type: 'auth.login_failed', data: { login: loginForAudit(login), reason: reason ?? 'unknown_user' } },
      ctx.origin,
      ctx.now,
    );
    return { ok: false, status: 401, field: 'login', message: LOGIN_FAILED_MESSAGE };
  }

  throttle.loginSucceeded(key, attempt.client.ip, nowMs);
  const roles = await findRolesOfUser(ctx.db, user.id);
  const stage = stageAfterFirstFactor({
    roles,
    totpEnabled: user.totp_enabled_at !== null,
    demo: ctx.config.demo,
  });
  const origin: AuditOrigin = {
    kind: 'user',
    userId: user.id,
    label: user.username,
    ip: attempt.client.ip,
    userAgent: attempt.client.userAgent,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await recordLogin(trx, user.id, ctx.now);
    await appendAuditEvent(
      trx,
      { type: 'auth.login_succeeded', data: { userId: user.id, method: 'password' } },
      origin,
      ctx.now,
    );
  });
  return { ok: true, userId: user.id, stage };
}

function throttled(retryAfterSeconds: number): FormRefusal<typeof LOGIN_THROTTLED_MESSAGE> {
  return { ok: false, status: 429, field: 'login', message: LOGIN_THROTTLED_MESSAGE, retryAfterSeconds };
}

import { z } from 'zod';
import { appendAuditEvent, recordAuditEvent } from '../platform/audit/audit.js';
import { hashSecret, verifySecret } from '../platform/crypto/password-hash.js';
import { AppError } from '../platform/errors.js';
import type { Auth, ServiceContext } from '../platform/http/request-context.js';
import { findUserKeys } from '../reporting/keys/user-keys.repository.js';
import { applyKeyRewrap, isOutOfStep, prepareKeyRewrap } from '../reporting/keys/user-keys.service.js';
import { updatePasswordHash } from './account.repository.js';
import type { FormRefusal } from './login.js';
import { checkPassword, type PasswordProblem } from './password-policy.js';
import { countUnusedRecoveryCodes } from './recovery-code.repository.js';
import { isRecipient } from './role.js';
import { listSessionsOfUser } from './session.repository.js';
import { endAllSessions } from './session.service.js';
import { accountKey, type IdentityThrottle } from './throttle.js';
import { findRolesOfUser, findUserById } from './user.repository.js';

/**
 * The signed-in person's own account: what they see of it, their sessions, their password.
 * Every function acts on the caller's own account only.
 */

/** @throws AppError('not_authenticated') without an active session. */
function requireActive(ctx: ServiceContext): Auth {
  const auth = ctx.auth;
  if (auth?.stage !== 'active') throw new AppError('not_authenticated');
  return auth;
}

export interface AccountSession {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly method: 'password' | 'oidc';
  /** The session of this browser. */
  readonly current: boolean;
}

export interface AccountOverview {
  readonly name: string;
  readonly username: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly hasPassword: boolean;
  readonly secondFactor: {
    readonly enabledAt: Date | null;
    readonly recoveryCodesLeft: number;
  };
  /** Live sessions, most recently used first. */
  readonly sessions: readonly AccountSession[];
  /**
   * The key pair for reading reports (src/reporting/keys): null for someone whose roles need
   * none and who has none; `createdAt` null when a recipient has none yet.
   */
  readonly keyPair: { readonly createdAt: Date | null; readonly outOfStep: boolean } | null;
}

/**
 * What the account page shows.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function getAccountOverview(ctx: ServiceContext): Promise<AccountOverview> {
  const auth = requireActive(ctx);
  const [user, roles, sessions, recoveryCodesLeft, keys] = await Promise.all([
    findUserById(ctx.db, auth.userId),
    findRolesOfUser(ctx.db, auth.userId),
    listSessionsOfUser(ctx.db, auth.userId),
    countUnusedRecoveryCodes(ctx.db, auth.userId),
    findUserKeys(ctx.db, auth.userId),
  ]);
  if (!user) throw new AppError('not_authenticated');
  const now = ctx.now.getTime();
  const idleMs = ctx.config.session.idleMinutes * 60_000;
  return {
    name: user.name,
    username: user.username,
    email: user.email,
    roles: [...roles].sort(),
    hasPassword: user.password_hash !== null,
    secondFactor: { enabledAt: user.totp_enabled_at, recoveryCodesLeft },
    sessions: sessions
      .filter((s) => s.expires_at.getTime() > now && s.last_seen_at.getTime() + idleMs > now)
      .map((s) => ({
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        method: s.method,
        current: s.id_hash === auth.sessionIdHash,
      })),
    keyPair:
      keys || isRecipient(roles)
        ? { createdAt: keys?.createdAt ?? null, outOfStep: keys ? isOutOfStep(keys, user) : false }
        : null,
  };
}

/** The change-password form. Lengths are bounded here; the policy is checked by the service. */
export const ChangePasswordFormSchema = z.object({
  currentPassword: z
    .string('account.error_current_password_required')
    .min(1, 'account.error_current_password_required')
    .max(1000, 'account.error_current_password_wrong'),
  newPassword: z
    .string('account.error_new_password_required')
    .min(1, 'account.error_new_password_required')
    .max(1000, 'password.error_too_long'),
  confirmPassword: z.string('account.error_confirm_mismatch').max(1000, 'account.error_confirm_mismatch'),
});
export type ChangePasswordForm = z.infer<typeof ChangePasswordFormSchema>;

export type ChangePasswordMessage =
  | PasswordProblem
  | 'account.error_current_password_wrong'
  | 'account.error_confirm_mismatch'
  | 'account.error_password_unchanged'
  | 'account.error_no_password'
  | 'login.error_throttled';

/**
 * Changes the caller's password after checking the current one (failures count towards the
 * account's login throttle), applies the policy, and ends every other session of the account.
 * A recipient's key pair is wrapped again under the new password in the same transaction
 * (`keys.rewrapped`); when the old password does not open it, it is left for the recovery key.
 * The caller should rotate this browser's session afterwards.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function changePassword(
  ctx: ServiceContext,
  throttle: IdentityThrottle,
  input: ChangePasswordForm & { readonly client: string },
): Promise<{ readonly ok: true } | FormRefusal<ChangePasswordMessage>> {
  const auth = requireActive(ctx);
  const user = await findUserById(ctx.db, auth.userId);
  if (!user) throw new AppError('not_authenticated');
  if (!user.password_hash) return refuse(409, 'currentPassword', 'account.error_no_password');
  const key = accountKey(user, user.username);
  const nowMs = ctx.now.getTime();
  const wait = throttle.accountBlocked(key, nowMs);
  if (wait !== null) {
    return { ...refuse(429, 'currentPassword', 'login.error_throttled'), retryAfterSeconds: wait };
  }
  // Counted before the slow check, taken back on success: concurrent guesses cannot all get in.
  throttle.loginFailed(key, input.client, nowMs);
  if (!(await verifySecret(user.password_hash, input.currentPassword))) {
    return refuse(422, 'currentPassword', 'account.error_current_password_wrong');
  }
  throttle.loginSucceeded(key, input.client, nowMs);
  const problem = checkPassword(input.newPassword, { username: user.username, email: user.email });
  if (problem) return refuse(422, 'newPassword', problem);
  if (input.newPassword === input.currentPassword) {
    return refuse(422, 'newPassword', 'account.error_password_unchanged');
  }
  if (input.confirmPassword !== input.newPassword) {
    return refuse(422, 'confirmPassword', 'account.error_confirm_mismatch');
  }
  // The key pair follows the password (unwrapped with the old, wrapped with the new); a wrap the
  // old password does not open is left for the recovery key, the password changes all the same.
  const [hash, keyRewrap] = await Promise.all([
    hashSecret(input.newPassword),
    prepareKeyRewrap(ctx.db, {
      userId: auth.userId,
      oldPassword: input.currentPassword,
      newPassword: input.newPassword,
    }),
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, auth.userId, hash, ctx.now);
    await applyKeyRewrap(trx, keyRewrap, { now: ctx.now, origin: ctx.origin });
    await endAllSessions(trx, auth.userId, auth.sessionIdHash);
    await appendAuditEvent(
      trx,
      { type: 'auth.password_changed', data: { userId: auth.userId } },
      ctx.origin,
      ctx.now,
    );
  });
  return { ok: true };
}

/**
 * Ends every session of the caller's account, this one included ("log out everywhere").
 * @returns how many sessions were ended.
 * @throws AppError('not_authenticated') without an active session.
 */
export async function logOutEverywhere(ctx: ServiceContext): Promise<number> {
  const auth = requireActive(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const sessionsEnded = await endAllSessions(trx, auth.userId);
    await appendAuditEvent(
      trx,
      { type: 'auth.logged_out_everywhere', data: { userId: auth.userId, sessionsEnded } },
      ctx.origin,
      ctx.now,
    );
    return sessionsEnded;
  });
}

/** Records that the caller logs out (any stage); the caller then ends the session. */
export async function recordLogout(ctx: ServiceContext): Promise<void> {
  const auth = ctx.auth;
  if (!auth) return;
  await recordAuditEvent(
    ctx.db,
    { type: 'auth.logged_out', data: { userId: auth.userId } },
    ctx.origin,
    ctx.now,
  );
}

function refuse<K extends ChangePasswordMessage>(
  status: FormRefusal['status'],
  field: string,
  message: K,
): FormRefusal<K> {
  return { ok: false, status, field, message };
}

import { appendAuditEvent, recordAuditEvent } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { Auth, ServiceContext } from '../platform/http/request-context.js';
import type { FormRefusal } from './login.js';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import { replaceRecoveryCodes, useRecoveryCode } from './recovery-code.repository.js';
import { endAllSessions } from './session.service.js';
import type { IdentityThrottle } from './throttle.js';
import { openTotpSecret, sealTotpSecret, totpKey } from './totp.crypto.js';
import { base32Encode, generateTotpSecret, groupSecret, matchTotpStep, totpUri } from './totp.js';
import {
  claimTotpStep,
  confirmPendingTotpSecret,
  ensurePendingTotpSecret,
  findTotpState,
} from './totp.repository.js';

/** Messages of the second-factor forms (catalogue keys). */
export type TotpMessage =
  | 'totp.error_code_invalid'
  | 'totp.error_code_required'
  | 'totp.error_current_code_invalid'
  | 'totp.error_throttled';

export type TotpRefusal = FormRefusal<TotpMessage>;

/**
 * The signed-in person who may manage their own second factor: an active session, or one that
 * is at the enrolment step of its login. A session still owing its second factor may not (it
 * would replace the factor it has not proved).
 * @throws AppError('not_authenticated') otherwise.
 */
function requireEnrolmentAccess(ctx: ServiceContext): Auth {
  const auth = ctx.auth;
  if (!auth || (auth.stage !== 'active' && auth.stage !== 'enrol')) throw new AppError('not_authenticated');
  return auth;
}

/** What the enrolment page shows: the QR code's URI and the secret for typing by hand. */
export interface EnrolmentSecret {
  readonly uri: string;
  /** Base32 in groups of four. */
  readonly secretGroups: string;
  /** Whether the person already has a working factor (then they must prove it to replace it). */
  readonly replacing: boolean;
}

/**
 * Gives the person a secret to enrol: the pending one if there is one, else a new one, kept
 * server-side (sealed) and not trusted until a code made from it is confirmed.
 * @throws AppError('not_authenticated') without a session that may enrol.
 */
export async function beginTotpEnrolment(
  ctx: ServiceContext,
  input: { readonly issuer: string },
): Promise<EnrolmentSecret> {
  const auth = requireEnrolmentAccess(ctx);
  const key = await totpKey(ctx.db);
  const sealed = await ensurePendingTotpSecret(
    ctx.db,
    auth.userId,
    sealTotpSecret(key, auth.userId, generateTotpSecret()),
  );
  const secret = openTotpSecret(key, auth.userId, sealed);
  const state = await findTotpState(ctx.db, auth.userId);
  return {
    uri: totpUri({ secret, issuer: input.issuer, account: auth.username }),
    secretGroups: groupSecret(base32Encode(secret)),
    replacing: state?.enabledAt != null,
  };
}

/**
 * Confirms enrolment with a code from the new secret (and, when a factor is already in use, a
 * code or recovery code from it). On success the new secret replaces any old one, ten new recovery
 * codes replace the old ones, every other session of the account ends (one opened with only the
 * password before, perhaps by someone else, must not outlive the new factor), and the codes are
 * returned in plain text: the only time they exist.
 */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  throttle: IdentityThrottle,
  input: { readonly code: string; readonly currentCode?: string | undefined },
): Promise<{ readonly ok: true; readonly recoveryCodes: readonly string[] } | TotpRefusal> {
  const auth = requireEnrolmentAccess(ctx);
  const state = await findTotpState(ctx.db, auth.userId);
  if (!state?.pendingSecret) return refuse(422, 'code', 'totp.error_code_invalid');
  // The new code first: it has no side effects, whereas checking the current factor uses it up.
  const secret = openTotpSecret(await totpKey(ctx.db), auth.userId, state.pendingSecret);
  const step = matchTotpStep(secret, input.code, ctx.now.getTime(), null);
  if (step === null) return refuse(422, 'code', 'totp.error_code_invalid');
  if (state.enabledAt !== null) {
    const wait = throttle.secondFactorBlocked(auth.userId, ctx.now.getTime());
    if (wait !== null) return refuse(429, 'currentCode', 'totp.error_throttled', wait);
    // Counted before the check, forgotten on success: concurrent guesses cannot all get in.
    throttle.secondFactorFailed(auth.userId, ctx.now.getTime());
    const proved = await useExistingFactor(ctx, auth.userId, input.currentCode ?? '');
    if (!proved) return refuse(422, 'currentCode', 'totp.error_current_code_invalid');
    throttle.secondFactorSucceeded(auth.userId);
  }

  const recoveryCodes = generateRecoveryCodes();
  const confirmed = await ctx.db.transaction().execute(async (trx) => {
    if (!(await confirmPendingTotpSecret(trx, auth.userId, state.pendingSecret!, step, ctx.now))) {
      return false;
    }
    await replaceRecoveryCodes(trx, auth.userId, recoveryCodes.map(hashRecoveryCode));
    await endAllSessions(trx, auth.userId, auth.sessionIdHash);
    await appendAuditEvent(
      trx,
      { type: 'auth.second_factor_enrolled', data: { userId: auth.userId } },
      ctx.origin,
      ctx.now,
    );
    return true;
  });
  if (!confirmed) return refuse(422, 'code', 'totp.error_code_invalid');
  return { ok: true, recoveryCodes };
}

/**
 * The second step of a login: a TOTP code (each accepted once) or an unused recovery code.
 * Failures are counted per user; over the limit every code is refused, even a right one.
 * @throws AppError('not_authenticated') unless the session is at the second-factor step.
 */
export async function verifySecondFactor(
  ctx: ServiceContext,
  throttle: IdentityThrottle,
  input: { readonly code: string },
): Promise<{ readonly ok: true } | TotpRefusal> {
  const auth = ctx.auth;
  if (auth?.stage !== 'second_factor') throw new AppError('not_authenticated');
  const nowMs = ctx.now.getTime();
  const wait = throttle.secondFactorBlocked(auth.userId, nowMs);
  if (wait !== null) return refuse(429, 'code', 'totp.error_throttled', wait);
  // Counted before the check, forgotten on success: concurrent guesses cannot all get in.
  throttle.secondFactorFailed(auth.userId, nowMs);
  // The code is used up in the transaction of its audit event: never one without the other.
  const used = await ctx.db.transaction().execute(async (trx) => {
    const found = await useExistingFactor(ctx, auth.userId, input.code, trx);
    if (found) {
      await appendAuditEvent(
        trx,
        { type: 'auth.second_factor_succeeded', data: { userId: auth.userId, with: found } },
        ctx.origin,
        ctx.now,
      );
    }
    return found;
  });
  if (!used) {
    await recordAuditEvent(
      ctx.db,
      { type: 'auth.second_factor_failed', data: { userId: auth.userId } },
      ctx.origin,
      ctx.now,
    );
    return refuse(401, 'code', 'totp.error_code_invalid');
  }
  throttle.secondFactorSucceeded(auth.userId);
  return { ok: true };
}

/**
 * Replaces the recovery codes with ten new ones after the person proves their factor with a
 * current code (or a recovery code). The old codes stop working.
 * @throws AppError('not_authenticated') without an active session; AppError('not_found') when no
 * second factor is enrolled.
 */
export async function regenerateRecoveryCodes(
  ctx: ServiceContext,
  throttle: IdentityThrottle,
  input: { readonly currentCode: string },
): Promise<{ readonly ok: true; readonly recoveryCodes: readonly string[] } | TotpRefusal> {
  const auth = ctx.auth;
  if (auth?.stage !== 'active') throw new AppError('not_authenticated');
  const state = await findTotpState(ctx.db, auth.userId);
  if (state?.enabledAt == null) throw new AppError('not_found');
  const nowMs = ctx.now.getTime();
  const wait = throttle.secondFactorBlocked(auth.userId, nowMs);
  if (wait !== null) return refuse(429, 'currentCode', 'totp.error_throttled', wait);
  // Counted before the check, forgotten on success: concurrent guesses cannot all get in.
  throttle.secondFactorFailed(auth.userId, nowMs);
  if (!(await useExistingFactor(ctx, auth.userId, input.currentCode))) {
    return refuse(422, 'currentCode', 'totp.error_current_code_invalid');
  }
  throttle.secondFactorSucceeded(auth.userId);
  const recoveryCodes = generateRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, auth.userId, recoveryCodes.map(hashRecoveryCode));
    await appendAuditEvent(
      trx,
      { type: 'auth.recovery_codes_regenerated', data: { userId: auth.userId } },
      ctx.origin,
      ctx.now,
    );
  });
  return { ok: true, recoveryCodes };
}

/**
 * Whether the caller has a confirmed second factor.
 * @throws AppError('not_authenticated') without a session.
 */
export async function hasSecondFactor(ctx: ServiceContext): Promise<boolean> {
  const auth = ctx.auth;
  if (!auth) throw new AppError('not_authenticated');
  const state = await findTotpState(ctx.db, auth.userId);
  return state?.enabledAt != null;
}

/**
 * Checks a code against the user's confirmed factor and uses it up: a TOTP code's step is
 * recorded (never accepted again), a recovery code is marked used. Returns which kind worked.
 * `db` is where the code is used up (a caller's transaction); by default `ctx.db`.
 */
async function useExistingFactor(
  ctx: ServiceContext,
  userId: string,
  code: string,
  db: Db = ctx.db,
): Promise<'totp' | 'recovery_code' | null> {
  const typed = code.trim();
  if (/^\d{6}$/.test(typed.replace(/\s/g, ''))) {
    const state = await findTotpState(db, userId);
    if (!state?.secret || state.enabledAt === null) return null;
    const secret = openTotpSecret(await totpKey(ctx.db), userId, state.secret);
    const step = matchTotpStep(secret, typed, ctx.now.getTime(), state.lastStep);
    if (step === null) return null;
    return (await claimTotpStep(db, userId, step)) ? 'totp' : null;
  }
  const recovery = normalizeRecoveryCode(typed);
  if (!recovery) return null;
  return (await useRecoveryCode(db, userId, hashRecoveryCode(recovery), ctx.now)) ? 'recovery_code' : null;
}

function refuse(
  status: TotpRefusal['status'],
  field: string,
  message: TotpMessage,
  retryAfterSeconds?: number,
): TotpRefusal {
  return {
    ok: false,
    status,
    field,
    message,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

import { z } from 'zod';
import { appendAuditEvent } from '../platform/audit/audit.js';
import { hashSecret } from '../platform/crypto/password-hash.js';
import { safeEqual } from '../platform/crypto/tokens.js';
import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { stageAfterFirstFactor } from './login-stage.js';
import { checkPassword } from './password-policy.js';
import type { Role } from './role.js';
import { lockAndCountUsers } from './setup.repository.js';
import { insertUser } from './user.repository.js';

/** The roles of the first account: it administers, and is also a member of staff. */
export const FIRST_ADMIN_ROLES: readonly Role[] = ['admin', 'staff'];

/**
 * The first-run form. Messages are catalogue keys; the password policy (which needs the username
 * and e-mail address) and the confirmation are checked on the whole object.
 */
export const SetupFormSchema = z
  .object({
    token: z.string('setup.error_token_invalid').trim().max(200, 'setup.error_token_invalid'),
    name: z
      .string('setup.error_name_required')
      .trim()
      .min(1, 'setup.error_name_required')
      .max(200, 'setup.error_name_too_long'),
    username: z
      .string('setup.error_username_invalid')
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'setup.error_username_invalid'),
    email: z
      .string('setup.error_email_invalid')
      .trim()
      .toLowerCase()
      .max(254, 'setup.error_email_invalid')
      .pipe(z.email('setup.error_email_invalid')),
    password: z
      .string('setup.error_password_required')
      .min(1, 'setup.error_password_required')
      .max(1000, 'password.error_too_long'),
    confirmPassword: z.string('setup.error_confirm_mismatch').max(1000, 'setup.error_confirm_mismatch'),
  })
  .superRefine(
    (form, issues) => {
      // Runs even when other fields failed (see `when`), so every problem is listed at once:
      // the values may then be unparsed, hence the defensive reads.
      const values = form as Record<string, unknown>;
      const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
      const password = text('password');
      if (password === '') return;
      const problem = checkPassword(password, { username: text('username'), email: text('email') });
      if (problem) issues.addIssue({ code: 'custom', path: ['password'], message: problem });
      else if (text('confirmPassword') !== password) {
        issues.addIssue({
          code: 'custom',
          path: ['confirmPassword'],
          message: 'setup.error_confirm_mismatch',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type SetupForm = z.infer<typeof SetupFormSchema>;

/** Whether `token` is the setup token; compared in constant time. False when there is none. */
export function isSetupToken(expected: string | undefined, token: string): boolean {
  return expected !== undefined && expected.length > 0 && safeEqual(token.trim(), expected);
}

/**
 * Creates the first account, with the admin and staff roles, in one transaction with the
 * `setup.completed` event. Two setups at the same moment are serialised: the second finds a user
 * and is refused.
 * @returns the new user's id and the stage its first session starts in (enrolment of a second
 * factor, unless in demo mode).
 * @throws AppError('setup_token_invalid') for a wrong token; AppError('not_found') once any user exists.
 */
export async function completeSetup(
  ctx: ServiceContext,
  input: { readonly expectedToken: string | undefined; readonly form: SetupForm },
): Promise<{ readonly userId: string; readonly stage: 'active' | 'second_factor' | 'enrol' }> {
  if (!isSetupToken(input.expectedToken, input.form.token)) throw new AppError('setup_token_invalid');
  const { form } = input;
  // Hashing is slow by design: do it before taking the lock.
  const passwordHash = await hashSecret(form.password);
  const userId = await ctx.db.transaction().execute(async (trx) => {
    if ((await lockAndCountUsers(trx)) > 0) throw new AppError('not_found');
    const id = await insertUser(
      trx,
      {
        username: form.username,
        email: form.email,
        name: form.name,
        entityId: null,
        managerId: null,
        passwordHash,
        roles: FIRST_ADMIN_ROLES,
      },
      ctx.now,
    );
    await appendAuditEvent(
      trx,
      { type: 'setup.completed', data: { adminId: id } },
      { kind: 'system', label: 'setup' },
      ctx.now,
    );
    return id;
  });
  return {
    userId,
    stage: stageAfterFirstFactor({ roles: FIRST_ADMIN_ROLES, totpEnabled: false, demo: ctx.config.demo }),
  };
}

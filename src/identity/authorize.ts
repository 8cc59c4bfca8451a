import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import type { Role } from './role.js';

/**
 * The access check a service function makes first: the caller must have an active session with
 * `role`. Routes check access too (default deny); this second check keeps a service safe when it
 * is called from elsewhere (a job, a script, another route).
 * @throws AppError('forbidden') without an active session that has the role.
 */
export function requireRole(ctx: Pick<ServiceContext, 'auth'>, role: Role): void {
  const auth = ctx.auth;
  if (auth?.stage !== 'active' || !auth.roles.includes(role)) throw new AppError('forbidden');
}

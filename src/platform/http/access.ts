import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Access } from './request-context.js';

/**
 * Default deny: every route must declare `config.access`; a route that does not is refused for
 * everyone, so forgetting the check fails closed. Runs after the session is known.
 */
export function registerAccessGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    // Fastify's own 404 handler has no route options worth guarding.
    if (request.is404) return;
    checkAccess(request, request.routeOptions.config.access);
  });
}

export function checkAccess(request: FastifyRequest, access: Access | undefined): void {
  if (access === 'public') return;
  const auth = request.auth;
  if (access === undefined) throw new AppError('forbidden');
  if (!auth) throw new AppError('not_authenticated');
  if (access === 'pending') {
    if (auth.stage === 'active') throw new AppError('forbidden');
    return;
  }
  if (auth.stage !== 'active') throw new AppError('not_authenticated');
  if (access === 'authenticated') return;
  if (!access.some((role) => auth.roles.includes(role))) throw new AppError('forbidden');
}

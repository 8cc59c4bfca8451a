import type { FastifyRequest } from 'fastify';
import type { AuditOrigin } from '../audit/audit-events.js';
import type { ServiceContext } from './request-context.js';

/**
 * Builds the service context of a request. The client address and user agent reach the audit
 * origin only for signed-in staff on routes not marked anonymous.
 */
export function serviceContext(request: FastifyRequest): ServiceContext {
  const { deps } = request.server;
  return {
    db: deps.database.db,
    now: deps.clock.now(),
    config: deps.config,
    auth: request.auth,
    origin: auditOrigin(request),
  };
}

export function auditOrigin(request: FastifyRequest): AuditOrigin {
  const auth = request.auth;
  if (!auth || request.routeOptions.config.anonymous) return { kind: 'anonymous', label: 'visitor' };
  return {
    kind: 'user',
    userId: auth.userId,
    label: auth.username,
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  };
}

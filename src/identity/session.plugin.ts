import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE } from './session.service.js';

/** Establishes `request.auth` from the session cookie on every request. */
export function registerSessions(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url.startsWith('/build/')) return;
    const { database, clock, config } = app.deps;
    request.auth = await resolveSession(
      database.db,
      request.cookies[SESSION_COOKIE],
      clock.now(),
      config.session,
    );
  });
}

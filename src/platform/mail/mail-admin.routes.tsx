import type { FastifyInstance } from 'fastify';

/** The outgoing mail page (/admin/mail…). */
export function registerMailAdminRoutes(_app: FastifyInstance): void {}

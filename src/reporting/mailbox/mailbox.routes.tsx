import type { FastifyInstance } from 'fastify';

/** The reporter's mailbox (/report/follow-up…). */
export function registerMailboxRoutes(_app: FastifyInstance): void {}

import type { FastifyInstance } from 'fastify';

/** Administration of topics and canned answers: /admin/contact. */
export async function registerContactAdminRoutes(_app: FastifyInstance): Promise<void> {}

import type { FastifyInstance } from 'fastify';

/** The visitor's pages: /contact, the chat pages. */
export async function registerContactVisitorRoutes(_app: FastifyInstance): Promise<void> {}

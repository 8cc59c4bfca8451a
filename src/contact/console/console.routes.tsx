import type { FastifyInstance } from 'fastify';

/** The agents' console: /console. */
export async function registerConsoleRoutes(_app: FastifyInstance): Promise<void> {}

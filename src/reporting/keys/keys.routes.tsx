import type { FastifyInstance } from 'fastify';

/** Routes of recipients' key pairs (/account/keys…). */
export function registerKeyRoutes(_app: FastifyInstance): void {}

import type { FastifyInstance } from 'fastify';

export function registerIdentityRoutes(_app: FastifyInstance): void {}

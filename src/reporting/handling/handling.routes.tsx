import type { FastifyInstance } from 'fastify';

/** The handler's side (/handling…). */
export function registerHandlingRoutes(_app: FastifyInstance): void {}

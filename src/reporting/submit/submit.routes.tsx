import type { FastifyInstance } from 'fastify';

/** The reporter's way in (/report…). */
export function registerReportSubmitRoutes(_app: FastifyInstance): void {}

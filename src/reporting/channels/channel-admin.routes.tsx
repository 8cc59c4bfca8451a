import type { FastifyInstance } from 'fastify';

/** Administration of channels (/admin/channels…). */
export function registerChannelAdminRoutes(_app: FastifyInstance): void {}

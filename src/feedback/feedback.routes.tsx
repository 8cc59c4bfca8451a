import type { FastifyInstance } from 'fastify';

/** Page feedback: the form's target and the overview per page. */
export async function registerFeedbackRoutes(_app: FastifyInstance): Promise<void> {}

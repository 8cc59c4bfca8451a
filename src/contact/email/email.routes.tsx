import type { FastifyInstance } from 'fastify';

/** E-mail to 1700: the public form and the agents' e-mail queue. */
export async function registerContactEmailRoutes(_app: FastifyInstance): Promise<void> {}

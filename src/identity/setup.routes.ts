import type { FastifyInstance } from 'fastify';

export async function registerSetup(
  _app: FastifyInstance,
  _options: { setupToken?: string | undefined },
): Promise<void> {}

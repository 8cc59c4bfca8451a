import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** `GET /health`: 200 `{"status":"ok"}` when the database answers within 2 s, 503 otherwise. */
export function registerHealth(app: FastifyInstance): void {
  app.get('/health', { config: { access: 'public', anonymous: true } }, async (_request, reply) => {
    try {
      await withTimeout(sql`select 1`.execute(app.deps.database.db), 2000);
      return reply.send({ status: 'ok' });
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

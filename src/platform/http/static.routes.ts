import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../paths.js';

const publicDir = path.join(projectRoot, 'public');

/**
 * Serves the app's own files: `/assets/*` (stylesheet, icons, fonts, committed) and `/build/*`
 * (browser scripts built from src/client by `npm run build`). Nothing comes from anywhere else.
 */
export async function registerStatic(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: publicDir, serve: false });
  for (const folder of ['assets', 'build'] as const) {
    app.get(`/${folder}/*`, { config: { access: 'public', anonymous: true } }, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      reply.header('cache-control', 'public, max-age=3600');
      return reply.sendFile(`${folder}/${file}`);
    });
  }
}

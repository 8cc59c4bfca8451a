import type { FastifyInstance } from 'fastify';
import { Layout } from '../platform/ui/layout.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';

export function registerPublicRoutes(app: FastifyInstance): void {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    const page = pageContext(request);
    return sendPage(
      reply,
      Layout({ page, title: page.t('app.name'), children: <h1>{page.t('app.name')}</h1> }),
    );
  });
}

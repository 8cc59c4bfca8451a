import type { FastifyInstance } from 'fastify';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { AdminOverviewPage } from './admin.views.js';
import { registerAuditLogRoutes } from './audit-log.routes.js';
import { registerEntityRoutes } from './entity.routes.js';
import { registerSettingsRoutes } from './settings.routes.js';
import { getAdminOverview } from './user.service.js';
import { registerUserAdminRoutes } from './user-admin.routes.js';

/** Admins only (the other administration route files declare the same). */
const adminOnly = { config: { access: ['admin'] } } as const;

/**
 * The administration: overview, users, entities, audit log and settings. Every page is for the
 * admin role only (the access guard refuses others with 403, anonymous visitors go to /login),
 * and every service checks the role again.
 */
export function registerAdminRoutes(app: FastifyInstance): void {
  app.get('/admin', adminOnly, async (request, reply) => {
    const overview = await getAdminOverview(serviceContext(request));
    return sendPage(reply, <AdminOverviewPage page={pageContext(request)} overview={overview} />);
  });
  registerUserAdminRoutes(app);
  registerEntityRoutes(app);
  registerAuditLogRoutes(app);
  registerSettingsRoutes(app);
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { getSettingsForAdmin, SettingsFormSchema, updateSettings } from './settings.service.js';
import { SettingsPage } from './settings.views.js';

const adminOnly = { config: { access: ['admin'] } } as const;

const DoneQuerySchema = z.object({ done: z.literal('1').optional().catch(undefined) });

/** `/admin/settings`: the organisation's name and the contact address, each change audited. */
export function registerSettingsRoutes(app: FastifyInstance): void {
  app.get('/admin/settings', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const query = DoneQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <SettingsPage
        page={pageContext(request)}
        settings={await getSettingsForAdmin(ctx)}
        saved={query.success && !!query.data.done}
      />,
    );
  });

  app.post('/admin/settings', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const form = parseForm(SettingsFormSchema, request.body);
    if (!form.ok) {
      return sendPage(
        reply,
        <SettingsPage
          page={pageContext(request)}
          settings={await getSettingsForAdmin(ctx)}
          errors={form.errors}
          values={form.values}
        />,
        422,
      );
    }
    await updateSettings(ctx, form.data);
    return reply.redirect('/admin/settings?done=1', 303);
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type FieldErrors, formValues, parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { fieldErrorsOf } from './admin-errors.js';
import { createEntity, EntityFormSchema, getEntity, listEntities, updateEntity } from './entity.service.js';
import { EntityEditPage, EntityTreePage } from './entity.views.js';
import type { FormValues } from './user-admin.views.js';

const adminOnly = { config: { access: ['admin'] } } as const;

const DoneQuerySchema = z.object({ done: z.literal('1').optional().catch(undefined) });

type IdParams = { Params: { id: string } };

/** `/admin/entities…`: the organisation tree; create, rename and move entities. */
export function registerEntityRoutes(app: FastifyInstance): void {
  app.get('/admin/entities', adminOnly, async (request, reply) => {
    const entities = await listEntities(serviceContext(request));
    const query = DoneQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <EntityTreePage
        page={pageContext(request)}
        entities={entities}
        created={query.success && !!query.data.done}
      />,
    );
  });

  app.post('/admin/entities', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const showAgain = async (errors: FieldErrors, values: FormValues) =>
      sendPage(
        reply,
        <EntityTreePage
          page={pageContext(request)}
          entities={await listEntities(ctx)}
          errors={errors}
          values={values}
        />,
        422,
      );
    const form = parseForm(EntityFormSchema, request.body);
    if (!form.ok) return showAgain(form.errors, form.values);
    try {
      await createEntity(ctx, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return showAgain(errors, formValues(request.body));
      throw error;
    }
    return reply.redirect('/admin/entities?done=1', 303);
  });

  app.get<IdParams>('/admin/entities/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const entity = await getEntity(ctx, request.params.id);
    const query = DoneQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <EntityEditPage
        page={pageContext(request)}
        entity={entity}
        entities={await listEntities(ctx)}
        saved={query.success && !!query.data.done}
      />,
    );
  });

  app.post<IdParams>('/admin/entities/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const entity = await getEntity(ctx, request.params.id);
    const showAgain = async (errors: FieldErrors, values: FormValues) =>
      sendPage(
        reply,
        <EntityEditPage
          page={pageContext(request)}
          entity={entity}
          entities={await listEntities(ctx)}
          errors={errors}
          values={values}
        />,
        422,
      );
    const form = parseForm(EntityFormSchema, request.body);
    if (!form.ok) return showAgain(form.errors, form.values);
    try {
      await updateEntity(ctx, entity.id, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return showAgain(errors, formValues(request.body));
      throw error;
    }
    return reply.redirect(`/admin/entities/${entity.id}?done=1`, 303);
  });
}

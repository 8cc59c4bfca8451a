import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FieldErrors, formValues, parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { fieldErrorsOf, refusalOf } from './admin-errors.js';
import { roles } from './role.js';
import {
  CreateUserFormSchema,
  changeUserRoles,
  createUser,
  deactivateUser,
  getUserForAdmin,
  getUserFormOptions,
  listUsersForAdmin,
  reactivateUser,
  resetSecondFactor,
  USERS_PAGE_SIZE,
  UserProfileFormSchema,
  UserRolesFormSchema,
  updateUser,
} from './user.service.js';
import {
  type FormValues,
  UserCreatePage,
  UserEditPage,
  UserListPage,
  userNotices,
} from './user-admin.views.js';

const adminOnly = { config: { access: ['admin'] } } as const;

/** The list's query string; anything malformed falls back to its default rather than failing. */
const UserListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(['all', 'active', 'inactive']).catch('all'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const UserPageQuerySchema = z.object({
  done: z
    .enum(Object.keys(userNotices) as [keyof typeof userNotices])
    .optional()
    .catch(undefined),
});

type IdParams = { Params: { id: string } };

/** `/admin/users…`: list and search, create, edit, roles, (de)activation and second-factor reset. */
export function registerUserAdminRoutes(app: FastifyInstance): void {
  app.get('/admin/users', adminOnly, async (request, reply) => {
    const query = UserListQuerySchema.safeParse(request.query ?? {});
    const { q, role, status, page } = query.success
      ? query.data
      : { q: '', role: undefined, status: 'all' as const, page: 1 };
    const result = await listUsersForAdmin(serviceContext(request), {
      query: q || undefined,
      role,
      active: status === 'all' ? undefined : status === 'active',
      page,
    });
    return sendPage(
      reply,
      <UserListPage
        page={pageContext(request)}
        list={{ query: q, role, status, page, pageSize: USERS_PAGE_SIZE, ...result }}
      />,
    );
  });

  app.get('/admin/users/new', adminOnly, async (request, reply) => {
    const options = await getUserFormOptions(serviceContext(request));
    return sendPage(reply, <UserCreatePage page={pageContext(request)} options={options} />);
  });

  app.post('/admin/users/new', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const form = parseForm(CreateUserFormSchema, request.body);
    const showAgain = async (errors: FieldErrors, values: FormValues) =>
      sendPage(
        reply,
        <UserCreatePage
          page={pageContext(request)}
          options={await getUserFormOptions(ctx)}
          errors={errors}
          values={withoutPassword(values)}
        />,
        422,
      );
    if (!form.ok) return showAgain(form.errors, form.values);
    try {
      const id = await createUser(ctx, form.data);
      return reply.redirect(`/admin/users/${id}?done=created`, 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (errors) return showAgain(errors, formValues(request.body));
      throw error;
    }
  });

  app.get<IdParams>('/admin/users/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const user = await getUserForAdmin(ctx, request.params.id);
    const query = UserPageQuerySchema.safeParse(request.query ?? {});
    return sendPage(
      reply,
      <UserEditPage
        page={pageContext(request)}
        user={user}
        options={await getUserFormOptions(ctx)}
        notice={query.success ? query.data.done : undefined}
      />,
    );
  });

  // Pages shown after a refused action keep the action's address; a GET there (the language
  // switch, a reload) goes back to the user's page.
  app.get<{ Params: { id: string; action: string } }>(
    '/admin/users/:id/:action',
    adminOnly,
    async (request, reply) => reply.redirect(`/admin/users/${encodeURIComponent(request.params.id)}`, 303),
  );

  app.post<IdParams>('/admin/users/:id', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    await getUserForAdmin(ctx, id);
    const form = parseForm(UserProfileFormSchema, request.body);
    if (!form.ok) {
      return showEditAgain(request, reply, id, { form: 'profile', errors: form.errors, values: form.values });
    }
    return runAction(request, reply, id, 'updated', () => updateUser(ctx, id, form.data));
  });

  app.post<IdParams>('/admin/users/:id/roles', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    await getUserForAdmin(ctx, id);
    const form = parseForm(UserRolesFormSchema, request.body);
    if (!form.ok) {
      return showEditAgain(request, reply, id, { form: 'roles', errors: form.errors, values: form.values });
    }
    return runAction(request, reply, id, 'roles', () => changeUserRoles(ctx, id, form.data.roles));
  });

  app.post<IdParams>('/admin/users/:id/deactivate', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    return runAction(request, reply, id, 'deactivated', () => deactivateUser(ctx, id));
  });

  app.post<IdParams>('/admin/users/:id/reactivate', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    return runAction(request, reply, id, 'reactivated', () => reactivateUser(ctx, id));
  });

  app.post<IdParams>('/admin/users/:id/reset-second-factor', adminOnly, async (request, reply) => {
    const ctx = serviceContext(request);
    const id = request.params.id;
    return runAction(request, reply, id, 'second_factor_reset', () => resetSecondFactor(ctx, id));
  });
}

/**
 * Runs one change on a user and redirects to their page with a notice; a field error or a
 * refusal shows the page again with the message (422 or 409) and nothing changed.
 */
async function runAction(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  notice: keyof typeof userNotices,
  action: () => Promise<void>,
): Promise<FastifyReply> {
  try {
    await action();
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (errors) {
      return showEditAgain(request, reply, id, { form: 'profile', errors, values: formValues(request.body) });
    }
    const refusal = refusalOf(error);
    if (refusal) return showEditAgain(request, reply, id, { refusal });
    throw error;
  }
  return reply.redirect(`/admin/users/${id}?done=${notice}`, 303);
}

async function showEditAgain(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  problem: {
    readonly form?: 'profile' | 'roles';
    readonly errors?: FieldErrors;
    readonly values?: FormValues;
    readonly refusal?: MessageKey;
  },
): Promise<FastifyReply> {
  const ctx = serviceContext(request);
  const [user, options] = await Promise.all([getUserForAdmin(ctx, id), getUserFormOptions(ctx)]);
  return sendPage(
    reply,
    <UserEditPage
      page={pageContext(request)}
      user={user}
      options={options}
      errors={problem.errors}
      submitted={problem.form && problem.values ? { form: problem.form, values: problem.values } : undefined}
      refusal={problem.refusal}
    />,
    problem.refusal ? 409 : 422,
  );
}

function withoutPassword(values: FormValues): FormValues {
  const { password: _password, ...rest } = values;
  return rest;
}

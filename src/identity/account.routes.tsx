import type { FastifyInstance } from 'fastify';
import { parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import {
  ChangePasswordFormSchema,
  changePassword,
  getAccountOverview,
  logOutEverywhere,
} from './account.service.js';
import { AccountPage, ChangePasswordPage, isAccountNotice } from './account.views.js';
import { applyRetryAfter } from './login.routes.js';
import { endSession, startSession } from './session.service.js';
import type { IdentityThrottle } from './throttle.js';

/** The signed-in person's own account: overview, password change, "log out everywhere". */
export function registerAccountRoutes(app: FastifyInstance, throttle: IdentityThrottle): void {
  app.get('/account', { config: { access: 'authenticated' } }, async (request, reply) => {
    const account = await getAccountOverview(serviceContext(request));
    const notice = (request.query as Record<string, unknown> | undefined)?.notice;
    return sendPage(
      reply,
      <AccountPage
        page={pageContext(request)}
        account={account}
        notice={isAccountNotice(notice) ? notice : undefined}
      />,
    );
  });

  app.get('/account/password', { config: { access: 'authenticated' } }, async (request, reply) => {
    const account = await getAccountOverview(serviceContext(request));
    if (!account.hasPassword) return reply.redirect('/account', 303);
    return sendPage(reply, <ChangePasswordPage page={pageContext(request)} />);
  });

  app.post('/account/password', { config: { access: 'authenticated' } }, async (request, reply) => {
    const parsed = parseForm(ChangePasswordFormSchema, request.body);
    if (!parsed.ok) {
      return sendPage(reply, <ChangePasswordPage page={pageContext(request)} errors={parsed.errors} />, 422);
    }
    const result = await changePassword(serviceContext(request), throttle, {
      ...parsed.data,
      client: request.ip,
    });
    if (!result.ok) {
      applyRetryAfter(reply, result);
      return sendPage(
        reply,
        <ChangePasswordPage page={pageContext(request)} errors={{ [result.field]: result.message }} />,
        result.status,
      );
    }
    // A new password is a privilege change: this browser gets a new session id too.
    const auth = request.auth!;
    await startSession(request, reply, { userId: auth.userId, stage: 'active', method: auth.method });
    return reply.redirect('/account?notice=password_changed', 303);
  });

  app.post('/account/logout-everywhere', { config: { access: 'authenticated' } }, async (request, reply) => {
    await logOutEverywhere(serviceContext(request));
    await endSession(request, reply);
    return reply.redirect('/login?notice=logged_out_everywhere', 303);
  });
}

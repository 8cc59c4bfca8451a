import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValues, parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { keysAfterPasswordLogin } from '../reporting/keys/keys.login.js';
import { recordLogout } from './account.service.js';
import { DEFAULT_AFTER_LOGIN, type FormRefusal, pathForStage, safeNextPath } from './login.js';
import { LOGIN_FAILED_MESSAGE, loginWithPassword } from './login.service.js';
import { isLoginNotice, LoginPage } from './login.views.js';
import { endSession, startSession } from './session.service.js';
import type { IdentityThrottle } from './throttle.js';

/**
 * The login form. Every way it can be wrong (missing, empty, repeated, too long) gets the same
 * message as a wrong password: the form must not become a way to learn about accounts.
 */
const LoginFormSchema = z.object({
  login: z.string(LOGIN_FAILED_MESSAGE).trim().min(1, LOGIN_FAILED_MESSAGE).max(254, LOGIN_FAILED_MESSAGE),
  password: z.string(LOGIN_FAILED_MESSAGE).min(1, LOGIN_FAILED_MESSAGE).max(1000, LOGIN_FAILED_MESSAGE),
});

/** `?next=` (or the form's `next`) when it is a path on this site. */
export function nextFrom(source: unknown): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  return safeNextPath((source as Record<string, unknown>).next);
}

/** Sets Retry-After for a throttled refusal. */
export function applyRetryAfter(reply: FastifyReply, refusal: FormRefusal): void {
  if (refusal.retryAfterSeconds !== undefined) reply.header('retry-after', String(refusal.retryAfterSeconds));
}

/** `/login` (form and check) and `/logout`. */
export function registerLoginRoutes(app: FastifyInstance, throttle: IdentityThrottle): void {
  app.get('/login', { config: { access: 'public' } }, async (request, reply) => {
    const next = nextFrom(request.query);
    if (request.auth?.stage === 'active') return reply.redirect(next ?? DEFAULT_AFTER_LOGIN, 303);
    const notice = (request.query as Record<string, unknown> | undefined)?.notice;
    return sendPage(
      reply,
      <LoginPage
        page={pageContext(request)}
        next={next}
        notice={isLoginNotice(notice) ? notice : undefined}
      />,
    );
  });

  app.post('/login', { config: { access: 'public' } }, async (request, reply) => {
    const next = nextFrom(request.body);
    const values = formValues(request.body);
    const typedLogin = typeof values.login === 'string' ? values.login : '';
    const parsed = parseForm(LoginFormSchema, request.body);
    const outcome = parsed.ok
      ? await loginWithPassword(serviceContext(request), throttle, {
          login: parsed.data.login,
          password: parsed.data.password,
          client: { ip: request.ip, userAgent: request.headers['user-agent'] },
        })
      : ({ ok: false, status: 401, field: 'login', message: LOGIN_FAILED_MESSAGE } as const);
    if (!outcome.ok) {
      applyRetryAfter(reply, outcome);
      return sendPage(
        reply,
        <LoginPage
          page={pageContext(request)}
          next={next}
          login={typedLogin}
          errors={{ [outcome.field]: outcome.message }}
        />,
        outcome.status,
      );
    }
    const sessionIdHash = await startSession(request, reply, {
      userId: outcome.userId,
      stage: outcome.stage,
      method: 'password',
    });
    // A recipient's key pair opens with the password just verified (or is made, and its recovery
    // key shown once after the remaining login steps). Only a successful login pays this Argon2id.
    const nextAfterKeys = parsed.ok
      ? await keysAfterPasswordLogin(request, {
          userId: outcome.userId,
          password: parsed.data.password,
          sessionIdHash,
          next,
        })
      : next;
    return reply.redirect(pathForStage(outcome.stage, nextAfterKeys), 303);
  });

  // Public: a session at any stage (or none) may end; the CSRF check still applies.
  app.post('/logout', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.auth) return reply.redirect('/', 303);
    await recordLogout(serviceContext(request));
    await endSession(request, reply);
    return reply.redirect('/login?notice=logged_out', 303);
  });
}

/** The page to go to once every login step is done. */
export function afterLogin(request: FastifyRequest): string {
  return nextFrom(request.query) ?? DEFAULT_AFTER_LOGIN;
}

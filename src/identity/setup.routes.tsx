import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import { type FieldErrors, formValues, parseForm } from '../platform/http/forms.js';
import { serviceContext } from '../platform/http/service-context.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { pathForStage } from './login.js';
import { startSession } from './session.service.js';
import { completeSetup, isSetupToken, SetupFormSchema } from './setup.service.js';
import { SetupPage } from './setup.views.js';
import { IdentityThrottle } from './throttle.js';
import { countUsers } from './user.repository.js';

/** Paths that stay reachable while setup is open: the page itself, static files, health, language. */
const OPEN_PATHS: ReadonlySet<string> = new Set(['/setup', '/health', '/language']);
const OPEN_PREFIXES = ['/assets/', '/build/'] as const;
/** While setup is open, how often the user count is looked at again (another instance may finish it). */
const RECHECK_MS = 5_000;

/**
 * First-run setup. With an empty database, `main.ts` prints a one-time token and passes it here;
 * until a user exists every request except {@link OPEN_PATHS} is sent to `/setup` (303), where the
 * token and the first administrator's details are asked. Once a user exists `/setup` answers 404,
 * also after a restart (no token is made then), and the redirect costs one boolean check.
 */
export async function registerSetup(
  app: FastifyInstance,
  options: { setupToken?: string | undefined },
): Promise<void> {
  const token = options.setupToken;
  const throttle = new IdentityThrottle();
  const { db } = app.deps.database;
  let done = token === undefined || (await countUsers(db)) > 0;
  let checkedAt = app.deps.clock.now().getTime();

  /** Whether setup is over; the count is read again at most every few seconds while it is open. */
  const isDone = async (): Promise<boolean> => {
    if (done) return true;
    const now = app.deps.clock.now().getTime();
    if (now - checkedAt >= RECHECK_MS) {
      checkedAt = now;
      done = (await countUsers(db)) > 0;
    }
    return done;
  };

  if (!done) {
    app.addHook('onRequest', async (request, reply) => {
      if (done) return;
      const path = request.url.split('?', 1)[0] ?? '';
      if (OPEN_PATHS.has(path) || OPEN_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
      if (await isDone()) return;
      return reply.redirect('/setup', 303);
    });
  }

  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors?: FieldErrors,
    values?: Readonly<Record<string, string | string[]>>,
  ) =>
    sendPage(
      reply,
      <SetupPage
        page={pageContext(request)}
        {...(errors ? { errors } : {})}
        {...(values ? { values } : {})}
      />,
      status,
    );

  app.get('/setup', { config: { access: 'public' } }, async (request, reply) => {
    if (await isDone()) throw new AppError('not_found');
    return render(request, reply, 200);
  });

  app.post('/setup', { config: { access: 'public' } }, async (request, reply) => {
    if (await isDone()) throw new AppError('not_found');
    const nowMs = app.deps.clock.now().getTime();
    const values = formValues(request.body);
    const wait = throttle.setupBlocked(request.ip, nowMs);
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      return render(request, reply, 429, { token: 'setup.error_throttled' }, values);
    }
    const parsed = parseForm(SetupFormSchema, request.body);
    const typedToken = typeof values.token === 'string' ? values.token : '';
    if (!isSetupToken(token, typedToken)) {
      throttle.setupFailed(request.ip, nowMs);
      // The token's message first, as its field comes first; the other fields' problems follow.
      const errors: Record<string, MessageKey> = { token: 'setup.error_token_invalid' };
      for (const [field, message] of Object.entries(parsed.ok ? {} : parsed.errors)) {
        if (field !== 'token') errors[field] = message;
      }
      return render(request, reply, 403, errors, values);
    }
    if (!parsed.ok) return render(request, reply, 422, parsed.errors, parsed.values);

    const result = await completeSetup(serviceContext(request), { expectedToken: token, form: parsed.data });
    done = true;
    await startSession(request, reply, { userId: result.userId, stage: result.stage, method: 'password' });
    return reply.redirect(pathForStage(result.stage, undefined), 303);
  });
}

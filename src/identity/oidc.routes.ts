import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOrCreateSecret } from '../platform/crypto/app-secrets.js';
import { AppError } from '../platform/errors.js';
import { clearCookie, setCookie } from '../platform/http/cookies.js';
import { clientKey, RateLimiter } from '../platform/http/rate-limit.js';
import { serviceContext } from '../platform/http/service-context.js';
import { pageContext } from '../platform/ui/page-context.js';
import { sendPage } from '../platform/ui/render.js';
import { keysAfterOidcLogin } from '../reporting/keys/keys.login.js';
import { pathForStage, safeNextPath } from './login.js';
import {
  beginOidcLogin,
  completeOidcLogin,
  createOidcRelyingParty,
  type OidcProblem,
} from './oidc.service.js';
import { OidcProblemPage, oidcProblemStatus } from './oidc.views.js';
import { OIDC_FLOW_COOKIE, OIDC_FLOW_TTL_MS, oidcFlowKey, openOidcFlow, sealOidcFlow } from './oidc-flow.js';
import { startSession } from './session.service.js';

/**
 * Single sign-on with the organisation's identity provider (OpenID Connect), when `OIDC_ISSUER`,
 * `OIDC_CLIENT_ID` and `OIDC_CLIENT_SECRET` are set; without them these routes do not exist (404).
 * - `GET /auth/oidc/start[?next=/path]` sends the browser to the provider;
 * - `GET /auth/oidc/callback` receives it back, signs the person in and goes on to `next`, or to
 *   the second-factor or enrolment step their roles require.
 */
export function registerOidcRoutes(app: FastifyInstance): void {
  const { config, database, clock } = app.deps;
  if (!config.oidc) return;
  const rp = createOidcRelyingParty(config.oidc, config.publicUrl);
  // Callbacks cost a round trip to the provider each: a generous cap per client stops a flood.
  const callbackThrottle = new RateLimiter({ limit: 60, windowMs: 10 * 60_000 });
  let key: Promise<Buffer> | undefined;
  const flowKey = (): Promise<Buffer> => {
    key ??= getOrCreateSecret(database.db, 'oidc')
      .then(oidcFlowKey)
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      });
    return key;
  };

  app.get('/auth/oidc/start', { config: { access: 'public' } }, async (request, reply) => {
    const { next } = request.query as { next?: unknown };
    let begun: Awaited<ReturnType<typeof beginOidcLogin>>;
    try {
      begun = await beginOidcLogin(rp, {
        next: safeNextPath(next),
        locale: request.locale,
        now: clock.now(),
      });
    } catch (error) {
      request.log.warn({ err: error }, 'OIDC discovery failed');
      return sendProblem(request, reply, 'provider_unreachable');
    }
    setCookie(reply, OIDC_FLOW_COOKIE, sealOidcFlow(await flowKey(), begun.flow), {
      maxAgeSeconds: OIDC_FLOW_TTL_MS / 1000,
    });
    reply.header('cache-control', 'no-store');
    return reply.redirect(begun.authorizationUrl.href, 303);
  });

  app.get('/auth/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    const now = clock.now();
    const verdict = callbackThrottle.hit(clientKey(request.ip), now.getTime());
    if (!verdict.allowed) {
      throw new AppError('too_many_requests', { retryAfterSeconds: verdict.retryAfterSeconds });
    }
    // The flow is good for one callback only, whatever its outcome.
    const flow = openOidcFlow(await flowKey(), request.cookies[OIDC_FLOW_COOKIE], now);
    clearCookie(reply, OIDC_FLOW_COOKIE);
    reply.header('cache-control', 'no-store');
    const outcome = await completeOidcLogin(serviceContext(request), rp, {
      flow,
      params: new URL(request.url, 'http://callback.invalid').searchParams,
      client: { ip: request.ip, userAgent: request.headers['user-agent'] },
    });
    if (!outcome.ok) {
      if (outcome.cause !== undefined) {
        // Name and code only: the library's messages and fields can quote ID-token claims
        // (e-mail, name), which do not belong in a log file.
        const cause = outcome.cause as { name?: unknown; code?: unknown } | null;
        request.log.warn(
          { problem: outcome.problem, cause: { name: cause?.name, code: cause?.code } },
          'OIDC login failed',
        );
      }
      return sendProblem(request, reply, outcome.problem, outcome.providerError);
    }
    await startSession(request, reply, { userId: outcome.userId, stage: outcome.stage, method: 'oidc' });
    // A recipient without a key pair sets one up (a key passphrase) before going on.
    const next = await keysAfterOidcLogin(request, { userId: outcome.userId, next: flow?.next });
    return reply.redirect(pathForStage(outcome.stage, next), 303);
  });
}

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: OidcProblem,
  providerError?: string,
): FastifyReply {
  return sendPage(
    reply,
    OidcProblemPage({ page: pageContext(request), problem, providerError }),
    oidcProblemStatus(problem),
  );
}

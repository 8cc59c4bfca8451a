import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hmacBase64Url, randomToken, safeEqual } from '../crypto/tokens.js';
import { AppError } from '../errors.js';
import { setCookie } from './cookies.js';

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Static files: they render no form, and their answers are cacheable (see static.routes.ts). */
const STATIC_PREFIXES = ['/assets/', '/build/'] as const;

/**
 * CSRF protection for every state-changing request, with or without a session:
 * each browser holds a random session cookie, and forms carry an HMAC of it under a server secret.
 * An attacker's page can neither read the cookie nor compute the HMAC; on top of that a request
 * whose Origin header names another site is refused. The cookie is renewed at every login
 * ({@link rotateCsrf}), which binds the token to the session.
 */
export function registerCsrf(app: FastifyInstance, secret: string): void {
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    // A cookie on a cacheable answer could be handed by a shared cache to every later visitor,
    // all with the same (known) CSRF cookie; static files need none.
    if (SAFE_METHODS.has(request.method) && STATIC_PREFIXES.some((p) => request.url.startsWith(p))) return;
    const sent = request.cookies[CSRF_COOKIE];
    const valid = sent && /^[A-Za-z0-9_-]{43}$/.test(sent) ? sent : undefined;
    // Refusing a POST that arrives without a valid cookie is done below.
    if (!valid) request.cookies[CSRF_COOKIE] = '';
    // The token (and, for a new browser, the cookie) is made only when a page asks for it to
    // put in a form: pages without forms set no cookie at all and cost nothing here.
    let token: string | undefined;
    Object.defineProperty(request, 'csrfToken', {
      configurable: true,
      enumerable: true,
      get(): string {
        if (token === undefined) {
          let value = valid;
          if (!value) {
            value = randomToken(32);
            setCookie(reply, CSRF_COOKIE, value);
            // The new cookie lets the form on this page be posted; a POST without one stays refused.
            if (SAFE_METHODS.has(request.method)) request.cookies[CSRF_COOKIE] = value;
          }
          token = hmacBase64Url(secret, value);
        }
        return token;
      },
      set(value: string) {
        token = value;
      },
    });
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (!isSameOrigin(request)) throw new AppError('csrf_invalid');
    // `csrf: 'origin'` (page feedback only): the form sits on public pages rendered once per
    // language and cached for every anonymous visitor, so it cannot carry a per-browser token.
    // The exception is safe because such a route is anonymous and session-less: it acts with no
    // one's authority, so a forged post can do nothing a visitor could not do directly. The
    // same-origin rule above still refuses another site's post (Fetch metadata / Origin).
    if (request.routeOptions.config.csrf === 'origin') {
      if (!request.routeOptions.config.anonymous || request.routeOptions.config.access !== 'public') {
        throw new AppError('csrf_invalid');
      }
      return;
    }
    // Multipart bodies are streamed: readMultipartForm checks the token, which comes first.
    if (request.routeOptions.config.multipart && request.isMultipart()) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const sent = submittedToken(request);
    if (!cookie || !sent || !safeEqual(sent, hmacBase64Url(secret, cookie))) {
      throw new AppError('csrf_invalid');
    }
  });

  app.decorate('csrfSecret', secret);
}

/**
 * Checks a token read from a streamed (multipart) body against this browser's cookie.
 * @throws AppError `csrf_invalid`
 */
export function verifyCsrfToken(request: FastifyRequest, token: string): void {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie || !token || !safeEqual(token, hmacBase64Url(request.server.csrfSecret, cookie))) {
    throw new AppError('csrf_invalid');
  }
}

/** Gives the browser a new CSRF cookie (at login and logout) and updates this request's token. */
export function rotateCsrf(request: FastifyRequest, reply: FastifyReply): void {
  const value = randomToken(32);
  setCookie(reply, CSRF_COOKIE, value);
  request.cookies[CSRF_COOKIE] = value;
  request.csrfToken = hmacBase64Url(request.server.csrfSecret, value);
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (body && typeof body === 'object' && CSRF_FIELD in body) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === 'string') return field;
  }
  return undefined;
}

function isSameOrigin(request: FastifyRequest): boolean {
  // Browsers that send Fetch metadata say outright when a request comes from another site.
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  // Our `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on their own form posts;
  // Fetch metadata then tells a same-origin post from another site's (the token is checked anyway).
  if (origin === 'null') {
    const site = request.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin';
  }
  try {
    const { host } = new URL(origin);
    const publicHost = new URL(request.server.deps.config.publicUrl).host;
    return host === request.headers.host || host === publicHost;
  } catch {
    return false;
  }
}

import type { FastifyRequest } from 'fastify';
import type { Auth } from '../http/request-context.js';
import type { Translate } from './i18n/catalogue.js';
import type { Locale } from './i18n/define.js';

/** What every view needs from the request: language, translator, who is signed in, CSRF token. */
export interface PageContext {
  readonly locale: Locale;
  readonly t: Translate;
  /** The path and query of this page (for the language switch's way back). */
  readonly path: string;
  readonly csrfToken: string;
  readonly auth: Auth | null;
  readonly demo: boolean;
  readonly oidcEnabled: boolean;
}

export function pageContext(request: FastifyRequest): PageContext {
  const { config } = request.server.deps;
  return {
    locale: request.locale,
    t: request.t,
    path: request.url,
    // Read only by pages with a form: a page without one sets no CSRF cookie.
    get csrfToken() {
      return request.csrfToken;
    },
    auth: request.auth?.stage === 'active' ? request.auth : null,
    demo: config.demo,
    oidcEnabled: config.oidc !== undefined,
  };
}

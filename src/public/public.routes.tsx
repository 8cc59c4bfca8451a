import type { FastifyInstance } from 'fastify';
import type { FunctionComponent } from 'preact';
import { setCookie } from '../platform/http/cookies.js';
import { LOCALE_COOKIE } from '../platform/http/locale.js';
import { ErrorPage } from '../platform/ui/error-page.js';
import { isLocale } from '../platform/ui/i18n/define.js';
import { type PageContext, pageContext } from '../platform/ui/page-context.js';
import { renderPage, sendPage } from '../platform/ui/render.js';
import {
  AccessibilityPage,
  DetectionPage,
  HomePage,
  PreventionPage,
  PrivacyPage,
  ReactionPage,
} from './public.views.js';

/** How long the language choice is remembered. */
const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** The public pages by path; all are readable by anyone and record nothing about the visitor. */
export const publicPages: Readonly<Record<string, FunctionComponent<{ page: PageContext }>>> = {
  '/': HomePage,
  '/prevention': PreventionPage,
  '/detection': DetectionPage,
  '/reaction': ReactionPage,
  '/accessibility': AccessibilityPage,
  '/privacy': PrivacyPage,
};

/**
 * Where the language switch may send the browser back to: a path on this site, or `/`.
 * Refuses anything a browser could read as another origin (`//host`, `/\host`, a scheme) and
 * anything outside visible ASCII (browsers drop tabs and newlines, which turns `/\t/host` into
 * `//host`; other characters could not go into a Location header).
 */
export function localPathOrHome(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return '/';
  if (!/^\/(?![/\\])[\x21-\x7e]*$/.test(next) || next.includes('\\')) return '/';
  return next;
}

/** The public pages and the language switch. */
export function registerPublicRoutes(app: FastifyInstance): void {
  for (const [path, View] of Object.entries(publicPages)) {
    // For anonymous visitors a public page depends only on its language (no form, no name), so
    // it is rendered once per language and served from memory: a bounded cache of 2 × 6 pages.
    const rendered = new Map<string, Buffer>();
    app.get(path, { config: { access: 'public', anonymous: true } }, async (request, reply) => {
      const page = pageContext(request);
      if (page.auth !== null || request.url !== path) return sendPage(reply, <View page={page} />);
      let html = rendered.get(page.locale);
      if (html === undefined) {
        html = Buffer.from(renderPage(<View page={page} />), 'utf8');
        rendered.set(page.locale, html);
      }
      return sendPage(reply, html);
    });
  }

  /** `GET /language?to=en&next=/path`: remembers the choice for a year and goes back. */
  app.get('/language', { config: { access: 'public', anonymous: true } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const to = query.to;
    if (!isLocale(to)) {
      const page = pageContext(request);
      return sendPage(reply, <ErrorPage page={page} status={400} message="public.language.invalid" />, 400);
    }
    setCookie(reply, LOCALE_COOKIE, to, { maxAgeSeconds: LANGUAGE_COOKIE_SECONDS, httpOnly: true });
    return reply.redirect(localPathOrHome(query.next), 303);
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { translator } from '../ui/i18n/catalogue.js';
import { defaultLocale, isLocale, type Locale } from '../ui/i18n/define.js';

export const LOCALE_COOKIE = 'lang';

/** The first supported language in an Accept-Language header, by quality. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  return ranked.map((entry) => entry.lang).find(isLocale);
}

/** The cookie wins (an explicit choice), then Accept-Language, then Dutch. */
export function resolveLocale(request: FastifyRequest): Locale {
  const fromCookie = request.cookies[LOCALE_COOKIE];
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? defaultLocale;
}

export function registerLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', defaultLocale);
  app.decorateRequest('t', null as never);
  app.addHook('onRequest', async (request) => {
    request.locale = resolveLocale(request);
    request.t = translator(request.locale);
  });
}

import type { Translate } from '../../platform/ui/i18n/catalogue.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import type { WaitEstimate } from '../chat/wait-estimator.js';

/**
 * Pure helpers of the visitor's chat pages: the sentences of the status region, the "real
 * change" key the browser script compares, admission control, and dates in Brussels time.
 */

/** The state of a chat as the status region shows it. */
export interface ChatStatusView {
  readonly state: string;
  readonly position: number | null;
  readonly estimate: WaitEstimate | null;
  readonly agentName: string | null;
}

/** The wait sentence (`contact.wait.*`). */
export function waitText(t: Translate, estimate: WaitEstimate): string {
  switch (estimate.kind) {
    case 'none':
      return t('contact.wait.none');
    case 'soon':
      return t('contact.wait.soon');
    case 'range':
      return t('contact.wait.range', { low: estimate.lowMinutes, high: estimate.highMinutes });
    default: {
      const never: never = estimate;
      return never;
    }
  }
}

/** The sentence of the status region: place and wait while queued, who joined once active. */
export function statusText(t: Translate, status: ChatStatusView): string {
  switch (status.state) {
    case 'queued': {
      const place = t('visitor.status.queued', { position: status.position ?? 1 });
      return status.estimate ? `${place} ${waitText(t, status.estimate)}` : place;
    }
    case 'active':
      return status.agentName
        ? t('visitor.status.active', { name: status.agentName })
        : t('visitor.status.active_anonymous');
    case 'ended':
      return t('visitor.status.ended');
    default:
      return t('visitor.status.left');
  }
}

/**
 * What makes a status change "real" for the live region: state, place, the shown wait and the
 * agent. The browser script compares this key (never the wording), so a reconnect that brings
 * the same status announces nothing.
 */
export function statusKey(status: ChatStatusView): string {
  const e = status.estimate;
  const wait = !e ? '-' : e.kind === 'range' ? `${e.lowMinutes}-${e.highMinutes}` : e.kind;
  return [status.state, status.position ?? '-', wait, status.agentName ?? '-'].join('|');
}

/**
 * Admission control: whether a visitor about to join should first be offered e-mail. That is so
 * when nobody is online to give an estimate, or when the upper end of the shown range is above
 * the threshold (a visitor told "10 to 20 minutes" may well wait 20).
 */
export function shouldOfferEmail(estimate: WaitEstimate, maxWaitMinutes: number): boolean {
  if (estimate.kind === 'none') return true;
  if (estimate.kind === 'soon') return false;
  return estimate.highMinutes > maxWaitMinutes;
}

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Brussels',
  }),
};
const timeFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }),
};
const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-BE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Brussels',
  }),
};

/** "maandag 1 december om 09:00" / "Monday 1 December at 09:00", Brussels time. */
export function formatOpening(date: Date, locale: Locale): string {
  return dateTimeFormats[locale].format(date);
}

/** "09:05", Brussels time. */
export function formatTime(date: Date, locale: Locale): string {
  return timeFormats[locale].format(date);
}

/** "1 december 2026", Brussels time. */
export function formatDay(date: Date, locale: Locale): string {
  return dayFormats[locale].format(date);
}

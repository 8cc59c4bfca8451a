import { defaultLocale, type Locale } from './define.js';
import { adminMessages } from './messages/admin.js';
import { contactMessages } from './messages/contact.js';
import { contactAdminMessages } from './messages/contact-admin.js';
import { contactChatMessages } from './messages/contact-chat.js';
import { contactConsoleMessages } from './messages/contact-console.js';
import { contactEmailMessages } from './messages/contact-email.js';
import { contactVisitorMessages } from './messages/contact-visitor.js';
import { identityMessages } from './messages/identity.js';
import { keysMessages } from './messages/keys.js';
import { mailMessages } from './messages/mail.js';
import { oidcMessages } from './messages/oidc.js';
import { platformMessages } from './messages/platform.js';
import { publicMessages } from './messages/public.js';
import { reportingMessages } from './messages/reporting.js';
import { reportingChannelsMessages } from './messages/reporting-channels.js';
import { reportingHandlingMessages } from './messages/reporting-handling.js';
import { reportingMailboxMessages } from './messages/reporting-mailbox.js';
import { reportingSubmitMessages } from './messages/reporting-submit.js';
import { uiMessages } from './messages/ui.js';

/**
 * All messages of the interface, composed from one file per area in `messages/`.
 * Add an area by importing it here; keys must be unique across areas (checked in i18n.test.ts).
 */
export const catalogueParts = [
  adminMessages,
  platformMessages,
  oidcMessages,
  uiMessages,
  publicMessages,
  identityMessages,
  reportingMessages,
  keysMessages,
  reportingSubmitMessages,
  reportingMailboxMessages,
  reportingHandlingMessages,
  reportingChannelsMessages,
  mailMessages,
  contactMessages,
  contactChatMessages,
  contactVisitorMessages,
  contactConsoleMessages,
  contactEmailMessages,
  contactAdminMessages,
] as const;

type Part = (typeof catalogueParts)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
export type Messages = UnionToIntersection<Part['nl']>;
export type MessageKey = keyof Messages & string;

export const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  nl: Object.freeze(Object.assign({}, ...catalogueParts.map((p) => p.nl))),
  en: Object.freeze(Object.assign({}, ...catalogueParts.map((p) => p.en))),
};

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

function makeTranslator(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) => {
    const text = messages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : match,
    );
  };
}

const translators: Readonly<Record<Locale, Translate>> = {
  nl: makeTranslator('nl'),
  en: makeTranslator('en'),
};

/**
 * Returns the translator for a locale (made once per language); unknown placeholders are left
 * visible, never dropped.
 */
export function translator(locale: Locale): Translate {
  return translators[locale] ?? translators[defaultLocale];
}

/** Whether a string is a known message key (for codes that arrive at run time, like error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogues.nl, key);
}

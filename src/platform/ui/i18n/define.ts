/** The languages of the interface; Dutch is the default and the binding text. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/**
 * Declares one domain's messages in both languages. The English object must have exactly the
 * Dutch keys (the compiler says so; `i18n.test.ts` checks it again at run time).
 * Placeholders are written `{name}`.
 */
export function defineMessages<const T extends Record<string, string>>(
  nl: T,
  en: { readonly [K in keyof T]: string },
): { readonly nl: T; readonly en: { readonly [K in keyof T]: string } } {
  return { nl, en };
}

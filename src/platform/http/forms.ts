import type { z } from 'zod';
import type { MessageKey } from '../ui/i18n/catalogue.js';
import { isMessageKey } from '../ui/i18n/catalogue.js';

/** Field name → message key, in the order the fields appear (for the error summary). */
export type FieldErrors = Readonly<Record<string, MessageKey>>;

export type FormResult<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly errors: FieldErrors;
      readonly values: Readonly<Record<string, string | string[]>>;
    };

/**
 * Parses a url-encoded form body with a Zod schema whose messages are catalogue keys
 * (`z.string().min(1, 'login.error_login_required')`). On failure it returns one message per
 * field and the submitted values as strings, so the page can be shown again with nothing lost.
 * Any body that is not a plain object of strings (arrays for repeated fields) is treated as empty.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const values = formValues(body);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const found = new Map<string, MessageKey>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (found.has(field)) continue;
    found.set(field, isMessageKey(issue.message) ? issue.message : 'error.validation_failed');
  }
  // Browsers submit fields in the order of the page: listing the messages in that order makes the
  // error summary read like the form (fields that were not sent at all come last).
  const submitted = Object.keys(values);
  const position = (field: string) => {
    const index = submitted.indexOf(field);
    return index === -1 ? submitted.length : index;
  };
  const ordered = [...found.entries()].sort(([a], [b]) => position(a) - position(b));
  return { ok: false, errors: Object.fromEntries(ordered), values };
}

/** The body's string fields (and arrays of strings); anything else is dropped. `_csrf` is left out. */
export function formValues(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key.length > 100) continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}

/** A single string value from form values (the first one if repeated), or ''. */
export function fieldValue(
  values: Readonly<Record<string, string | string[]>> | undefined,
  name: string,
): string {
  const v = values?.[name];
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (v[0] ?? '');
}

/**
 * Pure rules of the login flow.
 */

/** Where a signed-in person lands when no (valid) `next` was given. */
export const DEFAULT_AFTER_LOGIN = '/account';

/**
 * `next` if it is a path on this site, else undefined: only `/…`, never `//host` or `/\host`
 * (which browsers treat as another origin), visible ASCII only, at most 1000 characters.
 * Control characters and spaces could be dropped by a browser (`/\t/host` is `//host`), and
 * anything beyond ASCII cannot go into the Location header (Node throws: a 500 after the login).
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (!/^[\x21-\x7e]*$/.test(value) || value.includes('\\')) return undefined;
  return value;
}

/** A login step's URL with the `next` path carried along when there is one. */
export function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** The page a session in `stage` goes to after the first factor. */
export function pathForStage(stage: 'active' | 'second_factor' | 'enrol', next: string | undefined): string {
  switch (stage) {
    case 'active':
      return next ?? DEFAULT_AFTER_LOGIN;
    case 'second_factor':
      return withNext('/login/second-factor', next);
    case 'enrol':
      return withNext('/login/enrol', next);
    default: {
      const never: never = stage;
      return never;
    }
  }
}

/**
 * Why a login-step form was refused: the message for one field, and the status to answer with.
 * `retryAfterSeconds` is set when a throttle refused it (status 429).
 */
export interface FormRefusal<K extends string = string> {
  readonly ok: false;
  readonly status: 401 | 403 | 404 | 409 | 422 | 429;
  readonly field: string;
  readonly message: K;
  readonly retryAfterSeconds?: number;
}

/**
 * What the audit log keeps of a typed login name: the name or e-mail address when it looks like
 * one, else a placeholder, because people now and then type their password into the name field.
 */
export function loginForAudit(login: string): string {
  const value = login.trim().toLowerCase();
  if (/^[a-z0-9][a-z0-9._-]{1,63}$/.test(value) || /^[^\s@]{1,64}@[^\s@]{1,189}$/.test(value)) return value;
  return '(not a user name)';
}

import { safeNextPath, withNext } from '../../identity/login.js';

/** The keys pages (fixed URL map: others link to these). */
export const KEYS_PATH = '/account/keys';
export const KEYS_UNLOCK_PATH = '/account/keys/unlock';
export const KEYS_SETUP_PATH = '/account/keys/setup';
export const KEYS_RECOVER_PATH = '/account/keys/recover';
export const KEYS_RECOVERY_KEY_PATH = '/account/keys/recovery-key';

/** Longest `next` the login pages accept (see `safeNextPath`). */
const MAX_NEXT = 1000;

/**
 * `path?next=…` when `next` is a path on this site and the result stays short enough to be
 * carried through the login steps as a `next` itself; else `path` alone (the person then lands
 * on the keys page's default instead of a foreign or broken address).
 */
export function keysPathWithNext(path: string, next: unknown): string {
  const safe = safeNextPath(next);
  const full = withNext(path, safe);
  return full.length <= MAX_NEXT ? full : path;
}

import type { FastifyRequest } from 'fastify';
import { KEYS_UNLOCK_PATH, keysPathWithNext } from './key-paths.js';
import type { UnlockedKeys } from './keyring.js';

/**
 * The unlocked keys of the signed-in recipient on this request, or null when the session is not
 * active or its keys are locked (never unlocked since login, dropped after idle time, a restart,
 * or another app instance). Routes that need them redirect to {@link keysUnlockPath}.
 */
export function unlockedKeysOf(request: FastifyRequest): UnlockedKeys | null {
  const auth = request.auth;
  if (auth?.stage !== 'active') return null;
  return request.server.keyring.get(auth.sessionIdHash, request.server.deps.clock.now().getTime());
}

/**
 * Where to send a recipient whose keys are locked: the unlock page, which comes back to `next`
 * (a local path such as `request.url`; anything else is dropped) once the keys are open. The
 * unlock page itself leads to key setup when the person has no key pair yet.
 */
export function keysUnlockPath(next: string): string {
  return keysPathWithNext(KEYS_UNLOCK_PATH, next);
}

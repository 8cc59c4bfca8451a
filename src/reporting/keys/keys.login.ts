import type { FastifyRequest } from 'fastify';
import { isRecipient } from '../../identity/role.js';
import { findRolesOfUser } from '../../identity/user.repository.js';
import { KEYS_RECOVERY_KEY_PATH, KEYS_SETUP_PATH, keysPathWithNext } from './key-paths.js';
import { findUserKeys } from './user-keys.repository.js';
import { openKeysAtPasswordLogin } from './user-keys.service.js';

/**
 * The key pair's part in a password login, called once the password is verified and the new
 * session started (`sessionIdHash` is the new session's). Opens the recipient's key pair into the
 * keyring, or makes one and keeps it **unstored**, with its recovery key, in the session's keyring
 * entry: `/account/keys/recovery-key` stores it and shows the recovery key once, after the
 * remaining login steps. A login abandoned before then stores nothing (the next one starts over).
 * Never fails the login: a key that does not open stays locked (the keys page explains), and an
 * unexpected error is logged (without any secret) and the login goes on with the key locked.
 * @returns the `next` path to continue with after the remaining login steps: through the
 *   recovery key page when a key pair was just made, else `next` unchanged.
 */
export async function keysAfterPasswordLogin(
  request: FastifyRequest,
  input: {
    readonly userId: string;
    readonly password: string;
    readonly sessionIdHash: string;
    readonly next: string | undefined;
  },
): Promise<string | undefined> {
  const { keyring, deps } = request.server;
  const now = deps.clock.now();
  const nowMs = now.getTime();
  // Already open for this user (a second login from a signed-in browser): nothing to redo.
  if (keyring.get(input.sessionIdHash, nowMs)?.userId === input.userId) return input.next;
  // Made at an earlier password step of this browser and not stored yet: keep that one.
  if (keyring.pendingOf(input.sessionIdHash, nowMs)?.userId === input.userId) {
    return keysPathWithNext(KEYS_RECOVERY_KEY_PATH, input.next);
  }
  try {
    const outcome = await openKeysAtPasswordLogin(deps.database.db, {
      userId: input.userId,
      password: input.password,
    });
    switch (outcome.status) {
      case 'not_needed':
        return input.next;
      case 'opened':
        keyring.put(input.sessionIdHash, outcome.keys, nowMs);
        return input.next;
      case 'pending':
        keyring.putPending(input.sessionIdHash, outcome, nowMs);
        return keysPathWithNext(KEYS_RECOVERY_KEY_PATH, input.next);
      case 'locked':
        // A passphrase wrap is expected to stay locked; a password wrap that does not open is not.
        if (outcome.reason === 'unwrap_failed') {
          request.log.warn({ userId: input.userId }, 'the login password did not open the key pair');
        }
        return input.next;
      default: {
        const never: never = outcome;
        return never;
      }
    }
  } catch (error) {
    // Logging in matters more than the key: it can be unlocked later on the keys page.
    request.log.error({ err: error, userId: input.userId }, 'key pair could not be opened at login');
    return input.next;
  }
}

/**
 * The key pair's part in an OIDC login: a recipient without a key pair is sent to set one up
 * (with a key passphrase, or their password for a local account) before going on to `next`.
 * A key pair that exists stays locked until it is needed (the handling pages send the person to
 * the unlock page). Never fails the login (errors are logged and `next` is kept).
 */
export async function keysAfterOidcLogin(
  request: FastifyRequest,
  input: { readonly userId: string; readonly next: string | undefined },
): Promise<string | undefined> {
  const { db } = request.server.deps.database;
  try {
    const [roles, record] = await Promise.all([
      findRolesOfUser(db, input.userId),
      findUserKeys(db, input.userId),
    ]);
    if (!isRecipient(roles) || record) return input.next;
    return keysPathWithNext(KEYS_SETUP_PATH, input.next);
  } catch (error) {
    request.log.error({ err: error, userId: input.userId }, 'key pair state unknown at OIDC login');
    return input.next;
  }
}

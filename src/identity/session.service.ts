import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, sha256Hex } from '../platform/crypto/tokens.js';
import type { Db } from '../platform/db/database.js';
import type { SessionRow } from '../platform/db/schema.js';
import { clearCookie, setCookie } from '../platform/http/cookies.js';
import { rotateCsrf } from '../platform/http/csrf.js';
import type { Auth } from '../platform/http/request-context.js';
import {
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './session.repository.js';

export const SESSION_COOKIE = 'sid';
/** Touch `last_seen_at` at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimeouts {
  readonly idleMinutes: number;
  readonly maxHours: number;
}

/**
 * Resolves the session cookie into an {@link Auth}, or null when there is none, it is unknown,
 * idle for too long, past its absolute lifetime, or its user is deactivated (then it is deleted).
 */
export async function resolveSession(
  db: Db,
  cookieValue: string | undefined,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<Auth | null> {
  if (!cookieValue || cookieValue.length > 100) return null;
  const idHash = sha256Hex(cookieValue);
  const found = await findSessionWithUser(db, idHash);
  if (!found) return null;
  const { session, user, roles } = found;
  const idleLimit = session.last_seen_at.getTime() + timeouts.idleMinutes * 60_000;
  if (!user.active || session.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, idHash, now);
  }
  return {
    userId: user.id,
    name: user.name,
    username: user.username,
    roles,
    stage: session.stage,
    sessionIdHash: idHash,
    method: session.method,
  };
}

/**
 * Starts a new session for a user after the first login step, replacing any session this browser
 * had (rotation at login) and renewing its CSRF cookie. Returns the new session's id hash.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    readonly userId: string;
    readonly stage: SessionRow['stage'];
    readonly method: SessionRow['method'];
  },
): Promise<string> {
  const { db } = request.server.deps.database;
  const { config, clock } = request.server.deps;
  const now = clock.now();
  if (request.auth) await deleteSession(db, request.auth.sessionIdHash);
  const value = randomToken(32);
  const idHash = sha256Hex(value);
  // Unlocked report keys follow the session of the same user across a rotation, never another's.
  if (request.auth?.userId === input.userId) request.server.keyring.move(request.auth.sessionIdHash, idHash);
  else if (request.auth) request.server.keyring.dropSession(request.auth.sessionIdHash);
  await insertSession(db, {
    id_hash: idHash,
    user_id: input.userId,
    stage: input.stage,
    method: input.method,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + config.session.maxHours * 3_600_000),
  });
  setCookie(reply, SESSION_COOKIE, value);
  rotateCsrf(request, reply);
  return idHash;
}

/**
 * Moves a session to a new stage (second factor done, enrolment done) under a new identifier:
 * a privilege change always rotates the session id.
 */
export async function elevateSession(
  request: FastifyRequest,
  reply: FastifyReply,
  stage: SessionRow['stage'],
): Promise<void> {
  const auth = request.auth;
  if (!auth) return;
  await startSession(request, reply, { userId: auth.userId, stage, method: auth.method });
}

/** Ends this browser's session and clears its cookie. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.auth) {
    await deleteSession(request.server.deps.database.db, request.auth.sessionIdHash);
    request.server.keyring.dropSession(request.auth.sessionIdHash);
  }
  clearCookie(reply, SESSION_COOKIE);
  rotateCsrf(request, reply);
}

/** Ends every session of the user, including (unless kept) this one. */
export async function endAllSessions(db: Db, userId: string, keepIdHash?: string): Promise<number> {
  return deleteSessionsOfUser(db, userId, keepIdHash);
}

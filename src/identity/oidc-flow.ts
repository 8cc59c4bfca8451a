import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The state of one OpenID Connect login between `/auth/oidc/start` and the callback, kept in the
 * browser as an HttpOnly cookie sealed with AES-256-GCM: nothing is stored on the server, so any
 * app instance can finish a login another one started, and the browser can neither read the
 * PKCE verifier nor change any value.
 */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A local path to go to after the login (already checked by `safeNextPath`). */
  readonly next: string | undefined;
  /** Milliseconds since the epoch after which the flow is refused. */
  readonly expiresAt: number;
}

export const OIDC_FLOW_COOKIE = 'oidc_flow';
/** How long a person has at the identity provider before the login must start again. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its purpose and format version. */
const AAD = Buffer.from('integrity-desk oidc_flow v1');
const MAX_SEALED_LENGTH = 4000;

/** Derives the 256-bit cookie key from the application secret named `oidc`. */
export function oidcFlowKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', 'integrity-desk oidc flow cookie', 32));
}

/** Seals a flow into a cookie value: base64url(iv ‖ tag ‖ ciphertext). */
export function sealOidcFlow(key: Buffer, flow: OidcFlow): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const payload = JSON.stringify({
    s: flow.state,
    n: flow.nonce,
    v: flow.codeVerifier,
    x: flow.next ?? null,
    e: flow.expiresAt,
  });
  const ciphertext = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/**
 * Opens a sealed flow. Returns undefined when the value is missing, was changed or made with
 * another key, is malformed, or has expired at `now`.
 */
export function openOidcFlow(key: Buffer, sealed: string | undefined, now: Date): OidcFlow | undefined {
  if (!sealed || sealed.length > MAX_SEALED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined;
  const raw = Buffer.from(sealed, 'base64url');
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  let payload: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    payload = JSON.parse(plain.toString('utf8'));
  } catch {
    // A failed authentication tag is the expected answer to a forged or foreign cookie.
    return undefined;
  }
  if (!payload || typeof payload !== 'object') return undefined;
  const { s, n, v, x, e } = payload as Record<string, unknown>;
  if (typeof s !== 'string' || typeof n !== 'string' || typeof v !== 'string' || typeof e !== 'number') {
    return undefined;
  }
  if (x !== null && typeof x !== 'string') return undefined;
  if (e <= now.getTime()) return undefined;
  return { state: s, nonce: n, codeVerifier: v, next: x ?? undefined, expiresAt: e };
}

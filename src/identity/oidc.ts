/**
 * Pure rules of the OpenID Connect login: no I/O, tested without a database.
 */

/** `amr` values (RFC 8176) that say the identity provider itself did a multi-factor login. */
const MFA_AMR_VALUES: ReadonlySet<string> = new Set(['mfa', 'otp', 'hwk']);
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Longest base of a derived username: leaves room for a numeric or random suffix within 64. */
const USERNAME_BASE_MAX = 56;

/** Whether the identity provider reports a multi-factor authentication in the ID token's `amr`. */
export function providerDidMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((value) => typeof value === 'string' && MFA_AMR_VALUES.has(value));
}

/**
 * Whether requests to this issuer may go over plain http: only on the loopback interface (tests
 * and local development). Every other issuer must use https.
 */
export function allowsInsecureIssuer(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The base of a username for a new account: the e-mail's local part, lower-cased, accents
 * removed, only `a-z 0-9 . _ -`, starting with a letter or digit (the `users.username` check).
 * `Jan.Peeters@x.be` → `jan.peeters`; `Émile@x.be` → `emile`. Falls back to `user`.
 */
export function usernameBase(email: string): string {
  const local = email.split('@')[0] ?? '';
  const cleaned = local
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^[._-]+/, '')
    .slice(0, USERNAME_BASE_MAX);
  return cleaned.length >= 2 ? cleaned : 'user';
}

/** The usernames to try, in order, for a base: `jan`, `jan2` … `jan9`. */
export function usernameCandidates(base: string): string[] {
  return [base, ...Array.from({ length: 8 }, (_, i) => `${base}${i + 2}`)];
}

/**
 * The identity claims the login needs, taken from the ID token and, where it lacks them, the
 * userinfo response. An e-mail the provider marks as unverified (`email_verified: false`) is
 * dropped: it is used neither to match an account nor to create one. `emailVerified` is true only
 * when the provider says so outright; only such an address may link an existing account.
 */
export function identityFromClaims(
  idToken: Readonly<Record<string, unknown>>,
  userinfo: Readonly<Record<string, unknown>> = {},
): { subject: string; email: string | undefined; emailVerified: boolean; name: string | undefined } {
  const pick = (key: string): unknown => idToken[key] ?? userinfo[key];
  const subject = String(idToken.sub ?? '');
  const rawEmail = pick('email');
  const email =
    typeof rawEmail === 'string' &&
    rawEmail.trim().length >= 3 &&
    rawEmail.trim().length <= 254 &&
    /^[^\s@]+@[^\s@]+$/.test(rawEmail.trim()) &&
    pick('email_verified') !== false
      ? rawEmail.trim()
      : undefined;
  return { subject, email, emailVerified: pick('email_verified') === true, name: displayName(pick) };
}

function displayName(pick: (key: string) => unknown): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
  const candidates = [
    text(pick('name')),
    [text(pick('given_name')), text(pick('family_name'))].filter(Boolean).join(' '),
    text(pick('preferred_username')),
  ];
  const found = candidates.find((c) => c.length > 0);
  return found ? found.slice(0, 200) : undefined;
}

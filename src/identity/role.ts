/**
 * The roles of PRODUCT.md §2. A user has one or more. Stored as these identifiers (see the
 * `user_roles` check constraint): renaming one needs a migration.
 */
export const roles = [
  'staff',
  'manager',
  'counselor',
  'handler',
  'investigator',
  'discipline',
  'agent',
  'coordinator',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Roles that can read case content, plus admin: they must use a second factor (TOTP). */
export const rolesRequiringSecondFactor: ReadonlySet<Role> = new Set([
  'handler',
  'investigator',
  'counselor',
  'discipline',
  'admin',
]);

/** Whether a set of roles obliges the user to sign in with a second factor. */
export function requiresSecondFactor(userRoles: readonly string[]): boolean {
  return userRoles.some((role) => rolesRequiringSecondFactor.has(role as Role));
}

/** Roles that can receive reports as recipients of a reporting channel (and hold a key pair). */
export const RECIPIENT_ROLES = ['handler', 'investigator', 'counselor'] as const satisfies readonly Role[];

export function isRecipient(userRoles: readonly string[]): boolean {
  return userRoles.some((role) => (RECIPIENT_ROLES as readonly string[]).includes(role));
}

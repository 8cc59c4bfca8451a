/**
 * Audit events of the identity domain. Payloads are persisted: changing the shape of an existing
 * event needs a migration or a new event type. Never put secrets or passwords in a payload.
 */
declare module '../platform/audit/audit-events.js' {
  interface AuditEventMap {
    'setup.completed': { readonly adminId: string };
    'auth.login_succeeded': { readonly userId: string; readonly method: 'password' | 'oidc' };
    /** `reason` says why, for the reviewer; the person trying to log in is never told which. */
    'auth.login_failed': {
      readonly login: string;
      readonly reason: 'unknown_user' | 'wrong_password' | 'inactive' | 'throttled' | 'oidc_error';
    };
    'auth.second_factor_succeeded': { readonly userId: string; readonly with: 'totp' | 'recovery_code' };
    'auth.second_factor_failed': { readonly userId: string };
    'auth.second_factor_enrolled': { readonly userId: string };
    /** New recovery codes replaced the old ones (the codes themselves are never logged). */
    'auth.recovery_codes_regenerated': { readonly userId: string };
    'auth.logged_out': { readonly userId: string };
    'auth.logged_out_everywhere': { readonly userId: string; readonly sessionsEnded: number };
    'auth.password_changed': { readonly userId: string };
    'user.created': { readonly userId: string; readonly username: string; readonly roles: readonly string[] };
    'user.updated': { readonly userId: string; readonly fields: readonly string[] };
    'user.roles_changed': {
      readonly userId: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };
    'user.deactivated': { readonly userId: string };
    'user.reactivated': { readonly userId: string };
    'user.second_factor_reset': { readonly userId: string };
    'entity.created': {
      readonly entityId: string;
      readonly nameNl: string;
      readonly parentId: string | null;
    };
    'entity.updated': { readonly entityId: string; readonly fields: readonly string[] };
    'settings.changed': { readonly key: string; readonly from: unknown; readonly to: unknown };
  }
}

export {};

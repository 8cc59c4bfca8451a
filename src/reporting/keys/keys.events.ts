/**
 * Audit events of recipients' key pairs besides those in reporting.events.ts (`keys.created`,
 * `keys.recovered`, `keys.rewrapped`). Payloads are persisted and never hold key material.
 */
declare module '../../platform/audit/audit-events.js' {
  interface AuditEventMap {
    /** The recipient opened their key pair with the unlock form (not at login). */
    'keys.unlocked': { readonly userId: string; readonly wrappedWith: 'password' | 'passphrase' };
    /** A new recovery key replaced the old one, which no longer works. */
    'keys.recovery_key_replaced': { readonly userId: string };
  }
}

export {};

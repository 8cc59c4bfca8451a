/**
 * The audit event types and their payloads. Each domain adds its own events by augmenting this
 * interface from its folder (declaration merging), so the union stays typed without the platform
 * knowing the domains:
 *
 * ```ts
 * declare module '../platform/audit/audit-events.js' {
 *   interface AuditEventMap { 'user.created': { userId: string; roles: string[] } }
 * }
 * ```
 * Payloads are persisted: changing the shape of an existing event needs a migration (or a new type).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging.
export interface AuditEventMap {}

export type AuditEventType = keyof AuditEventMap & string;

/** One event as a typed union member: `{ type: 'user.created', data: {…} }`. */
export type AuditEvent = {
  [K in AuditEventType]: { readonly type: K; readonly data: AuditEventMap[K] };
}[AuditEventType];

/**
 * Who caused an event and from where. Staff events may carry the client address and user agent
 * for security review; events caused by reporters and visitors are written with `anonymous`,
 * which by construction has no place for either.
 */
export type AuditOrigin =
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly label: string;
      readonly ip?: string | undefined;
      readonly userAgent?: string | undefined;
    }
  | { readonly kind: 'anonymous'; readonly label: 'reporter' | 'visitor' }
  | { readonly kind: 'system'; readonly label: string };

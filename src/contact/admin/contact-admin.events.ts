/**
 * Audit events of the contact administration. Payloads are persisted (changing their shape needs
 * a migration): ids and whether a record was new, never names, texts or opening hours.
 */
declare module '../../platform/audit/audit-events.js' {
  interface AuditEventMap {
    /** A topic was created or edited (names, slug, order, active, opening hours). */
    'contact.topic_saved': { readonly topicId: string; readonly created: boolean };
    'contact.canned_answer_saved': { readonly answerId: string; readonly created: boolean };
    'contact.canned_answer_deleted': { readonly answerId: string };
  }
}

export {};

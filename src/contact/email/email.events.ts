/**
 * Audit events of e-mail to 1700 and of the contact channel's retention. Payloads are persisted
 * and never hold what was written, nor names or addresses: ids and counts only. Changing a shape
 * needs a migration (or a new event type).
 */
declare module '../../platform/audit/audit-events.js' {
  interface AuditEventMap {
    /** A citizen sent the e-mail form (anonymous `visitor` origin) or a reply arrived by e-mail (system). */
    'contact.email_received': {
      readonly conversationId: string;
      readonly source: 'form' | 'reply';
    };
    /** An agent answered an e-mail conversation; the answer went to the outbox. */
    'contact.email_answered': { readonly conversationId: string; readonly messageId: string };
    'contact.email_closed': { readonly conversationId: string };
    'contact.email_reopened': { readonly conversationId: string };
    /** The retention job deleted what had passed `CONTACT_RETENTION_DAYS` (counts only). */
    'contact.retention_purged': {
      readonly chats: number;
      readonly emails: number;
      readonly mails: number;
      readonly retentionDays: number;
    };
  }
}

export {};

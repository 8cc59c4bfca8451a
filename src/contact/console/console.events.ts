/**
 * Audit events of the agents' console. Payloads are persisted and never hold content (no
 * message, no report text, no receipt, no name): ids and choices from a list only. Changing a
 * payload's shape needs a migration of the stored events' readers.
 */
declare module '../../platform/audit/audit-events.js' {
  interface AuditEventMap {
    /** An agent registered a citizen's integrity question or report from a chat. */
    'contact.report_registered': {
      /** Only for a named report: an anonymous one must not be linkable to the visitor's chat. */
      readonly conversationId?: string;
      readonly reportId: string;
      readonly mode: 'anonymous' | 'named';
      readonly receiptMailed: boolean;
    };
  }
}

export {};

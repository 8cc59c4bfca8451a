/**
 * Audit events of the live chat. Payloads are persisted and never hold what was typed: ids,
 * availability, capacity, topics. Assignments and messages are not audited (they are the chat's
 * own record, kept for the retention period); agents' settings and transfers are.
 */
declare module '../../platform/audit/audit-events.js' {
  interface AuditEventMap {
    /** An agent changed their availability, capacity or topics (only the fields that changed). */
    'chat.agent_updated': {
      readonly userId: string;
      readonly availability?: 'available' | 'away' | 'offline';
      readonly capacity?: number;
      readonly topicIds?: readonly string[];
    };
    /** An agent handed a chat to a colleague or back to a topic's queue. */
    'chat.transferred': {
      readonly conversationId: string;
      readonly fromUserId: string;
      readonly toUserId?: string;
      readonly toTopicId?: string;
    };
  }
}

export {};

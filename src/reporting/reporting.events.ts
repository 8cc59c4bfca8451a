/**
 * Audit events of the reporting domain. Payloads are persisted and never hold report content,
 * answers, file names or identities: ids, channels, reasons chosen from a list, counts.
 * Events caused by reporters are written with the anonymous `reporter` origin (no IP, no user agent).
 */
declare module '../platform/audit/audit-events.js' {
  interface AuditEventMap {
    'report.submitted': {
      readonly reportId: string;
      readonly channelId: string;
      readonly identityMode: 'anonymous' | 'confidential' | 'named';
      readonly source: 'online' | 'oral';
      readonly files: number;
      readonly excluded: number;
    };
    /** A handler opened (decrypted) a report. */
    'report.opened': { readonly reportId: string };
    'report.acknowledged': { readonly reportId: string };
    'report.not_acknowledged': { readonly reportId: string; readonly reason: string };
    'report.message_sent': {
      readonly reportId: string;
      readonly messageId: string;
      readonly author: 'reporter' | 'handler';
      readonly files: number;
    };
    'report.file_downloaded': { readonly reportId: string; readonly fileId: string };
    'report.forwarded': {
      readonly reportId: string;
      readonly fromChannelId: string;
      readonly toChannelId: string;
    };
    'report.recused': { readonly reportId: string; readonly userId: string };
    /** The handler's stated reason is recorded: revealing an identity must be justified. */
    'report.identity_revealed': { readonly reportId: string; readonly reason: string };
    'report.access_granted': { readonly reportId: string; readonly userIds: readonly string[] };
    'report.access_removed': { readonly reportId: string; readonly userIds: readonly string[] };
    'report.minutes_added': { readonly reportId: string; readonly minutesId: string };
    'report.minutes_signed': { readonly reportId: string; readonly minutesId: string };
    'report.minutes_corrections_proposed': { readonly reportId: string; readonly minutesId: string };
    /** The reporter entered a valid receipt (failed attempts are never stored). */
    'report.mailbox_opened': { readonly reportId: string };
    'report.status_changed': { readonly reportId: string; readonly from: string; readonly to: string };
    'channel.created': { readonly channelId: string; readonly slug: string };
    'channel.updated': { readonly channelId: string; readonly fields: readonly string[] };
    'channel.recipients_changed': {
      readonly channelId: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };
    'channel.categories_changed': { readonly channelId: string };
    'channel.questionnaire_published': { readonly channelId: string; readonly version: number };
    'keys.created': { readonly userId: string; readonly wrappedWith: 'password' | 'passphrase' };
    'keys.recovered': { readonly userId: string };
    'keys.rewrapped': { readonly userId: string; readonly wrappedWith: 'password' | 'passphrase' };
    'mail.retried_by_admin': { readonly outboxId: string };
  }
}

export {};

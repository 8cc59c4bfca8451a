import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it: one interface per table, snake_case as stored.
 * Repositories map these rows to camelCase domain types at their edge.
 * Changing a shape here needs a migration that makes the database agree.
 */
export interface Database {
  entities: EntitiesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  app_secrets: AppSecretsTable;
  audit_events: AuditEventsTable;
  report_channels: ReportChannelsTable;
  report_channel_categories: ReportChannelCategoriesTable;
  report_channel_recipients: ReportChannelRecipientsTable;
  questionnaire_versions: QuestionnaireVersionsTable;
  user_keys: UserKeysTable;
  reports: ReportsTable;
  report_key_seals: ReportKeySealsTable;
  report_exclusions: ReportExclusionsTable;
  report_recusals: ReportRecusalsTable;
  report_messages: ReportMessagesTable;
  report_minutes: ReportMinutesTable;
  report_files: ReportFilesTable;
  outbox: OutboxTable;
  contact_topics: ContactTopicsTable;
  contact_agents: ContactAgentsTable;
  contact_agent_topics: ContactAgentTopicsTable;
  contact_conversations: ContactConversationsTable;
  contact_messages: ContactMessagesTable;
  contact_canned_answers: ContactCannedAnswersTable;
  page_feedback: PageFeedbackTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EntitiesTable {
  id: Generated<string>;
  name_nl: string;
  name_en: string;
  parent_id: string | null;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  email: string;
  name: string;
  entity_id: string | null;
  manager_id: string | null;
  active: Generated<boolean>;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** A sealed secret being enrolled, not trusted until confirmed with a code (migration 1210). */
  totp_pending_secret: string | null;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  oidc_subject: string | null;
  last_login_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  stage: 'second_factor' | 'enrol' | 'active';
  method: 'password' | 'oidc';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: DefaultTimestamp;
}

export interface AppSecretsTable {
  name: string;
  value: string;
}

export interface AuditEventsTable {
  id: ColumnType<string, never, never>;
  occurred_at: Timestamp;
  type: string;
  actor_id: string | null;
  actor_label: string | null;
  client_ip: string | null;
  user_agent: string | null;
  data: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

// Reporting (migration 1300). Every `Buffer` column but keys and salts is ciphertext.

export interface ReportChannelsTable {
  id: Generated<string>;
  slug: string;
  name_nl: string;
  name_en: string;
  intro_nl: Generated<string>;
  intro_en: Generated<string>;
  audience: 'everyone' | 'staff';
  active: Generated<boolean>;
  position: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ReportChannelCategoriesTable {
  id: Generated<string>;
  channel_id: string;
  label_nl: string;
  label_en: string;
  position: Generated<number>;
  active: Generated<boolean>;
}

export interface ReportChannelRecipientsTable {
  channel_id: string;
  user_id: string;
}

export interface QuestionnaireVersionsTable {
  id: Generated<string>;
  channel_id: string;
  version: number;
  /** `Question[]` (src/reporting/questionnaire.ts); insert as `JSON.stringify(...)`. */
  questions: ColumnType<unknown, string, never>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface UserKeysTable {
  user_id: string;
  public_key: Buffer;
  wrapped_secret_key: string;
  wrapped_with: 'password' | 'passphrase';
  recovery_wrapped_key: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type IdentityMode = 'anonymous' | 'confidential' | 'named';
export type ReportStatus = 'received' | 'acknowledged' | 'in_treatment' | 'closed';

export interface ReportsTable {
  id: Generated<string>;
  reference: string;
  channel_id: string;
  category_id: string | null;
  questionnaire_version_id: string | null;
  identity_mode: IdentityMode;
  source: 'online' | 'oral';
  status: ReportStatus;
  received_at: Timestamp;
  acknowledgement_due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  not_acknowledged_reason: 'reporter_objected' | 'would_endanger_identity' | 'already_closed' | null;
  feedback_due_at: Timestamp;
  feedback_given_at: Timestamp | null;
  closed_at: Timestamp | null;
  last_activity_at: Timestamp;
  receipt_lookup: string | null;
  receipt_salt: Buffer | null;
  reporter_key: Buffer | null;
  content: Buffer;
  identity: Buffer | null;
  notify_address: Buffer | null;
  created_by: string | null;
}

export interface ReportKeySealsTable {
  report_id: string;
  user_id: string;
  sealed_key: Buffer;
  granted_at: Timestamp;
  granted_by: string | null;
}

export interface ReportExclusionsTable {
  report_id: string;
  user_id: string;
}

export interface ReportRecusalsTable {
  report_id: string;
  user_id: string;
  recused_at: Timestamp;
}

export type ReportMessageKind =
  | 'message'
  | 'acknowledgement'
  | 'not_acknowledged'
  | 'forwarded'
  | 'minutes'
  | 'minutes_signed'
  | 'minutes_corrections'
  | 'status';

export interface ReportMessagesTable {
  id: Generated<string>;
  report_id: string;
  author: 'reporter' | 'handler' | 'system';
  author_user_id: string | null;
  kind: ReportMessageKind;
  body: Buffer | null;
  created_at: Timestamp;
}

export interface ReportMinutesTable {
  id: Generated<string>;
  report_id: string;
  message_id: string;
  status: 'awaiting_signature' | 'signed' | 'corrections_proposed' | 'superseded';
  body: Buffer;
  created_at: Timestamp;
  created_by: string | null;
  answered_at: Timestamp | null;
}

export interface ReportFilesTable {
  id: Generated<string>;
  report_id: string;
  message_id: string | null;
  storage_key: string;
  meta: Buffer;
  size_bytes: number;
  uploaded_by: 'reporter' | 'handler';
  created_at: Timestamp;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

export interface OutboxTable {
  id: Generated<string>;
  message_id: string;
  purpose: string;
  to_address: string;
  subject: string;
  body_text: string;
  /** Extra headers (`In-Reply-To`, `References`…); insert as `JSON.stringify(...)`. */
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  state: OutboxState;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  scrub_after_send: Generated<boolean>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

// Contact channel 1700 (migration 1400).

export interface ContactTopicsTable {
  id: Generated<string>;
  slug: string;
  name_nl: string;
  name_en: string;
  /** An OpeningHours value; insert as `JSON.stringify(...)`. */
  opening_hours: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  position: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type AgentAvailability = 'available' | 'away' | 'offline';

export interface ContactAgentsTable {
  user_id: string;
  availability: ColumnType<AgentAvailability, AgentAvailability | undefined, AgentAvailability>;
  capacity: Generated<number>;
  seen_at: Timestamp | null;
  last_assigned_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}

export interface ContactAgentTopicsTable {
  user_id: string;
  topic_id: string;
}

export type ConversationKind = 'chat' | 'email';
export type ConversationState =
  | 'queued'
  | 'active'
  | 'ended'
  | 'abandoned'
  | 'left'
  | 'open'
  | 'answered'
  | 'closed';

export interface ContactConversationsTable {
  id: Generated<string>;
  kind: ConversationKind;
  topic_id: string;
  state: ConversationState;
  locale: 'nl' | 'en';
  visitor_name: Generated<string>;
  visitor_email: string | null;
  subject: string | null;
  visitor_token_hash: string | null;
  visitor_key_hash: string | null;
  reply_token: string | null;
  /** Message-IDs of the e-mail thread, oldest first; insert as `JSON.stringify(...)`. */
  thread_message_ids: ColumnType<string[], string | undefined, string>;
  queued_at: Timestamp | null;
  assigned_at: Timestamp | null;
  agent_id: string | null;
  visitor_seen_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_by: 'visitor' | 'agent' | 'system' | null;
  due_at: Timestamp | null;
  rating: number | null;
  rating_comment: string | null;
  transcript_sent_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactMessagesTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  conversation_id: string;
  author: 'visitor' | 'agent' | 'system';
  agent_id: string | null;
  body: string;
  message_id: string | null;
  created_at: Timestamp;
}

export interface ContactCannedAnswersTable {
  id: Generated<string>;
  title_nl: string;
  title_en: string;
  body_nl: string;
  body_en: string;
  position: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface PageFeedbackTable {
  id: Generated<string>;
  page: string;
  locale: 'nl' | 'en';
  useful: boolean;
  comment: string | null;
  created_at: Timestamp;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type EntityRow = Selectable<EntitiesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type ReportChannelRow = Selectable<ReportChannelsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type ContactConversationRow = Selectable<ContactConversationsTable>;
export type ContactMessageRow = Selectable<ContactMessagesTable>;
export type ContactTopicRow = Selectable<ContactTopicsTable>;

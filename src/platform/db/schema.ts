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

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type EntityRow = Selectable<EntitiesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

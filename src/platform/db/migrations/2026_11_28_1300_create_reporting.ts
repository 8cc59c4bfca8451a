import { type Kysely, sql } from 'kysely';

/**
 * The reporting channel (issue 3): channels with recipients, categories and versioned
 * questionnaires; users' key pairs; reports with their sealed keys, exclusions, recusals,
 * messages, minutes and files. Everything a reporter wrote is a `bytea` encrypted with the
 * report's own key (docs/security.md); what stays in clear is what the legal clocks, the access
 * rules and the inbox need. A report is the first state of a case: later issues add to it
 * (investigation, decisions) without rewriting these rows. Never edit once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_channels')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'`))
    .addColumn('name_nl', 'text', (c) => c.notNull().check(sql`length(name_nl) between 1 and 200`))
    .addColumn('name_en', 'text', (c) => c.notNull().check(sql`length(name_en) between 1 and 200`))
    .addColumn('intro_nl', 'text', (c) => c.notNull().defaultTo('').check(sql`length(intro_nl) <= 4000`))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo('').check(sql`length(intro_en) <= 4000`))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('everyone','staff')`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('report_channel_categories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('channel_id', 'uuid', (c) => c.notNull().references('report_channels.id').onDelete('cascade'))
    .addColumn('label_nl', 'text', (c) => c.notNull().check(sql`length(label_nl) between 1 and 200`))
    .addColumn('label_en', 'text', (c) => c.notNull().check(sql`length(label_en) between 1 and 200`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  await db.schema
    .createIndex('report_channel_categories_channel_idx')
    .on('report_channel_categories')
    .columns(['channel_id', 'position'])
    .execute();

  await db.schema
    .createTable('report_channel_recipients')
    .addColumn('channel_id', 'uuid', (c) => c.notNull().references('report_channels.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_channel_recipients_pkey', ['channel_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('report_channel_recipients_user_idx')
    .on('report_channel_recipients')
    .column('user_id')
    .execute();

  // Immutable snapshots: every change to a channel's questions is a new version; a report keeps
  // the version it was answered with.
  await db.schema
    .createTable('questionnaire_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('channel_id', 'uuid', (c) => c.notNull().references('report_channels.id').onDelete('restrict'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('questionnaire_versions_channel_version_key', ['channel_id', 'version'])
    .execute();
  await sql`
    create function questionnaire_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'questionnaire versions are immutable: add a new version';
    end;
    $$`.execute(db);
  await sql`
    create trigger questionnaire_versions_no_change before update or delete on questionnaire_versions
    for each row execute function questionnaire_versions_immutable()`.execute(db);

  // One X25519 key pair per recipient user; the secret key only ever stored wrapped.
  await db.schema
    .createTable('user_keys')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('public_key', 'bytea', (c) => c.notNull().check(sql`octet_length(public_key) = 32`))
    /** `sk1.argon2id…` record under the password (local) or the key passphrase (OIDC). */
    .addColumn('wrapped_secret_key', 'text', (c) => c.notNull())
    .addColumn('wrapped_with', 'text', (c) =>
      c.notNull().check(sql`wrapped_with in ('password','passphrase')`),
    )
    /** `sk1.recovery…` record under the recovery key shown once at enrolment. */
    .addColumn('recovery_wrapped_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await sql`create sequence report_reference_seq`.execute(db);
  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    /** Human reference for staff (`M-2026-00042`); never shown to the reporter as a key. */
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'uuid', (c) => c.notNull().references('report_channels.id').onDelete('restrict'))
    .addColumn('category_id', 'uuid', (c) =>
      c.references('report_channel_categories.id').onDelete('set null'),
    )
    .addColumn('questionnaire_version_id', 'uuid', (c) =>
      c.references('questionnaire_versions.id').onDelete('restrict'),
    )
    .addColumn('identity_mode', 'text', (c) =>
      c.notNull().check(sql`identity_mode in ('anonymous','confidential','named')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('online','oral')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('received','acknowledged','in_treatment','closed')`),
    )
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledgement_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('not_acknowledged_reason', 'text', (c) =>
      c.check(
        sql`not_acknowledged_reason in ('reporter_objected','would_endanger_identity','already_closed')`,
      ),
    )
    .addColumn('feedback_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('feedback_given_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('last_activity_at', 'timestamptz', (c) => c.notNull())
    /** Argon2id of the receipt under the installation's lookup salt (base64url): finds the report. */
    .addColumn('receipt_lookup', 'text', (c) => c.unique())
    /** Per-report salt of the receipt key (a second, independent Argon2id). */
    .addColumn('receipt_salt', 'bytea', (c) => c.check(sql`octet_length(receipt_salt) = 16`))
    /** The report key encrypted with the receipt key; null for an oral report without a receipt yet. */
    .addColumn('reporter_key', 'bytea')
    /** Answers (JSON) encrypted with the report key. */
    .addColumn('content', 'bytea', (c) => c.notNull())
    /** Identity of a confidential or named reporter, encrypted; kept apart from `content`. */
    .addColumn('identity', 'bytea')
    /** An address the reporter left for notifications, encrypted. */
    .addColumn('notify_address', 'bytea')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint(
      'reports_identity_matches_mode',
      sql`(identity_mode = 'anonymous') = (identity is null)`,
    )
    .execute();
  await db.schema
    .createIndex('reports_channel_idx')
    .on('reports')
    .columns(['channel_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('reports_ack_due_idx')
    .on('reports')
    .columns(['acknowledgement_due_at', 'id'])
    .execute();
  await db.schema
    .createIndex('reports_feedback_due_idx')
    .on('reports')
    .columns(['feedback_due_at', 'id'])
    .execute();
  await db.schema.createIndex('reports_received_idx').on('reports').columns(['received_at', 'id']).execute();

  // The report key sealed to a user's public key: holding a row is holding access.
  await db.schema
    .createTable('report_key_seals')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('sealed_key', 'bytea', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('report_key_seals_pkey', ['report_id', 'user_id'])
    .execute();
  await db.schema.createIndex('report_key_seals_user_idx').on('report_key_seals').column('user_id').execute();

  // Recipients the reporter named as involved: never see the report in any way.
  await db.schema
    .createTable('report_exclusions')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_exclusions_pkey', ['report_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('report_exclusions_user_idx')
    .on('report_exclusions')
    .column('user_id')
    .execute();

  // Recipients who stepped aside (conflict of interest): access removed, recorded.
  await db.schema
    .createTable('report_recusals')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('recused_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_recusals_pkey', ['report_id', 'user_id'])
    .execute();
  await db.schema.createIndex('report_recusals_user_idx').on('report_recusals').column('user_id').execute();

  await db.schema
    .createTable('report_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull().check(sql`author in ('reporter','handler','system')`))
    /** The handler who wrote it (never shown to the reporter); null for reporter and system. */
    .addColumn('author_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('message','acknowledgement','not_acknowledged','forwarded','minutes','minutes_signed','minutes_corrections','status')`,
        ),
    )
    /** Text encrypted with the report key; null for kinds that carry none. */
    .addColumn('body', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_messages_report_idx')
    .on('report_messages')
    .columns(['report_id', 'created_at'])
    .execute();

  // Minutes of an oral report (meeting or call), for the reporter to sign or correct.
  await db.schema
    .createTable('report_minutes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('report_messages.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('awaiting_signature','signed','corrections_proposed','superseded')`),
    )
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('report_minutes_report_idx').on('report_minutes').column('report_id').execute();

  await db.schema
    .createTable('report_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('message_id', 'uuid', (c) => c.references('report_messages.id').onDelete('cascade'))
    /** Random name of the encrypted file in the upload folder. */
    .addColumn('storage_key', 'text', (c) =>
      c.notNull().unique().check(sql`storage_key ~ '^[A-Za-z0-9_-]{20,64}$'`),
    )
    /** Name and detected media type (JSON), encrypted with the report key. */
    .addColumn('meta', 'bytea', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes >= 0`))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().check(sql`uploaded_by in ('reporter','handler')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_files_report_idx').on('report_files').column('report_id').execute();

  // The durable outbox, worked by the job runner (src/platform/mail). Messages to reporters are
  // scrubbed (address and text) once sent.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    /** Stable RFC 5322 Message-ID: a retried send is recognisably the same message. */
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`length(purpose) between 1 and 60`))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending','sending','sent','failed','held')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('scrub_after_send', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_created_idx').on('outbox').columns(['created_at', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The reporting migration cannot be undone');
}

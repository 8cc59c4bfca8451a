import { type Kysely, sql } from 'kysely';

/**
 * The contact channel 1700 (issue 4): topics with opening hours, agents' availability and
 * capacity, conversations (live chats and e-mail threads) with their messages, canned answers,
 * and page feedback. Nothing here names a visitor's address or browser: a chat is found again by
 * the hash of a random cookie, an e-mail thread by a random reply token. Conversations are
 * deleted after the retention period (src/contact/retention.ts). Never edit once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contact_topics')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'`))
    .addColumn('name_nl', 'text', (c) => c.notNull().check(sql`length(name_nl) between 1 and 200`))
    .addColumn('name_en', 'text', (c) => c.notNull().check(sql`length(name_en) between 1 and 200`))
    /** An OpeningHours value (src/contact/opening-hours.ts), validated before it is stored. */
    .addColumn('opening_hours', 'jsonb', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('contact_agents')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('availability', 'text', (c) =>
      c.notNull().defaultTo('offline').check(sql`availability in ('available','away','offline')`),
    )
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(3).check(sql`capacity between 1 and 10`))
    /** Refreshed while the agent's console is connected; an agent unseen for long counts as offline. */
    .addColumn('seen_at', 'timestamptz')
    /** When the agent last received a chat: among free agents, the one waiting longest gets the next. */
    .addColumn('last_assigned_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('contact_agent_topics')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('contact_agents.user_id').onDelete('cascade'))
    .addColumn('topic_id', 'uuid', (c) => c.notNull().references('contact_topics.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contact_agent_topics_pkey', ['user_id', 'topic_id'])
    .execute();

  await db.schema
    .createTable('contact_conversations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('chat','email')`))
    .addColumn('topic_id', 'uuid', (c) => c.notNull().references('contact_topics.id'))
    /**
     * chat: queued → active → ended, or queued → abandoned (gone past the grace period) / left
     * (the visitor left the queue, perhaps for e-mail). email: open (waiting for an answer) ⇄
     * answered → closed.
     */
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('queued','active','ended','abandoned','left','open','answered','closed')`),
    )
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('nl','en')`))
    .addColumn('visitor_name', 'text', (c) =>
      c.notNull().defaultTo('').check(sql`length(visitor_name) <= 200`),
    )
    .addColumn('visitor_email', 'text', (c) => c.check(sql`length(visitor_email) <= 254`))
    .addColumn('subject', 'text', (c) => c.check(sql`length(subject) <= 200`))
    /** sha256 of the chat cookie that lets the visitor (and only them) return to this chat. */
    .addColumn('visitor_token_hash', 'text', (c) => c.unique())
    /** sha256 of the visitor's long-lived cookie: their earlier conversations for the agent. */
    .addColumn('visitor_key_hash', 'text')
    /** E-mail: the random token in the reply address that threads a citizen's reply here. */
    .addColumn('reply_token', 'text', (c) => c.unique())
    /** E-mail threading: Message-IDs of the thread so far (References), newest last. */
    .addColumn('thread_message_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** Chat: when the visitor entered (or re-entered, after a transfer keeps the original) the queue. */
    .addColumn('queued_at', 'timestamptz')
    .addColumn('assigned_at', 'timestamptz')
    .addColumn('agent_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visitor_seen_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by in ('visitor','agent','system')`))
    /** E-mail: when an answer is due (2 working days after the oldest unanswered message). */
    .addColumn('due_at', 'timestamptz')
    .addColumn('rating', 'smallint', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('rating_comment', 'text', (c) => c.check(sql`length(rating_comment) <= 2000`))
    .addColumn('transcript_sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_conversations_queue_idx')
    .on('contact_conversations')
    .columns(['state', 'topic_id', 'queued_at'])
    .execute();
  await db.schema
    .createIndex('contact_conversations_agent_idx')
    .on('contact_conversations')
    .columns(['agent_id', 'state'])
    .execute();
  await db.schema
    .createIndex('contact_conversations_kind_idx')
    .on('contact_conversations')
    .columns(['kind', 'state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('contact_conversations_assigned_idx')
    .on('contact_conversations')
    .columns(['assigned_at'])
    .execute();
  await db.schema
    .createIndex('contact_conversations_visitor_idx')
    .on('contact_conversations')
    .columns(['visitor_key_hash'])
    .execute();
  await db.schema
    .createIndex('contact_conversations_updated_idx')
    .on('contact_conversations')
    .columns(['updated_at'])
    .execute();

  await db.schema
    .createTable('contact_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity())
    .addColumn('conversation_id', 'uuid', (c) =>
      c.notNull().references('contact_conversations.id').onDelete('cascade'),
    )
    .addColumn('author', 'text', (c) => c.notNull().check(sql`author in ('visitor','agent','system')`))
    .addColumn('agent_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(body) <= 20000`))
    /** E-mail: the Message-ID of this message as sent or received. */
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_messages_conversation_idx')
    .on('contact_messages')
    .columns(['conversation_id', 'seq'])
    .execute();

  await db.schema
    .createTable('contact_canned_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title_nl', 'text', (c) => c.notNull().check(sql`length(title_nl) between 1 and 100`))
    .addColumn('title_en', 'text', (c) => c.notNull().check(sql`length(title_en) between 1 and 100`))
    .addColumn('body_nl', 'text', (c) => c.notNull().check(sql`length(body_nl) between 1 and 2000`))
    .addColumn('body_en', 'text', (c) => c.notNull().check(sql`length(body_en) between 1 and 2000`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // "Was this information useful?" per public page; no address, no browser, no session.
  await db.schema
    .createTable('page_feedback')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('page', 'text', (c) => c.notNull().check(sql`length(page) between 1 and 200`))
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('nl','en')`))
    .addColumn('useful', 'boolean', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.check(sql`length(comment) <= 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('page_feedback_page_idx')
    .on('page_feedback')
    .columns(['page', 'created_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The contact migration cannot be undone');
}

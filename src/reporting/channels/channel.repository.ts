import { sql, type Transaction } from 'kysely';
import { RECIPIENT_ROLES } from '../../identity/role.js';
import type { Db } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { parseStoredQuestions, type Question } from '../questionnaire.js';

/**
 * SQL of the channel administration: channels, their recipients, categories and questionnaire
 * versions. Functions take `db` first; those that lock demand a transaction.
 */

export type Audience = 'everyone' | 'staff';

/** A channel's own fields. */
export interface Channel {
  readonly id: string;
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly introNl: string;
  readonly introEn: string;
  readonly audience: Audience;
  readonly active: boolean;
  readonly position: number;
}

/** The fields an admin sets on a channel. */
export type ChannelFields = Omit<Channel, 'id'>;

/** A channel in the list, with the figures that tell whether it can receive reports. */
export interface ChannelSummary extends Channel {
  /** Recipients who may receive reports now: active users with a recipient role. */
  readonly recipients: number;
  /** Of those, how many have a key pair (only they can be given a report's key). */
  readonly recipientsWithKeys: number;
  /** The current questionnaire version, or null when the channel has none yet. */
  readonly questionnaireVersion: number | null;
  readonly questions: number;
  /** Active categories. */
  readonly categories: number;
}

const channelColumns = [
  'report_channels.id',
  'report_channels.slug',
  'report_channels.name_nl',
  'report_channels.name_en',
  'report_channels.intro_nl',
  'report_channels.intro_en',
  'report_channels.audience',
  'report_channels.active',
  'report_channels.position',
] as const;

interface ChannelRow {
  id: string;
  slug: string;
  name_nl: string;
  name_en: string;
  intro_nl: string;
  intro_en: string;
  audience: Audience;
  active: boolean;
  position: number;
}

function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    slug: row.slug,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    introNl: row.intro_nl,
    introEn: row.intro_en,
    audience: row.audience,
    active: row.active,
    position: row.position,
  };
}

/** The condition "user `u.id` is active and has a recipient role". */
const eligibleUser = sql<boolean>`u.active and exists (
  select 1 from user_roles r where r.user_id = u.id and r.role in (${sql.join(RECIPIENT_ROLES)})
)`;

/**
 * Every channel with its figures, by position then Dutch name. Channels are few (a handful per
 * installation), so the list is not paginated; the figures are sub-selects on indexed columns.
 */
export async function listChannelSummaries(db: Db): Promise<ChannelSummary[]> {
  const rows = await db
    .selectFrom('report_channels')
    .select(channelColumns)
    .select([
      sql<string>`(select count(*) from report_channel_recipients rcr join users u on u.id = rcr.user_id
        where rcr.channel_id = report_channels.id and ${eligibleUser})`.as('recipients'),
      sql<string>`(select count(*) from report_channel_recipients rcr join users u on u.id = rcr.user_id
        where rcr.channel_id = report_channels.id and ${eligibleUser}
        and exists (select 1 from user_keys k where k.user_id = u.id))`.as('recipients_with_keys'),
      sql<number | null>`(select max(q.version) from questionnaire_versions q
        where q.channel_id = report_channels.id)`.as('questionnaire_version'),
      sql<number | null>`(select jsonb_array_length(q.questions) from questionnaire_versions q
        where q.channel_id = report_channels.id order by q.version desc limit 1)`.as('questions'),
      sql<string>`(select count(*) from report_channel_categories c
        where c.channel_id = report_channels.id and c.active)`.as('categories'),
    ])
    .orderBy('report_channels.position')
    .orderBy('report_channels.name_nl')
    .orderBy('report_channels.id')
    .execute();
  return rows.map((row) => ({
    ...toChannel(row),
    recipients: Number(row.recipients),
    recipientsWithKeys: Number(row.recipients_with_keys),
    questionnaireVersion: row.questionnaire_version === null ? null : Number(row.questionnaire_version),
    questions: Number(row.questions ?? 0),
    categories: Number(row.categories),
  }));
}

export async function countChannels(db: Db): Promise<number> {
  const row = await db
    .selectFrom('report_channels')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findChannel(db: Db, id: string): Promise<Channel | undefined> {
  const row = await db
    .selectFrom('report_channels')
    .select(channelColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toChannel(row);
}

/**
 * Locks a channel's row for the rest of the transaction: questionnaire publications, recipient
 * and category changes of one channel happen one after the other (submissions lock it too).
 */
export async function lockChannel(trx: Transaction<Database>, id: string): Promise<Channel | undefined> {
  const row = await trx
    .selectFrom('report_channels')
    .select(channelColumns)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toChannel(row);
}

/** The id of the channel with this slug, if any. */
export async function findChannelIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('report_channels').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function insertChannel(db: Db, fields: ChannelFields, now: Date): Promise<Channel> {
  const row = await db
    .insertInto('report_channels')
    .values({
      slug: fields.slug,
      name_nl: fields.nameNl,
      name_en: fields.nameEn,
      intro_nl: fields.introNl,
      intro_en: fields.introEn,
      audience: fields.audience,
      active: fields.active,
      position: fields.position,
      created_at: now,
      updated_at: now,
    })
    .returning(channelColumns)
    .executeTakeFirstOrThrow();
  return toChannel(row);
}

export async function updateChannelRow(db: Db, id: string, fields: ChannelFields, now: Date): Promise<void> {
  await db
    .updateTable('report_channels')
    .set({
      slug: fields.slug,
      name_nl: fields.nameNl,
      name_en: fields.nameEn,
      intro_nl: fields.introNl,
      intro_en: fields.introEn,
      audience: fields.audience,
      active: fields.active,
      position: fields.position,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

// ——— Recipients ———

/** A user the admin may choose as recipient of a channel, or one who already is. */
export interface RecipientCandidate {
  readonly userId: string;
  readonly name: string;
  readonly username: string;
  readonly roles: readonly string[];
  readonly hasKeys: boolean;
  /** Recipient of this channel now. */
  readonly chosen: boolean;
  /** Active with a recipient role: only such users receive reports. */
  readonly eligible: boolean;
}

/**
 * The people offered on a channel's recipient form: every active user with a recipient role,
 * plus any current recipient who no longer is one (inactive, role taken away), so the admin can
 * see and remove them. By name.
 */
export async function listRecipientCandidates(db: Db, channelId: string): Promise<RecipientCandidate[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('report_channel_recipients as rcr', (j) =>
      j.onRef('rcr.user_id', '=', 'u.id').on('rcr.channel_id', '=', channelId),
    )
    .select(['u.id', 'u.name', 'u.username', 'rcr.user_id as chosen'])
    .select([
      eligibleUser.as('eligible'),
      sql<boolean>`exists (select 1 from user_keys k where k.user_id = u.id)`.as('has_keys'),
      sql<
        string[] | null
      >`(select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id)`.as('roles'),
    ])
    .where((eb) => eb.or([eb('rcr.user_id', 'is not', null), eligibleUser]))
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    name: row.name,
    username: row.username,
    roles: row.roles ?? [],
    hasKeys: row.has_keys,
    chosen: row.chosen !== null,
    eligible: row.eligible,
  }));
}

/** The current recipients' user ids. */
export async function listRecipientIds(db: Db, channelId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('report_channel_recipients')
    .select('user_id')
    .where('channel_id', '=', channelId)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Of the given user ids, those of active users with a recipient role. */
export async function findEligibleRecipients(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.id', 'in', userIds)
    .where(eligibleUser)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function changeRecipientRows(
  db: Db,
  channelId: string,
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  if (added.length > 0) {
    await db
      .insertInto('report_channel_recipients')
      .values(added.map((userId) => ({ channel_id: channelId, user_id: userId })))
      .onConflict((oc) => oc.columns(['channel_id', 'user_id']).doNothing())
      .execute();
  }
  if (removed.length > 0) {
    await db
      .deleteFrom('report_channel_recipients')
      .where('channel_id', '=', channelId)
      .where('user_id', 'in', removed)
      .execute();
  }
}

// ——— Categories ———

export interface Category {
  readonly id: string;
  readonly channelId: string;
  readonly labelNl: string;
  readonly labelEn: string;
  readonly position: number;
  readonly active: boolean;
}

/** A channel's categories in their order (position, then id for equal positions). */
export async function listCategories(db: Db, channelId: string): Promise<Category[]> {
  const rows = await db
    .selectFrom('report_channel_categories')
    .select(['id', 'channel_id', 'label_nl', 'label_en', 'position', 'active'])
    .where('channel_id', '=', channelId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    labelNl: r.label_nl,
    labelEn: r.label_en,
    position: r.position,
    active: r.active,
  }));
}

export async function insertCategory(
  db: Db,
  input: {
    readonly channelId: string;
    readonly labelNl: string;
    readonly labelEn: string;
    readonly position: number;
  },
): Promise<string> {
  const row = await db
    .insertInto('report_channel_categories')
    .values({
      channel_id: input.channelId,
      label_nl: input.labelNl,
      label_en: input.labelEn,
      position: input.position,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCategoryRow(
  db: Db,
  id: string,
  set: { readonly labelNl?: string; readonly labelEn?: string; readonly active?: boolean },
): Promise<void> {
  await db
    .updateTable('report_channel_categories')
    .set({
      ...(set.labelNl !== undefined ? { label_nl: set.labelNl } : {}),
      ...(set.labelEn !== undefined ? { label_en: set.labelEn } : {}),
      ...(set.active !== undefined ? { active: set.active } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Numbers the categories 0, 1, 2… in the given order. */
export async function renumberCategories(db: Db, orderedIds: readonly string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db.updateTable('report_channel_categories').set({ position }).where('id', '=', id).execute();
  }
}

// ——— Questionnaire versions ———

/** One published questionnaire version. */
export interface QuestionnaireVersion {
  readonly id: string;
  readonly channelId: string;
  readonly version: number;
  readonly questions: Question[];
  readonly createdAt: Date;
  readonly createdByName: string | null;
}

/** A version in the history list (without its questions). */
export interface QuestionnaireVersionSummary {
  readonly version: number;
  readonly createdAt: Date;
  readonly createdByName: string | null;
  readonly questions: number;
}

function versionQuery(db: Db, channelId: string) {
  return db
    .selectFrom('questionnaire_versions as q')
    .leftJoin('users as u', 'u.id', 'q.created_by')
    .select(['q.id', 'q.channel_id', 'q.version', 'q.questions', 'q.created_at', 'u.name as created_by_name'])
    .where('q.channel_id', '=', channelId);
}

function toVersion(row: {
  id: string;
  channel_id: string;
  version: number;
  questions: unknown;
  created_at: Date;
  created_by_name: string | null;
}): QuestionnaireVersion {
  return {
    id: row.id,
    channelId: row.channel_id,
    version: row.version,
    questions: parseStoredQuestions(row.questions),
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}

/** The current (highest) version of a channel's questionnaire, if it has one. */
export async function findCurrentVersion(
  db: Db,
  channelId: string,
): Promise<QuestionnaireVersion | undefined> {
  const row = await versionQuery(db, channelId).orderBy('q.version', 'desc').limit(1).executeTakeFirst();
  return row && toVersion(row);
}

export async function findVersion(
  db: Db,
  channelId: string,
  version: number,
): Promise<QuestionnaireVersion | undefined> {
  const row = await versionQuery(db, channelId).where('q.version', '=', version).executeTakeFirst();
  return row && toVersion(row);
}

/** The versions of a channel, newest first (served by the unique (channel_id, version) index). */
export async function listVersions(db: Db, channelId: string): Promise<QuestionnaireVersionSummary[]> {
  const rows = await db
    .selectFrom('questionnaire_versions as q')
    .leftJoin('users as u', 'u.id', 'q.created_by')
    .select(['q.version', 'q.created_at', 'u.name as created_by_name'])
    .select(sql<number>`jsonb_array_length(q.questions)`.as('questions'))
    .where('q.channel_id', '=', channelId)
    .orderBy('q.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    questions: Number(r.questions),
  }));
}

/** The questions of every version of a channel (for the ids that may never be reused). */
export async function listAllVersionQuestions(db: Db, channelId: string): Promise<Question[][]> {
  const rows = await db
    .selectFrom('questionnaire_versions')
    .select('questions')
    .where('channel_id', '=', channelId)
    .execute();
  return rows.map((r) => parseStoredQuestions(r.questions));
}

/** Inserts a version; the rows are immutable (a trigger refuses updates and deletes). */
export async function insertVersion(
  db: Db,
  input: {
    readonly channelId: string;
    readonly version: number;
    readonly questions: readonly Question[];
    readonly createdBy: string | null;
    readonly now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('questionnaire_versions')
    .values({
      channel_id: input.channelId,
      version: input.version,
      questions: JSON.stringify(input.questions),
      created_by: input.createdBy,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

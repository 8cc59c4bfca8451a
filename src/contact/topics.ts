import type { Db } from '../platform/db/database.js';
import type { Locale } from '../platform/ui/i18n/define.js';
import { defaultOpeningHours, type OpeningHours, OpeningHoursSchema } from './opening-hours.js';

/** A topic of the contact channel: its own queue, agents and opening hours. */
export interface ContactTopic {
  readonly id: string;
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly openingHours: OpeningHours;
  readonly active: boolean;
  readonly position: number;
}

/** The topics seeded on a new installation (issue 4): general questions and integrity. */
export const DEFAULT_TOPICS = [
  { slug: 'general', name_nl: 'Algemene vragen', name_en: 'General questions', position: 0 },
  { slug: 'integrity', name_nl: 'Integriteit', name_en: 'Integrity', position: 1 },
] as const;

/**
 * Creates the default topics when there are none yet (idempotent: a topic an admin renamed or
 * deactivated is never recreated). Called from buildApp.
 */
export async function seedDefaultTopics(db: Db): Promise<void> {
  const existing = await db.selectFrom('contact_topics').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  await db
    .insertInto('contact_topics')
    .values(DEFAULT_TOPICS.map((t) => ({ ...t, opening_hours: JSON.stringify(defaultOpeningHours) })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

type TopicRow = {
  id: string;
  slug: string;
  name_nl: string;
  name_en: string;
  opening_hours: unknown;
  active: boolean;
  position: number;
};

function toTopic(row: TopicRow): ContactTopic {
  const parsed = OpeningHoursSchema.safeParse(row.opening_hours);
  return {
    id: row.id,
    slug: row.slug,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    // A stored schedule is validated when saved; should one ever be unreadable, the default applies.
    openingHours: parsed.success ? parsed.data : defaultOpeningHours,
    active: row.active,
    position: row.position,
  };
}

const topicColumns = ['id', 'slug', 'name_nl', 'name_en', 'opening_hours', 'active', 'position'] as const;

/** Every topic, in the order the admin chose; `activeOnly` for what visitors may choose. */
export async function listTopics(db: Db, options: { activeOnly?: boolean } = {}): Promise<ContactTopic[]> {
  let query = db.selectFrom('contact_topics').select(topicColumns).orderBy('position').orderBy('slug');
  if (options.activeOnly) query = query.where('active', '=', true);
  return (await query.execute()).map(toTopic);
}

/** One topic by id (undefined for an unknown or malformed id). */
export async function findTopic(db: Db, id: string): Promise<ContactTopic | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('contact_topics')
    .select(topicColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toTopic(row) : undefined;
}

/** The topic's name in the reader's language. */
export function topicName(topic: Pick<ContactTopic, 'nameNl' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' ? topic.nameEn : topic.nameNl;
}

import { sql } from 'kysely';
import { RECIPIENT_ROLES } from '../../identity/role.js';
import type { Db } from '../../platform/db/database.js';
import type { Locale } from '../../platform/ui/i18n/define.js';
import { parseStoredQuestions, type Question } from '../questionnaire.js';

/**
 * The reporter's read model of channels: what the public pages show and what the report form
 * needs (categories, the current questionnaire, the recipients a reporter may exclude). Read
 * only; channel administration lives beside it (channel.repository.ts).
 *
 * A channel **can receive** reports when it is active, has a questionnaire, and at least one
 * recipient is entitled (an active user with a recipient role) and holds a key pair: only then
 * can a report be sealed to someone (the same rule `createReport` enforces with
 * `channel_unavailable`).
 */

/** A text in both languages, as the admin wrote it. */
export interface Bilingual {
  readonly nl: string;
  readonly en: string;
}

/** Picks the reader's language. */
export function inLocale(text: Bilingual, locale: Locale): string {
  return text[locale];
}

/** One channel in the public list of `/report`. */
export interface ChannelListing {
  readonly id: string;
  readonly slug: string;
  readonly name: Bilingual;
  readonly intro: Bilingual;
  readonly audience: 'everyone' | 'staff';
  readonly canReceive: boolean;
}

/** A recipient of the channel as a reporter may see it: to exclude them by name. */
export interface ChannelRecipient {
  readonly userId: string;
  readonly name: string;
  /** Holds a key pair: a report can be sealed to them now. */
  readonly hasKey: boolean;
}

export interface ChannelCategory {
  readonly id: string;
  readonly label: Bilingual;
}

/** Everything the report form of one channel needs. */
export interface ChannelForReport extends ChannelListing {
  readonly active: boolean;
  readonly categories: readonly ChannelCategory[];
  /** The highest version; null when the channel has none (it cannot receive reports then). */
  readonly questionnaire: {
    readonly id: string;
    readonly version: number;
    readonly questions: readonly Question[];
  } | null;
  /** Entitled recipients (active users with a recipient role), by name. */
  readonly recipients: readonly ChannelRecipient[];
}

/** Active channels in their admin-chosen order, with whether each can receive reports now. */
export async function listActiveChannels(db: Db): Promise<ChannelListing[]> {
  const rows = await db
    .selectFrom('report_channels as c')
    .select([
      'c.id',
      'c.slug',
      'c.name_nl',
      'c.name_en',
      'c.intro_nl',
      'c.intro_en',
      'c.audience',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('questionnaire_versions as qv')
              .select(sql`1`.as('one'))
              .whereRef('qv.channel_id', '=', 'c.id'),
          )
          .as('has_questionnaire'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('report_channel_recipients as rcr')
              .innerJoin('users as u', 'u.id', 'rcr.user_id')
              .innerJoin('user_keys as k', 'k.user_id', 'u.id')
              .select(sql`1`.as('one'))
              .whereRef('rcr.channel_id', '=', 'c.id')
              .where('u.active', '=', true)
              .where((w) =>
                w.exists(
                  w
                    .selectFrom('user_roles as r')
                    .select(sql`1`.as('one'))
                    .whereRef('r.user_id', '=', 'u.id')
                    .where('r.role', 'in', RECIPIENT_ROLES),
                ),
              ),
          )
          .as('has_keyed_recipient'),
    ])
    .where('c.active', '=', true)
    .orderBy('c.position')
    .orderBy('c.name_nl')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: { nl: r.name_nl, en: r.name_en },
    intro: { nl: r.intro_nl, en: r.intro_en },
    audience: r.audience,
    canReceive: Boolean(r.has_questionnaire) && Boolean(r.has_keyed_recipient),
  }));
}

/** Slugs are short lowercase words with dashes (the database checks the same). */
const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

/**
 * The channel with this slug and what its report form needs, or undefined for an unknown slug.
 * An inactive channel is returned too (with `canReceive: false`) so that the page can say so.
 */
export async function readChannelForReport(db: Db, slug: string): Promise<ChannelForReport | undefined> {
  if (!SLUG.test(slug)) return undefined;
  const channel = await db
    .selectFrom('report_channels')
    .select(['id', 'slug', 'name_nl', 'name_en', 'intro_nl', 'intro_en', 'audience', 'active'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!channel) return undefined;
  const [categories, version, recipients] = await Promise.all([
    db
      .selectFrom('report_channel_categories')
      .select(['id', 'label_nl', 'label_en'])
      .where('channel_id', '=', channel.id)
      .where('active', '=', true)
      .orderBy('position')
      .orderBy('label_nl')
      .execute(),
    db
      .selectFrom('questionnaire_versions')
      .select(['id', 'version', 'questions'])
      .where('channel_id', '=', channel.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('report_channel_recipients as rcr')
      .innerJoin('users as u', 'u.id', 'rcr.user_id')
      .leftJoin('user_keys as k', 'k.user_id', 'u.id')
      .select(['u.id', 'u.name', 'k.user_id as key_user'])
      .where('rcr.channel_id', '=', channel.id)
      .where('u.active', '=', true)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_roles as r')
            .select(sql`1`.as('one'))
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.role', 'in', RECIPIENT_ROLES),
        ),
      )
      .orderBy('u.name')
      .execute(),
  ]);
  const questionnaire = version
    ? { id: version.id, version: version.version, questions: parseStoredQuestions(version.questions) }
    : null;
  const recipientList = recipients.map((r) => ({ userId: r.id, name: r.name, hasKey: r.key_user !== null }));
  return {
    id: channel.id,
    slug: channel.slug,
    name: { nl: channel.name_nl, en: channel.name_en },
    intro: { nl: channel.intro_nl, en: channel.intro_en },
    audience: channel.audience,
    active: channel.active,
    canReceive: channel.active && questionnaire !== null && recipientList.some((r) => r.hasKey),
    categories: categories.map((c) => ({ id: c.id, label: { nl: c.label_nl, en: c.label_en } })),
    questionnaire,
    recipients: recipientList,
  };
}

/**
 * Whether a report that excludes `excluded` can still be sealed to someone: at least one
 * keyed recipient is left.
 */
export function leavesAReader(
  channel: Pick<ChannelForReport, 'recipients'>,
  excluded: readonly string[],
): boolean {
  const out = new Set(excluded);
  return channel.recipients.some((r) => r.hasKey && !out.has(r.userId));
}

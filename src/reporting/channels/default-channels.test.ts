import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../../test/helpers/database.js';
import { upsertSetting } from '../../identity/settings.repository.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { QuestionsSchema } from '../questionnaire.js';
import { findCurrentVersion, listCategories, listChannelSummaries } from './channel.repository.js';
import {
  CHANNELS_SEEDED_SETTING,
  DEFAULT_CHANNELS,
  DEFAULT_QUESTIONS,
  seedDefaultChannels,
} from './default-channels.js';

const now = new Date('2026-11-28T10:00:00Z');

describe('the default channels', () => {
  let database: OpenDatabase;

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('ship the issue’s default questionnaire, valid, with help in both languages', () => {
    assert.equal(QuestionsSchema.safeParse(DEFAULT_QUESTIONS).success, true);
    assert.deepEqual(
      DEFAULT_QUESTIONS.map((q) => [q.id, q.type, q.required]),
      [
        ['what', 'long_text', true],
        ['when', 'date', false],
        ['where', 'short_text', false],
        ['who', 'long_text', false],
        ['how-known', 'long_text', false],
        ['evidence', 'files', false],
        ['ongoing', 'yes_no', false],
        ['crime', 'single_choice', false],
      ],
    );
    assert.ok(DEFAULT_QUESTIONS.every((q) => q.help_nl !== '' && q.help_en !== ''));
    assert.deepEqual(
      DEFAULT_QUESTIONS.at(-1)?.options.map((o) => o.id),
      ['yes', 'no', 'dont-know'],
    );
  });

  it('are created once: running the seed twice leaves three channels', async () => {
    assert.equal(await seedDefaultChannels(database.db, now), 3);
    assert.equal(await seedDefaultChannels(database.db, now), 0);
    const channels = await listChannelSummaries(database.db);
    assert.deepEqual(
      channels.map((c) => [c.slug, c.audience, c.active]),
      [
        ['integriteit', 'everyone', true],
        ['audit-vlaanderen', 'everyone', true],
        ['spreekbuis', 'staff', true],
      ],
    );
    for (const channel of channels) {
      assert.equal(channel.recipients, 0, `${channel.slug} has no recipients`);
      assert.ok(channel.introNl.length > 50 && channel.introEn.length > 50);
      const spec = DEFAULT_CHANNELS.find((d) => d.slug === channel.slug);
      const categories = await listCategories(database.db, channel.id);
      assert.deepEqual(
        categories.map((c) => c.labelEn),
        spec?.categories.map((c) => c.en),
      );
      const version = await findCurrentVersion(database.db, channel.id);
      assert.equal(version?.version, 1);
      assert.deepEqual(version?.questions, [...DEFAULT_QUESTIONS]);
    }
    const setting = await database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', CHANNELS_SEEDED_SETTING)
      .executeTakeFirst();
    assert.equal(setting?.value, true);
    const created = await database.db
      .selectFrom('audit_events')
      .select(['type', 'actor_label'])
      .where('type', 'in', ['channel.created', 'channel.questionnaire_published'])
      .execute();
    assert.equal(created.length, 6);
    assert.ok(created.every((e) => e.actor_label === 'seed'));
    assert.equal((await verifyAuditChain(database.db)).ok, true);
  });

  it('never adds channels to an installation that has some, even without the setting', async () => {
    await database.db.deleteFrom('settings').where('key', '=', CHANNELS_SEEDED_SETTING).execute();
    assert.equal(await seedDefaultChannels(database.db, now), 0);
    assert.equal((await listChannelSummaries(database.db)).length, 3);
  });

  it('does nothing once the setting is there, even when no channel exists', async () => {
    const fresh = await openTestDatabase();
    try {
      await upsertSetting(fresh.db, CHANNELS_SEEDED_SETTING, true, now);
      assert.equal(await seedDefaultChannels(fresh.db, now), 0);
      assert.equal((await listChannelSummaries(fresh.db)).length, 0);
    } finally {
      await fresh.close();
    }
  });
});

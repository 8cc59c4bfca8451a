import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, unique } from '../../../test/helpers/database.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import { loadConfig } from '../../config.js';
import { fieldErrorsOf, refusalOf } from '../../identity/admin-errors.js';
import type { Role } from '../../identity/role.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { isAppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import { parseStoredQuestions } from '../questionnaire.js';
import { listCategories, listChannelSummaries } from './channel.repository.js';
import {
  addCategory,
  type ChannelForm,
  createChannel,
  getCategory,
  moveCategory,
  renameCategory,
  setCategoryActive,
  setRecipients,
  updateChannel,
} from './channel.service.js';
import { DEFAULT_QUESTIONS } from './default-channels.js';
import { changeQuestionnaire, getQuestionnaire, getQuestionnaireVersion } from './questionnaire.service.js';
import type { QuestionDraft } from './questionnaire-edit.js';

describe('channel administration (service)', () => {
  let database: OpenDatabase;
  let admin: ServiceContext;
  const now = new Date('2026-11-28T10:00:00Z');
  const config = loadConfig({ COOKIE_SECURE: 'false', LOG_LEVEL: 'silent' });

  function contextOf(userId: string, roles: readonly Role[]): ServiceContext {
    return {
      db: database.db,
      now,
      config,
      auth: {
        userId,
        name: 'Actor',
        username: 'actor',
        roles,
        stage: 'active',
        sessionIdHash: 'x'.repeat(64),
        method: 'password',
      },
      origin: { kind: 'user', userId, label: 'actor' },
    };
  }

  before(async () => {
    database = await openTestDatabase();
    const user = await createUserForTest(database.db, { roles: ['admin'] });
    admin = contextOf(user.id, ['admin']);
  });
  after(() => database.close());

  const channelForm = (over: Partial<ChannelForm> = {}): ChannelForm => ({
    slug: unique('kanaal-').toLowerCase(),
    nameNl: 'Meldpunt',
    nameEn: 'Reporting point',
    introNl: 'Meld hier.',
    introEn: 'Report here.',
    audience: 'everyone',
    position: 10,
    active: true,
    ...over,
  });

  const events = async (type: string, channelId: string) =>
    (
      await database.db
        .selectFrom('audit_events')
        .select(['data', 'actor_id'])
        .where('type', '=', type)
        .where(sql<boolean>`data->>'channelId' = ${channelId}`)
        .orderBy('id')
        .execute()
    ).map((e) => e.data);

  const draft = (over: Partial<QuestionDraft> = {}): QuestionDraft => ({
    type: 'short_text',
    required: false,
    labelNl: 'Welke dienst?',
    labelEn: 'Which service?',
    helpNl: '',
    helpEn: '',
    options: [],
    ...over,
  });

  const code = (error: unknown) => (isAppError(error) ? error.code : 'not an AppError');

  it('creates a channel with the default questionnaire as version 1 and no recipients, audited', async () => {
    const channel = await createChannel(admin, channelForm({ audience: 'staff', active: false }));
    assert.equal(channel.audience, 'staff');
    assert.equal(channel.active, false);
    const { current } = await getQuestionnaire(admin, channel.id);
    assert.equal(current?.version, 1);
    assert.deepEqual(current?.questions, [...DEFAULT_QUESTIONS]);
    const summary = (await listChannelSummaries(database.db)).find((s) => s.id === channel.id);
    assert.equal(summary?.recipients, 0);
    assert.deepEqual(await events('channel.created', channel.id), [
      { channelId: channel.id, slug: channel.slug },
    ]);
    assert.deepEqual(await events('channel.questionnaire_published', channel.id), [
      { channelId: channel.id, version: 1 },
    ]);
  });

  it('refuses a slug another channel has, on create and on update', async () => {
    const first = await createChannel(admin, channelForm());
    const second = await createChannel(admin, channelForm());
    await assert.rejects(createChannel(admin, channelForm({ slug: first.slug })), (error) => {
      assert.deepEqual(fieldErrorsOf(error), { slug: 'channels.channel.error_slug_taken' });
      return true;
    });
    await assert.rejects(updateChannel(admin, second.id, channelForm({ slug: first.slug })), (error) => {
      assert.deepEqual(fieldErrorsOf(error), { slug: 'channels.channel.error_slug_taken' });
      return true;
    });
  });

  it('records which fields an update changed, and nothing when nothing changed', async () => {
    const form = channelForm();
    const channel = await createChannel(admin, form);
    await updateChannel(admin, channel.id, { ...form, nameEn: 'Renamed', active: false });
    await updateChannel(admin, channel.id, { ...form, nameEn: 'Renamed', active: false });
    assert.deepEqual(await events('channel.updated', channel.id), [
      { channelId: channel.id, fields: ['nameEn', 'active'] },
    ]);
  });

  it('is for admins only, and answers not_found for unknown or malformed ids', async () => {
    const handler = await createUserForTest(database.db, { roles: ['handler', 'coordinator'] });
    await assert.rejects(
      createChannel(contextOf(handler.id, ['handler', 'coordinator']), channelForm()),
      (e) => {
        assert.equal(code(e), 'forbidden');
        return true;
      },
    );
    for (const id of [randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      await assert.rejects(updateChannel(admin, id, channelForm()), (e) => code(e) === 'not_found');
      await assert.rejects(setRecipients(admin, id, []), (e) => code(e) === 'not_found');
      await assert.rejects(getQuestionnaire(admin, id), (e) => code(e) === 'not_found');
    }
  });

  describe('recipients', () => {
    it('adds and removes recipients with a recipient role, and audits who', async () => {
      const channel = await createChannel(admin, channelForm());
      const handler = await createRecipientForTest(database.db);
      const counselor = await createUserForTest(database.db, { roles: ['counselor'] });
      await setRecipients(admin, channel.id, [handler.id, counselor.id]);
      await setRecipients(admin, channel.id, [counselor.id]);
      await setRecipients(admin, channel.id, [counselor.id]);
      assert.deepEqual(await events('channel.recipients_changed', channel.id), [
        { channelId: channel.id, added: [handler.id, counselor.id].sort(), removed: [] },
        { channelId: channel.id, added: [], removed: [handler.id] },
      ]);
    });

    it('counts recipients and those with a key pair', async () => {
      const channel = await createChannel(admin, channelForm());
      const withKeys = await createRecipientForTest(database.db, { roles: ['investigator'] });
      const withoutKeys = await createUserForTest(database.db, { roles: ['handler'] });
      await setRecipients(admin, channel.id, [withKeys.id, withoutKeys.id]);
      const summary = (await listChannelSummaries(database.db)).find((s) => s.id === channel.id);
      assert.equal(summary?.recipients, 2);
      assert.equal(summary?.recipientsWithKeys, 1);
    });

    it('refuses a staff-only user, an inactive handler and a forged id, changing nothing', async () => {
      const channel = await createChannel(admin, channelForm());
      const handler = await createRecipientForTest(database.db);
      await setRecipients(admin, channel.id, [handler.id]);
      const staff = await createUserForTest(database.db, { roles: ['staff', 'manager'] });
      const inactive = await createUserForTest(database.db, { roles: ['handler'], active: false });
      for (const intruder of [staff.id, inactive.id, randomUUID()]) {
        await assert.rejects(setRecipients(admin, channel.id, [intruder]), (error) => {
          assert.deepEqual(fieldErrorsOf(error), { recipients: 'channels.recipients.error_not_eligible' });
          return true;
        });
      }
      const rows = await database.db
        .selectFrom('report_channel_recipients')
        .select('user_id')
        .where('channel_id', '=', channel.id)
        .execute();
      assert.deepEqual(
        rows.map((r) => r.user_id),
        [handler.id],
      );
    });

    it('lets a recipient who lost the role stay or go, but never be added again', async () => {
      const channel = await createChannel(admin, channelForm());
      const handler = await createUserForTest(database.db, { roles: ['handler'] });
      await setRecipients(admin, channel.id, [handler.id]);
      await database.db.deleteFrom('user_roles').where('user_id', '=', handler.id).execute();
      await setRecipients(admin, channel.id, [handler.id]);
      await setRecipients(admin, channel.id, []);
      await assert.rejects(
        setRecipients(admin, channel.id, [handler.id]),
        (e) => fieldErrorsOf(e) !== undefined,
      );
    });
  });

  describe('categories', () => {
    it('adds, renames, reorders and deactivates categories, each change audited', async () => {
      const channel = await createChannel(admin, channelForm());
      for (const label of ['Fraude', 'Corruptie', 'Andere']) {
        await addCategory(admin, channel.id, { labelNl: label, labelEn: `${label} (en)` });
      }
      let categories = await listCategories(database.db, channel.id);
      const [fraud, corruption, other] = categories;
      assert.ok(fraud && corruption && other);
      await renameCategory(admin, channel.id, fraud.id, {
        labelNl: 'Fraude en oplichting',
        labelEn: 'Fraud',
      });
      await moveCategory(admin, channel.id, other.id, 'up');
      await moveCategory(admin, channel.id, fraud.id, 'up');
      await setCategoryActive(admin, channel.id, corruption.id, false);
      await setCategoryActive(admin, channel.id, corruption.id, false);
      categories = await listCategories(database.db, channel.id);
      assert.deepEqual(
        categories.map((c) => [c.labelNl, c.position, c.active]),
        [
          ['Fraude en oplichting', 0, true],
          ['Andere', 1, true],
          ['Corruptie', 2, false],
        ],
      );
      // three adds, a rename, one real move (the first up changes nothing), one deactivation
      assert.equal((await events('channel.categories_changed', channel.id)).length, 6);
    });

    it('answers not_found for a category of another channel', async () => {
      const one = await createChannel(admin, channelForm());
      const two = await createChannel(admin, channelForm());
      await addCategory(admin, one.id, { labelNl: 'A', labelEn: 'A' });
      const [category] = await listCategories(database.db, one.id);
      assert.ok(category);
      await assert.rejects(getCategory(admin, two.id, category.id), (e) => code(e) === 'not_found');
      await assert.rejects(
        setCategoryActive(admin, two.id, category.id, false),
        (e) => code(e) === 'not_found',
      );
      await assert.rejects(moveCategory(admin, two.id, 'x', 'up'), (e) => code(e) === 'not_found');
    });
  });

  describe('questionnaire versions', () => {
    it('publishes every change as a new version and leaves the old ones as they were', async () => {
      const channel = await createChannel(admin, channelForm());
      const added = await changeQuestionnaire(admin, channel.id, 1, { kind: 'add', draft: draft() });
      assert.deepEqual(added, { version: 2, changed: true });
      await changeQuestionnaire(admin, channel.id, 2, {
        kind: 'move',
        questionId: 'which-service',
        direction: 'up',
      });
      await changeQuestionnaire(admin, channel.id, 3, { kind: 'remove', questionId: 'where' });
      const v1 = await getQuestionnaireVersion(admin, channel.id, '1');
      const v4 = await getQuestionnaireVersion(admin, channel.id, '4');
      assert.deepEqual(v1.version.questions, [...DEFAULT_QUESTIONS]);
      assert.equal(v4.latest, 4);
      assert.deepEqual(
        v4.version.questions.map((q) => q.id),
        ['what', 'when', 'who', 'how-known', 'evidence', 'ongoing', 'which-service', 'crime'],
      );
      assert.deepEqual(
        (await events('channel.questionnaire_published', channel.id)).map(
          (e) => (e as { version: number }).version,
        ),
        [1, 2, 3, 4],
      );
      await assert.rejects(
        database.db
          .updateTable('questionnaire_versions')
          .set({ created_by: null })
          .where('channel_id', '=', channel.id)
          .execute(),
        /immutable/,
      );
    });

    it('keeps question ids across versions and never reuses a removed one', async () => {
      const channel = await createChannel(admin, channelForm());
      await changeQuestionnaire(admin, channel.id, 1, {
        kind: 'edit',
        questionId: 'when',
        draft: draft({ type: 'date', labelNl: 'Op welke dag?', labelEn: 'On which day?' }),
      });
      await changeQuestionnaire(admin, channel.id, 2, { kind: 'remove', questionId: 'who' });
      await changeQuestionnaire(admin, channel.id, 3, {
        kind: 'add',
        draft: draft({ labelNl: 'Wie', labelEn: 'Who' }),
      });
      const { current } = await getQuestionnaire(admin, channel.id);
      const ids = current?.questions.map((q) => q.id) ?? [];
      assert.ok(ids.includes('when'));
      assert.equal(current?.questions.find((q) => q.id === 'when')?.label_en, 'On which day?');
      assert.equal(ids.includes('who'), false);
      assert.equal(ids.at(-1), 'who-2');
    });

    it('refuses a change based on an older version (no lost update) and publishes nothing', async () => {
      const channel = await createChannel(admin, channelForm());
      await changeQuestionnaire(admin, channel.id, 1, { kind: 'add', draft: draft() });
      await assert.rejects(
        changeQuestionnaire(admin, channel.id, 1, { kind: 'remove', questionId: 'where' }),
        (error) => {
          assert.equal(refusalOf(error), 'channels.questionnaire.error_stale');
          return true;
        },
      );
      const { current } = await getQuestionnaire(admin, channel.id);
      assert.equal(current?.version, 2);
      assert.ok(current?.questions.some((q) => q.id === 'where'));
    });

    it('lets only one of two simultaneous changes from the same version through', async () => {
      const channel = await createChannel(admin, channelForm());
      const results = await Promise.allSettled([
        changeQuestionnaire(admin, channel.id, 1, { kind: 'remove', questionId: 'where' }),
        changeQuestionnaire(admin, channel.id, 1, { kind: 'remove', questionId: 'who' }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected');
      assert.equal(
        refusalOf((refused as PromiseRejectedResult).reason),
        'channels.questionnaire.error_stale',
      );
      const versions = await database.db
        .selectFrom('questionnaire_versions')
        .select(['version', 'questions'])
        .where('channel_id', '=', channel.id)
        .orderBy('version')
        .execute();
      assert.deepEqual(
        versions.map((v) => v.version),
        [1, 2],
      );
      assert.equal(parseStoredQuestions(versions[1]?.questions).length, DEFAULT_QUESTIONS.length - 1);
    });

    it('publishes nothing when a change changes nothing', async () => {
      const channel = await createChannel(admin, channelForm());
      const result = await changeQuestionnaire(admin, channel.id, 1, {
        kind: 'move',
        questionId: 'what',
        direction: 'up',
      });
      assert.deepEqual(result, { version: 1, changed: false });
    });

    it('refuses removing the last question and an unknown one with a message', async () => {
      const channel = await createChannel(admin, channelForm());
      let version = 1;
      for (const q of DEFAULT_QUESTIONS.slice(1)) {
        ({ version } = await changeQuestionnaire(admin, channel.id, version, {
          kind: 'remove',
          questionId: q.id,
        }));
      }
      await assert.rejects(
        changeQuestionnaire(admin, channel.id, version, { kind: 'remove', questionId: 'what' }),
        (e) => refusalOf(e) === 'channels.questionnaire.error_last_question',
      );
      await assert.rejects(
        changeQuestionnaire(admin, channel.id, version, { kind: 'remove', questionId: 'where' }),
        (e) => refusalOf(e) === 'channels.questionnaire.error_question_gone',
      );
    });
  });
});

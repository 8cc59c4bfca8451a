import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { WEEKDAYS } from '../opening-hours.js';
import { findTopic, listTopics } from '../topics.js';
import { DEFAULT_CANNED_ANSWERS, listCannedAnswers, seedDefaultCannedAnswers } from './canned-answers.js';

describe('contact administration', () => {
  let t: TestApp;
  let admin: TestClient;

  before(async () => {
    t = await createTestApp();
    // Thursday 10 December 2026, 20:00 in Brussels: the opening preview below depends on it.
    t.clock.set(new Date('2026-12-10T19:00:00Z'));
    admin = await loginAs(t, await createUserForTest(t.db, { roles: ['admin'] }));
  });
  after(async () => t.close());

  const auditTypes = async () =>
    (await t.db.selectFrom('audit_events').select('type').orderBy('id').execute()).map((r) => r.type);

  /** The form of a topic as a browser sends it: every slot, empty ones too. */
  function topicForm(overrides: Record<string, string> = {}): Record<string, string> {
    const fields: Record<string, string> = {
      name_nl: 'Algemene vragen',
      name_en: 'General questions',
      slug: 'general',
      position: '0',
      active: 'yes',
      closed_on_holidays: 'yes',
      closed_dates: '',
    };
    for (const day of WEEKDAYS) {
      for (let slot = 1; slot <= 4; slot++) {
        fields[`${day}_${slot}_from`] = '';
        fields[`${day}_${slot}_to`] = '';
      }
    }
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) {
      fields[`${day}_1_from`] = '09:00';
      fields[`${day}_1_to`] = '19:00';
    }
    return { ...fields, ...overrides };
  }

  const generalTopic = async () => {
    const topic = (await listTopics(t.db)).find((x) => x.slug === 'general');
    assert.ok(topic);
    return topic;
  };

  it('refuses every role but admin, and changes nothing', async () => {
    const topic = await generalTopic();
    const [answer] = await listCannedAnswers(t.db);
    assert.ok(answer);
    const before = await auditTypes();
    for (const role of ['coordinator', 'agent', 'staff', 'handler'] as const) {
      const client = await loginAs(t, await createUserForTest(t.db, { roles: [role] }));
      for (const url of [
        '/admin/contact',
        `/admin/contact/topics/${topic.id}`,
        `/admin/contact/answers/${answer.id}`,
      ]) {
        assert.equal((await client.get(url)).statusCode, 403, `${role} ${url}`);
      }
      await client.get('/');
      assert.equal(
        (await client.post(`/admin/contact/topics/${topic.id}`, topicForm({ name_nl: 'Gekaapt' })))
          .statusCode,
        403,
      );
      assert.equal((await client.post(`/admin/contact/answers/${answer.id}/delete`)).statusCode, 403);
    }
    assert.equal((await new TestClient(t.app).get('/admin/contact')).statusCode, 303);
    assert.equal((await findTopic(t.db, topic.id))?.nameNl, 'Algemene vragen');
    assert.ok(await listCannedAnswers(t.db).then((a) => a.some((x) => x.id === answer.id)));
    assert.deepEqual(await auditTypes(), before);
  });

  it('lists the seeded topics with whether they are open now, and the seeded canned answers', async () => {
    const response = await admin.get('/admin/contact');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Algemene vragen/);
    assert.match(response.body, /Integriteit/);
    assert.match(response.body, /Nu (open|gesloten)/);
    for (const answer of DEFAULT_CANNED_ANSWERS)
      assert.ok(response.body.includes(answer.titleNl), answer.titleNl);
  });

  it('seeds the default canned answers once per installation, never again after they were deleted', async () => {
    assert.equal(await seedDefaultCannedAnswers(t.db), 0, 'already seeded at start');
    assert.equal((await listCannedAnswers(t.db)).length, DEFAULT_CANNED_ANSWERS.length);
  });

  it('saves a topic with its opening hours and closed dates, audited, and previews the next opening', async () => {
    const topic = await generalTopic();
    const response = await admin.submit(
      `/admin/contact/topics/${topic.id}`,
      topicForm({
        name_en: 'General',
        mon_1_to: '12:00',
        mon_2_from: '13:00',
        mon_2_to: '17:00',
        sat_1_from: '9:30',
        sat_1_to: '12:00',
        closed_dates: '2026-12-11\r\n2026-12-24',
        position: '5',
      }),
    );
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    assert.equal(response.headers.location, '/admin/contact?done=topic_saved#topics');
    const saved = await findTopic(t.db, topic.id);
    assert.equal(saved?.nameEn, 'General');
    assert.equal(saved?.position, 5);
    assert.deepEqual(saved?.openingHours.weekly.mon, [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
    assert.deepEqual(saved?.openingHours.weekly.sat, [{ from: '09:30', to: '12:00' }]);
    assert.deepEqual(saved?.openingHours.extraClosedDates, ['2026-12-11', '2026-12-24']);
    assert.equal((await auditTypes()).at(-1), 'contact.topic_saved');
    const event = await t.db
      .selectFrom('audit_events')
      .select('data')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event.data, { topicId: topic.id, created: false });

    // Friday the 11th is an extra closed date: the next opening is Saturday 09:30.
    const page = await admin.get(`/admin/contact/topics/${topic.id}`);
    assert.match(
      page.body,
      /data-opening-preview="true">Nu gesloten; opent zaterdag 12 december( om)? 09:30\./,
    );
    assert.match(page.body, /name="mon_2_from"[^>]*value="13:00"/);
  });

  it('refuses overlapping ranges, bad times, half ranges and bad dates, keeps what was typed, changes nothing', async () => {
    const topic = await generalTopic();
    const before = await findTopic(t.db, topic.id);
    const cases: Array<[Record<string, string>, RegExp, string]> = [
      [
        { tue_2_from: '18:00', tue_2_to: '20:00' },
        /De tijdvakken van een dag mogen elkaar niet overlappen/,
        'href="#field-tue"',
      ],
      [{ wed_1_from: '25:00' }, /Geef een tijd als UU:MM/, 'href="#field-wed_1_from"'],
      [{ wed_1_to: '9h' }, /Geef een tijd als UU:MM/, 'href="#field-wed_1_to"'],
      [
        { thu_1_from: '19:00', thu_1_to: '09:00' },
        /Het einde moet na het begin liggen/,
        'href="#field-thu_1_to"',
      ],
      [{ fri_3_from: '20:00' }, /Geef zowel het begin als het einde/, 'href="#field-fri_3_to"'],
      [{ closed_dates: '2026-02-30' }, /Geef een datum als JJJJ-MM-DD/, 'href="#field-closed_dates"'],
      [{ slug: 'Bad Slug!' }, /Geef een korte naam/, 'href="#field-slug"'],
      [{ slug: 'integrity' }, /Een ander onderwerp heeft deze korte naam al/, 'href="#field-slug"'],
      [{ name_nl: '   ' }, /Geef de naam in het Nederlands/, 'href="#field-name_nl"'],
      [{ name_en: 'a\u0000b' }, /teken dat niet bewaard kan worden/, 'href="#field-name_en"'],
      [{ position: '-1' }, /Geef de volgorde als een getal/, 'href="#field-position"'],
    ];
    for (const [overrides, message, link] of cases) {
      const response = await admin.submit(`/admin/contact/topics/${topic.id}`, topicForm(overrides));
      const label = JSON.stringify(overrides);
      assert.equal(response.statusCode, 422, label);
      assert.match(response.body, /class="error-summary"/, label);
      assert.match(response.body, message, label);
      assert.ok(response.body.includes(link), `${label} links ${link}`);
      const [field, value] = Object.entries(overrides)[0] ?? [];
      if (field && value && !value.includes('\u0000') && value.trim()) {
        assert.ok(response.body.includes(value.replace(/"/g, '&quot;')), `${label} is kept`);
      }
    }
    // Arrays where strings are expected are refused as well, not a 500.
    const arrays = await admin.submit(`/admin/contact/topics/${topic.id}`, {
      ...topicForm(),
      slug: ['a1', 'b2'],
    });
    assert.equal(arrays.statusCode, 422);
    assert.deepEqual(await findTopic(t.db, topic.id), before);
  });

  it('answers 404 for forged or unknown ids, and 403 without the CSRF token', async () => {
    for (const id of ['not-a-uuid', randomUUID(), "1' or '1'='1"]) {
      const path = encodeURIComponent(id);
      assert.equal((await admin.get(`/admin/contact/topics/${path}`)).statusCode, 404, id);
      assert.equal((await admin.get(`/admin/contact/answers/${path}`)).statusCode, 404, id);
      await admin.get('/admin/contact');
      assert.equal(
        (await admin.post(`/admin/contact/topics/${path}`, topicForm({ slug: 'nieuw' }))).statusCode,
        404,
        id,
      );
      assert.equal((await admin.post(`/admin/contact/answers/${path}/delete`)).statusCode, 404, id);
    }
    const topic = await generalTopic();
    const refused = await admin.post(`/admin/contact/topics/${topic.id}`, {
      ...topicForm(),
      _csrf: 'forged',
    });
    assert.equal(refused.statusCode, 403);
  });

  it('creates a topic', async () => {
    const response = await admin.submit(
      '/admin/contact/topics/new',
      topicForm({
        slug: 'spreekbuis',
        name_nl: 'Spreekbuis',
        name_en: 'Speaking tube',
        position: '3',
        active: '',
      }),
    );
    assert.equal(response.statusCode, 303);
    const created = (await listTopics(t.db)).find((x) => x.slug === 'spreekbuis');
    assert.equal(created?.active, false);
    assert.equal(created?.nameEn, 'Speaking tube');
    const event = await t.db
      .selectFrom('audit_events')
      .select(['type', 'data'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(event, { type: 'contact.topic_saved', data: { topicId: created?.id, created: true } });
  });

  it('creates, edits and deletes a canned answer, audited; a replayed delete is a 404', async () => {
    const fields = {
      title_nl: 'Doorverwijzen',
      title_en: 'Referral',
      body_nl: 'Hiervoor kunt u terecht bij de Vlaamse Ombudsdienst.',
      body_en: 'For this, please contact the Flemish Ombudsman.',
      position: '60',
    };
    const created = await admin.submit('/admin/contact/answers/new', fields);
    assert.equal(created.statusCode, 303);
    const answer = (await listCannedAnswers(t.db)).find((a) => a.titleNl === 'Doorverwijzen');
    assert.ok(answer);
    assert.equal(answer.position, 60);

    const tooLong = await admin.submit(`/admin/contact/answers/${answer.id}`, {
      ...fields,
      body_en: 'x'.repeat(2001),
      title_nl: '',
    });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /Geef een titel in beide talen/);
    assert.match(tooLong.body, /ten hoogste 2.000 tekens/);
    assert.ok(tooLong.body.includes(`${'x'.repeat(2001)}</textarea>`), 'the text is kept');

    // The chat counts UTF-16 units (as the textarea's maxlength does): an answer of 1,500 emoji
    // would be saved but could never be sent.
    const emoji = await admin.submit(`/admin/contact/answers/${answer.id}`, {
      ...fields,
      body_nl: '😀'.repeat(1500),
    });
    assert.equal(emoji.statusCode, 422);
    assert.match(emoji.body, /ten hoogste 2.000 tekens/);

    const edited = await admin.submit(`/admin/contact/answers/${answer.id}`, {
      ...fields,
      title_en: 'Referral elsewhere',
    });
    assert.equal(edited.statusCode, 303);
    assert.equal(
      (await listCannedAnswers(t.db)).find((a) => a.id === answer.id)?.titleEn,
      'Referral elsewhere',
    );

    await admin.get(`/admin/contact/answers/${answer.id}`);
    const deleted = await admin.post(`/admin/contact/answers/${answer.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, '/admin/contact?done=answer_deleted#answers');
    assert.equal((await admin.post(`/admin/contact/answers/${answer.id}/delete`)).statusCode, 404);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['type', 'data'])
      .where('type', 'like', 'contact.canned_answer%')
      .orderBy('id')
      .execute();
    // An admin who deleted every canned answer does not get the defaults back at the next start.
    const other = await createTestApp();
    try {
      assert.equal(
        (await listCannedAnswers(other.db)).length,
        DEFAULT_CANNED_ANSWERS.length,
        'a new installation',
      );
      await other.db.deleteFrom('contact_canned_answers').execute();
      assert.equal(
        await seedDefaultCannedAnswers(other.db),
        DEFAULT_CANNED_ANSWERS.length,
        'never deleted: seeded',
      );
    } finally {
      await other.close();
    }
    await t.db.deleteFrom('contact_canned_answers').execute();
    assert.equal(await seedDefaultCannedAnswers(t.db), 0, 'deleted by an admin: not seeded again');
    assert.deepEqual(events, [
      { type: 'contact.canned_answer_saved', data: { answerId: answer.id, created: true } },
      { type: 'contact.canned_answer_saved', data: { answerId: answer.id, created: false } },
      { type: 'contact.canned_answer_deleted', data: { answerId: answer.id } },
    ]);
  });
});

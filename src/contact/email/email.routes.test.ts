import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { listTopics } from '../topics.js';
import { COPIES_PER_ADDRESS_PER_DAY } from './email.routes.js';
import { countOpenEmail, replyAddressFor } from './email.service.js';

/** A client that looks like a distinct visitor (its own throttle key). */
let visitorCount = 0;
function visitor(t: TestApp): TestClient {
  visitorCount++;
  return new TestClient(t.app, { 'x-forwarded-for': `203.0.113.${visitorCount}` });
}

describe('e-mail to 1700', () => {
  let t: TestApp;
  let topicId: string;
  let otherTopicId: string;

  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
    const topics = await listTopics(t.db, { activeOnly: true });
    topicId = topics[0]?.id ?? '';
    otherTopicId = topics[1]?.id ?? '';
  });
  after(() => t.close());

  const form = (over: Record<string, string | string[]> = {}) => ({
    name: 'Anna Peeters',
    email: 'anna@example.be',
    topicId,
    question: 'Mag ik een geschenk van een leverancier aanvaarden?\nHet is een fles wijn.',
    ...over,
  });

  async function send(over: Record<string, string | string[]> = {}, client = visitor(t)) {
    const response = await client.submit('/contact/email', form(over));
    return { response, client };
  }

  async function conversationOf(email: string) {
    return t.db
      .selectFrom('contact_conversations')
      .selectAll()
      .where('kind', '=', 'email')
      .where('visitor_email', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  }

  it('shows the form without JavaScript, with the active topics, in Dutch and English', async () => {
    const client = visitor(t);
    const nl = await client.get('/contact/email');
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /E-mail naar 1700/);
    assert.match(nl.body, new RegExp(`<option value="${topicId}"`));
    assert.match(nl.body, /name="_csrf"/);
    const en = await t.app.inject({ method: 'GET', url: '/contact/email', headers: { cookie: 'lang=en' } });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /E-mail 1700/);
  });

  it('creates an open conversation due in 2 working days and puts a copy with Reply-To in the outbox', async () => {
    // Friday 4 December 2026, 15:00 in Brussels → due Tuesday 8 December 15:00.
    t.clock.set('2026-12-04T14:00:00Z');
    const { response } = await send();
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Uw bericht is verstuurd/);
    assert.match(response.body, /anna@example\.be/);
    assert.match(response.body, /2 werkdagen/);
    const conversation = await conversationOf('anna@example.be');
    assert.equal(conversation.state, 'open');
    assert.equal(conversation.visitor_name, 'Anna Peeters');
    assert.equal(conversation.due_at?.toISOString(), '2026-12-08T14:00:00.000Z');
    assert.match(conversation.reply_token ?? '', /^[0-9a-f]{30}$/);
    const messages = await t.db
      .selectFrom('contact_messages')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .execute();
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.author, 'visitor');
    assert.equal(
      messages[0]?.body,
      'Mag ik een geschenk van een leverancier aanvaarden?\nHet is een fles wijn.',
    );
    const copy = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('message_id', '=', messages[0]?.message_id ?? '')
      .executeTakeFirstOrThrow();
    assert.equal(copy.purpose, 'contact.copy');
    assert.equal(copy.to_address, 'anna@example.be');
    assert.match(copy.body_text, /fles wijn/);
    assert.equal(
      copy.headers['Reply-To'],
      replyAddressFor(t.config.contact.replyAddress, conversation.reply_token ?? ''),
    );
    assert.deepEqual(conversation.thread_message_ids, [copy.message_id]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_label', 'client_ip', 'data'])
      .where('type', '=', 'contact.email_received')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, 'visitor');
    assert.equal(audit.client_ip, null);
    assert.doesNotMatch(JSON.stringify(audit.data), /Anna|anna@|wijn/);
  });

  it('skips a Belgian holiday in the due date', async () => {
    // Thursday 24 December 2026 11:00 → Christmas (Fri), weekend → due Tuesday 29 December 11:00.
    t.clock.set('2026-12-24T10:00:00Z');
    await send({ email: 'kerst@example.be' });
    const conversation = await conversationOf('kerst@example.be');
    assert.equal(conversation.due_at?.toISOString(), '2026-12-29T10:00:00.000Z');
  });

  it('shows every error with the text kept, and stores nothing, for bad input', async () => {
    const before = await countOpenEmail(t.db, t.clock.now());
    const cases: Record<string, string | string[]>[] = [
      { name: '', email: 'not an address', topicId: '', question: '' },
      { question: 'x'.repeat(5001) },
      { name: 'Anna\u0000' },
      { question: 'Hallo\u0000daar' },
      { email: 'anna@example.be\r\nBcc: victim@example.org' },
      { topicId: '00000000-0000-0000-0000-000000000000' },
      { topicId: "' or 1=1 --" },
      { name: ['Anna', 'Bert'] },
    ];
    for (const over of cases) {
      const { response } = await send(over);
      assert.equal(response.statusCode, 422, JSON.stringify(over).slice(0, 80));
      assert.match(response.body, /class="error-summary"/);
    }
    const { response } = await send({ name: '', question: 'Mijn vraag blijft staan' });
    assert.match(response.body, /Vul uw naam in\./);
    assert.match(response.body, /Mijn vraag blijft staan<\/textarea>/);
    assert.match(response.body, /value="anna@example\.be"/);
    assert.deepEqual(await countOpenEmail(t.db, t.clock.now()), before);
  });

  it('refuses at once an address built to make its check slow (no event-loop stall)', async () => {
    const before = await countOpenEmail(t.db, t.clock.now());
    for (const email of [`a@${'.'.repeat(60_000)} `, `a@${'a.'.repeat(30_000)}@`]) {
      const started = performance.now();
      const { response } = await send({ email });
      assert.equal(response.statusCode, 422);
      assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);
    }
    // Empty labels and a trailing dot are no addresses either; an ordinary sub-domain is.
    for (const email of ['anna@example..be', 'anna@.example.be', 'anna@example.be.']) {
      assert.equal((await send({ email })).response.statusCode, 422, email);
    }
    assert.deepEqual(await countOpenEmail(t.db, t.clock.now()), before);
    assert.equal((await send({ email: 'anna.peeters@mail.example.be' })).response.statusCode, 200);
  });

  it('refuses a filled honeypot and a missing CSRF token without storing anything', async () => {
    const before = await countOpenEmail(t.db, t.clock.now());
    const { response } = await send({ website: 'http://spam.example' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Dit veld moet leeg blijven/);
    const client = visitor(t);
    const forged = await client.post('/contact/email', { ...form(), _csrf: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await countOpenEmail(t.db, t.clock.now()), before);
  });

  it('throttles one client after five questions an hour', async () => {
    const client = new TestClient(t.app, { 'x-forwarded-for': '198.51.100.77' });
    for (let i = 0; i < 5; i++) {
      const { response } = await send({ email: `flood${i}@example.be` }, client);
      assert.equal(response.statusCode, 200);
    }
    const { response } = await send({ email: 'flood5@example.be', question: 'nog een' }, client);
    assert.equal(response.statusCode, 429);
    assert.match(response.body, /nog een<\/textarea>/);
  });

  it(`sends at most ${COPIES_PER_ADDRESS_PER_DAY} copies a day to one address, whoever asks (no mail bombing through the copy)`, async () => {
    t.clock.set('2026-12-10T09:00:00Z');
    for (let i = 0; i < COPIES_PER_ADDRESS_PER_DAY; i++) {
      // Each from another client, so only the address links them; case does not matter.
      const email = i % 2 ? 'Victim@Example.org' : 'victim@example.org';
      assert.equal((await send({ email })).response.statusCode, 200);
    }
    const before = await countOpenEmail(t.db, t.clock.now());
    const { response } = await send({ email: 'VICTIM@example.org', question: 'nog een' });
    assert.equal(response.statusCode, 429);
    assert.match(response.body, /nog een<\/textarea>/);
    assert.deepEqual(await countOpenEmail(t.db, t.clock.now()), before);
    // Another address is not affected, and a day later the address may receive copies again.
    assert.equal((await send({ email: 'someone@example.org' })).response.statusCode, 200);
    t.clock.set('2026-12-11T09:01:00Z');
    assert.equal((await send({ email: 'victim@example.org' })).response.statusCode, 200);
  });

  describe('agents', () => {
    let agentClient: TestClient;
    let conversationId: string;

    before(async () => {
      const agent = await createUserForTest(t.db, { roles: ['agent'], name: 'Ilse Agent' });
      agentClient = await loginAs(t, agent);
      t.clock.set('2026-12-07T09:00:00Z');
      await send({ name: 'Bert Janssens', email: 'bert@example.be', topicId: otherTopicId });
      conversationId = (await conversationOf('bert@example.be')).id;
    });

    it('refuses the queue and threads to staff without the agent role and to visitors', async () => {
      const staff = await loginAs(t, await createUserForTest(t.db, { roles: ['staff', 'handler'] }));
      assert.equal((await staff.get('/console/email')).statusCode, 403);
      assert.equal((await staff.get(`/console/email/${conversationId}`)).statusCode, 403);
      const anonymous = visitor(t);
      const response = await anonymous.get('/console/email');
      assert.ok([302, 303, 401].includes(response.statusCode), String(response.statusCode));
    });

    it('lists the queue oldest first with overdue ones marked in words', async () => {
      const response = await agentClient.get('/console/email');
      assert.equal(response.statusCode, 200);
      const body = response.body;
      // On 7 December 10:00 the question of Friday 4 December is due on Tuesday the 8th: not overdue yet.
      assert.match(body, /Te beantwoorden op 8\/12\/2026, 15:00/);
      assert.doesNotMatch(body, /Te laat/);
      t.clock.set('2026-12-09T09:00:00Z');
      const later = (await agentClient.get('/console/email')).body;
      assert.match(later, /Te laat: moest beantwoord zijn op 8\/12\/2026, 15:00/);
      const anna = later.indexOf('Anna Peeters');
      const bert = later.indexOf('Bert Janssens');
      assert.ok(anna > 0 && bert > anna, 'oldest first');
      const counts = await countOpenEmail(t.db, t.clock.now());
      assert.ok(counts.overdue >= 1 && counts.open >= counts.overdue);
    });

    it('answers by e-mail threaded with In-Reply-To and References, and audits without content', async () => {
      await agentClient.get(`/console/email/${conversationId}`);
      const response = await agentClient.post(`/console/email/${conversationId}/answer`, {
        answer: 'Beste Bert, een fles wijn mag u niet aanvaarden.',
      });
      assert.equal(response.statusCode, 303);
      const conversation = await t.db
        .selectFrom('contact_conversations')
        .selectAll()
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      assert.equal(conversation.state, 'answered');
      assert.equal(conversation.due_at, null);
      const [copyId, answerId] = conversation.thread_message_ids;
      assert.ok(copyId && answerId);
      const answer = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('message_id', '=', answerId)
        .executeTakeFirstOrThrow();
      assert.equal(answer.purpose, 'contact.answer');
      assert.equal(answer.to_address, 'bert@example.be');
      assert.equal(answer.headers['In-Reply-To'], copyId);
      assert.equal(answer.headers.References, copyId);
      assert.equal(
        answer.headers['Reply-To'],
        replyAddressFor(t.config.contact.replyAddress, conversation.reply_token ?? ''),
      );
      assert.match(answer.body_text, /fles wijn mag u niet/);
      assert.match(answer.body_text, /Ilse Agent/);
      const audit = await t.db
        .selectFrom('audit_events')
        .select(['data', 'actor_label'])
        .where('type', '=', 'contact.email_answered')
        .executeTakeFirstOrThrow();
      assert.doesNotMatch(JSON.stringify(audit.data), /wijn|Bert/);
      const thread = await agentClient.get(`/console/email/${conversationId}?done=answered`);
      assert.match(thread.body, /Uw antwoord is verstuurd/);
      assert.match(thread.body, /Ilse Agent \(1700\)/);
      assert.match(thread.body, /Bert Janssens \(burger\)/);

      // A second answer refers to both earlier messages.
      await agentClient.post(`/console/email/${conversationId}/answer`, { answer: 'Nog iets.' });
      const again = await t.db
        .selectFrom('contact_conversations')
        .select('thread_message_ids')
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      const third = await t.db
        .selectFrom('outbox')
        .select('headers')
        .where('message_id', '=', again.thread_message_ids[2] ?? '')
        .executeTakeFirstOrThrow();
      assert.equal(third.headers['In-Reply-To'], answerId);
      assert.equal(third.headers.References, `${copyId} ${answerId}`);
    });

    it('keeps the typed answer on an error and refuses an empty or over-long answer', async () => {
      await agentClient.get(`/console/email/${conversationId}`);
      const empty = await agentClient.post(`/console/email/${conversationId}/answer`, { answer: '   ' });
      assert.equal(empty.statusCode, 422);
      const long = await agentClient.post(`/console/email/${conversationId}/answer`, {
        answer: 'y'.repeat(10_001),
      });
      assert.equal(long.statusCode, 422);
      assert.match(long.body, /ten hoogste 10000 tekens/);
      const nul = await agentClient.post(`/console/email/${conversationId}/answer`, { answer: 'a\u0000b' });
      assert.equal(nul.statusCode, 422);
    });

    it('closes and reopens a conversation; a closed one cannot be answered', async () => {
      await agentClient.get(`/console/email/${conversationId}`);
      assert.equal((await agentClient.post(`/console/email/${conversationId}/close`)).statusCode, 303);
      const closedPage = await agentClient.get(`/console/email/${conversationId}`);
      assert.match(closedPage.body, /Heropen gesprek/);
      const refused = await agentClient.post(`/console/email/${conversationId}/answer`, {
        answer: 'te laat',
      });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /te laat<\/textarea>/);
      assert.equal((await agentClient.post(`/console/email/${conversationId}/reopen`)).statusCode, 303);
      const row = await t.db
        .selectFrom('contact_conversations')
        .select(['state', 'due_at'])
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'open');
      assert.ok(row.due_at);
    });

    it('answers 404 for forged, unknown and chat conversation ids', async () => {
      await agentClient.get('/console/email');
      const chat = await t.db
        .insertInto('contact_conversations')
        .values({
          kind: 'chat',
          topic_id: topicId,
          state: 'ended',
          locale: 'nl',
          created_at: t.clock.now(),
          updated_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', "1'%20or%201=1", chat.id]) {
        assert.equal((await agentClient.get(`/console/email/${id}`)).statusCode, 404, id);
        assert.equal(
          (await agentClient.post(`/console/email/${id}/answer`, { answer: 'hallo' })).statusCode,
          404,
          id,
        );
        assert.equal((await agentClient.post(`/console/email/${id}/close`)).statusCode, 404, id);
      }
    });

    it('shows no success banner for a forged done= naming an Object property', async () => {
      for (const forged of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        const page = await agentClient.get(`/console/email/${conversationId}?done=${forged}`);
        assert.equal(page.statusCode, 200, forged);
        assert.doesNotMatch(page.body, /notification--success/, forged);
      }
    });
  });
});

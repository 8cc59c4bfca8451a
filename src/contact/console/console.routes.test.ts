import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs, type TestUser } from '../../../test/helpers/factories.js';
import { createChannelForTest, createRecipientForTest } from '../../../test/helpers/reporting.js';
import { openReportKey } from '../../reporting/report-crypto.js';
import { readAnswers, readIdentity } from '../../reporting/report-store.js';
import { type ChatContext, startChat, takeNext, updateAgent } from '../chat/chat.service.js';
import { listTopics } from '../topics.js';

/** Tuesday 1 December 2026, 10:00 in Brussels: the chat is open. */
const OPEN_TIME = '2026-12-01T09:00:00Z';

describe('the agents’ console over HTTP', () => {
  let t: TestApp;
  let general: string;
  let integrity: string;

  const ctx = (): ChatContext => ({ db: t.db, now: t.clock.now(), config: t.config });

  before(async () => {
    t = await createTestApp();
    t.clock.set(OPEN_TIME);
    const topics = await listTopics(t.db);
    general = topics.find((x) => x.slug === 'general')!.id;
    integrity = topics.find((x) => x.slug === 'integrity')!.id;
  });
  after(async () => {
    await t?.close();
  });

  /** An agent who serves `topics` but is away (so only "take next" gives them chats). */
  async function makeAgent(
    options: {
      topics?: string[];
      capacity?: number;
      availability?: 'available' | 'away' | 'offline';
      name?: string;
    } = {},
  ): Promise<{ user: TestUser; client: TestClient }> {
    const user = await createUserForTest(t.db, {
      roles: ['agent'],
      ...(options.name ? { name: options.name } : {}),
    });
    await updateAgent(ctx(), user.id, {
      topicIds: options.topics ?? [general],
      capacity: options.capacity ?? 3,
      availability: options.availability ?? 'away',
    });
    return { user, client: await loginAs(t, user) };
  }

  /** A visitor's chat taken by `agent` (queued, then "take next"). */
  async function chatFor(
    agent: TestUser,
    options: { name?: string; locale?: 'nl' | 'en'; visitorKeyHash?: string | null; topicId?: string } = {},
  ): Promise<string> {
    const { conversationId } = await startChat(ctx(), {
      topicId: options.topicId ?? general,
      name: options.name ?? 'Anna Peeters',
      locale: options.locale ?? 'nl',
      visitorKeyHash: options.visitorKeyHash ?? null,
    });
    const taken = await takeNext(ctx(), agent.id);
    assert.equal(taken, conversationId, 'the new chat was the one taken');
    return conversationId;
  }

  async function addVisitorMessage(conversationId: string, body: string): Promise<void> {
    await t.db
      .insertInto('contact_messages')
      .values({ conversation_id: conversationId, author: 'visitor', body, created_at: t.clock.now() })
      .execute();
  }

  async function conversation(id: string) {
    return t.db
      .selectFrom('contact_conversations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function agentRow(userId: string) {
    return t.db
      .selectFrom('contact_agents')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  describe('access', () => {
    it('sends an anonymous visitor to the login page and refuses staff without role agent with 403', async () => {
      const anonymous = new TestClient(t.app);
      const page = await anonymous.get('/console');
      assert.ok([302, 303].includes(page.statusCode));
      assert.match(String(page.headers.location), /^\/login\?next=%2Fconsole/);
      const staff = await createUserForTest(t.db, { roles: ['staff', 'handler'] });
      const client = await loginAs(t, staff);
      assert.equal((await client.get('/console')).statusCode, 403);
      assert.equal((await client.get(`/console/chats/${crypto.randomUUID()}`)).statusCode, 403);
      await client.get('/account');
      const post = await client.post('/console/agent', { availability: 'available', capacity: '3' });
      assert.equal(post.statusCode, 403);
      assert.equal(
        await t.db
          .selectFrom('contact_agents')
          .select('user_id')
          .where('user_id', '=', staff.id)
          .executeTakeFirst(),
        undefined,
        'no agent row was made',
      );
    });

    it('refuses a POST without the CSRF token', async () => {
      const { client, user } = await makeAgent();
      await client.get('/console');
      const response = await client.post('/console/agent', {
        _csrf: 'forged',
        availability: 'available',
        capacity: '5',
      });
      assert.equal(response.statusCode, 403);
      assert.equal((await agentRow(user.id)).capacity, 3);
    });
  });

  describe('availability, capacity and topics', () => {
    it('saves the form and shows it again, with the note that availability counts only while the console is open', async () => {
      const { client, user } = await makeAgent({ topics: [] });
      const page = await client.get('/console');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /telt alleen zolang deze console open is/);
      assert.match(page.body, /src="\/build\/console\.js"/);
      const saved = await client.post('/console/agent', {
        availability: 'offline',
        capacity: '4',
        topics: [general, integrity],
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/console?done=saved');
      const row = await agentRow(user.id);
      assert.equal(row.availability, 'offline');
      assert.equal(row.capacity, 4);
      const topics = await t.db
        .selectFrom('contact_agent_topics')
        .select('topic_id')
        .where('user_id', '=', user.id)
        .execute();
      assert.deepEqual(topics.map((r) => r.topic_id).sort(), [general, integrity].sort());
      const after = await client.get('/console?done=saved');
      assert.match(after.body, /Uw beschikbaarheid is opgeslagen/);
      assert.match(after.body, new RegExp(`value="${integrity}"[^>]*checked`));
    });

    it('refuses bad input with 422, keeps what was typed and changes nothing', async () => {
      const { client, user } = await makeAgent({ capacity: 2 });
      await client.get('/console');
      const cases: Record<string, string | string[]>[] = [
        { availability: 'busy', capacity: '3' },
        { availability: 'available', capacity: '11' },
        { availability: 'available', capacity: 'drie' },
        { availability: 'available', capacity: ['3', '4'] },
        { availability: 'available', capacity: '0' },
        { availability: ['available', 'away'], capacity: '3' },
        { availability: 'available', capacity: '3\u0000' },
        { availability: 'available', capacity: '3', topics: 'not-a-uuid' },
        // A well-formed id that is no topic: forged.
        { availability: 'available', capacity: '3', topics: [general, crypto.randomUUID()] },
      ];
      for (const form of cases) {
        const response = await client.post('/console/agent', form);
        assert.equal(response.statusCode, 422, JSON.stringify(form));
        assert.match(response.body, /class="error-summary"/, JSON.stringify(form));
      }
      const forged = await client.post('/console/agent', {
        availability: 'available',
        capacity: '7',
        topics: [crypto.randomUUID()],
      });
      assert.match(forged.body, /Kies alleen onderwerpen uit de lijst/);
      assert.match(forged.body, /name="capacity"[^>]*value="7"/, 'what was typed is kept');
      const row = await agentRow(user.id);
      assert.equal(row.capacity, 2);
      assert.equal(row.availability, 'away');
    });

    it('refuses an inactive topic as forged', async () => {
      const { client } = await makeAgent();
      const inactive = await t.db
        .insertInto('contact_topics')
        .values({
          slug: 'gesloten',
          name_nl: 'Gesloten',
          name_en: 'Closed',
          opening_hours: '{}',
          active: false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await client.get('/console');
      const response = await client.post('/console/agent', {
        availability: 'away',
        capacity: '3',
        topics: [inactive.id],
      });
      assert.equal(response.statusCode, 422);
    });
  });

  describe('chats', () => {
    it('takes the next chat, shows it as a pane and says so when nobody waits', async () => {
      const { client, user } = await makeAgent({ topics: [integrity] });
      const { conversationId } = await startChat(ctx(), {
        topicId: integrity,
        name: 'Bart',
        locale: 'en',
        visitorKeyHash: null,
      });
      await client.get('/console');
      const taken = await client.post('/console/take-next');
      assert.equal(taken.headers.location, '/console?done=taken');
      const row = await conversation(conversationId);
      assert.equal(row.state, 'active');
      assert.equal(row.agent_id, user.id);
      const page = await client.get('/console?done=taken');
      assert.match(page.body, new RegExp(`data-chat-pane="${conversationId}"`));
      assert.match(page.body, /aria-labelledby="pane-[0-9a-f-]+-title"/);
      assert.match(page.body, new RegExp(`href="/console/chats/${conversationId}"`));
      const nothing = await client.post('/console/take-next');
      assert.equal(nothing.headers.location, '/console?done=nothing');
    });

    it('posts a message from a pane and from the chat page, and refuses an empty or over-long one keeping the text', async () => {
      const { client, user } = await makeAgent();
      const id = await chatFor(user);
      await client.get('/console');
      const fromPane = await client.post(`/console/chats/${id}/messages`, {
        return: 'console',
        field: `body-${id}`,
        [`body-${id}`]: 'Goedemorgen, waarmee kan ik helpen?',
      });
      assert.equal(fromPane.statusCode, 303);
      assert.equal(fromPane.headers.location, '/console?done=sent');
      const empty = await client.post(`/console/chats/${id}/messages`, { return: 'chat', body: '   ' });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Typ een bericht/);
      const long = 'x'.repeat(2001);
      const tooLong = await client.post(`/console/chats/${id}/messages`, { return: 'chat', body: long });
      assert.equal(tooLong.statusCode, 422);
      assert.ok(tooLong.body.includes(long), 'the text is kept');
      const messages = await t.db
        .selectFrom('contact_messages')
        .select(['author', 'body'])
        .where('conversation_id', '=', id)
        .where('author', '=', 'agent')
        .execute();
      assert.deepEqual(messages, [{ author: 'agent', body: 'Goedemorgen, waarmee kan ik helpen?' }]);
    });

    it('sends a canned answer in the chosen language and refuses a forged one', async () => {
      const { client, user } = await makeAgent();
      const id = await chatFor(user, { locale: 'en' });
      const canned = await t.db
        .insertInto('contact_canned_answers')
        .values({
          title_nl: 'Groet',
          title_en: 'Greeting',
          body_nl: 'Dag, ik help u graag.',
          body_en: 'Hello, happy to help.',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const page = await client.get(`/console/chats/${id}`);
      // The chat is in English: the English answers come first.
      const en = page.body.indexOf('data-lang="en"');
      const nl = page.body.indexOf('data-lang="nl"');
      assert.ok(en > 0 && en < nl, 'the chat’s language first');
      const sent = await client.post(`/console/chats/${id}/canned`, {
        canned: `${canned.id}:en`,
        return: 'chat',
      });
      assert.equal(sent.statusCode, 303);
      const forged = await client.post(`/console/chats/${id}/canned`, {
        canned: `${crypto.randomUUID()}:en`,
      });
      assert.equal(forged.statusCode, 422);
      assert.match(forged.body, /Kies een standaardantwoord/);
      const bodies = await t.db
        .selectFrom('contact_messages')
        .select('body')
        .where('conversation_id', '=', id)
        .where('author', '=', 'agent')
        .execute();
      assert.deepEqual(
        bodies.map((b) => b.body),
        ['Hello, happy to help.'],
      );
    });

    it('ends a chat, then refuses to act on it again', async () => {
      const { client, user } = await makeAgent();
      const id = await chatFor(user);
      await client.get(`/console/chats/${id}`);
      const ended = await client.post(`/console/chats/${id}/end`, { return: 'console' });
      assert.equal(ended.headers.location, '/console?done=ended');
      assert.equal((await conversation(id)).state, 'ended');
      const again = await client.post(`/console/chats/${id}/messages`, { body: 'Nog iets?' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /al beëindigd/);
    });

    it('answers 404 for every action on a chat that is not the agent’s, and for a malformed id', async () => {
      const { user: owner } = await makeAgent();
      const { client: other } = await makeAgent();
      const id = await chatFor(owner);
      await other.get('/console');
      assert.equal((await other.get(`/console/chats/${id}`)).statusCode, 404);
      for (const action of ['messages', 'canned', 'end', 'transfer', 'report']) {
        const response = await other.post(`/console/chats/${id}/${action}`, {
          body: 'Van mij',
          to: 'topic',
          topic: integrity,
        });
        assert.equal(response.statusCode, 404, action);
      }
      assert.equal((await other.get(`/console/chats/${id}/earlier/${crypto.randomUUID()}`)).statusCode, 404);
      assert.equal((await other.get('/console/chats/not-a-uuid')).statusCode, 404);
      const row = await conversation(id);
      assert.equal(row.state, 'active');
      assert.equal(row.agent_id, owner.id);
    });
  });

  describe('transfer', () => {
    it('refuses a colleague who is offline or has no free slot, with a clear message, and changes nothing', async () => {
      const { client, user } = await makeAgent();
      const { user: offline } = await makeAgent({ availability: 'offline' });
      const { user: busy } = await makeAgent({ availability: 'away', capacity: 1, name: 'Bezet Persoon' });
      await chatFor(busy);
      await updateAgent(ctx(), busy.id, { availability: 'available' });
      const id = await chatFor(user);
      const page = await client.get(`/console/chats/${id}`);
      assert.doesNotMatch(page.body, /Bezet Persoon/, 'a colleague without a free slot is not offered');
      for (const target of [offline.id, busy.id, crypto.randomUUID()]) {
        const response = await client.post(`/console/chats/${id}/transfer`, { to: 'agent', agent: target });
        assert.equal(response.statusCode, 409, target);
        assert.match(response.body, /kan de chat nu niet aannemen/);
      }
      const missing = await client.post(`/console/chats/${id}/transfer`, { to: 'agent', agent: '' });
      assert.equal(missing.statusCode, 422);
      assert.equal((await conversation(id)).agent_id, user.id);
    });

    it('transfers to a free colleague and to another topic', async () => {
      const { client, user } = await makeAgent();
      // Made available only once the chat is taken: the assignment pass would give it to them.
      const { user: free } = await makeAgent({ name: 'Vrije Collega' });
      const first = await chatFor(user);
      await updateAgent(ctx(), free.id, { availability: 'available' });
      const page = await client.get(`/console/chats/${first}`);
      assert.match(page.body, /Vrije Collega \(0 van 3 chats\)/);
      const toAgent = await client.post(`/console/chats/${first}/transfer`, { to: 'agent', agent: free.id });
      assert.equal(toAgent.headers.location, '/console?done=transferred');
      assert.equal((await conversation(first)).agent_id, free.id);
      assert.equal((await client.get(`/console/chats/${first}`)).statusCode, 404, 'no longer mine');

      // Nobody serves "integrity" now, so the chat waits there.
      await updateAgent(ctx(), free.id, { availability: 'offline' });
      const second = await chatFor(user);
      await client.get(`/console/chats/${second}`);
      const same = await client.post(`/console/chats/${second}/transfer`, { to: 'topic', topic: general });
      assert.equal(same.statusCode, 422);
      const toTopic = await client.post(`/console/chats/${second}/transfer`, {
        to: 'topic',
        topic: integrity,
      });
      assert.equal(toTopic.statusCode, 303);
      const row = await conversation(second);
      assert.equal(row.topic_id, integrity);
      assert.equal(row.state, 'queued');
      // Leave nothing waiting for the other tests.
      await t.db
        .updateTable('contact_conversations')
        .set({ state: 'left' })
        .where('id', '=', second)
        .execute();
    });
  });

  describe('the visitor’s earlier conversations', () => {
    it('lists the chats and e-mails of the same visitor and lets the agent read them, nothing of others', async () => {
      const { client, user } = await makeAgent();
      const key = 'a'.repeat(64);
      const earlierChat = await chatFor(user, { visitorKeyHash: key });
      await addVisitorMessage(earlierChat, 'Mijn vorige vraag over een premie');
      await client.get(`/console/chats/${earlierChat}`);
      await client.post(`/console/chats/${earlierChat}/end`, { return: 'chat' });
      const email = await t.db
        .insertInto('contact_conversations')
        .values({
          kind: 'email',
          topic_id: general,
          state: 'answered',
          locale: 'nl',
          visitor_name: 'Anna',
          visitor_email: 'anna@example.test',
          subject: 'Vraag per e-mail',
          visitor_key_hash: key,
          created_at: t.clock.now(),
          updated_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const stranger = await t.db
        .insertInto('contact_conversations')
        .values({
          kind: 'email',
          topic_id: general,
          state: 'open',
          locale: 'nl',
          visitor_key_hash: 'b'.repeat(64),
          created_at: t.clock.now(),
          updated_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const current = await chatFor(user, { visitorKeyHash: key });
      const page = await client.get(`/console/chats/${current}`);
      assert.match(page.body, new RegExp(`/console/chats/${current}/earlier/${earlierChat}`));
      assert.match(page.body, new RegExp(`/console/chats/${current}/earlier/${email.id}`));
      assert.doesNotMatch(page.body, new RegExp(stranger.id));
      assert.match(page.body, /Beëindigd/);
      const read = await client.get(`/console/chats/${current}/earlier/${earlierChat}`);
      assert.equal(read.statusCode, 200);
      assert.match(read.body, /Mijn vorige vraag over een premie/);
      assert.equal((await client.get(`/console/chats/${current}/earlier/${stranger.id}`)).statusCode, 404);
      // A visitor without a key has no earlier conversations, even if others have none either.
      const keyless = await chatFor(user);
      const none = await client.get(`/console/chats/${keyless}`);
      assert.match(none.body, /Geen eerdere gesprekken/);
    });

    it('gives an agent whose chat ended no window on the visitor’s later conversations with colleagues', async () => {
      const first = await makeAgent();
      const second = await makeAgent();
      const key = 'c'.repeat(64);
      const old = await chatFor(first.user, { visitorKeyHash: key });
      await first.client.get(`/console/chats/${old}`);
      await first.client.post(`/console/chats/${old}/end`, { return: 'chat' });
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 60_000));
      const later = await chatFor(second.user, { visitorKeyHash: key });
      await addVisitorMessage(later, 'Iets wat alleen de tweede agent mag lezen');
      // The ended chat no longer lists nor opens the visitor's other conversations.
      const page = await first.client.get(`/console/chats/${old}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, new RegExp(later));
      assert.equal((await first.client.get(`/console/chats/${old}/earlier/${later}`)).statusCode, 404);
      // The colleague handling the new chat does see the earlier one.
      const read = await second.client.get(`/console/chats/${later}/earlier/${old}`);
      assert.equal(read.statusCode, 200);
      t.clock.set(OPEN_TIME);
    });

    it('does not list conversations that began after the chat being handled', async () => {
      const { client, user } = await makeAgent();
      const key = 'd'.repeat(64);
      const current = await chatFor(user, { visitorKeyHash: key });
      t.clock.set(new Date(t.clock.now().getTime() + 60_000));
      const newer = await t.db
        .insertInto('contact_conversations')
        .values({
          kind: 'email',
          topic_id: general,
          state: 'open',
          locale: 'nl',
          visitor_key_hash: key,
          created_at: t.clock.now(),
          updated_at: t.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const page = await client.get(`/console/chats/${current}`);
      assert.doesNotMatch(page.body, new RegExp(newer.id));
      assert.equal((await client.get(`/console/chats/${current}/earlier/${newer.id}`)).statusCode, 404);
      t.clock.set(OPEN_TIME);
    });
  });

  describe('registering an integrity question or report', () => {
    it('creates a report that a recipient of the channel can read, shows the receipt once and stores it nowhere in the contact channel', async () => {
      const recipient = await createRecipientForTest(t.db);
      const channel = await createChannelForTest(t.db, { recipients: [recipient.id] });
      const { client, user } = await makeAgent({ name: 'Agent Ilse' });
      const id = await chatFor(user, { name: 'Carla Janssens' });
      await addVisitorMessage(id, 'Mijn chef laat facturen van zijn broer goedkeuren.');
      const page = await client.get(`/console/chats/${id}`);
      assert.match(page.body, /Mijn chef laat facturen van zijn broer goedkeuren\.<\/textarea>/, 'prefilled');
      const formId = /name="form_id" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const form = {
        form_id: formId,
        channel: channel.channelId,
        text: 'De chef van de bezoeker laat facturen van zijn broer goedkeuren.',
        mode: 'named',
      };
      const response = await client.post(`/console/chats/${id}/report`, form);
      assert.equal(
        response.statusCode,
        200,
        response.body.slice(response.body.indexOf('<main'), response.body.indexOf('<main') + 3000),
      );
      assert.equal(response.headers['cache-control'], 'no-store');
      const receipt = /data-receipt[^>]*>([0-9 ]{19})</.exec(response.body)?.[1]?.replace(/ /g, '');
      assert.ok(receipt && /^\d{16}$/.test(receipt), 'the receipt is shown');
      assert.match(response.body, /Typ het niet in de chat|zonder het in de chat te typen/);

      const report = await t.db
        .selectFrom('reports')
        .selectAll()
        .where('channel_id', '=', channel.channelId)
        .executeTakeFirstOrThrow();
      assert.equal(report.created_by, user.id);
      assert.equal(report.identity_mode, 'named');
      const seal = await t.db
        .selectFrom('report_key_seals')
        .select('sealed_key')
        .where('report_id', '=', report.id)
        .where('user_id', '=', recipient.id)
        .executeTakeFirstOrThrow();
      const key = openReportKey(recipient.keys, seal.sealed_key);
      assert.deepEqual(readAnswers(report, key), {
        what: 'De chef van de bezoeker laat facturen van zijn broer goedkeuren.',
      });
      assert.equal(readIdentity(report, key)?.name, 'Carla Janssens');
      const agentSeal = await t.db
        .selectFrom('report_key_seals')
        .select('user_id')
        .where('report_id', '=', report.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      assert.equal(agentSeal, undefined, 'the agent cannot read the report afterwards');

      const system = await t.db
        .selectFrom('contact_messages')
        .select('body')
        .where('conversation_id', '=', id)
        .where('author', '=', 'system')
        .execute();
      assert.ok(system.some((m) => m.body === 'console.system.report_registered'));
      const audit = await t.db
        .selectFrom('audit_events')
        .select('data')
        .where('type', '=', 'contact.report_registered')
        .execute();
      assert.ok(audit.some((a) => (a.data as { reportId?: string }).reportId === report.id));

      // The receipt is in no contact table, no audit payload and no outgoing mail.
      const dump = JSON.stringify([
        await t.db.selectFrom('contact_messages').selectAll().execute(),
        await t.db.selectFrom('contact_conversations').selectAll().execute(),
        await t.db.selectFrom('audit_events').select('data').execute(),
        await t.db.selectFrom('outbox').selectAll().execute(),
      ]);
      assert.ok(!dump.includes(receipt), 'the receipt is stored nowhere');

      const chatPage = await client.get(`/console/chats/${id}`);
      assert.doesNotMatch(chatPage.body, new RegExp(receipt), 'shown once only');
      assert.match(chatPage.body, /Er is een melding geregistreerd bij het meldpunt/);

      const replay = await client.post(`/console/chats/${id}/report`, form);
      assert.equal(replay.statusCode, 409);
      assert.match(replay.body, /al geregistreerd/);
      const count = await t.db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('channel_id', '=', channel.channelId)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    it('refuses a missing channel, a staff-only channel, an empty text and a named report without a name', async () => {
      const recipient = await createRecipientForTest(t.db);
      const staffOnly = await createChannelForTest(t.db, { recipients: [recipient.id], audience: 'staff' });
      const { client, user } = await makeAgent();
      const id = await chatFor(user, { name: '' });
      const page = await client.get(`/console/chats/${id}`);
      assert.doesNotMatch(page.body, new RegExp(staffOnly.channelId), 'staff-only channels are not offered');
      const formId = () => crypto.randomUUID();
      const cases: [Record<string, string>, RegExp][] = [
        [{ form_id: formId(), channel: '', text: 'x', mode: 'anonymous' }, /Kies een meldkanaal/],
        [
          { form_id: formId(), channel: staffOnly.channelId, text: 'x', mode: 'anonymous' },
          /kan nu geen meldingen ontvangen/,
        ],
        [
          { form_id: formId(), channel: staffOnly.channelId, text: '  ', mode: 'anonymous' },
          /Geef de tekst van de melding/,
        ],
        [{ form_id: formId(), channel: staffOnly.channelId, text: 'x', mode: 'named' }, /gaf geen naam/],
        [
          { form_id: formId(), channel: staffOnly.channelId, text: 'x\u0000', mode: 'anonymous' },
          /Geef de tekst/,
        ],
      ];
      for (const [form, message] of cases) {
        const response = await client.post(`/console/chats/${id}/report`, form);
        assert.equal(response.statusCode, 422, JSON.stringify(form));
        assert.match(response.body, message);
      }
      const reports = await t.db
        .selectFrom('reports')
        .select('id')
        .where('channel_id', '=', staffOnly.channelId)
        .execute();
      assert.equal(reports.length, 0);
    });
  });
});

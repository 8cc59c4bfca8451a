import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { unique } from '../../../test/helpers/database.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import {
  assignWaiting,
  type ChatContext,
  chatAvailability,
  hashVisitorToken,
  updateAgent,
} from '../chat/chat.service.js';
import { defaultOpeningHours, type OpeningHours } from '../opening-hours.js';
import { STARTS_PER_CLIENT, VISITOR_COOKIE } from './visitor.routes.js';
import { TRANSCRIPT_PURPOSE } from './visitor-chat.service.js';

/** Open every day, all day: for tests that must not depend on the hour. */
const alwaysOpen: OpeningHours = {
  timeZone: 'Europe/Brussels',
  weekly: {
    mon: [{ from: '00:00', to: '24:00' }],
    tue: [{ from: '00:00', to: '24:00' }],
    wed: [{ from: '00:00', to: '24:00' }],
    thu: [{ from: '00:00', to: '24:00' }],
    fri: [{ from: '00:00', to: '24:00' }],
    sat: [{ from: '00:00', to: '24:00' }],
    sun: [{ from: '00:00', to: '24:00' }],
  },
  closedOnHolidays: false,
};

async function createTopic(
  t: TestApp,
  openingHours: OpeningHours = alwaysOpen,
): Promise<{ id: string; name: string }> {
  const slug = unique('t');
  const name = `Onderwerp ${slug}`;
  const row = await t.db
    .insertInto('contact_topics')
    .values({
      slug,
      name_nl: name,
      name_en: `Topic ${slug}`,
      opening_hours: JSON.stringify(openingHours),
      position: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name };
}

function ctxOf(t: TestApp): ChatContext {
  return { db: t.db, now: t.clock.now(), config: t.config };
}

async function onlineAgent(t: TestApp, topicId: string, options: { name?: string; capacity?: number } = {}) {
  const user = await createUserForTest(t.db, { roles: ['agent'], name: options.name ?? 'Anna Peeters' });
  await updateAgent(ctxOf(t), user.id, {
    availability: 'available',
    capacity: options.capacity ?? 1,
    topicIds: [topicId],
  });
  return user;
}

/** Starts a chat as a new visitor, joining the queue even if e-mail is offered first. */
async function startVisitor(
  t: TestApp,
  topicId: string,
  options: { name?: string; lang?: 'nl' | 'en' } = {},
): Promise<TestClient> {
  const client = new TestClient(t.app);
  if (options.lang === 'en') client.cookies.set('lang', 'en');
  await client.get('/contact/chat');
  const response = await client.post('/contact/chat', { topicId, name: options.name ?? '', join: 'anyway' });
  assert.equal(response.statusCode, 303, `the chat starts: ${response.body.slice(0, 300)}`);
  assert.ok(client.cookies.get('chat'), 'the chat cookie is set');
  return client;
}

async function chatOf(t: TestApp, client: TestClient) {
  const token = client.cookies.get('chat') ?? '';
  return t.db
    .selectFrom('contact_conversations')
    .selectAll()
    .where('visitor_token_hash', '=', hashVisitorToken(token))
    .executeTakeFirstOrThrow();
}

async function countConversations(t: TestApp): Promise<number> {
  const row = await t.db
    .selectFrom('contact_conversations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function waitFor(check: () => Promise<boolean>, label: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`timed out waiting for ${label}`);
}

/** The text of the status region. */
function statusRegion(html: string): string {
  const match = /<p[^>]*data-chat-status[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return match?.[1] ?? '';
}

function decode(html: string): string {
  return html
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

describe('the visitor side of the contact channel', () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 09:00 Brussels; each test moves on by 11 minutes, so the per-client
  // throttles (in memory, keyed by the same test address) start afresh in every test.
  let slot = Date.parse('2026-12-01T08:00:00Z');
  const nextSlot = () => {
    slot += 11 * 60_000;
    t.clock.set(new Date(slot));
  };

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows the contact box with the e-mail route and, per topic, whether the chat is open and the wait', async () => {
    nextSlot();
    const topic = await createTopic(t, defaultOpeningHours);
    const nl = await new TestClient(t.app).get('/contact');
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<html lang="nl"/);
    assert.match(nl.body, /href="\/contact\/email"/);
    assert.match(nl.body, /U ontvangt een kopie van uw bericht/);
    assert.match(nl.body, /Uw chat start automatisch zodra een medewerker beschikbaar is/);
    assert.ok(nl.body.includes(topic.name), 'the topic is listed');
    assert.match(nl.body, /Nu open, tot 19:00/);
    assert.match(nl.body, /Er is nu geen medewerker online: we kunnen geen wachttijd schatten\./);
    assert.match(nl.body, /href="\/contact\/chat"/);

    await onlineAgent(t, topic.id, { capacity: 2 });
    const en = await new TestClient(t.app, { cookie: 'lang=en' }).get('/contact');
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /You receive a copy of your message/);
    assert.match(en.body, /Open now, until 19:00/);
    assert.match(en.body, /It will be your turn shortly\./, 'an agent with a free slot: no long wait');
  });

  it('offers the chat from the footer of every page', async () => {
    const home = await new TestClient(t.app).get('/');
    assert.match(home.body, /<footer[\s\S]*href="\/contact\/chat"[\s\S]*<\/footer>/);
  });

  it('shows the start form with the topics, an optional name and the privacy note on the visitor cookie', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const response = await new TestClient(t.app).get('/contact/chat');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<form method="post" action="\/contact\/chat"/);
    assert.match(response.body, new RegExp(`name="topicId"[^>]*value="${topic.id}"`));
    assert.match(response.body, /name="name"/);
    assert.match(
      response.body,
      /Een tweede cookie, 90 dagen geldig, laat een medewerker uw eerdere gesprekken/,
    );
    assert.match(response.body, /name="_csrf"/);
  });

  it('refuses a start without topic, with an unknown topic, a NUL byte or arrays, keeping what was typed and storing nothing', async () => {
    nextSlot();
    const before = await countConversations(t);
    const client = new TestClient(t.app);
    await client.get('/contact/chat');

    const missing = await client.post('/contact/chat', { name: 'Jan Janssens' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /class="error-summary"/);
    assert.match(missing.body, /Kies een onderwerp\./);
    assert.match(missing.body, /value="Jan Janssens"/, 'the name typed is kept');

    const unknown = await client.post('/contact/chat', {
      topicId: '00000000-0000-4000-8000-000000000000',
      name: 'Jan',
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /Dit onderwerp bestaat niet \(meer\)/);

    const forged = await client.post('/contact/chat', { topicId: "x' or 1=1 --", name: 'Jan' });
    assert.equal(forged.statusCode, 422);

    const topic = await createTopic(t);
    const nul = await client.post('/contact/chat', { topicId: topic.id, name: 'Jan\u0000', join: 'anyway' });
    assert.equal(nul.statusCode, 422);
    assert.match(nul.body, /Uw naam bevat tekens die we niet kunnen bewaren/);

    const arrays = await client.post('/contact/chat', {
      topicId: [topic.id, topic.id],
      name: ['a', 'b'],
      join: 'anyway',
    });
    assert.equal(arrays.statusCode, 422);

    const long = await client.post('/contact/chat', {
      topicId: topic.id,
      name: 'x'.repeat(201),
      join: 'anyway',
    });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /ten hoogste 200 tekens/);

    assert.equal(await countConversations(t), before, 'no conversation was created');
    assert.equal(client.cookies.get('chat'), undefined);
  });

  it('offers e-mail first when no agent is online; joining anyway sets the chat cookie and the visitor cookie', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = new TestClient(t.app);
    await client.get('/contact/chat');
    const offer = await client.post('/contact/chat', { topicId: topic.id, name: 'Jan Janssens' });
    assert.equal(offer.statusCode, 200);
    assert.match(
      offer.body,
      /Er is nu geen medewerker online, dus we weten niet hoe lang u zou moeten wachten/,
    );
    assert.match(offer.body, /action="\/contact\/chat\/email"/);
    assert.match(offer.body, /name="join" value="anyway"/);
    assert.equal(client.cookies.get('chat'), undefined, 'not queued yet');

    const joined = await client.post('/contact/chat', {
      topicId: topic.id,
      name: 'Jan Janssens',
      join: 'anyway',
    });
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, '/contact/chat');
    const chatCookie = joined.cookies.find((c) => c.name === 'chat');
    assert.ok(chatCookie);
    assert.equal(chatCookie.httpOnly, true);
    assert.equal(chatCookie.sameSite, 'Strict');
    assert.equal(chatCookie.path, '/contact/chat');
    assert.equal(chatCookie.maxAge, undefined, 'a session cookie');
    assert.equal(chatCookie.expires, undefined, 'a session cookie');
    const visitorCookie = joined.cookies.find((c) => c.name === VISITOR_COOKIE);
    assert.ok(visitorCookie);
    assert.equal(visitorCookie.httpOnly, true);
    assert.equal(visitorCookie.maxAge, 90 * 24 * 60 * 60);

    const row = await chatOf(t, client);
    assert.equal(row.state, 'queued');
    assert.equal(row.visitor_name, 'Jan Janssens');
    assert.equal(row.visitor_key_hash, hashVisitorToken(visitorCookie.value));
    assert.notEqual(row.visitor_token_hash, chatCookie.value, 'only a hash of the token is stored');

    // The same browser's next chat carries the same visitor key (the agent sees both).
    await client.post('/contact/chat/leave', {});
    await client.get('/contact/chat');
    await client.post('/contact/chat', { topicId: topic.id, name: '', join: 'anyway' });
    assert.equal((await chatOf(t, client)).visitor_key_hash, row.visitor_key_hash);
  });

  it('offers e-mail first when the predicted wait is above the threshold, and not when an agent is free', async () => {
    nextSlot();
    const topic = await createTopic(t);
    await onlineAgent(t, topic.id, { capacity: 1 });
    // The agent's only slot is taken, and three visitors wait.
    const first = await startVisitor(t, topic.id);
    await assignWaiting(ctxOf(t));
    await waitFor(async () => (await chatOf(t, first)).state === 'active', 'the first chat to start');
    for (let i = 0; i < 3; i++) await startVisitor(t, topic.id);
    const availability = await chatAvailability(ctxOf(t), topic.id);
    assert.equal(availability.estimate.kind, 'range');
    if (availability.estimate.kind !== 'range') return;
    assert.ok(availability.estimate.highMinutes > t.config.contact.admissionMaxWaitMinutes);

    const client = new TestClient(t.app);
    await client.get('/contact/chat');
    const offer = await client.post('/contact/chat', { topicId: topic.id, name: '' });
    assert.equal(offer.statusCode, 200);
    assert.ok(
      offer.body.includes(
        `De wachttijd is nu ongeveer ${availability.estimate.lowMinutes} tot ${availability.estimate.highMinutes} minuten.`,
      ),
    );
    assert.equal(client.cookies.get('chat'), undefined);

    // Another topic with a free agent: straight into the queue, no offer.
    const quiet = await createTopic(t);
    await onlineAgent(t, quiet.id, { capacity: 3 });
    const direct = await client.post('/contact/chat', { topicId: quiet.id, name: '' });
    assert.equal(direct.statusCode, 303);
    assert.ok(client.cookies.get('chat'));
  });

  it('shows the queued chat without JavaScript: position and wait in a polite live region, self-refresh, e-mail offer; each load keeps the place', async () => {
    nextSlot();
    const topic = await createTopic(t);
    await startVisitor(t, topic.id);
    // The queue orders by the time of joining (ties by a random id): join a second later.
    t.clock.advance(1000);
    const client = await startVisitor(t, topic.id, { name: 'Piet' });
    const page = await client.get('/contact/chat');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<p class="chat-status__text" id="chat-status" role="status" aria-live="polite" aria-atomic="true" data-chat-status="true">/,
    );
    assert.equal(
      decode(statusRegion(page.body)),
      'U bent nummer 2 in de wachtrij. Er is nu geen medewerker online: we kunnen geen wachttijd schatten.',
    );
    assert.match(page.body, /<noscript><meta http-equiv="refresh" content="15"\/?><\/noscript>/);
    assert.match(page.body, /formaction="\/contact\/chat\/email"/);
    assert.match(page.body, /action="\/contact\/chat\/leave"/);
    assert.match(page.body, /<script src="\/build\/chat\.js" defer/);
    assert.match(page.body, /data-texts="\{/);

    t.clock.advance(60_000);
    await client.get('/contact/chat');
    const row = await chatOf(t, client);
    assert.equal(
      row.visitor_seen_at?.getTime(),
      t.clock.now().getTime(),
      'the load counts as a sign of life',
    );

    const off = await client.get('/contact/chat?refresh=off');
    assert.doesNotMatch(off.body, /http-equiv="refresh"/);
    assert.match(off.body, /Automatisch verversen staat uit/);
  });

  it('takes messages by POST while queued, and refuses empty, over-long, NUL and array messages keeping the draft', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    await client.get('/contact/chat');
    const sent = await client.post('/contact/chat/message', { body: 'Mijn vraag gaat over een geschenk.' });
    assert.equal(sent.statusCode, 303);
    const page = await client.get('/contact/chat');
    assert.match(page.body, /Mijn vraag gaat over een geschenk\./);

    const countMessages = async () =>
      Number(
        (
          await t.db
            .selectFrom('contact_messages')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('conversation_id', '=', (await chatOf(t, client)).id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countMessages();

    const empty = await client.post('/contact/chat/message', { body: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Typ een bericht\./);

    const long = `${'a'.repeat(2000)}b`;
    const tooLong = await client.post('/contact/chat/message', { body: long });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /Uw bericht is te lang: ten hoogste 2\.000 tekens\./);
    assert.ok(tooLong.body.includes(long), 'the draft is kept');
    assert.doesNotMatch(
      tooLong.body,
      /http-equiv="refresh"/,
      'a page with an error does not refresh the draft away',
    );

    const nul = await client.post('/contact/chat/message', { body: 'hallo\u0000' });
    assert.equal(nul.statusCode, 422);
    assert.match(nul.body, /tekens die we niet kunnen versturen/);

    const arrays = await client.post('/contact/chat/message', { body: ['een', 'twee'] });
    assert.equal(arrays.statusCode, 422);

    assert.equal(await countMessages(), before, 'nothing was stored');
  });

  it('leaves the queue for e-mail with the name, the topic and everything typed, the unsent draft included', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id, { name: 'Lies Peeters' });
    await client.get('/contact/chat');
    await client.post('/contact/chat/message', { body: 'Eerste deel van mijn vraag.' });
    await client.get('/contact/chat');
    await client.post('/contact/chat/message', { body: 'Tweede deel.' });
    await client.get('/contact/chat');
    const row = await chatOf(t, client);
    const email = await client.post('/contact/chat/email', { body: 'En dit typte ik nog.' });
    assert.equal(email.statusCode, 200);
    assert.match(email.body, /<form method="post" action="\/contact\/email"/);
    assert.match(email.body, /U hebt de wachtrij verlaten\. Wat u typte, staat hieronder/);
    assert.match(email.body, /name="name"[^>]*value="Lies Peeters"/);
    assert.match(email.body, new RegExp(`<option value="${topic.id}" selected`));
    assert.match(
      email.body,
      /Eerste deel van mijn vraag\.\n\nTweede deel\.\n\nEn dit typte ik nog\.<\/textarea>/,
    );
    const after = await t.db
      .selectFrom('contact_conversations')
      .select('state')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.state, 'left');
    assert.equal(client.cookies.get('chat'), undefined, 'the chat cookie is gone');
  });

  it('carries the topic and name of an e-mail offer made before joining to the e-mail form', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = new TestClient(t.app);
    await client.get('/contact/chat');
    const email = await client.post('/contact/chat/email', { topicId: topic.id, name: 'Jan' });
    assert.equal(email.statusCode, 200);
    assert.match(email.body, /name="name"[^>]*value="Jan"/);
    assert.match(email.body, new RegExp(`<option value="${topic.id}" selected`));
  });

  it('lets the visitor leave the queue; the next page is the start form saying so', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    const row = await chatOf(t, client);
    await client.get('/contact/chat');
    const left = await client.post('/contact/chat/leave', {});
    assert.equal(left.statusCode, 303);
    assert.equal(left.headers.location, '/contact/chat?notice=left');
    const page = await client.get(String(left.headers.location));
    assert.match(page.body, /U hebt de wachtrij verlaten\./);
    assert.match(page.body, /<form method="post" action="\/contact\/chat"/);
    const after = await t.db
      .selectFrom('contact_conversations')
      .select('state')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.state, 'left');
  });

  it('shows no (empty) notice for a forged notice= naming an Object property', async () => {
    for (const notice of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const page = await new TestClient(t.app).get(`/contact/chat?notice=${notice}`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /data-chat-notice/, notice);
    }
    const left = await new TestClient(t.app).get('/contact/chat?notice=left');
    assert.match(left.body, /data-chat-notice="true">U hebt de wachtrij verlaten\./);
  });

  it('never shows another visitor’s chat: a forged or unknown cookie gets the start form with a notice and changes nothing', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const owner = await startVisitor(t, topic.id);
    await owner.get('/contact/chat');
    await owner.post('/contact/chat/message', { body: 'geheim-van-de-eigenaar' });

    const other = await startVisitor(t, topic.id);
    const otherPage = await other.get('/contact/chat');
    assert.doesNotMatch(otherPage.body, /geheim-van-de-eigenaar/);

    for (const forged of [
      'bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtYXQtYWxs',
      "'; drop table x; --",
      'a'.repeat(300),
    ]) {
      const stranger = new TestClient(t.app);
      stranger.cookies.set('chat', encodeURIComponent(forged));
      const page = await stranger.get('/contact/chat');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /We vinden uw chat niet meer/);
      assert.doesNotMatch(page.body, /geheim-van-de-eigenaar/);
      stranger.cookies.set('chat', encodeURIComponent(forged));
      const post = await stranger.post('/contact/chat/message', { body: 'ingebroken' });
      assert.equal(post.statusCode, 303);
      assert.equal(post.headers.location, '/contact/chat?notice=not_found');
      const leave = await stranger.post('/contact/chat/leave', {});
      assert.equal(leave.statusCode, 303);
    }
    assert.equal((await chatOf(t, owner)).state, 'queued', 'the owner’s chat is untouched');
    const stored = await t.db
      .selectFrom('contact_messages')
      .select('body')
      .where('body', '=', 'ingebroken')
      .execute();
    assert.equal(stored.length, 0);
  });

  it('says visibly who joined once an agent takes the chat, and offers ending instead of leaving', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    await onlineAgent(t, topic.id, { name: 'Anna Peeters' });
    await waitFor(async () => (await chatOf(t, client)).state === 'active', 'the chat to start');
    const page = await client.get('/contact/chat');
    assert.equal(decode(statusRegion(page.body)), 'Anna is erbij — uw chat is begonnen.');
    assert.match(page.body, /data-state="active"/);
    assert.match(page.body, /<form method="post" action="\/contact\/chat\/end" data-chat-when="active">/);
    assert.match(
      page.body,
      /<form method="post" action="\/contact\/chat\/leave" data-chat-when="queued" hidden/,
    );
    assert.doesNotMatch(page.body, /Peeters/, 'the visitor sees the agent’s first name only');
  });

  it('after the end, sends the transcript once, in the visitor’s language, to the address given', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id, { lang: 'en', name: 'Kim' });
    await client.get('/contact/chat');
    await client.post('/contact/chat/message', { body: 'Hello, I have a question about gifts.' });
    await onlineAgent(t, topic.id, { name: 'Anna Peeters' });
    await waitFor(async () => (await chatOf(t, client)).state === 'active', 'the chat to start');
    await client.get('/contact/chat');
    const ended = await client.post('/contact/chat/end', {});
    assert.equal(ended.statusCode, 303);
    const page = await client.get('/contact/chat');
    assert.match(page.body, /The chat has ended/);
    assert.match(page.body, /action="\/contact\/chat\/transcript"/);

    const bad = await client.post('/contact/chat/transcript', { email: 'not an address' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Enter a valid e-mail address/);
    assert.match(bad.body, /value="not an address"/);

    const injected = await client.post('/contact/chat/transcript', {
      email: 'kim@example.test\r\nBcc: x@evil.test',
    });
    assert.equal(injected.statusCode, 422);
    // An address built to make the check slow is refused at once (no event-loop stall).
    const started = performance.now();
    const slow = await client.post('/contact/chat/transcript', { email: `a@${'.'.repeat(60_000)} ` });
    assert.equal(slow.statusCode, 422);
    assert.ok(performance.now() - started < 1000, `${Math.round(performance.now() - started)} ms`);

    const sent = await client.post('/contact/chat/transcript', { email: 'kim@example.test' });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/contact/chat?done=transcript');
    const done = await client.get('/contact/chat?done=transcript');
    assert.match(done.body, /The transcript of this conversation has been sent/);

    const mails = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('purpose', '=', TRANSCRIPT_PURPOSE)
      .where('to_address', '=', 'kim@example.test')
      .execute();
    assert.equal(mails.length, 1);
    const mail = mails[0];
    assert.ok(mail);
    assert.match(mail.subject ?? '', /^Transcript of your chat with 1700 on /);
    assert.match(mail.body_text ?? '', /Here is the transcript of your chat with 1700 about “Topic /);
    assert.match(mail.body_text ?? '', /\] You: Hello, I have a question about gifts\./);
    assert.match(mail.body_text ?? '', /\] 1700: /, 'system messages in the visitor’s language');

    const again = await client.post('/contact/chat/transcript', { email: 'other@example.test' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /We have already sent the transcript/);
    const all = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('purpose', '=', TRANSCRIPT_PURPOSE)
      .where('to_address', 'in', ['kim@example.test', 'other@example.test'])
      .execute();
    assert.equal(all.length, 1, 'one transcript per chat');
  });

  it('takes one smiley rating with an optional comment after the end, once', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    await onlineAgent(t, topic.id);
    await waitFor(async () => (await chatOf(t, client)).state === 'active', 'the chat to start');
    await client.get('/contact/chat');
    await client.post('/contact/chat/end', {});
    const page = await client.get('/contact/chat');
    for (const label of ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden']) {
      assert.match(page.body, new RegExp(`<span class="rating__text">${label}</span>`));
    }
    assert.equal([...page.body.matchAll(/type="radio" name="rating"/g)].length, 5);

    const before = await client.post('/contact/chat/rating', { comment: 'Geen keuze' });
    assert.equal(before.statusCode, 422);
    assert.match(before.body, /Kies hoe tevreden u bent\./);
    assert.match(before.body, /Geen keuze<\/textarea>/, 'the comment is kept');

    const wrong = await client.post('/contact/chat/rating', { rating: '9' });
    assert.equal(wrong.statusCode, 422);

    const rated = await client.post('/contact/chat/rating', { rating: '5', comment: 'Snel geholpen.' });
    assert.equal(rated.statusCode, 303);
    const row = await chatOf(t, client);
    assert.equal(row.rating, 5);
    assert.equal(row.rating_comment, 'Snel geholpen.');
    const thanks = await client.get('/contact/chat?done=rating');
    assert.match(thanks.body, /Bedankt voor uw mening\./);
    assert.doesNotMatch(thanks.body, /name="rating"/);

    const again = await client.post('/contact/chat/rating', { rating: '1', comment: 'Toch niet' });
    assert.equal(again.statusCode, 409);
    const after = await chatOf(t, client);
    assert.equal(after.rating, 5, 'the first rating stands');
    assert.equal(after.rating_comment, 'Snel geholpen.');
  });

  it('refuses a transcript or rating while the chat is still going on', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    await client.get('/contact/chat');
    const transcript = await client.post('/contact/chat/transcript', { email: 'a@example.test' });
    assert.equal(transcript.statusCode, 303);
    const rating = await client.post('/contact/chat/rating', { rating: '3' });
    assert.equal(rating.statusCode, 303);
    const row = await chatOf(t, client);
    assert.equal(row.rating, null);
    assert.equal(row.transcript_sent_at, null);
  });

  it(`throttles starting chats: the ${STARTS_PER_CLIENT + 1}th within ten minutes is refused with 429`, async () => {
    nextSlot();
    const topic = await createTopic(t);
    for (let i = 0; i < STARTS_PER_CLIENT; i++) await startVisitor(t, topic.id);
    const before = await countConversations(t);
    const client = new TestClient(t.app);
    await client.get('/contact/chat');
    const refused = await client.post('/contact/chat', { topicId: topic.id, name: 'Veel', join: 'anyway' });
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /U hebt in korte tijd te veel chats gestart/);
    assert.match(refused.body, /value="Veel"/);
    assert.equal(await countConversations(t), before);
  });

  it('throttles messages posted by one client', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    await client.get('/contact/chat');
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (await client.post('/contact/chat/message', { body: `bericht ${i}` })).statusCode;
    }
    assert.equal(last, 429);
  });

  it('sends a GET of a form’s address (language switch, reload) back to the page instead of a 404', async () => {
    const client = new TestClient(t.app);
    for (const path of ['/contact/chat/message', '/contact/chat/leave', '/contact/chat/rating']) {
      const response = await client.get(path);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/contact/chat');
    }
    const email = await client.get('/contact/chat/email');
    assert.equal(email.headers.location, '/contact/email');
  });

  it('answers a repeated post of the start form by returning to the chat in progress, not queueing twice', async () => {
    nextSlot();
    const topic = await createTopic(t);
    const client = await startVisitor(t, topic.id);
    const before = await countConversations(t);
    const again = await client.post('/contact/chat', { topicId: topic.id, name: '', join: 'anyway' });
    assert.equal(again.statusCode, 303);
    assert.equal(await countConversations(t), before);
  });
});

describe('the chat on a Belgian public holiday', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // Christmas Day 2026, a Friday, 10:00 in Brussels.
    t.clock.set('2026-12-25T09:00:00Z');
  });
  after(() => t.close());

  it('says the chat is closed, when it opens next in Brussels time, and offers e-mail', async () => {
    const topic = await createTopic(t, defaultOpeningHours);
    const contact = await new TestClient(t.app).get('/contact');
    assert.match(contact.body, /Gesloten\. Opent weer op maandag 28 december om 09:00 \(Belgische tijd\)\./);

    const client = new TestClient(t.app);
    await client.get('/contact/chat');
    const before = await countConversations(t);
    const closed = await client.post('/contact/chat', { topicId: topic.id, name: 'Jan', join: 'anyway' });
    assert.equal(closed.statusCode, 200);
    assert.match(closed.body, /De chat is nu gesloten/);
    assert.match(closed.body, /Opent weer op maandag 28 december om 09:00/);
    assert.match(closed.body, /action="\/contact\/chat\/email"/);
    assert.equal(await countConversations(t), before);
    assert.equal(client.cookies.get('chat'), undefined);

    const en = new TestClient(t.app, { cookie: 'lang=en' });
    const enContact = await en.get('/contact');
    assert.match(enContact.body, /Closed\. Opens again on Monday 28 December at 09:00 \(Belgian time\)\./);
  });
});

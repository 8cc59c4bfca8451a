import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/database.js';
import { newReplyToken, subjectOf } from './email/email.service.js';
import { emailDueAt } from './email/working-days.js';
import { listTopics } from './topics.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Author = 'visitor' | 'agent' | 'system';
interface DemoMessage {
  readonly author: Author;
  readonly body: string;
  /** Hours before `now`. */
  readonly hoursAgo: number;
}

/**
 * Example data of the contact channel for `npm run demo`: e-mail conversations in every state
 * (a fresh question, one past the 2-working-day target, an answered one, one where the citizen
 * wrote back, a closed one) and a few finished chats with their ratings. Agent messages are
 * signed by the demo account `agent` when it exists. Does nothing when conversations exist
 * already (a demo restarted on its data folder). No mail is queued.
 */
export async function seedDemoContact(db: Db, now: Date): Promise<void> {
  const existing = await db.selectFrom('contact_conversations').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const topics = await listTopics(db, { activeOnly: true });
  const general = topics.find((t) => t.slug === 'general') ?? topics[0];
  const integrity = topics.find((t) => t.slug === 'integrity') ?? general;
  if (!general || !integrity) return;
  const agent = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('u.username', '=', 'agent')
    .where('r.role', '=', 'agent')
    .executeTakeFirst();
  const agentId = agent?.id ?? null;
  const host = 'demo.integriteitsloket.example';
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);

  async function email(input: {
    topicId: string;
    state: 'open' | 'answered' | 'closed';
    locale: 'nl' | 'en';
    name: string;
    address: string;
    messages: readonly DemoMessage[];
  }): Promise<void> {
    const first = input.messages[0];
    if (!first) return;
    const ids = input.messages.map(() => `<demo-${randomUUID()}@${host}>`);
    // Due 2 working days after the oldest unanswered message (the last run of visitor messages).
    let unanswered = input.messages.length;
    while (unanswered > 0 && input.messages[unanswered - 1]?.author === 'visitor') unanswered--;
    const oldestWaiting = input.messages[unanswered];
    const last = input.messages.at(-1) ?? first;
    const row = await db
      .insertInto('contact_conversations')
      .values({
        kind: 'email',
        topic_id: input.topicId,
        state: input.state,
        locale: input.locale,
        visitor_name: input.name,
        visitor_email: input.address,
        subject: subjectOf(first.body),
        reply_token: newReplyToken(),
        thread_message_ids: JSON.stringify(ids),
        due_at: input.state === 'open' && oldestWaiting ? emailDueAt(at(oldestWaiting.hoursAgo)) : null,
        agent_id: input.messages.some((m) => m.author === 'agent') ? agentId : null,
        created_at: at(first.hoursAgo),
        updated_at: at(last.hoursAgo),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('contact_messages')
      .values(
        input.messages.map((m, i) => ({
          conversation_id: row.id,
          author: m.author,
          agent_id: m.author === 'agent' ? agentId : null,
          body: m.body,
          message_id: ids[i] ?? null,
          created_at: at(m.hoursAgo),
        })),
      )
      .execute();
  }

  await email({
    topicId: general.id,
    state: 'open',
    locale: 'nl',
    name: 'Sofie Wouters',
    address: 'sofie.wouters@example.be',
    messages: [
      {
        author: 'visitor',
        body: 'Waar vind ik de deontologische code voor personeelsleden van de Vlaamse overheid?',
        hoursAgo: 2,
      },
    ],
  });
  await email({
    topicId: integrity.id,
    state: 'open',
    locale: 'nl',
    name: 'Marc Claes',
    address: 'marc.claes@example.be',
    messages: [
      {
        author: 'visitor',
        body: 'Een aannemer bood mijn buurman, die ambtenaar is, een gratis renovatie aan.\nIs dat toegestaan en waar kan ik dit melden?',
        hoursAgo: 6 * 24,
      },
    ],
  });
  await email({
    topicId: general.id,
    state: 'answered',
    locale: 'en',
    name: 'Emma Brown',
    address: 'emma.brown@example.org',
    messages: [
      {
        author: 'visitor',
        body: 'Can I attend an integrity training as an external consultant?',
        hoursAgo: 3 * 24,
      },
      {
        author: 'agent',
        body: 'The trainings are open to staff of the Flemish government only. Your contact person can share the material with you.',
        hoursAgo: 2 * 24,
      },
    ],
  });
  await email({
    topicId: integrity.id,
    state: 'open',
    locale: 'nl',
    name: 'Lotte Maes',
    address: 'lotte.maes@example.be',
    messages: [
      {
        author: 'visitor',
        body: 'Mag ik als ambtenaar een nevenactiviteit als zelfstandige uitoefenen?',
        hoursAgo: 5 * 24,
      },
      {
        author: 'agent',
        body: 'Buiten de werkuren is dat toegestaan als er geen belangenvermenging is. Tijdens de werkuren hebt u de toestemming van uw leidinggevende nodig.',
        hoursAgo: 4 * 24,
      },
      { author: 'visitor', body: 'Dank u. En als ik met verlof ben?', hoursAgo: 3 },
    ],
  });
  await email({
    topicId: general.id,
    state: 'closed',
    locale: 'nl',
    name: 'Jan De Smet',
    address: 'jan.desmet@example.be',
    messages: [
      {
        author: 'visitor',
        body: 'Is het integriteitsloket ook in het weekend bereikbaar?',
        hoursAgo: 12 * 24,
      },
      {
        author: 'agent',
        body: 'U kunt altijd een e-mail sturen; we antwoorden op werkdagen. De chat is open op werkdagen van 9 tot 19 uur.',
        hoursAgo: 11 * 24,
      },
    ],
  });

  const chats: readonly {
    topicId: string;
    locale: 'nl' | 'en';
    name: string;
    daysAgo: number;
    minutes: number;
    rating: number;
    comment: string | null;
    lines: readonly [Author, string][];
  }[] = [
    {
      topicId: general.id,
      locale: 'nl',
      name: 'Koen',
      daysAgo: 1,
      minutes: 9,
      rating: 5,
      comment: 'Snel en duidelijk geholpen.',
      lines: [
        ['visitor', 'Hoe lang moet ik wachten op een antwoord op mijn melding?'],
        ['agent', 'U krijgt binnen 7 dagen een ontvangstbevestiging en binnen 3 maanden terugkoppeling.'],
        ['visitor', 'Dank u!'],
      ],
    },
    {
      topicId: integrity.id,
      locale: 'nl',
      name: '',
      daysAgo: 2,
      minutes: 14,
      rating: 3,
      comment: null,
      lines: [
        ['visitor', 'Ik twijfel of ik een geschenk van een leverancier mag houden.'],
        [
          'agent',
          'Weiger het in principe. Het mag alleen bij een lage waarde, in het belang van de organisatie en in het kader van uw werk, en uw leidinggevende is altijd op de hoogte.',
        ],
      ],
    },
    {
      topicId: general.id,
      locale: 'en',
      name: 'Sam',
      daysAgo: 4,
      minutes: 6,
      rating: 4,
      comment: 'Helpful, but I waited a while.',
      lines: [
        ['visitor', 'Is there an English version of the code of conduct?'],
        ['agent', 'Yes, you find it in the instruments library under prevention.'],
      ],
    },
  ];
  for (const chat of chats) {
    const queuedAt = new Date(now.getTime() - chat.daysAgo * DAY);
    const assignedAt = new Date(queuedAt.getTime() + 3 * 60_000);
    const endedAt = new Date(assignedAt.getTime() + chat.minutes * 60_000);
    const row = await db
      .insertInto('contact_conversations')
      .values({
        kind: 'chat',
        topic_id: chat.topicId,
        state: 'ended',
        locale: chat.locale,
        visitor_name: chat.name,
        queued_at: queuedAt,
        assigned_at: assignedAt,
        agent_id: agentId,
        ended_at: endedAt,
        ended_by: 'visitor',
        rating: chat.rating,
        rating_comment: chat.comment,
        created_at: queuedAt,
        updated_at: endedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const step = (chat.minutes * 60_000) / (chat.lines.length + 1);
    await db
      .insertInto('contact_messages')
      .values([
        {
          conversation_id: row.id,
          author: 'system',
          agent_id: agentId,
          body: 'chat.system.started',
          created_at: assignedAt,
        },
        ...chat.lines.map(([author, body], i) => ({
          conversation_id: row.id,
          author,
          agent_id: author === 'agent' ? agentId : null,
          body,
          created_at: new Date(assignedAt.getTime() + (i + 1) * step),
        })),
        {
          conversation_id: row.id,
          author: 'system' as const,
          agent_id: null,
          body: 'chat.system.ended_by_visitor',
          created_at: endedAt,
        },
      ])
      .execute();
  }
  await seedDemoFeedback(db, now);
}

/**
 * Answers to "was this information useful?" over the last weeks, so the overview at
 * `/insights/feedback` has something to chart. Deterministic: the same demo every time.
 */
async function seedDemoFeedback(db: Db, now: Date): Promise<void> {
  const pages: ReadonlyArray<readonly [string, number, number]> = [
    ['/', 14, 2],
    ['/prevention', 9, 3],
    ['/detection', 6, 4],
    ['/reaction', 5, 1],
    ['/report', 11, 5],
    ['/contact', 7, 2],
  ];
  const comments: Readonly<Record<string, string>> = {
    '/detection': 'Ik vond niet meteen hoe ik anoniem kan melden.',
    '/report': 'Wat gebeurt er met mijn melding na het versturen?',
    '/prevention': 'Graag een voorbeeld over geschenken van leveranciers.',
  };
  const rows = pages.flatMap(([page, yes, no]) =>
    Array.from({ length: yes + no }, (_, i) => ({
      page,
      locale: (i % 4 === 3 ? 'en' : 'nl') as 'nl' | 'en',
      useful: i < yes,
      comment: i === yes ? (comments[page] ?? null) : null,
      created_at: new Date(now.getTime() - ((i * 37) % 25) * DAY - (i % 9) * HOUR),
    })),
  );
  await db.insertInto('page_feedback').values(rows).execute();
}

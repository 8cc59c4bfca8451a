import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Locale } from '../../platform/ui/i18n/define.js';

/** A prepared answer agents insert into a chat or an e-mail, in both languages. */
export interface CannedAnswer {
  readonly id: string;
  readonly titleNl: string;
  readonly titleEn: string;
  readonly bodyNl: string;
  readonly bodyEn: string;
  readonly position: number;
}

/** What an admin edits; lengths as the table's checks (titles ≤ 100, bodies ≤ 2,000). */
export interface CannedAnswerInput {
  readonly titleNl: string;
  readonly titleEn: string;
  readonly bodyNl: string;
  readonly bodyEn: string;
  readonly position: number;
}

const columns = ['id', 'title_nl', 'title_en', 'body_nl', 'body_en', 'position'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAnswer(row: {
  id: string;
  title_nl: string;
  title_en: string;
  body_nl: string;
  body_en: string;
  position: number;
}): CannedAnswer {
  return {
    id: row.id,
    titleNl: row.title_nl,
    titleEn: row.title_en,
    bodyNl: row.body_nl,
    bodyEn: row.body_en,
    position: row.position,
  };
}

/** Every canned answer in the admin's order (then by Dutch title). */
export async function listCannedAnswers(db: Db): Promise<CannedAnswer[]> {
  const rows = await db
    .selectFrom('contact_canned_answers')
    .select(columns)
    .orderBy('position')
    .orderBy('title_nl')
    .orderBy('id')
    .execute();
  return rows.map(toAnswer);
}

/** One canned answer (undefined for an unknown or malformed id). */
export async function findCannedAnswer(db: Db, id: string): Promise<CannedAnswer | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('contact_canned_answers')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAnswer(row) : undefined;
}

/** The title and text in the reader's (or the visitor's) language. */
export function cannedAnswerText(answer: CannedAnswer, locale: Locale): { title: string; body: string } {
  return locale === 'en'
    ? { title: answer.titleEn, body: answer.bodyEn }
    : { title: answer.titleNl, body: answer.bodyNl };
}

export async function insertCannedAnswer(db: Db, input: CannedAnswerInput, now: Date): Promise<string> {
  const row = await db
    .insertInto('contact_canned_answers')
    .values({
      title_nl: input.titleNl,
      title_en: input.titleEn,
      body_nl: input.bodyNl,
      body_en: input.bodyEn,
      position: input.position,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Returns whether the answer existed. */
export async function updateCannedAnswer(
  db: Db,
  id: string,
  input: CannedAnswerInput,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('contact_canned_answers')
    .set({
      title_nl: input.titleNl,
      title_en: input.titleEn,
      body_nl: input.bodyNl,
      body_en: input.bodyEn,
      position: input.position,
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Returns whether the answer existed. */
export async function deleteCannedAnswer(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('contact_canned_answers').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Serialises the seeding of several instances starting at once (unique in this app). */
const SEED_LOCK_KEY = 727_450;

/** The canned answers a new installation starts with; admins edit or delete them. */
export const DEFAULT_CANNED_ANSWERS: readonly CannedAnswerInput[] = [
  {
    titleNl: 'Begroeting',
    titleEn: 'Greeting',
    bodyNl: 'Goeiedag, u spreekt met 1700. Waarmee kan ik u helpen?',
    bodyEn: 'Hello, this is 1700. How can I help you?',
    position: 10,
  },
  {
    titleNl: 'Even geduld',
    titleEn: 'One moment',
    bodyNl: 'Een ogenblik, ik zoek dit even voor u op.',
    bodyEn: 'One moment please, I am looking this up for you.',
    position: 20,
  },
  {
    titleNl: 'Een integriteitsschending melden',
    titleEn: 'Reporting an integrity violation',
    bodyNl:
      'Wilt u een integriteitsschending melden? Dat kan veilig via "Melden" bovenaan deze website, ook anoniem. U krijgt dan een ontvangstcode waarmee u uw melding kunt opvolgen. Bewaar die code goed: niemand anders kan ze u opnieuw geven.',
    bodyEn:
      'Would you like to report an integrity violation? You can do so safely through "Report" at the top of this website, anonymously if you wish. You then receive a receipt with which you can follow up your report. Keep it safe: nobody else can give it to you again.',
    position: 30,
  },
  {
    titleNl: 'Verder per e-mail',
    titleEn: 'Continue by e-mail',
    bodyNl:
      'Voor deze vraag hebben we wat meer tijd nodig. Stuurt u ze via het e-mailformulier op de contactpagina? U krijgt een kopie van uw bericht en binnen twee werkdagen een antwoord.',
    bodyEn:
      'We need a little more time for this question. Could you send it through the e-mail form on the contact page? You will receive a copy of your message and an answer within two working days.',
    position: 40,
  },
  {
    titleNl: 'Afsluiten',
    titleEn: 'Closing',
    bodyNl: 'Kan ik u nog ergens anders mee helpen? Bedankt voor uw vraag en nog een fijne dag.',
    bodyEn: 'Is there anything else I can help you with? Thank you for your question, and have a nice day.',
    position: 50,
  },
];

/**
 * Creates {@link DEFAULT_CANNED_ANSWERS} once per installation: when there are no canned answers
 * and none was ever deleted. The audit log is the memory here (no marker of its own): an admin who
 * deleted them all (`contact.canned_answer_deleted`) does not get them back. Idempotent and safe
 * with several instances starting together. Called from buildApp; returns how many were made.
 */
export async function seedDefaultCannedAnswers(db: Db, now: Date = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    const existing = await trx.selectFrom('contact_canned_answers').select('id').limit(1).executeTakeFirst();
    if (existing) return 0;
    const deleted = await trx
      .selectFrom('audit_events')
      .select('id')
      .where('type', '=', 'contact.canned_answer_deleted')
      .limit(1)
      .executeTakeFirst();
    if (deleted) return 0;
    for (const answer of DEFAULT_CANNED_ANSWERS) await insertCannedAnswer(trx, answer, now);
    return DEFAULT_CANNED_ANSWERS.length;
  });
}

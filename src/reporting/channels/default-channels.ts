import { sql } from 'kysely';
import { upsertSetting } from '../../identity/settings.repository.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import type { Db } from '../../platform/db/database.js';
import { type Question, QuestionsSchema } from '../questionnaire.js';
import '../reporting.events.js';
import {
  type Audience,
  countChannels,
  insertCategory,
  insertChannel,
  insertVersion,
} from './channel.repository.js';

/**
 * The channels an installation starts with (PRODUCT.md §4), each with categories that fit it and
 * the default questionnaire. Texts are data, in both languages: the admin edits them afterwards.
 */

/**
 * The default questionnaire of every channel (the list), written for a worried citizen.
 * Ids are stable: a channel created by an admin starts with these too, so tests and the demo
 * may rely on them (`what` is the one required question).
 */
export const DEFAULT_QUESTIONS: readonly Question[] = Object.freeze(
  QuestionsSchema.parse([
    {
      id: 'what',
      type: 'long_text',
      required: true,
      label_nl: 'Wat is er gebeurd?',
      label_en: 'What happened?',
      help_nl:
        'Beschrijf in uw eigen woorden wat u hebt gezien, gehoord of meegemaakt. Wees zo concreet als u kunt: feiten, bedragen, documenten, afspraken. U hoeft niet zeker te zijn: een vermoeden volstaat. Wilt u anoniem blijven, laat dan details weg waaraan men u kan herkennen.',
      help_en:
        'Describe in your own words what you saw, heard or experienced. Be as concrete as you can: facts, amounts, documents, arrangements. You do not have to be sure: a suspicion is enough. If you want to stay anonymous, leave out details by which you could be recognised.',
      options: [],
    },
    {
      id: 'when',
      type: 'date',
      required: false,
      label_nl: 'Wanneer is het gebeurd?',
      label_en: 'When did it happen?',
      help_nl:
        'De datum, of ongeveer wanneer het de eerste keer gebeurde. Weet u het niet precies, laat dit dan leeg en vertel het bij de eerste vraag.',
      help_en:
        'The date, or roughly when it first happened. If you do not know exactly, leave this empty and tell us in the first question.',
      options: [],
    },
    {
      id: 'where',
      type: 'short_text',
      required: false,
      label_nl: 'Waar is het gebeurd?',
      label_en: 'Where did it happen?',
      help_nl: 'Bijvoorbeeld de dienst, de afdeling, het gebouw of de gemeente.',
      help_en: 'For example the service, the department, the building or the municipality.',
      options: [],
    },
    {
      id: 'who',
      type: 'long_text',
      required: false,
      label_nl: 'Wie is erbij betrokken?',
      label_en: 'Who is involved?',
      help_nl:
        'Wie deed het, wie was erbij, wie weet ervan? Geef namen of functies als u ze kent. Noem uzelf niet als u anoniem wilt blijven.',
      help_en:
        'Who did it, who was there, who knows about it? Give names or positions if you know them. Do not name yourself if you want to stay anonymous.',
      options: [],
    },
    {
      id: 'how-known',
      type: 'long_text',
      required: false,
      label_nl: 'Hoe weet u dit?',
      label_en: 'How do you know this?',
      help_nl:
        'Hebt u het zelf gezien of meegemaakt, hebt u het van iemand anders gehoord, of blijkt het uit documenten? Zo kunnen we uw melding juist inschatten.',
      help_en:
        'Did you see or experience it yourself, did someone else tell you, or does it show in documents? This helps us assess your report correctly.',
      options: [],
    },
    {
      id: 'evidence',
      type: 'files',
      required: false,
      label_nl: 'Bewijsstukken',
      label_en: 'Evidence',
      help_nl:
        'Voeg documenten, foto’s of andere bestanden toe die uw melding staven, als u ze hebt. Dat is niet verplicht. Let op: bestanden kunnen verborgen gegevens bevatten, zoals de naam van wie ze maakte of de plaats waar een foto werd genomen.',
      help_en:
        'Add documents, photos or other files that support your report, if you have them. This is not required. Note: files can contain hidden data, such as the name of whoever made them or the place where a photo was taken.',
      options: [],
    },
    {
      id: 'ongoing',
      type: 'yes_no',
      required: false,
      label_nl: 'Is het nog aan de gang?',
      label_en: 'Is it still going on?',
      help_nl: 'Zo weten we of er snel iets moet gebeuren.',
      help_en: 'This tells us whether something needs to happen quickly.',
      options: [],
    },
    {
      id: 'crime',
      type: 'single_choice',
      required: false,
      label_nl: 'Kan het om een misdrijf of een strafbaar feit gaan?',
      label_en: 'Could it be a crime or a criminal offence?',
      help_nl:
        'Bijvoorbeeld omkoping, diefstal, fraude of valsheid in geschrifte. U hoeft dit niet juridisch te beoordelen: kies ‘Ik weet het niet’ als u twijfelt. Gaat het mogelijk om een misdrijf, dan moet de overheid het parket verwittigen.',
      help_en:
        'For example bribery, theft, fraud or forgery. You do not need to judge this legally: choose ‘I don’t know’ if you are unsure. If it could be a crime, the government must inform the public prosecutor.',
      options: [
        { id: 'yes', label_nl: 'Ja', label_en: 'Yes' },
        { id: 'no', label_nl: 'Nee', label_en: 'No' },
        { id: 'dont-know', label_nl: 'Ik weet het niet', label_en: 'I don’t know' },
      ],
    },
  ]),
);

/** A channel as seeded. */
export interface DefaultChannel {
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly introNl: string;
  readonly introEn: string;
  readonly audience: Audience;
  readonly categories: readonly { readonly nl: string; readonly en: string }[];
}

/** The three channels of PRODUCT.md §4, in the order they are offered. */
export const DEFAULT_CHANNELS: readonly DefaultChannel[] = [
  {
    slug: 'integriteit',
    nameNl: 'Integriteitscel — intern meldpunt',
    nameEn: 'Integrity unit — internal reporting point',
    introNl:
      'Meld hier een vermoeden van een integriteitsschending bij de Vlaamse overheid: misbruik van middelen of bevoegdheden, belangenvermenging, ongepaste geschenken, het lekken van vertrouwelijke informatie of een andere schending van de deontologische code. De integriteitscel behandelt uw melding vertrouwelijk. U kunt anoniem, vertrouwelijk of met uw naam melden. Wie te goeder trouw meldt, is beschermd tegen represailles.',
    introEn:
      'Report a suspected integrity violation at the Flemish government here: misuse of resources or powers, a conflict of interest, inappropriate gifts, leaking confidential information or another breach of the code of conduct. The integrity unit handles your report in confidence. You can report anonymously, confidentially or under your name. Anyone who reports in good faith is protected against retaliation.',
    audience: 'everyone',
    categories: [
      { nl: 'Misbruik van middelen of bevoegdheden', en: 'Misuse of resources or powers' },
      { nl: 'Belangenvermenging', en: 'Conflict of interest' },
      { nl: 'Geschenken en uitnodigingen', en: 'Gifts and invitations' },
      { nl: 'Nevenactiviteiten', en: 'Side activities' },
      { nl: 'Lekken van vertrouwelijke informatie', en: 'Leaking confidential information' },
      { nl: 'Andere schending van de deontologische code', en: 'Other breach of the code of conduct' },
    ],
  },
  {
    slug: 'audit-vlaanderen',
    nameNl: 'Audit Vlaanderen — fraude en corruptie',
    nameEn: 'Audit Vlaanderen — fraud and corruption',
    introNl:
      'Audit Vlaanderen staat in voor de interne controle bij de Vlaamse overheid en onderzoekt vermoedens van fraude en corruptie (forensische audit). Meld hier bijvoorbeeld omkoping, verduistering, fraude met subsidies of bij overheidsopdrachten, of valse documenten. Uw melding wordt vertrouwelijk behandeld; u kunt ook anoniem melden.',
    introEn:
      'Audit Vlaanderen is responsible for internal control at the Flemish government and investigates suspected fraud and corruption (forensic audit). Report here, for example, bribery, embezzlement, fraud with grants or in public contracts, or forged documents. Your report is handled in confidence; you can also report anonymously.',
    audience: 'everyone',
    categories: [
      { nl: 'Omkoping en corruptie', en: 'Bribery and corruption' },
      { nl: 'Verduistering of diefstal', en: 'Embezzlement or theft' },
      { nl: 'Fraude met subsidies of uitkeringen', en: 'Fraud with grants or benefits' },
      { nl: 'Fraude bij overheidsopdrachten', en: 'Fraud in public contracts' },
      { nl: 'Valsheid in geschrifte', en: 'Forgery of documents' },
      { nl: 'Andere fraude', en: 'Other fraud' },
    ],
  },
  {
    slug: 'spreekbuis',
    nameNl: 'Spreekbuis — welzijn en integriteit',
    nameEn: 'Spreekbuis — well-being and integrity',
    introNl:
      'Voor personeelsleden van de Vlaamse overheid. Spreekbuis luistert vertrouwelijk naar problemen met uw welzijn op het werk en met integriteit: pesterijen, geweld, ongewenst seksueel gedrag, discriminatie, conflicten of een schending die u zorgen baart. Spreekbuis geeft advies, legt uit wat de meldingsplicht voor u betekent en verwijst u zo nodig door. Uw identiteit wordt niet doorgegeven zonder uw toestemming.',
    introEn:
      'For staff of the Flemish government. Spreekbuis listens in confidence to problems with your well-being at work and with integrity: bullying, violence, unwanted sexual behaviour, discrimination, conflicts or a violation that worries you. Spreekbuis gives advice, explains what the duty to report means for you and refers you on where needed. Your identity is not passed on without your consent.',
    audience: 'staff',
    categories: [
      { nl: 'Pesterijen', en: 'Bullying' },
      { nl: 'Geweld of agressie', en: 'Violence or aggression' },
      { nl: 'Ongewenst seksueel gedrag', en: 'Unwanted sexual behaviour' },
      { nl: 'Discriminatie', en: 'Discrimination' },
      { nl: 'Conflict of psychosociale belasting', en: 'Conflict or psychosocial strain' },
      { nl: 'Integriteitsprobleem', en: 'Integrity problem' },
    ],
  },
];

/** The setting that records that the default channels were seeded (never seeded again). */
export const CHANNELS_SEEDED_SETTING = 'reporting.channels_seeded';
/** Serialises seeding across app instances starting together (unique in this app). */
const SEED_LOCK_KEY = 727_301;
const seedOrigin: AuditOrigin = { kind: 'system', label: 'seed' };

/**
 * Creates the default channels — each with its categories, the default questionnaire as version
 * 1 and no recipients (the admin chooses them) — when the installation has no channel yet and
 * has never been seeded; then records the setting so it never happens again, even if an admin
 * later deactivates every channel. Idempotent and safe with several instances (advisory lock).
 * Audited as `channel.created` and `channel.questionnaire_published` with the `seed` origin.
 * Returns how many channels it created (0 or 3).
 */
export async function seedDefaultChannels(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    const seeded = await trx
      .selectFrom('settings')
      .select('key')
      .where('key', '=', CHANNELS_SEEDED_SETTING)
      .executeTakeFirst();
    if (seeded) return 0;
    let created = 0;
    if ((await countChannels(trx)) === 0) {
      for (const [index, spec] of DEFAULT_CHANNELS.entries()) {
        const channel = await insertChannel(
          trx,
          {
            slug: spec.slug,
            nameNl: spec.nameNl,
            nameEn: spec.nameEn,
            introNl: spec.introNl,
            introEn: spec.introEn,
            audience: spec.audience,
            active: true,
            position: (index + 1) * 10,
          },
          now,
        );
        for (const [position, category] of spec.categories.entries()) {
          await insertCategory(trx, {
            channelId: channel.id,
            labelNl: category.nl,
            labelEn: category.en,
            position,
          });
        }
        await insertVersion(trx, {
          channelId: channel.id,
          version: 1,
          questions: DEFAULT_QUESTIONS,
          createdBy: null,
          now,
        });
        await appendAuditEvent(
          trx,
          { type: 'channel.created', data: { channelId: channel.id, slug: channel.slug } },
          seedOrigin,
          now,
        );
        await appendAuditEvent(
          trx,
          { type: 'channel.questionnaire_published', data: { channelId: channel.id, version: 1 } },
          seedOrigin,
          now,
        );
        created += 1;
      }
    }
    await upsertSetting(trx, CHANNELS_SEEDED_SETTING, true, now);
    return created;
  });
}

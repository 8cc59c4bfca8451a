import type { Role } from '../../src/identity/role.js';
import {
  generateKeyPair,
  newRecoveryKey,
  wrapSecretKey,
  wrapSecretKeyWithRecoveryKey,
} from '../../src/platform/crypto/envelope.js';
import type { Db } from '../../src/platform/db/database.js';
import type { UnlockedKeys } from '../../src/reporting/keys/keyring.js';
import type { Question } from '../../src/reporting/questionnaire.js';
import { unique } from './database.js';
import { createUserForTest, type TestUser } from './factories.js';

/** A recipient made for a test: a user with a key pair wrapped under their password. */
export interface TestRecipient extends TestUser {
  readonly keys: UnlockedKeys;
  readonly recoveryKey: Buffer;
}

/**
 * Creates a user with a recipient role (default handler) and a key pair wrapped under their
 * password (default `correct horse battery staple`), straight into the database.
 */
export async function createRecipientForTest(
  db: Db,
  options: {
    readonly roles?: readonly Role[];
    readonly password?: string;
    readonly totp?: boolean;
    readonly name?: string;
  } = {},
): Promise<TestRecipient> {
  const password = options.password ?? 'correct horse battery staple';
  const user = await createUserForTest(db, {
    roles: options.roles ?? ['handler'],
    password,
    ...(options.totp ? { totp: true } : {}),
    ...(options.name ? { name: options.name } : {}),
  });
  const pair = generateKeyPair();
  const recoveryKey = newRecoveryKey();
  await db
    .insertInto('user_keys')
    .values({
      user_id: user.id,
      public_key: pair.publicKey,
      wrapped_secret_key: await wrapSecretKey(pair.secretKey, password),
      wrapped_with: 'password',
      recovery_wrapped_key: wrapSecretKeyWithRecoveryKey(pair.secretKey, recoveryKey),
    })
    .execute();
  return {
    ...user,
    keys: { userId: user.id, publicKey: pair.publicKey, secretKey: pair.secretKey },
    recoveryKey,
  };
}

/** A small questionnaire covering every question type. */
export const testQuestions: readonly Question[] = [
  {
    id: 'what',
    type: 'long_text',
    required: true,
    label_nl: 'Wat is er gebeurd?',
    label_en: 'What happened?',
    help_nl: '',
    help_en: '',
    options: [],
  },
  {
    id: 'when',
    type: 'date',
    required: false,
    label_nl: 'Wanneer?',
    label_en: 'When?',
    help_nl: '',
    help_en: '',
    options: [],
  },
  {
    id: 'ongoing',
    type: 'yes_no',
    required: false,
    label_nl: 'Is het nog bezig?',
    label_en: 'Is it still going on?',
    help_nl: '',
    help_en: '',
    options: [],
  },
  {
    id: 'evidence',
    type: 'files',
    required: false,
    label_nl: 'Bewijsstukken',
    label_en: 'Evidence',
    help_nl: '',
    help_en: '',
    options: [],
  },
];

export interface TestChannel {
  readonly channelId: string;
  readonly slug: string;
  readonly questionnaireVersionId: string;
  readonly categoryId: string;
}

/** Creates an active channel with one category, a questionnaire and the given recipients. */
export async function createChannelForTest(
  db: Db,
  options: {
    readonly recipients: readonly string[];
    readonly questions?: readonly Question[];
    readonly audience?: 'everyone' | 'staff';
    readonly active?: boolean;
  },
): Promise<TestChannel> {
  const slug = unique('ch')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 40);
  const channel = await db
    .insertInto('report_channels')
    .values({
      slug,
      name_nl: `Kanaal ${slug}`,
      name_en: `Channel ${slug}`,
      audience: options.audience ?? 'everyone',
      active: options.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('questionnaire_versions')
    .values({
      channel_id: channel.id,
      version: 1,
      questions: JSON.stringify(options.questions ?? testQuestions),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const category = await db
    .insertInto('report_channel_categories')
    .values({ channel_id: channel.id, label_nl: 'Fraude', label_en: 'Fraud' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.recipients.length > 0) {
    await db
      .insertInto('report_channel_recipients')
      .values(options.recipients.map((userId) => ({ channel_id: channel.id, user_id: userId })))
      .execute();
  }
  return { channelId: channel.id, slug, questionnaireVersionId: version.id, categoryId: category.id };
}

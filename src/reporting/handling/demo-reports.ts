import '../reporting.events.js';
import type { Config } from '../../config.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import type { AuditOrigin } from '../../platform/audit/audit-events.js';
import type { Db } from '../../platform/db/database.js';
import { seedDefaultChannels } from '../channels/default-channels.js';
import type { UnlockedKeys } from '../keys/keyring.js';
import { createKeyPairFor } from '../keys/user-keys.service.js';
import type { Answers } from '../questionnaire.js';
import { openReportKey } from '../report-crypto.js';
import { createReport, insertMessage, type ReporterIdentity } from '../report-store.js';
import {
  acknowledgeReport,
  addMinutes,
  type HandlerContext,
  type OpenedReport,
  recordNotAcknowledged,
  registerOralReport,
  sendHandlerMessage,
} from './handling.service.js';

/**
 * Demo reports for `npm run demo`: key pairs for the demo recipients (wrapped under the demo
 * password, so that logging in unlocks them), the recipients of the default channels, and a
 * handful of reports in several states, made through the same services as the product uses,
 * at back-dated moments. Receipts are thrown away: nothing secret is logged or kept.
 */

const DAY = 86_400_000;
const system: AuditOrigin = { kind: 'system', label: 'demo' };
const reporter: AuditOrigin = { kind: 'anonymous', label: 'reporter' };

/** Which demo users receive which default channel (usernames). */
const RECIPIENTS: Readonly<Record<string, readonly string[]>> = {
  integriteit: ['handler', 'investigator'],
  'audit-vlaanderen': ['investigator', 'handler'],
  spreekbuis: ['counselor', 'handler'],
};

interface DemoUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly keys: UnlockedKeys;
}

/**
 * Seeds the demo reports. Expects the demo people to exist (usernames `handler`, `investigator`,
 * `counselor` with `password`); does nothing when there are reports already. Returns how many
 * reports it created.
 */
export async function seedDemoReports(db: Db, now: Date, config: Config, password: string): Promise<number> {
  const existing = await db.selectFrom('reports').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  await seedDefaultChannels(db, now);
  const channels = new Map(
    (await db.selectFrom('report_channels').select(['id', 'slug']).execute()).map((c) => [c.slug, c.id]),
  );

  const users = new Map<string, DemoUser>();
  for (const username of ['handler', 'investigator', 'counselor']) {
    const user = await db
      .selectFrom('users')
      .select(['id', 'username', 'name'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) return 0;
    const roles = (
      await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()
    ).map((r) => r.role);
    const hasKeys = await db
      .selectFrom('user_keys')
      .select('user_id')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (hasKeys) return 0; // Someone logged in before the seed finished: leave the rest alone.
    const { keys } = await db.transaction().execute((trx) =>
      createKeyPairFor(trx, {
        userId: user.id,
        passphrase: password,
        wrappedWith: 'password',
        now,
        origin: system,
      }),
    );
    users.set(username, { ...user, roles, keys });
  }

  for (const [slug, usernames] of Object.entries(RECIPIENTS)) {
    const channelId = channels.get(slug);
    if (!channelId) continue;
    const added = usernames.flatMap((u) => (users.get(u) ? [users.get(u)!.id] : []));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('report_channel_recipients')
        .values(added.map((userId) => ({ channel_id: channelId, user_id: userId })))
        .onConflict((oc) => oc.columns(['channel_id', 'user_id']).doNothing())
        .execute();
      await appendAuditEvent(
        trx,
        { type: 'channel.recipients_changed', data: { channelId, added, removed: [] } },
        system,
        now,
      );
    });
  }

  const handler = users.get('handler')!;
  const investigator = users.get('investigator')!;
  const at = (daysAgo: number, hour = 10) =>
    new Date(now.getTime() - daysAgo * DAY + (hour - 10) * 3_600_000);
  const as = (user: DemoUser, moment: Date): HandlerContext => ({
    db,
    now: moment,
    config,
    auth: {
      userId: user.id,
      name: user.name,
      username: user.username,
      roles: user.roles,
      stage: 'active',
      sessionIdHash: 'demo-seed',
      method: 'password',
    },
    origin: { kind: 'user', userId: user.id, label: user.username },
  });
  const currentVersion = async (channelId: string) =>
    (
      await db
        .selectFrom('questionnaire_versions')
        .select('id')
        .where('channel_id', '=', channelId)
        .orderBy('version', 'desc')
        .executeTakeFirst()
    )?.id ?? null;
  const category = async (channelId: string, index: number) =>
    (
      await db
        .selectFrom('report_channel_categories')
        .select('id')
        .where('channel_id', '=', channelId)
        .orderBy('position')
        .offset(index)
        .limit(1)
        .executeTakeFirst()
    )?.id ?? null;

  const submit = async (input: {
    readonly slug: string;
    readonly category: number;
    readonly daysAgo: number;
    readonly answers: Answers;
    readonly identity?: { readonly mode: 'confidential' | 'named'; readonly who: ReporterIdentity };
    readonly excluded?: readonly string[];
  }): Promise<OpenedReport & { readonly receivedAt: Date }> => {
    const channelId = channels.get(input.slug)!;
    const receivedAt = at(input.daysAgo);
    const created = await createReport(
      db,
      config,
      {
        channelId,
        categoryId: await category(channelId, input.category),
        questionnaireVersionId: await currentVersion(channelId),
        identityMode: input.identity?.mode ?? 'anonymous',
        source: 'online',
        answers: input.answers,
        identity: input.identity?.who ?? null,
        notifyAddress: null,
        excludedUserIds: input.excluded ?? [],
        files: [],
        createdBy: null,
      },
      { now: receivedAt, origin: reporter },
    );
    return { ...(await openAs(db, handler.keys, created.reportId)), receivedAt };
  };

  const reporterWrites = async (report: OpenedReport, moment: Date, text: string) => {
    await db.transaction().execute(async (trx) => {
      const messageId = await insertMessage(
        trx,
        {
          reportId: report.row.id,
          reportKey: report.key,
          author: 'reporter',
          authorUserId: null,
          kind: 'message',
          text,
        },
        moment,
      );
      await appendAuditEvent(
        trx,
        {
          type: 'report.message_sent',
          data: { reportId: report.row.id, messageId, author: 'reporter', files: 0 },
        },
        reporter,
        moment,
      );
    });
  };

  let count = 0;
  // 1. Received six days ago: the acknowledgement is due tomorrow.
  await submit({
    slug: 'integriteit',
    category: 0,
    daysAgo: 6,
    answers: {
      what: 'Een collega laat zich door een leverancier trakteren op dure etentjes, terwijl hij mee beslist over de gunning van een opdracht.',
      when: isoDay(at(20)),
      where: 'Restaurant in Brussel, na de werkuren',
      ongoing: 'yes',
      crime: 'dont-know',
    },
  });
  count++;

  // 2. Received twelve days ago, not acknowledged: overdue. Confidential.
  await submit({
    slug: 'audit-vlaanderen',
    category: 0,
    daysAgo: 12,
    answers: {
      what: 'Facturen van een adviesbureau worden twee keer betaald, telkens met een ander ordernummer.',
      'how-known': 'Ik werk op de boekhouding en zag de dubbele betalingen in het betaalbestand.',
      ongoing: 'yes',
      crime: 'yes',
    },
    identity: { mode: 'confidential', who: { name: 'Nadia Vermeersch', contact: '0470 11 22 33' } },
  });
  count++;

  // 3. Acknowledged, with messages back and forth. Named.
  const talked = await submit({
    slug: 'integriteit',
    category: 1,
    daysAgo: 20,
    answers: {
      what: 'Vertrouwelijke dossiers van burgers worden doorgestuurd naar een privé-mailadres.',
      who: 'Een medewerker van de dienst vergunningen',
      ongoing: 'no',
      crime: 'dont-know',
    },
    identity: { mode: 'named', who: { name: 'Lotte De Smet', contact: 'Intern, Team Lokale Besturen' } },
  });
  await acknowledgeReport(as(handler, at(18)), talked, {
    text: 'Beste melder,\n\nWe hebben uw melding goed ontvangen en behandelen ze vertrouwelijk. Binnen drie maanden laten we u weten wat ermee gebeurt.\n\nHet Integriteitsloket',
  });
  await sendHandlerMessage(as(handler, at(15)), talked, {
    text: 'Weet u over welke periode het gaat, en om hoeveel dossiers ongeveer?',
    files: [],
  });
  await reporterWrites(talked, at(14), 'Sinds het voorjaar, ik schat een tiental dossiers per maand.');
  count++;

  // 4. Not acknowledged: the reporter objected.
  const objected = await submit({
    slug: 'spreekbuis',
    category: 0,
    daysAgo: 9,
    answers: {
      what: 'Ik word al maanden buitengesloten in mijn team. Ik wil liever geen bevestiging ontvangen.',
      ongoing: 'yes',
      crime: 'no',
    },
  });
  await recordNotAcknowledged(as(handler, at(8)), objected, { reason: 'reporter_objected', text: '' });
  count++;

  // 5. An oral report with minutes awaiting the reporter's signature.
  const oral = await registerOralReport(as(handler, at(4)), handler.keys, {
    channelId: channels.get('integriteit')!,
    categoryId: await category(channels.get('integriteit')!, 2),
    identityMode: 'confidential',
    identity: { name: 'Jan Willems', contact: '02 553 00 00' },
    notifyAddress: null,
    excludedUserIds: [],
    summary:
      'Telefonische melding: een teamleider zou overuren laten uitbetalen die niet gepresteerd werden.',
    minutes:
      'Gesprek van 10:00 tot 10:40. De melder stelt vast dat in zijn team overuren worden ingeschreven op dagen waarop collega’s afwezig waren. Hij heeft geen documenten, maar kan data geven. De melder wil vertrouwelijk blijven.',
  });
  count++;
  // A second conversation: its minutes supersede the first ones.
  await addMinutes(as(handler, at(2)), await openAs(db, handler.keys, oral.reportId), {
    text: 'Tweede gesprek: de melder bezorgt drie data (12, 19 en 26 september) waarop overuren werden ingeschreven.',
  });

  // 6. Excludes the demo investigator (involved in the facts): they never see it.
  await submit({
    slug: 'integriteit',
    category: 3,
    daysAgo: 3,
    answers: {
      what: 'Een auditor zou vooraf informatie over een lopende audit hebben gedeeld met de geauditeerde dienst.',
      ongoing: 'no',
      crime: 'dont-know',
    },
    excluded: [investigator.id],
  });
  count++;

  // 7. Acknowledged long ago: the feedback deadline has passed.
  const late = await submit({
    slug: 'audit-vlaanderen',
    category: 1,
    daysAgo: 100,
    answers: {
      what: 'Subsidies voor een evenement werden aangevraagd voor een evenement dat nooit plaatsvond.',
      ongoing: 'no',
      crime: 'yes',
    },
  });
  await acknowledgeReport(as(handler, at(96)), late, {
    text: 'Beste melder,\n\nWe hebben uw melding goed ontvangen.\n\nHet Integriteitsloket',
  });
  count++;

  // 8. Received yesterday, confidential, in the Spreekbuis channel.
  await submit({
    slug: 'spreekbuis',
    category: 2,
    daysAgo: 1,
    answers: {
      what: 'Een leidinggevende maakt herhaaldelijk ongepaste opmerkingen over het uiterlijk van medewerkers.',
      ongoing: 'yes',
      crime: 'dont-know',
    },
    identity: {
      mode: 'confidential',
      who: { name: 'Yasmine El Amrani', contact: 'yasmine.elamrani@vlaanderen.example' },
    },
  });
  count++;

  for (const user of users.values()) user.keys.secretKey.fill(0);
  return count;
}

async function openAs(db: Db, keys: UnlockedKeys, reportId: string): Promise<OpenedReport> {
  const [row, seal] = await Promise.all([
    db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow(),
    db
      .selectFrom('report_key_seals')
      .select('sealed_key')
      .where('report_id', '=', reportId)
      .where('user_id', '=', keys.userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { row, key: openReportKey(keys, seal.sealed_key) };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

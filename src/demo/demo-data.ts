import { type Config, loadConfig } from '../config.js';
import { DEMO_PASSWORD, demoAccounts } from '../identity/demo-accounts.js';
import { type Entity, insertEntity, listEntityTree } from '../identity/entity.repository.js';
import type { Role } from '../identity/role.js';
import { countUsers } from '../identity/user.repository.js';
import { createUserAsSystem } from '../identity/user.service.js';
import { appendAuditEvent } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import { seedDemoReports } from '../reporting/handling/demo-reports.js';

/**
 * The demo organisation: a slice of the Flemish government, as a tree. `key` names an entity for
 * the people below; it is not stored.
 */
interface DemoEntity {
  readonly key: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly children?: readonly DemoEntity[];
}

const organisation: DemoEntity = {
  key: 'vo',
  nameNl: 'Vlaamse overheid',
  nameEn: 'Flemish Government',
  children: [
    {
      key: 'kbz',
      nameNl: 'Departement Kanselarij en Buitenlandse Zaken',
      nameEn: 'Department of Chancellery and Foreign Affairs',
      children: [
        {
          key: 'integrity',
          nameNl: 'Team Organisatiebeheersing en Integriteit',
          nameEn: 'Internal Control and Integrity Team',
        },
        { key: 'ict', nameNl: 'Afdeling ICT en Facilitair Beheer', nameEn: 'ICT and Facilities Division' },
      ],
    },
    {
      key: 'abb',
      nameNl: 'Agentschap Binnenlands Bestuur',
      nameEn: 'Agency for Domestic Governance',
      children: [
        { key: 'local', nameNl: 'Team Lokale Besturen', nameEn: 'Local Government Team' },
        { key: 'subsidies', nameNl: 'Team Subsidies en Financiën', nameEn: 'Grants and Finance Team' },
      ],
    },
    {
      key: 'audit',
      nameNl: 'Audit Vlaanderen',
      nameEn: 'Audit Flanders',
      children: [{ key: 'forensic', nameNl: 'Forensische Audit', nameEn: 'Forensic Audit' }],
    },
    {
      key: 'aiv',
      nameNl: 'Agentschap Informatie Vlaanderen',
      nameEn: 'Information Flanders Agency',
      children: [{ key: 'contact', nameNl: 'Contactcenter 1700', nameEn: '1700 Contact Centre' }],
    },
    {
      key: 'ao',
      nameNl: 'Agentschap Overheidspersoneel',
      nameEn: 'Agency for Government Employees',
      children: [
        { key: 'spreekbuis', nameNl: 'Spreekbuis', nameEn: 'Spreekbuis (confidential counsellors)' },
      ],
    },
  ],
};

/**
 * The demo people. A manager comes before the people they manage. Those with a `demoAccounts`
 * username get the shared demo password; the others have no password (they fill the tree and
 * the manager lines, and cannot log in).
 */
interface DemoPerson {
  readonly username: string;
  readonly name: string;
  readonly entity: string;
  readonly roles: readonly Role[];
  readonly manager?: string;
}

const people: readonly DemoPerson[] = [
  { username: 'discipline', name: 'Hilde Mertens', entity: 'abb', roles: ['discipline', 'manager', 'staff'] },
  {
    username: 'manager',
    name: 'Tom Goossens',
    entity: 'local',
    roles: ['manager', 'staff'],
    manager: 'discipline',
  },
  { username: 'staff', name: 'Lotte De Smet', entity: 'local', roles: ['staff'], manager: 'manager' },
  { username: 'jan.willems', name: 'Jan Willems', entity: 'local', roles: ['staff'], manager: 'manager' },
  {
    username: 'yasmine.elamrani',
    name: 'Yasmine El Amrani',
    entity: 'local',
    roles: ['staff'],
    manager: 'manager',
  },
  {
    username: 'bart.claes',
    name: 'Bart Claes',
    entity: 'subsidies',
    roles: ['manager', 'staff'],
    manager: 'discipline',
  },
  {
    username: 'nathalie.jacobs',
    name: 'Nathalie Jacobs',
    entity: 'subsidies',
    roles: ['staff'],
    manager: 'bart.claes',
  },
  { username: 'karel.dewilde', name: 'Karel De Wilde', entity: 'kbz', roles: ['manager', 'staff'] },
  {
    username: 'coordinator',
    name: 'Koen Janssens',
    entity: 'integrity',
    roles: ['coordinator', 'staff'],
    manager: 'karel.dewilde',
  },
  {
    username: 'handler',
    name: 'Sofie Maes',
    entity: 'integrity',
    roles: ['handler', 'staff'],
    manager: 'coordinator',
  },
  {
    username: 'admin',
    name: 'An Peeters',
    entity: 'ict',
    roles: ['admin', 'staff'],
    manager: 'karel.dewilde',
  },
  { username: 'dirk.lambrechts', name: 'Dirk Lambrechts', entity: 'audit', roles: ['manager', 'staff'] },
  {
    username: 'investigator',
    name: 'Pieter Vermeulen',
    entity: 'forensic',
    roles: ['investigator', 'staff'],
    manager: 'dirk.lambrechts',
  },
  {
    username: 'griet.vandenbossche',
    name: 'Griet Van den Bossche',
    entity: 'forensic',
    roles: ['investigator', 'staff'],
    manager: 'dirk.lambrechts',
  },
  { username: 'wim.hermans', name: 'Wim Hermans', entity: 'contact', roles: ['manager', 'staff'] },
  {
    username: 'agent',
    name: 'Bram Wouters',
    entity: 'contact',
    roles: ['agent', 'staff'],
    manager: 'wim.hermans',
  },
  {
    username: 'sarah.dubois',
    name: 'Sarah Dubois',
    entity: 'contact',
    roles: ['agent', 'staff'],
    manager: 'wim.hermans',
  },
  { username: 'counselor', name: 'Els Aerts', entity: 'spreekbuis', roles: ['counselor', 'staff'] },
];

/** The domain of the demo e-mail addresses: `.example` is reserved, so no mail reaches anyone. */
const EMAIL_DOMAIN = 'vlaanderen.example';

/** What {@link seedDemoData} did. */
export interface DemoSeedResult {
  /** False when the database already had users and nothing was written. */
  readonly seeded: boolean;
  readonly entities: number;
  readonly users: number;
  /** Demo reports for the demo recipients (src/reporting/handling/demo-reports.ts), when seeded. */
  readonly reports?: number;
}

/**
 * Fills an empty database with the demo organisation: an entity tree, one account per role
 * (the `demoAccounts` usernames with {@link DEMO_PASSWORD}) and colleagues with managers set.
 * Idempotent: does nothing when the database has any user. Entities left by an interrupted earlier
 * run are reused, not duplicated. Users are created through the same service as an admin would
 * use, so every row and audit event is what the product itself writes. Then the demo reports:
 * key pairs for the demo recipients, the default channels' recipients, reports in several states.
 */
export async function seedDemoData(
  db: Db,
  now: Date,
  // The demo's own configuration should be passed; the default is the demo's zero-configuration one.
  config: Config = loadConfig({ DEMO: 'true' }),
): Promise<DemoSeedResult> {
  if ((await countUsers(db)) > 0) return { seeded: false, entities: 0, users: 0 };

  const existing = await listEntityTree(db);
  const entityIds = new Map<string, string>();
  let entities = 0;
  const addEntity = async (entity: DemoEntity, parentId: string | null): Promise<void> => {
    const found = existing.find((e) => e.nameNl === entity.nameNl && e.parentId === parentId);
    const id =
      found?.id ??
      (await createEntityAsSystem(db, now, { nameNl: entity.nameNl, nameEn: entity.nameEn, parentId })).id;
    if (!found) entities += 1;
    entityIds.set(entity.key, id);
    for (const child of entity.children ?? []) await addEntity(child, id);
  };
  await addEntity(organisation, null);

  const demoUsernames = new Set<string>(demoAccounts.map((a) => a.username));
  for (const person of people) {
    await createUserAsSystem(db, now, {
      username: person.username,
      name: person.name,
      email: `${person.username}@${EMAIL_DOMAIN}`,
      entityId: entityIds.get(person.entity) ?? null,
      manager: person.manager ?? null,
      roles: person.roles,
      password: demoUsernames.has(person.username) ? DEMO_PASSWORD : null,
    });
  }
  const reports = await seedDemoReports(db, now, config, DEMO_PASSWORD);
  return { seeded: true, entities, users: people.length, reports };
}

async function createEntityAsSystem(
  db: Db,
  now: Date,
  input: { readonly nameNl: string; readonly nameEn: string; readonly parentId: string | null },
): Promise<Entity> {
  return db.transaction().execute(async (trx) => {
    const entity = await insertEntity(trx, input);
    await appendAuditEvent(
      trx,
      {
        type: 'entity.created',
        data: { entityId: entity.id, nameNl: entity.nameNl, parentId: entity.parentId },
      },
      { kind: 'system', label: 'demo' },
      now,
    );
    return entity;
  });
}

/** The demo people, for tests and documentation. */
export const demoPeople: readonly DemoPerson[] = people;

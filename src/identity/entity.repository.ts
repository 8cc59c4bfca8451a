import { sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';

/** An organisation unit; units form a tree through `parentId`. */
export interface Entity {
  readonly id: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly parentId: string | null;
}

/** An entity with its depth in the tree (0 for a root), as listed by {@link listEntityTree}. */
export interface EntityInTree extends Entity {
  readonly depth: number;
}

function toEntity(row: { id: string; name_nl: string; name_en: string; parent_id: string | null }): Entity {
  return { id: row.id, nameNl: row.name_nl, nameEn: row.name_en, parentId: row.parent_id };
}

export async function findEntityById(db: Db, id: string): Promise<Entity | undefined> {
  const row = await db
    .selectFrom('entities')
    .select(['id', 'name_nl', 'name_en', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEntity(row);
}

/**
 * Every entity in depth-first order (children after their parent, siblings by Dutch name), so
 * the tree can be drawn or offered in a select with indentation. Organisation trees are small
 * (hundreds of units), so they are read whole.
 */
export async function listEntityTree(db: Db): Promise<EntityInTree[]> {
  const rows = await db.selectFrom('entities').select(['id', 'name_nl', 'name_en', 'parent_id']).execute();
  const children = new Map<string | null, Entity[]>();
  for (const row of rows) {
    const entity = toEntity(row);
    const siblings = children.get(entity.parentId) ?? [];
    siblings.push(entity);
    children.set(entity.parentId, siblings);
  }
  for (const siblings of children.values()) {
    siblings.sort((a, b) => a.nameNl.localeCompare(b.nameNl, 'nl') || a.id.localeCompare(b.id));
  }
  const out: EntityInTree[] = [];
  const visit = (parentId: string | null, depth: number): void => {
    for (const entity of children.get(parentId) ?? []) {
      out.push({ ...entity, depth });
      visit(entity.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function countEntities(db: Db): Promise<number> {
  const row = await db
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertEntity(
  db: Db,
  input: { readonly nameNl: string; readonly nameEn: string; readonly parentId: string | null },
): Promise<Entity> {
  const row = await db
    .insertInto('entities')
    .values({ name_nl: input.nameNl, name_en: input.nameEn, parent_id: input.parentId })
    .returning(['id', 'name_nl', 'name_en', 'parent_id'])
    .executeTakeFirstOrThrow();
  return toEntity(row);
}

export async function updateEntity(
  db: Db,
  id: string,
  input: { readonly nameNl: string; readonly nameEn: string; readonly parentId: string | null },
): Promise<void> {
  await db
    .updateTable('entities')
    .set({ name_nl: input.nameNl, name_en: input.nameEn, parent_id: input.parentId })
    .where('id', '=', id)
    .execute();
}

/**
 * Locks the entity table against concurrent moves for the rest of the transaction: two moves
 * checked at the same time could otherwise each pass the cycle check and together form a loop.
 * Reads are not blocked.
 */
export async function lockEntitiesForMove(trx: Transaction<Database>): Promise<void> {
  await sql`lock table entities in share row exclusive mode`.execute(trx);
}

/** Whether `candidateId` is `entityId` itself or lies below it in the tree. */
export async function isSelfOrDescendant(db: Db, entityId: string, candidateId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    with recursive below(id) as (
      select ${entityId}::uuid
      union
      select e.id from entities e join below b on e.parent_id = b.id
    )
    select exists(select 1 from below where id = ${candidateId}::uuid) as found`.execute(db);
  return result.rows[0]?.found === true;
}

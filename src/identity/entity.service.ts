import { z } from 'zod';
import { appendAuditEvent } from '../platform/audit/audit.js';
import { AppError } from '../platform/errors.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { fieldError } from './admin-errors.js';
import { requireRole } from './authorize.js';
import {
  type Entity,
  type EntityInTree,
  findEntityById,
  insertEntity,
  isSelfOrDescendant,
  listEntityTree,
  lockEntitiesForMove,
  updateEntity as updateEntityRow,
} from './entity.repository.js';

/** A uuid in its textual form (any version: ids may come from other systems). */
export const uuidText = z.guid();

const entityName = (
  required: 'admin.entity.error_name_nl_required' | 'admin.entity.error_name_en_required',
) => z.string(required).trim().min(1, required).max(200, 'admin.entity.error_name_too_long');

/** The entity form (create, rename, move); `parentId` '' means a root. Messages are catalogue keys. */
export const EntityFormSchema = z.object({
  nameNl: entityName('admin.entity.error_name_nl_required'),
  nameEn: entityName('admin.entity.error_name_en_required'),
  parentId: z
    .string('admin.entity.error_parent_unknown')
    .refine((v) => v === '' || uuidText.safeParse(v).success, 'admin.entity.error_parent_unknown')
    .transform((v) => (v === '' ? null : v)),
});
export type EntityForm = z.infer<typeof EntityFormSchema>;

/**
 * The whole organisation tree in depth-first order.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function listEntities(ctx: ServiceContext): Promise<EntityInTree[]> {
  requireRole(ctx, 'admin');
  return listEntityTree(ctx.db);
}

/**
 * One entity.
 * @throws AppError('forbidden') unless the caller is an admin; AppError('not_found') for an unknown id.
 */
export async function getEntity(ctx: ServiceContext, id: string): Promise<Entity> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw new AppError('not_found');
  const entity = await findEntityById(ctx.db, id);
  if (!entity) throw new AppError('not_found');
  return entity;
}

/**
 * Creates an entity under `parentId` (or as a root) and records `entity.created`.
 * @throws AppError('forbidden') unless admin; a field error on `parentId` for an unknown parent.
 */
export async function createEntity(ctx: ServiceContext, input: EntityForm): Promise<Entity> {
  requireRole(ctx, 'admin');
  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId && !(await findEntityById(trx, input.parentId))) {
      throw fieldError('parentId', 'admin.entity.error_parent_unknown');
    }
    const entity = await insertEntity(trx, input);
    await appendAuditEvent(
      trx,
      {
        type: 'entity.created',
        data: { entityId: entity.id, nameNl: entity.nameNl, parentId: entity.parentId },
      },
      ctx.origin,
      ctx.now,
    );
    return entity;
  });
}

/**
 * Renames and/or moves an entity and records `entity.updated` with the fields that changed
 * (nothing is written when nothing changed). A move under itself or one of its own descendants
 * is refused, so the tree never gets a loop.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown entity;
 *   a field error on `parentId` for an unknown parent or a loop.
 */
export async function updateEntity(ctx: ServiceContext, id: string, input: EntityForm): Promise<void> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw new AppError('not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await lockEntitiesForMove(trx);
    const current = await findEntityById(trx, id);
    if (!current) throw new AppError('not_found');
    const fields: string[] = [];
    if (current.nameNl !== input.nameNl) fields.push('nameNl');
    if (current.nameEn !== input.nameEn) fields.push('nameEn');
    if (current.parentId !== input.parentId) {
      if (input.parentId) {
        if (!(await findEntityById(trx, input.parentId))) {
          throw fieldError('parentId', 'admin.entity.error_parent_unknown');
        }
        if (await isSelfOrDescendant(trx, id, input.parentId)) {
          throw fieldError('parentId', 'admin.entity.error_parent_cycle');
        }
      }
      fields.push('parentId');
    }
    if (fields.length === 0) return;
    await updateEntityRow(trx, id, input);
    await appendAuditEvent(
      trx,
      { type: 'entity.updated', data: { entityId: id, fields } },
      ctx.origin,
      ctx.now,
    );
  });
}

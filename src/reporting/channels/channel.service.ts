import { z } from 'zod';
import { fieldError } from '../../identity/admin-errors.js';
import { requireRole } from '../../identity/authorize.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import '../reporting.events.js';
import {
  type Category,
  type Channel,
  type ChannelFields,
  type ChannelSummary,
  changeRecipientRows,
  findChannel,
  findChannelIdBySlug,
  findEligibleRecipients,
  insertCategory,
  insertChannel,
  insertVersion,
  listCategories,
  listChannelSummaries,
  listRecipientCandidates,
  listRecipientIds,
  lockChannel,
  type RecipientCandidate,
  renumberCategories,
  updateCategoryRow,
  updateChannelRow,
} from './channel.repository.js';
import { DEFAULT_QUESTIONS } from './default-channels.js';
import { plainText } from './questionnaire-edit.js';

/**
 * Administration of reporting channels: the channel's fields, its recipients and its categories
 * (the questionnaire has its own service). Admin only; every change is audited in its
 * transaction, and each runs with the channel's row locked so two admins cannot interleave.
 */

/** A uuid in its textual form. */
const uuidText = z.guid();

/** The not-found error for anything that is not a known id (a forged or malformed one too). */
function notFound(): AppError {
  return new AppError('not_found');
}

const nameField = (
  required: 'channels.channel.error_name_nl_required' | 'channels.channel.error_name_en_required',
) =>
  plainText(200, { invalid: required, tooLong: 'channels.channel.error_name_too_long' }).pipe(
    z.string().min(1, required),
  );
const introField = plainText(4000, {
  invalid: 'channels.error_text_expected',
  tooLong: 'channels.channel.error_intro_too_long',
})
  .optional()
  .default('');

/** The channel form (create and edit); messages are catalogue keys. */
export const ChannelFormSchema = z.object({
  slug: plainText(40, {
    invalid: 'channels.channel.error_slug_format',
    tooLong: 'channels.channel.error_slug_format',
  })
    .transform((v) => v.toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'channels.channel.error_slug_format')),
  nameNl: nameField('channels.channel.error_name_nl_required'),
  nameEn: nameField('channels.channel.error_name_en_required'),
  introNl: introField,
  introEn: introField,
  audience: z.enum(['everyone', 'staff'], 'channels.channel.error_audience'),
  position: z
    .string('channels.channel.error_position')
    .trim()
    .regex(/^\d{1,4}$/, 'channels.channel.error_position')
    .transform(Number),
  active: z.enum(['yes', 'no'], 'channels.channel.error_active').transform((v) => v === 'yes'),
});
export type ChannelForm = z.output<typeof ChannelFormSchema>;

/** The recipient form: checked user ids (none checked sends nothing). */
export const RecipientsFormSchema = z.object({
  recipients: z
    .preprocess(
      (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v),
      z.array(z.string('channels.recipients.error_unknown')).max(1000, 'channels.recipients.error_unknown'),
    )
    .pipe(z.array(z.guid('channels.recipients.error_unknown')))
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});

const categoryLabel = (
  required: 'channels.category.error_label_nl_required' | 'channels.category.error_label_en_required',
) =>
  plainText(200, { invalid: required, tooLong: 'channels.category.error_label_too_long' }).pipe(
    z.string().min(1, required),
  );

/** The category form (add and rename). */
export const CategoryFormSchema = z.object({
  labelNl: categoryLabel('channels.category.error_label_nl_required'),
  labelEn: categoryLabel('channels.category.error_label_en_required'),
});
export type CategoryForm = z.output<typeof CategoryFormSchema>;

/** The direction of a move (questions and categories). */
export const MoveFormSchema = z.object({
  direction: z.enum(['up', 'down'], 'channels.error_move_direction'),
});

/**
 * Every channel with its figures.
 * @throws AppError('forbidden') unless admin.
 */
export async function listChannels(ctx: ServiceContext): Promise<ChannelSummary[]> {
  requireRole(ctx, 'admin');
  return listChannelSummaries(ctx.db);
}

/**
 * One channel.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown or malformed id.
 */
export async function getChannel(ctx: ServiceContext, id: string): Promise<Channel> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw notFound();
  const channel = await findChannel(ctx.db, id);
  if (!channel) throw notFound();
  return channel;
}

/** What the channel page shows besides the channel. */
export interface ChannelPageData {
  readonly channel: Channel;
  readonly summary: ChannelSummary;
  readonly candidates: RecipientCandidate[];
  readonly categories: Category[];
}

/**
 * The channel page: fields, figures, recipient candidates and categories.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown id.
 */
export async function getChannelPage(ctx: ServiceContext, id: string): Promise<ChannelPageData> {
  const channel = await getChannel(ctx, id);
  const [summaries, candidates, categories] = await Promise.all([
    listChannelSummaries(ctx.db),
    listRecipientCandidates(ctx.db, id),
    listCategories(ctx.db, id),
  ]);
  const summary = summaries.find((s) => s.id === id);
  if (!summary) throw notFound();
  return { channel, summary, candidates, categories };
}

/** The next free position for a new channel (after the last one, in steps of ten). */
export async function nextChannelPosition(ctx: ServiceContext): Promise<number> {
  requireRole(ctx, 'admin');
  const summaries = await listChannelSummaries(ctx.db);
  const last = Math.max(0, ...summaries.map((s) => s.position));
  return Math.min(9999, summaries.length === 0 ? 10 : last + 10);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

function fieldsOf(form: ChannelForm): ChannelFields {
  return {
    slug: form.slug,
    nameNl: form.nameNl,
    nameEn: form.nameEn,
    introNl: form.introNl,
    introEn: form.introEn,
    audience: form.audience,
    active: form.active,
    position: form.position,
  };
}

/**
 * Creates a channel with the default questionnaire as version 1 and no recipients; records
 * `channel.created` and `channel.questionnaire_published`.
 * @throws AppError('forbidden') unless admin; a field error on `slug` when it is taken.
 */
export async function createChannel(ctx: ServiceContext, form: ChannelForm): Promise<Channel> {
  requireRole(ctx, 'admin');
  const actorId = ctx.auth?.userId ?? null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (await findChannelIdBySlug(trx, form.slug))
        throw fieldError('slug', 'channels.channel.error_slug_taken');
      const channel = await insertChannel(trx, fieldsOf(form), ctx.now);
      await insertVersion(trx, {
        channelId: channel.id,
        version: 1,
        questions: DEFAULT_QUESTIONS,
        createdBy: actorId,
        now: ctx.now,
      });
      await appendAuditEvent(
        trx,
        { type: 'channel.created', data: { channelId: channel.id, slug: channel.slug } },
        ctx.origin,
        ctx.now,
      );
      await appendAuditEvent(
        trx,
        { type: 'channel.questionnaire_published', data: { channelId: channel.id, version: 1 } },
        ctx.origin,
        ctx.now,
      );
      return channel;
    });
  } catch (error) {
    // Two admins creating the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) throw fieldError('slug', 'channels.channel.error_slug_taken');
    throw error;
  }
}

/**
 * Saves a channel's fields and records `channel.updated` with the names of the fields that
 * changed (nothing is written when nothing changed).
 * @throws AppError('forbidden') unless admin; AppError('not_found'); a field error on `slug`
 *   when another channel has it.
 */
export async function updateChannel(ctx: ServiceContext, id: string, form: ChannelForm): Promise<void> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(id).success) throw notFound();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await lockChannel(trx, id);
      if (!current) throw notFound();
      const next = fieldsOf(form);
      const fields = (Object.keys(next) as (keyof ChannelFields)[]).filter(
        (key) => current[key] !== next[key],
      );
      if (fields.length === 0) return;
      if (fields.includes('slug')) {
        const holder = await findChannelIdBySlug(trx, next.slug);
        if (holder && holder !== id) throw fieldError('slug', 'channels.channel.error_slug_taken');
      }
      await updateChannelRow(trx, id, next, ctx.now);
      await appendAuditEvent(
        trx,
        { type: 'channel.updated', data: { channelId: id, fields } },
        ctx.origin,
        ctx.now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError('slug', 'channels.channel.error_slug_taken');
    throw error;
  }
}

/**
 * Makes exactly `userIds` the channel's recipients and records `channel.recipients_changed` with
 * who was added and removed. Every user added must be active and have a recipient role
 * (handler, investigator, counselor); a current recipient who no longer qualifies may stay
 * (they receive nothing: entitlement checks the role) or be removed.
 * @throws AppError('forbidden') unless admin; AppError('not_found'); a field error on
 *   `recipients` for an unknown user or one who may not receive reports.
 */
export async function setRecipients(
  ctx: ServiceContext,
  channelId: string,
  userIds: readonly string[],
): Promise<{ readonly added: readonly string[]; readonly removed: readonly string[] }> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(channelId).success) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lockChannel(trx, channelId))) throw notFound();
    const current = new Set(await listRecipientIds(trx, channelId));
    const wanted = new Set(userIds);
    const added = [...wanted].filter((id) => !current.has(id)).sort();
    const removed = [...current].filter((id) => !wanted.has(id)).sort();
    const eligible = await findEligibleRecipients(trx, added);
    if (added.some((id) => !eligible.has(id))) {
      throw fieldError('recipients', 'channels.recipients.error_not_eligible');
    }
    if (added.length === 0 && removed.length === 0) return { added, removed };
    await changeRecipientRows(trx, channelId, added, removed);
    await appendAuditEvent(
      trx,
      { type: 'channel.recipients_changed', data: { channelId, added, removed } },
      ctx.origin,
      ctx.now,
    );
    return { added, removed };
  });
}

/** Runs a category change with the channel locked, then records `channel.categories_changed`. */
async function changeCategories(
  ctx: ServiceContext,
  channelId: string,
  change: (trx: ServiceContext['db'], categories: Category[]) => Promise<boolean>,
): Promise<void> {
  requireRole(ctx, 'admin');
  if (!uuidText.safeParse(channelId).success) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockChannel(trx, channelId))) throw notFound();
    const categories = await listCategories(trx, channelId);
    if (!(await change(trx, categories))) return;
    await appendAuditEvent(
      trx,
      { type: 'channel.categories_changed', data: { channelId } },
      ctx.origin,
      ctx.now,
    );
  });
}

function categoryOf(categories: readonly Category[], categoryId: string): Category {
  if (!uuidText.safeParse(categoryId).success) throw notFound();
  const category = categories.find((c) => c.id === categoryId);
  if (!category) throw notFound();
  return category;
}

/**
 * One category of a channel.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown channel or a
 *   category of another channel.
 */
export async function getCategory(
  ctx: ServiceContext,
  channelId: string,
  categoryId: string,
): Promise<Category> {
  await getChannel(ctx, channelId);
  return categoryOf(await listCategories(ctx.db, channelId), categoryId);
}

/** Adds an active category at the end. @throws as {@link getChannel}. */
export async function addCategory(ctx: ServiceContext, channelId: string, form: CategoryForm): Promise<void> {
  await changeCategories(ctx, channelId, async (trx, categories) => {
    const last = categories.at(-1);
    await insertCategory(trx, {
      channelId,
      labelNl: form.labelNl,
      labelEn: form.labelEn,
      position: last ? last.position + 1 : 0,
    });
    return true;
  });
}

/** Renames a category (both languages). @throws as {@link getCategory}. */
export async function renameCategory(
  ctx: ServiceContext,
  channelId: string,
  categoryId: string,
  form: CategoryForm,
): Promise<void> {
  await changeCategories(ctx, channelId, async (trx, categories) => {
    const category = categoryOf(categories, categoryId);
    if (category.labelNl === form.labelNl && category.labelEn === form.labelEn) return false;
    await updateCategoryRow(trx, category.id, { labelNl: form.labelNl, labelEn: form.labelEn });
    return true;
  });
}

/**
 * Moves a category one place up or down (the first up or the last down changes nothing); the
 * categories are numbered again 0, 1, 2… so equal positions cannot confuse the order.
 * @throws as {@link getCategory}.
 */
export async function moveCategory(
  ctx: ServiceContext,
  channelId: string,
  categoryId: string,
  direction: 'up' | 'down',
): Promise<void> {
  await changeCategories(ctx, channelId, async (trx, categories) => {
    const category = categoryOf(categories, categoryId);
    const index = categories.indexOf(category);
    const target = direction === 'up' ? index - 1 : index + 1;
    const other = categories[target];
    if (!other) return false;
    const order = categories.map((c) => c.id);
    order[target] = category.id;
    order[index] = other.id;
    await renumberCategories(trx, order);
    return true;
  });
}

/**
 * Deactivates or reactivates a category. Categories are never deleted: reports point to them;
 * an inactive one is no longer offered to reporters.
 * @throws as {@link getCategory}.
 */
export async function setCategoryActive(
  ctx: ServiceContext,
  channelId: string,
  categoryId: string,
  active: boolean,
): Promise<void> {
  await changeCategories(ctx, channelId, async (trx, categories) => {
    const category = categoryOf(categories, categoryId);
    if (category.active === active) return false;
    await updateCategoryRow(trx, category.id, { active });
    return true;
  });
}

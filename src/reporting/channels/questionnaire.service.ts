import { refusal } from '../../identity/admin-errors.js';
import { requireRole } from '../../identity/authorize.js';
import { appendAuditEvent } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/request-context.js';
import '../reporting.events.js';
import {
  type Channel,
  findCurrentVersion,
  findVersion,
  insertVersion,
  listAllVersionQuestions,
  listVersions,
  lockChannel,
  type QuestionnaireVersion,
  type QuestionnaireVersionSummary,
} from './channel.repository.js';
import { getChannel } from './channel.service.js';
import {
  applyChange,
  ChangeRefused,
  idHistoryOf,
  type QuestionnaireChange,
  sameQuestions,
} from './questionnaire-edit.js';

/**
 * The questionnaire editor's service. Versions are immutable: every saved change publishes the
 * whole list as version n+1 (`channel.questionnaire_published`), so a report keeps the exact
 * questions it was answered with. A change is based on the version its form showed; if another
 * version was published meanwhile the change is refused (no lost update).
 */

/** A channel's questionnaire as the editor shows it. */
export interface QuestionnaireView {
  readonly channel: Channel;
  /** Undefined for a channel that never had a questionnaire (made outside the admin pages). */
  readonly current: QuestionnaireVersion | undefined;
}

/**
 * The channel and its current questionnaire version.
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown channel.
 */
export async function getQuestionnaire(ctx: ServiceContext, channelId: string): Promise<QuestionnaireView> {
  const channel = await getChannel(ctx, channelId);
  return { channel, current: await findCurrentVersion(ctx.db, channel.id) };
}

/**
 * The version history of a channel's questionnaire, newest first.
 * @throws as {@link getQuestionnaire}.
 */
export async function getQuestionnaireHistory(
  ctx: ServiceContext,
  channelId: string,
): Promise<{ readonly channel: Channel; readonly versions: QuestionnaireVersionSummary[] }> {
  const channel = await getChannel(ctx, channelId);
  return { channel, versions: await listVersions(ctx.db, channel.id) };
}

/**
 * One version of a channel's questionnaire, read-only.
 * @throws as {@link getQuestionnaire}; AppError('not_found') for a version the channel lacks.
 */
export async function getQuestionnaireVersion(
  ctx: ServiceContext,
  channelId: string,
  version: string,
): Promise<{ readonly channel: Channel; readonly version: QuestionnaireVersion; readonly latest: number }> {
  const channel = await getChannel(ctx, channelId);
  if (!/^\d{1,6}$/.test(version)) throw new AppError('not_found');
  const [found, current] = await Promise.all([
    findVersion(ctx.db, channel.id, Number(version)),
    findCurrentVersion(ctx.db, channel.id),
  ]);
  if (!found || !current) throw new AppError('not_found');
  return { channel, version: found, latest: current.version };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Applies one change to the current questionnaire and publishes the result as the next version,
 * with `channel.questionnaire_published`, in one transaction with the channel locked. A change
 * that leaves the questions as they were publishes nothing (`changed: false`).
 * @param baseVersion the version the form was rendered from (0 when the channel had none).
 * @throws AppError('forbidden') unless admin; AppError('not_found') for an unknown channel;
 *   a refusal (409) when another version was published since `baseVersion`
 *   (`channels.questionnaire.error_stale`), or when the change itself cannot be made (an
 *   unknown question, a 41st question, removing the last question).
 */
export async function changeQuestionnaire(
  ctx: ServiceContext,
  channelId: string,
  baseVersion: number,
  change: QuestionnaireChange,
): Promise<{ readonly version: number; readonly changed: boolean }> {
  requireRole(ctx, 'admin');
  const channel = await getChannel(ctx, channelId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (!(await lockChannel(trx, channel.id))) throw new AppError('not_found');
      const current = await findCurrentVersion(trx, channel.id);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== baseVersion) throw refusal('channels.questionnaire.error_stale');
      const history = idHistoryOf(await listAllVersionQuestions(trx, channel.id));
      const questions = applyChange(current?.questions ?? [], history, change);
      if (current && sameQuestions(current.questions, questions)) {
        return { version: currentVersion, changed: false };
      }
      const version = currentVersion + 1;
      await insertVersion(trx, {
        channelId: channel.id,
        version,
        questions,
        createdBy: ctx.auth?.userId ?? null,
        now: ctx.now,
      });
      await appendAuditEvent(
        trx,
        { type: 'channel.questionnaire_published', data: { channelId: channel.id, version } },
        ctx.origin,
        ctx.now,
      );
      return { version, changed: true };
    });
  } catch (error) {
    if (error instanceof ChangeRefused) throw refusal(error.reason);
    // The channel lock makes this unlikely; a version number taken meanwhile is a stale form too.
    if (isUniqueViolation(error)) throw refusal('channels.questionnaire.error_stale');
    throw error;
  }
}

import { sql } from 'kysely';
import { z } from 'zod';
import { appendAuditEvent } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/database.js';
import type { ServiceContext } from '../platform/http/request-context.js';
import { requireRole } from './authorize.js';
import { readAllSettings, upsertSetting } from './settings.repository.js';

/**
 * The settings an admin can change, as stored in the `settings` table (key → JSON value).
 * Keys are persisted: renaming one needs a migration.
 */
export const settingKeys = {
  organisationNameNl: 'organisation.name_nl',
  organisationNameEn: 'organisation.name_en',
  contactEmail: 'contact.email',
} as const;

/** Serialises settings saves (any constant unique in this app; the audit log uses 727_001). */
const SETTINGS_LOCK_KEY = 727_101;

/** The application's settings with their defaults filled in. */
export interface Settings {
  /** The organisation running this installation, per language. */
  readonly organisationName: { readonly nl: string; readonly en: string };
  /** Where people send privacy and accessibility questions; empty when not set. */
  readonly contactEmail: string;
}

export const defaultSettings: Settings = Object.freeze({
  organisationName: Object.freeze({ nl: 'Vlaamse overheid', en: 'Flemish Government' }),
  contactEmail: '',
});

const organisationName = z
  .string('admin.settings.error_organisation_name_required')
  .trim()
  .min(1, 'admin.settings.error_organisation_name_required')
  .max(200, 'admin.settings.error_organisation_name_too_long');

/** The settings form; messages are catalogue keys. */
export const SettingsFormSchema = z.object({
  organisationNameNl: organisationName,
  organisationNameEn: organisationName,
  contactEmail: z
    .string('admin.settings.error_contact_email_invalid')
    .trim()
    .max(254, 'admin.settings.error_contact_email_invalid')
    .pipe(z.union([z.literal(''), z.email('admin.settings.error_contact_email_invalid')])),
});
export type SettingsForm = z.infer<typeof SettingsFormSchema>;

function storedString(stored: Map<string, unknown>, key: string, fallback: string): string {
  const value = stored.get(key);
  return typeof value === 'string' ? value : fallback;
}

/**
 * Reads the settings, with the default for any that was never saved (or holds something
 * unexpected). Open to every caller: the values are shown on public pages.
 */
export async function getSettings(db: Db): Promise<Settings> {
  const stored = await readAllSettings(db);
  return {
    organisationName: {
      nl: storedString(stored, settingKeys.organisationNameNl, defaultSettings.organisationName.nl),
      en: storedString(stored, settingKeys.organisationNameEn, defaultSettings.organisationName.en),
    },
    contactEmail: storedString(stored, settingKeys.contactEmail, defaultSettings.contactEmail),
  };
}

/**
 * The settings for the administration page.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function getSettingsForAdmin(ctx: ServiceContext): Promise<Settings> {
  requireRole(ctx, 'admin');
  return getSettings(ctx.db);
}

/**
 * Saves the settings that differ from the stored ones, each with a `settings.changed` event
 * `{ key, from, to }`, in one transaction. Returns the keys that changed.
 * @throws AppError('forbidden') unless the caller is an admin.
 */
export async function updateSettings(ctx: ServiceContext, input: SettingsForm): Promise<string[]> {
  requireRole(ctx, 'admin');
  return ctx.db.transaction().execute(async (trx) => {
    // Serialises concurrent saves so each event's `from` is the value it really replaced.
    await sql`select pg_advisory_xact_lock(${SETTINGS_LOCK_KEY})`.execute(trx);
    const current = await getSettings(trx);
    const wanted: readonly (readonly [string, string, string])[] = [
      [settingKeys.organisationNameNl, current.organisationName.nl, input.organisationNameNl],
      [settingKeys.organisationNameEn, current.organisationName.en, input.organisationNameEn],
      [settingKeys.contactEmail, current.contactEmail, input.contactEmail],
    ];
    const changed: string[] = [];
    for (const [key, from, to] of wanted) {
      if (from === to) continue;
      await upsertSetting(trx, key, to, ctx.now);
      await appendAuditEvent(trx, { type: 'settings.changed', data: { key, from, to } }, ctx.origin, ctx.now);
      changed.push(key);
    }
    return changed;
  });
}

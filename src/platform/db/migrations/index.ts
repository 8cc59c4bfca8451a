import type { Migration } from 'kysely';
import * as m20261128_1200 from './2026_11_28_1200_create_foundation.js';
import * as m20261128_1210 from './2026_11_28_1210_add_totp_pending_secret.js';
import * as m20261128_1300 from './2026_11_28_1300_create_reporting.js';
import * as m20261128_1400 from './2026_11_28_1400_create_contact.js';

/**
 * Every migration, in order. A static list (no folder scanning) so that bundling, tests and
 * `npm run db:migrate` all see the same set. Append new migrations; never edit a landed one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_1200_create_foundation': m20261128_1200,
  '2026_11_28_1210_add_totp_pending_secret': m20261128_1210,
  '2026_11_28_1300_create_reporting': m20261128_1300,
  '2026_11_28_1400_create_contact': m20261128_1400,
};

import type { Migration } from 'kysely';
import * as m20261128_1200 from './2026_11_28_1200_create_foundation.js';
import * as m20261128_1210 from './2026_11_28_1210_add_totp_pending_secret.js';

/**
 * Every migration, in order. A static list (no folder scanning) so that bundling, tests and
 * `npm run db:migrate` all see the same set. Append new migrations; never edit a landed one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_28_1200_create_foundation': m20261128_1200,
  '2026_11_28_1210_add_totp_pending_secret': m20261128_1210,
};

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/platform/db/database.js';

/**
 * Scans for a marker string in everything a stolen copy would hold: every row of every table
 * (cast to text, so bytea shows as hex) and every file in a folder. Used by the encryption-at-rest
 * tests (HTTP and browser) to prove that nothing a reporter wrote is stored in clear.
 */
export async function dumpAllTables(
  database: OpenDatabase,
): Promise<{ readonly tables: readonly string[]; readonly text: string }> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`.execute(database.db);
  const parts: string[] = [];
  for (const table of tables.rows) {
    const rows = await sql<{ row: string }>`select scanned_row::text as row from ${sql.id(
      table.schema,
      table.name,
    )} scanned_row`.execute(database.db);
    parts.push(`## ${table.schema}.${table.name}\n${rows.rows.map((r) => r.row).join('\n')}`);
  }
  return { tables: tables.rows.map((t) => `${t.schema}.${t.name}`), text: parts.join('\n') };
}

/** Every file under `dir`, as bytes (empty when the folder does not exist). */
export async function readFolder(dir: string): Promise<Buffer> {
  const out: Buffer[] = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile()) out.push(await readFile(path.join(entry.parentPath ?? dir, entry.name)));
  }
  return Buffer.concat(out);
}

/** The ways a string can sit in stored data: as text, as hex of a bytea, as base64 at any alignment. */
function spellings(marker: string): string[] {
  const bytes = Buffer.from(marker, 'utf8');
  const base64 = [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    // Skip the characters that depend on the neighbouring bytes.
    return encoded.slice(Math.ceil((shift * 4) / 3) + 1, -4);
  });
  return [marker.toLowerCase(), bytes.toString('hex'), ...base64];
}

/** Which spellings of `marker` occur in the haystack (compared case-insensitively where that is safe). */
export function markerSpellingsIn(haystack: string | Buffer, marker: string): string[] {
  const text = (typeof haystack === 'string' ? haystack : haystack.toString('latin1')).toLowerCase();
  const raw = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  return spellings(marker).filter((s, i) => (i < 2 ? text.includes(s.toLowerCase()) : raw.includes(s)));
}

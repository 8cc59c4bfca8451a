// Runs a test tier with node:test through tsx. Node 20 does not expand globs after --test, so
// this script lists the files: `unit` = every *.test.ts(x) under src/ (unit, service and HTTP
// tests); `e2e` = test/e2e/*.spec.ts (browser journeys in Chromium).
// Before the files run, a migrated PGlite template is prepared once (test/helpers/prepare.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tier = process.argv[2] ?? 'unit';
const only = process.argv.slice(3);

function list(dir, pattern) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...list(full, pattern));
    else if (pattern.test(name)) out.push(path.relative(root, full));
  }
  return out.sort();
}

let files =
  tier === 'e2e'
    ? list(path.join(root, 'test/e2e'), /\.spec\.tsx?$/)
    : list(path.join(root, 'src'), /\.test\.tsx?$/);
if (only.length > 0) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error(`No test files found for "${tier}"`);
  process.exit(1);
}

const env = { ...process.env, NODE_ENV: 'test' };
const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/prepare.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const concurrency = tier === 'e2e' ? '1' : '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);

// Bundles the browser islands in src/client/ into public/build/ with esbuild.
// Every page works without them; they only enhance.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'src/client');
const outdir = path.join(root, 'public/build');
mkdirSync(outdir, { recursive: true });
const entryPoints = existsSync(clientDir)
  ? readdirSync(clientDir)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))
      .map((f) => path.join(clientDir, f))
  : [];
await build({
  entryPoints,
  outdir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: false,
  logLevel: 'warning',
});
console.log(`Built ${entryPoints.length} browser script(s) into public/build/`);

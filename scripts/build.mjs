// `npm run build`: bundles what must be built, with esbuild.
// - public/build/: the browser islands from src/client/ (every page works without them);
// - dist/: the server entry points (`server.js`, `demo.js`) as plain JavaScript, so `npm start`
//   runs on node alone — faster to start and lighter than compiling TypeScript at run time.
//   npm packages stay external and load from node_modules as usual.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'src/client');
const clientOut = path.join(root, 'public/build');
mkdirSync(clientOut, { recursive: true });
const clientEntries = existsSync(clientDir)
  ? readdirSync(clientDir)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))
      .map((f) => path.join(clientDir, f))
  : [];
const shared = { bundle: true, jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning' };

await Promise.all([
  build({
    ...shared,
    entryPoints: clientEntries,
    outdir: clientOut,
    minify: true,
    format: 'esm',
    target: ['es2020'],
  }),
  build({
    ...shared,
    entryPoints: [path.join(root, 'src/server.ts'), path.join(root, 'src/demo.ts')],
    outdir: path.join(root, 'dist'),
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    packages: 'external',
    sourcemap: true,
  }),
]);
console.log(`Built ${clientEntries.length} browser script(s) into public/build/ and the server into dist/`);

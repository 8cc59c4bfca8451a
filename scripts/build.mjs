// `npm run build`: bundles what must be built, with esbuild.
// - public/build/: the browser islands from src/client/ (every page works without them);
// - dist/: the server entry points (`server.js`, `demo.js`) as plain JavaScript, so `npm start`
//   runs on node alone — faster to start and lighter than compiling TypeScript at run time.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bundledPackages = new Set(['kysely', 'zod', 'preact', 'preact-render-to-string']);
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
    // Packages made of many small ES modules load much faster from one bundle (Kysely alone is
    // hundreds of files); the rest stay external: native addons, WebAssembly, and packages that
    // locate their own files at run time.
    external: Object.keys(pkg.dependencies).filter((name) => !bundledPackages.has(name)),
    sourcemap: true,
  }),
]);
console.log(`Built ${clientEntries.length} browser script(s) into public/build/ and the server into dist/`);

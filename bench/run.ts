// `npm run bench`: runs each benchmark in turn and prints its tables. A report, not a test: it
// exits 0 whatever the figures (and 1 only when a benchmark could not run at all).
// Options: --duration=<seconds per load> (default 10), --connections=<n> (default 10).
import os from 'node:os';
import { benchHttp } from './http.js';
import { argument } from './lib.js';

const seconds = Number(argument('duration') ?? 10);
const connections = Number(argument('connections') ?? 10);

console.log(
  `Integrity Desk benchmarks — node ${process.version}, ${os.cpus().length} CPU(s), ${os.platform()}`,
);
try {
  await benchHttp({ seconds, connections });
} catch (error) {
  console.error('The benchmark could not run:', error);
  process.exit(1);
}

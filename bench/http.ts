// HTTP benchmark: the real server (dist/server.js, as `npm start` runs it, on PGlite) against a bare Fastify app, both in
// child processes on loopback, loaded by autocannon from this process. Also the warm-start time
// on an existing data folder and the idle resident memory. A report, not a test.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/database.js';
import {
  type ChildServer,
  freePort,
  type LoadResult,
  load,
  printTable,
  residentMemoryMiB,
  spawnServer,
} from './lib.js';

/** The targets of the foundation issue. */
export const targets = {
  homeShareOfBare: 0.3,
  homeP99Ms: 25,
  warmStartMs: 3000,
  idleMemoryMiB: 200,
} as const;

export interface HttpBenchOptions {
  /** Seconds of measured load per URL (after a short warm-up). */
  readonly seconds: number;
  readonly connections: number;
}

/** Runs the HTTP benchmark and prints its tables. */
export async function benchHttp(options: HttpBenchOptions): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'integrity-bench-'));
  const servers: ChildServer[] = [];
  try {
    const port = await freePort();
    const env = {
      DATA_DIR: dataDir,
      // An empty variable counts as unset: the benchmark always runs on the embedded PGlite.
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DEMO: 'false',
      NODE_ENV: 'production',
    };
    const app = { script: 'dist/server.js', env, port, readyPath: '/health' };

    console.log('Starting the server on a new data folder (creates and migrates it)…');
    const first = await spawnServer(app);
    await first.stop();
    // A user account, so the home page is the home page and not the first-run setup.
    const database = await openDatabase({ dataDir });
    if ((await database.db.selectFrom('users').select('id').executeTakeFirst()) === undefined) {
      await database.db
        .insertInto('users')
        .values({ username: 'bench', email: 'bench@example.invalid', name: 'Bench Mark' })
        .execute();
    }
    await database.close();

    console.log('Starting it again on the existing data folder (warm start)…');
    const server = await spawnServer(app);
    servers.push(server);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleMiB = residentMemoryMiB(server.pid);
    const home = await fetch(`${server.url}/`, { redirect: 'manual' });
    await home.arrayBuffer();
    if (home.status !== 200) throw new Error(`GET / answered ${home.status}, expected the home page`);

    const barePort = await freePort();
    const bare = await spawnServer({
      script: 'bench/bare-server.ts',
      args: [String(barePort)],
      port: barePort,
      readyPath: '/',
    });
    servers.push(bare);

    const measure = async (label: string, url: string): Promise<LoadResult> => {
      console.log(`Loading ${label} (${options.connections} connections, ${options.seconds} s)…`);
      await load(url, { connections: options.connections, seconds: Math.min(2, options.seconds) });
      return load(url, options);
    };
    const bareResult = await measure('the bare Fastify app', `${bare.url}/`);
    const homeResult = await measure('the home page', `${server.url}/`);
    const healthResult = await measure('/health', `${server.url}/health`);
    const loadedMiB = residentMemoryMiB(server.pid);

    const row = (label: string, r: LoadResult): string[] => [
      label,
      r.requestsPerSecond.toFixed(0),
      `${r.p50.toFixed(1)} ms`,
      `${r.p99.toFixed(1)} ms`,
      `${((r.requestsPerSecond / bareResult.requestsPerSecond) * 100).toFixed(0)} %`,
      String(r.errors + r.non2xx),
    ];
    printTable(
      `HTTP throughput (autocannon, ${options.connections} connections, ${options.seconds} s, loopback)`,
      ['endpoint', 'req/s', 'p50', 'p99', 'vs bare', 'errors/non-2xx'],
      [
        row('bare Fastify (constant string)', bareResult),
        row('GET / (home page)', homeResult),
        row('GET /health', healthResult),
      ],
    );

    const share = homeResult.requestsPerSecond / bareResult.requestsPerSecond;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    printTable(
      'Targets',
      ['measure', 'measured', 'target', 'result'],
      [
        [
          'home page throughput vs bare',
          `${(share * 100).toFixed(0)} %`,
          `>= ${targets.homeShareOfBare * 100} %`,
          verdict(share >= targets.homeShareOfBare),
        ],
        [
          'home page p99',
          `${homeResult.p99.toFixed(1)} ms`,
          `< ${targets.homeP99Ms} ms`,
          verdict(homeResult.p99 < targets.homeP99Ms),
        ],
        [
          'warm start (spawn to first 200 on /health)',
          `${server.startMs.toFixed(0)} ms`,
          `< ${targets.warmStartMs} ms`,
          verdict(server.startMs < targets.warmStartMs),
        ],
        [
          'idle resident memory (VmRSS)',
          idleMiB === undefined ? 'n/a' : `${idleMiB.toFixed(0)} MiB`,
          `< ${targets.idleMemoryMiB} MB`,
          idleMiB === undefined ? 'n/a' : verdict(idleMiB < targets.idleMemoryMiB),
        ],
      ],
    );
    printTable(
      'Other figures',
      ['measure', 'value'],
      [
        ['first start on an empty data folder (creates, migrates)', `${first.startMs.toFixed(0)} ms`],
        ['resident memory after the load', loadedMiB === undefined ? 'n/a' : `${loadedMiB.toFixed(0)} MiB`],
      ],
    );
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

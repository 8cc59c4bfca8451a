import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { randomToken, sha256Hex } from '../src/platform/crypto/tokens.js';
import type { Db } from '../src/platform/db/database.js';

/** The repository root, where the servers are started from. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A server in a child process of its own (node with tsx), so load and server do not share a loop. */
export interface ChildServer {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly url: string;
  /** Milliseconds from spawn to the first 200 on `readyPath`. */
  readonly startMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `node <script>` (through tsx for a .ts script) and waits until `readyPath` answers 200.
 * Output is discarded except the last lines of stderr, shown if the server dies before it is up.
 */
export async function spawnServer(options: {
  readonly script: string;
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  readonly port: number;
  readonly readyPath: string;
  readonly timeoutMs?: number;
}): Promise<ChildServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  // Built JavaScript (dist/) runs on node alone, as `npm start` does; TypeScript goes through tsx.
  const loader = options.script.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, options.script, ...(options.args ?? [])], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = started + (options.timeoutMs ?? 60_000);
  let startMs: number | undefined;
  while (startMs === undefined) {
    if (child.exitCode !== null) throw new Error(`${options.script} exited (${child.exitCode}):\n${stderr}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script} did not answer on ${options.readyPath} in time:\n${stderr}`);
    }
    try {
      const response = await fetch(`${url}${options.readyPath}`);
      await response.arrayBuffer();
      if (response.status === 200) startMs = performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (startMs === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    process: child,
    pid: child.pid ?? 0,
    url,
    startMs,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS). */
export function residentMemoryMiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One load measurement. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Loads `url` with autocannon (keep-alive, no pipelining) for `seconds`. */
export async function load(
  url: string,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Prints rows as a plain-text table with aligned columns. */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** `--name=value` from the command line. */
export function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Signs `userId` in by writing an active session straight into the database (benchmarks measure
 * the work behind a login, not the login): returns the cookie value for `sid`.
 */
export async function plantSession(db: Db, userId: string): Promise<string> {
  const cookie = randomToken(32);
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(cookie),
      user_id: userId,
      stage: 'active',
      method: 'password',
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 6 * 3_600_000),
    })
    .execute();
  return cookie;
}

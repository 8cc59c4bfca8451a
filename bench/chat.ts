// Live chat benchmark (issue 4): the real server (dist/server.js, as `npm start` runs it) in a child
// process, on PGlite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server —
// on a fresh database there. Real `ws` clients on loopback.
// (a) 2,000 visitors wait in one topic; agents claim one every 100 ms with the console's "take
//     next" form: the time from sending the claim to each waiting visitor receiving its new
//     position (p50, p99; an upper bound on "from the commit": it includes the claim's own
//     request, whose p50 is shown). Then claims back to back: position updates per second,
//     against a bare `ws` server (bench/bare-ws-server.ts) broadcasting the same number of
//     frames of the same shape to the same number of clients in the same run.
// (b) 200 active chats in another topic exchanging messages both ways: delivery p50/p99.
// (c) resident memory of the server with the 2,000 waiting visitors connected (and at the end).
// The visitors' chats are made with the real service (`startChat`) on the server's database
// before the server starts; the claims go through HTTP. A report, not a test.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { assignWaiting, hashVisitorToken, startChat } from '../src/contact/chat/chat.service.js';
import { listTopics, seedDefaultTopics } from '../src/contact/topics.js';
import { type Db, openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import {
  type ChildServer,
  freePort,
  plantSession,
  printTable,
  residentMemoryMiB,
  spawnServer,
} from './lib.js';

export const targets = {
  positionP99Ms: 250,
  deliveryP99Ms: 50,
  memoryMiB: 400,
  throughputRatio: 0.3,
} as const;

const CAPACITY = 10;
const CLAIMERS = 20; // "take next" needs a free slot: 20 agents × 10 slots = 200 claims

/** The sizes of the run; `--quick` (a smoke run of the benchmark itself) makes them small. */
export interface ChatBenchSizes {
  readonly waiting: number;
  readonly pacedClaims: number;
  readonly burstClaims: number;
  readonly chats: number;
  readonly chatSeconds: number;
}

export const FULL_SIZES: ChatBenchSizes = {
  waiting: 2_000,
  pacedClaims: 150,
  burstClaims: 50,
  chats: 200,
  chatSeconds: 10,
};
export const QUICK_SIZES: ChatBenchSizes = {
  waiting: 300,
  pacedClaims: 30,
  burstClaims: 10,
  chats: 20,
  chatSeconds: 3,
};
let WAITING = FULL_SIZES.waiting;
let PACED_CLAIMS = FULL_SIZES.pacedClaims; // one every 100 ms: 15 s
let BURST_CLAIMS = FULL_SIZES.burstClaims;
let CHATS = FULL_SIZES.chats;
let CHAT_SECONDS = FULL_SIZES.chatSeconds;

const alwaysOpen = {
  timeZone: 'Europe/Brussels',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
  ),
  closedOnHolidays: false,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Waits until `done()` holds (checked every 20 ms) or `ms` passed; returns whether it held. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

interface Seeded {
  readonly queued: { token: string }[];
  readonly chatting: { token: string; conversationId: string }[];
  readonly claimerCookies: string[];
  readonly chatAgentCookies: string[];
  readonly watcherCookie: string;
}

async function addAgent(
  db: Db,
  options: { availability: 'available' | 'away'; capacity: number; topicId: string },
): Promise<{ userId: string; cookie: string }> {
  const tag = randomBytes(5).toString('hex');
  const user = await db
    .insertInto('users')
    .values({
      username: `bench-agent-${tag}`,
      email: `${tag}@example.invalid`,
      name: `Agent ${tag.slice(0, 4)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'agent' }).execute();
  await db
    .insertInto('contact_agents')
    .values({
      user_id: user.id,
      availability: options.availability,
      capacity: options.capacity,
      seen_at: new Date(),
    })
    .execute();
  await db
    .insertInto('contact_agent_topics')
    .values({ user_id: user.id, topic_id: options.topicId })
    .execute();
  const cookie = await plantSession(db, user.id);
  return { userId: user.id, cookie };
}

/**
 * Topics open around the clock; in `general` one available agent with a full slot (so the queue
 * has an estimate), 20 claimers away (no automatic assignment: only their "take next"), 2,000
 * waiting visitors; in `integrity` 20 available agents with 200 active chats.
 */
async function seed(db: Db, env: Record<string, string>): Promise<Seeded> {
  await migrateToLatest(db);
  await seedDefaultTopics(db);
  await db
    .updateTable('contact_topics')
    .set({ opening_hours: JSON.stringify(alwaysOpen) })
    .execute();
  const topics = await listTopics(db);
  const general = topics.find((t) => t.slug === 'general');
  const integrity = topics.find((t) => t.slug === 'integrity');
  if (!general || !integrity) throw new Error('the default topics are missing');
  const config = loadConfig({ ...process.env, ...env });
  const ctx = () => ({ db, now: new Date(), config });
  const visitor = (topicId: string, i: number) =>
    startChat(ctx(), {
      topicId,
      name: `Visitor ${i}`,
      locale: i % 3 === 0 ? 'en' : 'nl',
      visitorKeyHash: null,
    });

  const watcher = await addAgent(db, { availability: 'available', capacity: 1, topicId: general.id });
  await visitor(general.id, 0);
  await assignWaiting(ctx());
  const chatAgentCookies: string[] = [];
  for (let i = 0; i < CHATS / CAPACITY; i++) {
    chatAgentCookies.push(
      (await addAgent(db, { availability: 'available', capacity: CAPACITY, topicId: integrity.id })).cookie,
    );
  }
  const chatting: { token: string; conversationId: string }[] = [];
  for (let i = 0; i < CHATS; i++) {
    const { conversationId, visitorToken } = await visitor(integrity.id, i);
    chatting.push({ token: visitorToken, conversationId });
  }
  await assignWaiting(ctx());
  const claimerCookies: string[] = [];
  for (let i = 0; i < CLAIMERS; i++) {
    claimerCookies.push(
      (await addAgent(db, { availability: 'away', capacity: CAPACITY, topicId: general.id })).cookie,
    );
  }
  // The waiting visitors as `startChat` writes them, in a few statements (2,000 transactions take
  // a minute on PGlite; the queue is what is measured, not how it filled).
  const queued: { token: string }[] = [];
  const start = Date.now() - WAITING;
  for (let from = 0; from < WAITING; from += 500) {
    const rows = [];
    for (let i = from; i < Math.min(WAITING, from + 500); i++) {
      const token = randomBytes(32).toString('base64url');
      queued.push({ token });
      const at = new Date(start + i);
      rows.push({
        kind: 'chat' as const,
        topic_id: general.id,
        state: 'queued' as const,
        locale: i % 3 === 0 ? ('en' as const) : ('nl' as const),
        visitor_name: `Visitor ${i}`,
        visitor_token_hash: hashVisitorToken(token),
        queued_at: at,
        visitor_seen_at: at,
        created_at: at,
        updated_at: at,
      });
    }
    await db.insertInto('contact_conversations').values(rows).execute();
  }
  return { queued, chatting, claimerCookies, chatAgentCookies, watcherCookie: watcher.cookie };
}

/** Opens a socket; resolves once it is open (rejects on an HTTP refusal). */
function connect(
  url: string,
  headers: Record<string, string>,
  onFrame: (frame: Record<string, unknown>) => void,
) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.on('message', (data) => onFrame(JSON.parse(data.toString()) as Record<string, unknown>));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`${url} answered ${response.statusCode}`)),
    );
    ws.once('error', reject);
  });
}

/** Connects in batches of `batch` at a time. */
async function inBatches<T>(
  items: readonly T[],
  batch: number,
  task: (item: T, index: number) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += batch) {
    await Promise.all(items.slice(i, i + batch).map((item, j) => task(item, i + j)));
  }
}

/** A console session able to post "take next": the CSRF cookie and token from the console page. */
async function consoleForm(base: string, sid: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${base}/console`, { headers: { cookie: `sid=${sid}` } });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`/console answered ${page.status}`);
  const csrf = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('csrf='));
  const token = /name="_csrf"[^>]*value="([^"]*)"/.exec(html)?.[1];
  if (!csrf || !token) throw new Error('no CSRF token on /console');
  return { cookie: `sid=${sid}; ${csrf}`, token };
}

async function takeNext(base: string, form: { cookie: string; token: string }): Promise<void> {
  const response = await fetch(`${base}/console/take-next`, {
    method: 'POST',
    headers: { cookie: form.cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: form.token }),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const location = response.headers.get('location') ?? '';
  if (response.status !== 303 || !location.includes('taken')) {
    throw new Error(`take next answered ${response.status} ${location}`);
  }
}

interface RunResult {
  readonly name: string;
  readonly seedSeconds: number;
  /** The machine's 1-minute load average when the measurements began (others share it). */
  readonly loadAverage: number;
  readonly positionP50: number;
  readonly positionP99: number;
  readonly positionUpdates: number;
  readonly positionMissing: number;
  readonly claimP50: number;
  readonly claimP99: number;
  readonly claimsDone: number;
  readonly burstDone: number;
  readonly appPositionsPerSecond: number;
  readonly appFramesPerSecond: number;
  readonly barePerSecond: number;
  readonly deliveryP50: number;
  readonly deliveryP99: number;
  readonly delivered: number;
  readonly lost: number;
  readonly memoryWaitingMiB: number;
  readonly memoryEndMiB: number;
}

async function runOne(
  name: string,
  database: { dataDir?: string; databaseUrl?: string },
): Promise<RunResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATA_DIR: database.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'integrity-bench-chat-'))),
    DATABASE_URL: database.databaseUrl ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    COOKIE_SECURE: 'false',
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Seeding takes a while: nobody may be swept out of the queue before their socket connects.
    CHAT_GRACE_SECONDS: '3600',
  };
  const sockets: WebSocket[] = [];
  let server: ChildServer | undefined;
  let bare: ChildServer | undefined;
  const runStarted = performance.now();
  const at = () => `${((performance.now() - runStarted) / 1000).toFixed(0)} s`;
  try {
    console.log(
      `\nChat (${name}): seeding ${WAITING.toLocaleString('en')} waiting visitors and ${CHATS} chats…`,
    );
    const seedStarted = performance.now();
    const opened = await openDatabase(
      database.databaseUrl ? { databaseUrl: database.databaseUrl } : { dataDir: env.DATA_DIR },
    );
    let seeded: Seeded;
    try {
      seeded = await seed(opened.db, env);
    } finally {
      await opened.close();
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`Chat (${name}, ${at()}): starting the server, connecting the visitors…`);
    server = await spawnServer({
      script: 'dist/server.js',
      env,
      port,
      readyPath: '/health',
      timeoutMs: 120_000,
    });
    const wsBase = `ws://127.0.0.1:${port}`;
    const origin = base;

    // (c) and the set-up of (a): 2,000 waiting visitors.
    const visitors = seeded.queued.map(() => ({ first: 0, last: 0, active: false }));
    const latencies: number[] = [];
    const sentAt: number[] = []; // sentAt[j] = when claim j (1-based) was sent
    let phase: 'connect' | 'paced' | 'burst' = 'connect';
    let burstPositions = 0;
    let burstFrames = 0;
    let lastBurstFrameAt = 0;
    await inBatches(seeded.queued, 100, async (v, i) => {
      const state = visitors[i];
      if (!state) return;
      const ws = await connect(
        `${wsBase}/contact/chat/socket`,
        { cookie: `chat=${v.token}`, origin },
        (frame) => {
          if (frame.type !== 'status') return;
          if (frame.state !== 'queued') {
            state.active = true;
            return;
          }
          const position = Number(frame.position);
          if (!state.first) {
            state.first = position;
            state.last = position;
            return;
          }
          if (position >= state.last) return;
          const now = performance.now();
          if (phase === 'paced') {
            const claim = sentAt[state.first - position];
            if (claim !== undefined) latencies.push(now - claim);
          } else if (phase === 'burst') {
            burstPositions += state.last - position;
            burstFrames++;
            lastBurstFrameAt = now;
          }
          state.last = position;
        },
      );
      sockets.push(ws);
    });
    await until(() => visitors.every((v) => v.first > 0), 30_000);
    await sleep(2_000);
    const memoryWaitingMiB = residentMemoryMiB(server.pid) ?? Number.NaN;

    // Agents: the watcher keeps `general` staffed; the chat agents of (b) receive their chats.
    const agentChats = new Map<WebSocket, string[]>();
    const pendingToVisitor = new Map<string, number>();
    const pendingToAgent = new Map<string, number>();
    const delivery: number[] = [];
    const agentSocket = async (cookie: string, writes: boolean) => {
      const chats: string[] = [];
      const ws = await connect(`${wsBase}/console/socket`, { cookie: `sid=${cookie}`, origin }, (frame) => {
        if (frame.type === 'chat') chats.push(String((frame.chat as { id: string }).id));
        if (frame.type === 'message') {
          const body = String((frame.message as { body: string }).body);
          const sent = pendingToAgent.get(body);
          if (sent !== undefined) {
            delivery.push(performance.now() - sent);
            pendingToAgent.delete(body);
          }
        }
      });
      if (writes) agentChats.set(ws, chats);
      sockets.push(ws);
    };
    // The watcher only keeps `general` staffed (its one chat's visitor is not connected).
    await agentSocket(seeded.watcherCookie, false);
    await inBatches(seeded.chatAgentCookies, 10, (cookie) => agentSocket(cookie, true));
    const chatVisitors: WebSocket[] = [];
    await inBatches(seeded.chatting, 50, async (c) => {
      const ws = await connect(
        `${wsBase}/contact/chat/socket`,
        { cookie: `chat=${c.token}`, origin },
        (frame) => {
          if (frame.type !== 'message') return;
          const body = String((frame.message as { body: string }).body);
          const sent = pendingToVisitor.get(body);
          if (sent !== undefined) {
            delivery.push(performance.now() - sent);
            pendingToVisitor.delete(body);
          }
        },
      );
      chatVisitors.push(ws);
      sockets.push(ws);
    });
    const forms = await Promise.all(seeded.claimerCookies.map((sid) => consoleForm(base, sid)));
    await sleep(1_000);

    // (a) paced claims, one every 100 ms, each by the next claimer in turn.
    console.log(`Chat (${name}, ${at()}): ${PACED_CLAIMS} claims, one every 100 ms…`);
    phase = 'paced';
    const loadAverage = os.loadavg()[0] ?? Number.NaN;
    const claimTimes: number[] = [];
    const started = performance.now();
    const claims: Promise<void>[] = [];
    for (let j = 1; j <= PACED_CLAIMS; j++) {
      const due = started + (j - 1) * 100;
      await sleep(Math.max(0, due - performance.now()));
      const form = forms[(j - 1) % CLAIMERS];
      if (!form) continue;
      sentAt[j] = performance.now();
      claims.push(
        takeNext(base, form).then(() => void claimTimes.push(performance.now() - (sentAt[j] ?? 0))),
      );
    }
    // Bounded: a saturated server must not hold the run hostage.
    await Promise.race([Promise.all(claims), sleep(30_000)]);
    const claimsDone = claimTimes.length;
    const waitingAfter = (claimsSoFar: number) => visitors.filter((v) => v.first > claimsSoFar);
    await until(() => waitingAfter(PACED_CLAIMS).every((v) => v.last === v.first - PACED_CLAIMS), 15_000);
    const positionMissing = waitingAfter(PACED_CLAIMS).filter(
      (v) => v.last !== v.first - PACED_CLAIMS,
    ).length;
    await sleep(500);

    // Throughput: claims back to back, against the bare server.
    console.log(
      `Chat (${name}, ${at()}): up to ${BURST_CLAIMS} claims back to back, then the bare ws server…`,
    );
    phase = 'burst';
    const burstStarted = performance.now();
    let burstDone = 0;
    while (burstDone < BURST_CLAIMS && performance.now() - burstStarted < 10_000) {
      const form = forms[(PACED_CLAIMS + burstDone) % CLAIMERS];
      if (form) await takeNext(base, form);
      burstDone++;
    }
    const total = PACED_CLAIMS + burstDone;
    await until(() => waitingAfter(total).every((v) => v.last === v.first - total), 30_000);
    const burstSeconds = (lastBurstFrameAt - burstStarted) / 1000;
    const appPositionsPerSecond = burstPositions / burstSeconds;
    const appFramesPerSecond = burstFrames / burstSeconds;

    const barePort = await freePort();
    bare = await spawnServer({
      script: 'bench/bare-ws-server.ts',
      args: [String(barePort)],
      port: barePort,
      readyPath: '/health',
    });
    const bareClients = waitingAfter(PACED_CLAIMS).length; // as many as the app updated in the burst
    let bareReceived = 0;
    let lastBareAt = 0;
    const bareSockets: WebSocket[] = [];
    await inBatches(
      Array.from({ length: bareClients }, (_, i) => i),
      100,
      async () => {
        const ws = await connect(`ws://127.0.0.1:${barePort}/`, {}, (frame) => {
          if (frame.type === 'status' && Number(frame.position) > 0) {
            bareReceived++;
            lastBareAt = performance.now();
          }
        });
        bareSockets.push(ws);
      },
    );
    const template = {
      type: 'status',
      state: 'queued',
      position: 0,
      estimate: { kind: 'range', lowMinutes: 12, highMinutes: 19 },
      agentName: null,
      text: 'U bent nummer 1234 in de wachtrij. Geschatte wachttijd: 12 tot 19 minuten.',
    };
    const bareStarted = performance.now();
    const rounds = Math.max(1, Math.round(burstFrames / Math.max(1, bareClients)));
    await fetch(`http://127.0.0.1:${barePort}/broadcast?rounds=${rounds}`, {
      method: 'POST',
      body: JSON.stringify(template),
    });
    await until(() => bareReceived >= rounds * bareClients, 30_000);
    const barePerSecond = bareReceived / ((lastBareAt - bareStarted) / 1000);
    for (const ws of bareSockets) ws.terminate();
    await bare.stop();
    bare = undefined;

    // (b) 200 chats: each visitor writes every 1.5 s, each agent answers its chats in turn every 600 ms.
    console.log(`Chat (${name}, ${at()}): ${CHATS} chats exchanging messages for ${CHAT_SECONDS} s…`);
    let counter = 0;
    const chatDeadline = performance.now() + CHAT_SECONDS * 1000;
    const visitorLoops = chatVisitors.map(async (ws, i) => {
      await sleep((i * 1500) / chatVisitors.length);
      while (performance.now() < chatDeadline) {
        // Bodies are stored trimmed: no trailing space, or the echo would not match.
        const body = `v${counter++} ${'hallo '.repeat(8).trim()}`;
        pendingToAgent.set(body, performance.now());
        ws.send(JSON.stringify({ type: 'message', body }));
        await sleep(1500);
      }
    });
    const agentLoops = [...agentChats].map(async ([ws, chats], i) => {
      if (chats.length === 0) return;
      await sleep((i * 600) / agentChats.size);
      let turn = 0;
      while (performance.now() < chatDeadline) {
        const conversationId = chats[turn++ % chats.length];
        const body = `a${counter++} ${'goedemiddag '.repeat(6).trim()}`;
        pendingToVisitor.set(body, performance.now());
        ws.send(JSON.stringify({ type: 'message', conversationId, body }));
        await sleep(600);
      }
    });
    await Promise.all([...visitorLoops, ...agentLoops]);
    // A visitor's own message comes back to them too: only the other side's copy counts.
    await until(() => pendingToAgent.size === 0 && pendingToVisitor.size === 0, 5_000);
    const lost = pendingToAgent.size + pendingToVisitor.size;
    const memoryEndMiB = residentMemoryMiB(server.pid) ?? Number.NaN;

    return {
      name,
      seedSeconds,
      loadAverage,
      positionP50: percentile(latencies, 50),
      positionP99: percentile(latencies, 99),
      positionUpdates: latencies.length,
      positionMissing,
      claimP50: percentile(claimTimes, 50),
      claimP99: percentile(claimTimes, 99),
      claimsDone,
      burstDone,
      appPositionsPerSecond,
      appFramesPerSecond,
      barePerSecond,
      deliveryP50: percentile(delivery, 50),
      deliveryP99: percentile(delivery, 99),
      delivered: delivery.length,
      lost,
      memoryWaitingMiB,
      memoryEndMiB,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    await bare?.stop();
    await server?.stop();
    if (!database.dataDir && env.DATA_DIR) await rm(env.DATA_DIR, { recursive: true, force: true });
  }
}

/** A fresh database on the PostgreSQL server of `serverUrl`, dropped by the returned function. */
async function freshPostgres(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_chat_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Runs the chat benchmark on PGlite (and PostgreSQL when configured) and prints its tables. */
export async function benchChat(sizes: ChatBenchSizes = FULL_SIZES): Promise<void> {
  ({
    waiting: WAITING,
    pacedClaims: PACED_CLAIMS,
    burstClaims: BURST_CLAIMS,
    chats: CHATS,
    chatSeconds: CHAT_SECONDS,
  } = sizes);
  const results: RunResult[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'integrity-bench-chat-'));
  try {
    results.push(await runOne('PGlite', { dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const fresh = await freshPostgres(serverUrl);
    try {
      results.push(await runOne('PostgreSQL', { databaseUrl: fresh.url }));
    } finally {
      await fresh.drop();
    }
  } else {
    console.log('\nChat: no BENCH_DATABASE_URL or TEST_DATABASE_URL, PostgreSQL skipped.');
  }

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  for (const r of results) {
    const ratio = r.appPositionsPerSecond / r.barePerSecond;
    printTable(
      `Live chat (${r.name}; ${WAITING.toLocaleString('en')} waiting, ${CHATS} chats; seeded in ${r.seedSeconds.toFixed(0)} s; load average ${r.loadAverage.toFixed(1)} on ${os.cpus().length} CPUs)`,
      ['measure', 'measured', 'target', 'result'],
      [
        [
          '(a) claim → new position, p50 / p99',
          `${ms(r.positionP50)} / ${ms(r.positionP99)}`,
          `p99 < ${targets.positionP99Ms} ms`,
          verdict(r.positionP99 < targets.positionP99Ms),
        ],
        [
          '    position updates measured, visitors behind',
          `${r.positionUpdates}, ${r.positionMissing}`,
          '',
          '',
        ],
        [
          '    the claim request itself, p50 / p99 (done)',
          `${ms(r.claimP50)} / ${ms(r.claimP99)} (${r.claimsDone}/${PACED_CLAIMS})`,
          '',
          '',
        ],
        [
          '    positions/s back to back vs bare ws frames/s',
          `${r.appPositionsPerSecond.toFixed(0)} vs ${r.barePerSecond.toFixed(0)} (${ratio.toFixed(2)}×)`,
          `>= ${targets.throughputRatio}×`,
          verdict(ratio >= targets.throughputRatio),
        ],
        [`    status frames/s back to back (${r.burstDone} claims)`, r.appFramesPerSecond.toFixed(0), '', ''],
        [
          '(b) message delivery, p50 / p99',
          `${ms(r.deliveryP50)} / ${ms(r.deliveryP99)}`,
          `p99 < ${targets.deliveryP99Ms} ms`,
          verdict(r.deliveryP99 < targets.deliveryP99Ms),
        ],
        ['    messages delivered, lost', `${r.delivered}, ${r.lost}`, '', ''],
        [
          `(c) server memory with ${WAITING.toLocaleString('en')} waiting (RSS)`,
          `${r.memoryWaitingMiB.toFixed(0)} MiB`,
          `< ${targets.memoryMiB} MB`,
          verdict(r.memoryWaitingMiB < targets.memoryMiB),
        ],
        [
          `    at the end (+${CHATS} chats, ${CHATS / CAPACITY + 1} agents)`,
          `${r.memoryEndMiB.toFixed(0)} MiB`,
          '',
          '',
        ],
      ],
    );
  }
}

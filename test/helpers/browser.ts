import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/platform/clock.js';
import type { OpenDatabase } from '../../src/platform/db/database.js';
import { openTestDatabase } from './database.js';

/** Debian's Chromium: playwright-core never downloads a browser of its own. */
export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; one per spec file (`before`), closed in `after`. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Context options for journeys made with JavaScript switched off in the page. */
export const withoutJavaScript: BrowserContextOptions = { javaScriptEnabled: false };

/** The real application listening on a loopback port, on its own fresh test database. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly database: OpenDatabase;
  readonly db: OpenDatabase['db'];
  readonly config: Config;
  close(): Promise<void>;
}

/**
 * Starts the whole application (`buildApp`, the same as `npm start` builds) on 127.0.0.1 and a
 * free port, with the system clock so TOTP codes computed by the test match the server's.
 * `env` overrides configuration variables; `setupToken` opens the first-run setup.
 */
export async function startServer(
  options: { env?: Record<string, string>; setupToken?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Report files go to a folder of this server's own, removed at close.
  const uploadDir = await mkdtemp(path.join(tmpdir(), 'idesk-e2e-uploads-'));
  const config = loadConfig({
    UPLOAD_DIR: uploadDir,
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    ...options.env,
  });
  const database = await openTestDatabase();
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    logger: false,
    ...(options.setupToken ? { setupToken: options.setupToken } : {}),
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    app,
    database,
    db: database.db,
    config,
    close: async () => {
      await app.close();
      await database.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function loadAxe(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** Contexts opened with JavaScript off: axe cannot run in their pages. */
const scriptlessContexts = new WeakMap<BrowserContext, BrowserContextOptions>();
/** For each of those, a JavaScript-enabled page where their pages are checked; closed with it. */
const twins = new WeakMap<BrowserContext, Promise<Page>>();

function twinPage(context: BrowserContext): Promise<Page> {
  let twin = twins.get(context);
  if (!twin) {
    const browser = context.browser();
    if (!browser) throw new Error('checkA11y: the context has no browser');
    // Same language and viewport as the original, so the same page is rendered.
    const options = scriptlessContexts.get(context) ?? {};
    twin = browser.newContext({ ...options, javaScriptEnabled: true }).then(async (twinContext) => {
      context.once('close', () => void twinContext.close().catch(() => {}));
      await twinContext.route('**/build/**', (route) => route.abort());
      return twinContext.newPage();
    });
    twins.set(context, twin);
  }
  return twin;
}

/**
 * Opens a context; `javaScript: false` makes the no-JS journeys. Cookies and language are the
 * test's to set. Every test should close what it opens.
 */
export async function newContext(
  browser: Browser,
  options: { javaScript?: boolean; locale?: string } & BrowserContextOptions = {},
): Promise<BrowserContext> {
  const { javaScript = true, locale = 'nl-BE', ...rest } = options;
  const context = await browser.newContext({ locale, ...rest, javaScriptEnabled: javaScript });
  if (!javaScript) scriptlessContexts.set(context, { locale, ...rest });
  return context;
}

interface AxeNode {
  readonly target: readonly unknown[];
  readonly html: string;
  readonly failureSummary?: string;
}
interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly AxeNode[];
}

/**
 * Runs axe-core on the page as it is now and fails on any violation of impact serious or
 * critical, listing each rule with the elements that break it.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` with a string), which the
 * page's Content-Security-Policy does not govern, so no CSP bypass is needed. A page whose
 * context has JavaScript switched off cannot run it: its HTML is shown again, at the same URL and
 * with the page's own scripts blocked, in a JavaScript-enabled context and checked there.
 */
export async function checkA11y(page: Page, options: { readonly label?: string } = {}): Promise<void> {
  const label = options.label ?? page.url();
  const context = page.context();
  if (scriptlessContexts.has(context)) {
    // The twin is served exactly the HTML this page shows (also the answer to a form post),
    // at the same URL so that the stylesheet loads, without running the page's scripts.
    const twin = await twinPage(context);
    const url = page.url();
    const html = await page.content();
    await twin.route(
      url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      {
        times: 1,
      },
    );
    await twin.goto(url);
    await runAxe(twin, label);
    return;
  }
  await runAxe(page, label);
}

async function runAxe(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(loadAxe());
  // A string expression, not a function: tsx would add helpers that do not exist in the page.
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    })))`,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(`Accessibility violations on ${label}:\n${report}`);
}

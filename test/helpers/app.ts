import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { manualClock } from '../../src/platform/clock.js';
import type { OpenDatabase } from '../../src/platform/db/database.js';
import { openTestDatabase } from './database.js';

export type TestClock = ReturnType<typeof manualClock>;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: OpenDatabase;
  readonly db: OpenDatabase['db'];
  readonly clock: TestClock;
  readonly config: Config;
  close(): Promise<void>;
}

/**
 * Builds the real application on a fresh test database with a manual clock.
 * `env` overrides configuration variables (as strings, exactly as the environment would).
 */
export async function createTestApp(
  options: { env?: Record<string, string>; setupToken?: string; database?: OpenDatabase } = {},
): Promise<TestApp> {
  // Each app gets its own upload folder, removed on close (unless the test chose one).
  const uploadDir = options.env?.UPLOAD_DIR
    ? undefined
    : await mkdtemp(path.join(tmpdir(), 'idesk-uploads-'));
  const config = loadConfig({
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'silent',
    ...(uploadDir ? { UPLOAD_DIR: uploadDir } : {}),
    ...options.env,
  });
  const database = options.database ?? (await openTestDatabase());
  const clock = manualClock(new Date());
  const app = await buildApp({
    config,
    database,
    clock,
    logger: false,
    ...(options.setupToken ? { setupToken: options.setupToken } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    clock,
    config,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
      if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser-like client over `app.inject()`: keeps cookies, reads the CSRF token from the last
 * page and sends it with forms, follows nothing by itself (tests assert on redirects).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  lastBody = '';

  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.#send('GET', url, undefined, headers);
  }

  /** Posts a url-encoded form; the CSRF token of the last page is added unless `_csrf` is given. */
  async post(
    url: string,
    form: Record<string, string | readonly string[]> = {},
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (!('_csrf' in form)) params.append('_csrf', this.csrf);
    for (const [key, value] of Object.entries(form)) {
      for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
    }
    return this.#send('POST', url, params.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  /** GETs a page to pick up cookies and its CSRF token, then posts the form. */
  async submit(
    pageUrl: string,
    form: Record<string, string | readonly string[]>,
    action = pageUrl,
  ): Promise<LightMyRequestResponse> {
    await this.get(pageUrl);
    return this.post(action, form);
  }

  async #send(
    method: 'GET' | 'POST',
    url: string,
    payload: string | undefined,
    headers: Record<string, string>,
  ): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload } : {}),
      headers: { ...this.headers, ...(cookie ? { cookie } : {}), ...headers },
    });
    for (const c of response.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    if ((response.headers['content-type'] ?? '').toString().startsWith('text/html')) {
      this.lastBody = response.body;
      const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
      if (match?.[1]) this.csrf = match[1];
    }
    return response;
  }
}

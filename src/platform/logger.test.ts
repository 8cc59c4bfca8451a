import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase } from '../../test/helpers/database.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { systemClock } from './clock.js';
import type { OpenDatabase } from './db/database.js';
import { loggerOptions } from './logger.js';

describe('request logging', () => {
  const lines: string[] = [];
  let database: OpenDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    database = await openTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'info', COOKIE_SECURE: 'false' });
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    app = await buildApp({
      config,
      database,
      clock: systemClock,
      logger: { ...loggerOptions(config), stream },
    });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('never writes the client address, forwarded headers, user agent or query string to the log', async () => {
    await app.inject({
      method: 'GET',
      url: '/?receipt=1234567812345678',
      remoteAddress: '203.0.113.77',
      headers: { 'user-agent': 'MarkerAgent/9.9', 'x-forwarded-for': '198.51.100.88' },
    });
    const log = lines.join('');
    assert.match(log, /request completed/, 'the request was logged at all');
    for (const marker of ['203.0.113.77', '198.51.100.88', 'MarkerAgent', '1234567812345678']) {
      assert.ok(!log.includes(marker), `log contains ${marker}`);
    }
  });
});

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('works with no configuration at all: port 3000, ./data, embedded database, secure cookies', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.cookieSecure, true);
    assert.equal(config.oidc, undefined);
    assert.equal(config.demo, false);
    assert.ok(Object.isFrozen(config));
  });

  it('uses ./data-demo in demo mode unless DATA_DIR is set', () => {
    assert.equal(loadConfig({ DEMO: 'true' }).dataDir, path.resolve('./data-demo'));
    assert.equal(loadConfig({ DEMO: 'true', DATA_DIR: '/tmp/x' }).dataDir, '/tmp/x');
  });

  it('treats an empty variable as not set', () => {
    assert.equal(loadConfig({ PORT: '', DATABASE_URL: '' }).port, 3000);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe', SMTP_URL: 'http://mail' });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      const joined = error.problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'COOKIE_SECURE', 'SMTP_URL'])
        assert.match(joined, new RegExp(name));
      assert.equal(error.problems.length, 4);
    }
  });

  it('requires the three OIDC variables together', () => {
    assert.throws(() => loadConfig({ OIDC_ISSUER: 'https://id.example' }), /must be set together/);
    const config = loadConfig({
      OIDC_ISSUER: 'https://id.example',
      OIDC_CLIENT_ID: 'desk',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    assert.deepEqual(
      { ...config.oidc },
      { issuer: 'https://id.example', clientId: 'desk', clientSecret: 's3cret' },
    );
  });

  it('reads TRUST_PROXY as off, a hop count or a list of proxy addresses', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy, '10.0.0.1,10.0.0.0/8');
    assert.throws(() => loadConfig({ TRUST_PROXY: 'everyone' }), /TRUST_PROXY/);
  });

  it('accepts COOKIE_SECURE=false for local http and strips a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({ COOKIE_SECURE: 'false', PUBLIC_URL: 'https://integriteit.example/' });
    assert.equal(config.cookieSecure, false);
    assert.equal(config.publicUrl, 'https://integriteit.example');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { loginAs } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import { formatRecoveryKey } from '../../platform/crypto/envelope.js';

const PASSWORD = 'correct horse battery staple';

/** Hostile probes of the key pages: redirects, brute force, secrets in answers. */
describe('key pages under attack', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('sends nobody off-site with any spelling of next', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys/unlock');
    const nexts = [
      '//evil.example',
      '/\\evil.example',
      '/%5Cevil.example',
      '/\t/evil.example',
      'https:evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example',
      'javascript:alert(1)',
      ' //evil.example',
    ];
    for (const next of nexts) {
      const page = await client.get(`/account/keys/unlock?next=${encodeURIComponent(next)}`);
      assert.ok(!/href="\/\/|href="\/\\|href="javascript|href="https?:/.test(page.body), next);
    }
    for (const next of nexts) {
      await client.post('/account/keys/lock', {});
      await client.get('/account/keys/unlock');
      const response = await client.post('/account/keys/unlock', { secret: PASSWORD, next });
      assert.equal(response.statusCode, 303, next);
      const location = String(response.headers.location);
      assert.ok(
        location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'),
        location,
      );
      assert.ok(!/^\/[\t\\]/.test(location), location);
    }
  });

  it('blocks guessing recovery keys after five tries, even with the right key after', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys/recover');
    for (let i = 0; i < 5; i++) {
      const guess = formatRecoveryKey(Buffer.alloc(32, i + 1));
      const wrong = await client.post('/account/keys/recover', { recoveryKey: guess, secret: PASSWORD });
      assert.equal(wrong.statusCode, 422);
    }
    const right = await client.post('/account/keys/recover', {
      recoveryKey: formatRecoveryKey(recipient.recoveryKey),
      secret: PASSWORD,
    });
    assert.equal(right.statusCode, 429);
    const unlock = await client.post('/account/keys/unlock', { secret: PASSWORD });
    assert.equal(unlock.statusCode, 429, 'the unlock form shares the count');
  });

  it('never echoes a secret or recovery key back into a page', async () => {
    const recipient = await createRecipientForTest(t.db);
    const client = await loginAs(t, recipient);
    await client.get('/account/keys/recover');
    const key = formatRecoveryKey(recipient.recoveryKey);
    const refused = await client.post('/account/keys/recover', {
      recoveryKey: key,
      secret: 'not my password at all',
    });
    assert.equal(refused.statusCode, 422);
    assert.ok(!refused.body.includes(key));
    assert.ok(!refused.body.includes('not my password at all'));
    const wrong = await client.post('/account/keys/unlock', { secret: 'a wrong password here' });
    assert.ok(!wrong.body.includes('a wrong password here'));
  });
});

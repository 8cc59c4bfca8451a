import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

describe('multipart forms', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const post = (body: string, boundary = 'XyZ') =>
    t.app.inject({
      method: 'POST',
      url: '/report/channel/integriteit',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });

  it('refuses a body that breaks before its CSRF token was read, as a post without a token (403)', async () => {
    const protoFirst = [
      '--XyZ',
      'Content-Disposition: form-data; name="__proto__"',
      '',
      'x',
      '--XyZ--',
      '',
    ].join('\r\n');
    const truncated = ['--XyZ', 'Content-Disposition: form-data; name="_csrf"'].join('\r\n');
    for (const body of [protoFirst, truncated, 'garbage']) {
      const response = await post(body);
      assert.equal(response.statusCode, 403, body.slice(0, 40));
      assert.equal(
        response.headers['set-cookie'] === undefined ||
          !String(response.headers['set-cookie']).includes('report_draft'),
        true,
      );
    }
  });

  it('refuses a token that is not the first part', async () => {
    const body = [
      '--XyZ',
      'Content-Disposition: form-data; name="identity"',
      '',
      'anonymous',
      '--XyZ',
      'Content-Disposition: form-data; name="_csrf"',
      '',
      'whatever',
      '--XyZ--',
      '',
    ].join('\r\n');
    assert.equal((await post(body)).statusCode, 403);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { toAppError } from './error-handler.js';

describe('error handler: text the database cannot store', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('treats PostgreSQL’s NUL-character errors as the client’s fault and anything else as internal', () => {
    assert.equal(
      toAppError(Object.assign(new Error('invalid byte sequence'), { code: '22021' })).code,
      'bad_request',
    );
    assert.equal(
      toAppError(Object.assign(new Error('unsupported Unicode escape'), { code: '22P05' })).code,
      'bad_request',
    );
    assert.equal(toAppError(Object.assign(new Error('deadlock'), { code: '40P01' })).code, 'internal');
  });

  it('answers a login name with a NUL character with 400, not 500, and starts no session', async () => {
    const client = new TestClient(t.app);
    const response = await client.submit('/login', { login: 'jan\u0000peeters', password: 'whatever it is' });
    assert.equal(response.statusCode, 400);
    assert.equal(client.cookies.has('sid'), false);
  });

  it('answers NUL characters in admin forms and searches with 400 and changes nothing', async () => {
    const admin = await createUserForTest(t.db, { roles: ['admin'] });
    const client = await loginAs(t, admin);
    const search = await client.get('/admin/users?q=%00');
    assert.equal(search.statusCode, 400);
    const settings = await client.submit('/admin/settings', {
      organisationNameNl: 'Gemeente\u0000',
      organisationNameEn: 'Municipality',
      contactEmail: '',
    });
    assert.equal(settings.statusCode, 400);
    const stored = await t.db
      .selectFrom('settings')
      .select('key')
      .where('key', '<>', 'reporting.channels_seeded')
      .execute();
    assert.deepEqual(stored, [], 'no setting was saved');
    const entity = await client.submit('/admin/entities', {
      nameNl: 'Dienst\u0000',
      nameEn: 'Service',
      parentId: '',
    });
    assert.equal(entity.statusCode, 400);
    assert.equal(
      (await t.db.selectFrom('entities').select('id').execute()).length,
      0,
      'no entity was created',
    );
  });
});

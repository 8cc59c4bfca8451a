import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.js';
import { unique } from '../../../test/helpers/database.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import { SESSION_COOKIE } from '../../identity/session.service.js';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import { createReport } from '../report-store.js';
import { findCurrentVersion, listCategories } from './channel.repository.js';

const XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

/** Hostile text typed into the channel administration must reach every page as text, never markup. */
describe('channel administration under attack', () => {
  let t: TestApp;
  let admin: TestClient;

  before(async () => {
    t = await createTestApp();
    admin = await loginAs(t, await createUserForTest(t.db, { roles: ['admin'] }));
  });
  after(() => t.close());

  it('renders names, categories, questions, help and options as text on the public form and the handler page', async () => {
    const slug = unique('xss-').toLowerCase().slice(0, 30);
    const created = await admin.submit('/admin/channels/new', {
      nameNl: `Kanaal ${XSS}`,
      nameEn: `Channel ${XSS}`,
      slug,
      introNl: `Intro ${XSS}`,
      introEn: `Intro ${XSS}`,
      audience: 'everyone',
      active: 'yes',
      position: '50',
    });
    assert.equal(created.statusCode, 303, created.body);
    const id = /channels\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
    assert.equal(
      (
        await admin.submit(
          `/admin/channels/${id}`,
          { labelNl: `Cat ${XSS}`, labelEn: `Cat ${XSS}` },
          `/admin/channels/${id}/categories`,
        )
      ).statusCode,
      303,
    );
    const added = await admin.submit(`/admin/channels/${id}/questionnaire/new`, {
      baseVersion: '1',
      type: 'single_choice',
      required: 'no',
      labelNl: `Vraag ${XSS}`,
      labelEn: `Question ${XSS}`,
      helpNl: `Hulp ${XSS}`,
      helpEn: `Help ${XSS}`,
      optionsNl: `Een ${XSS}\nTwee`,
      optionsEn: `One ${XSS}\nTwo`,
    });
    assert.equal(added.statusCode, 303, added.body);
    const handler = await createRecipientForTest(t.db);
    const recipients = await admin.submit(
      `/admin/channels/${id}`,
      { recipients: handler.id },
      `/admin/channels/${id}/recipients`,
    );
    assert.equal(recipients.statusCode, 303, recipients.body);

    const pages = [
      await admin.get('/admin/channels'),
      await admin.get(`/admin/channels/${id}`),
      await admin.get(`/admin/channels/${id}/questionnaire`),
      await admin.get(`/admin/channels/${id}/questionnaire/versions/2`),
      await new (admin.constructor as typeof TestClient)(t.app).get(`/report/channel/${slug}`),
      await new (admin.constructor as typeof TestClient)(t.app).get('/report'),
    ];
    const version = await findCurrentVersion(t.db, id);
    const [category] = await listCategories(t.db, id);
    const question = version!.questions.at(-1)!;
    const report = await createReport(
      t.db,
      t.config,
      {
        channelId: id,
        categoryId: category!.id,
        questionnaireVersionId: version!.id,
        identityMode: 'anonymous',
        source: 'online',
        answers: { [question.id]: question.options[0]!.id },
        identity: null,
        notifyAddress: null,
        excludedUserIds: [],
        files: [],
        createdBy: null,
      },
      { now: t.clock.now(), origin: { kind: 'anonymous', label: 'reporter' } },
    );
    const client = await loginAs(t, handler);
    t.app.keyring.put(
      sha256Hex(client.cookies.get(SESSION_COOKIE)!),
      {
        userId: handler.id,
        publicKey: handler.keys.publicKey,
        secretKey: Buffer.from(handler.keys.secretKey),
      },
      t.clock.now().getTime(),
    );
    pages.push(await client.get('/handling'), await client.get(`/handling/reports/${report.reportId}`));
    for (const page of pages) {
      assert.ok(page.statusCode < 400, `${page.statusCode}`);
      assert.ok(!page.body.includes('<script>alert'), 'a script tag got through');
      assert.ok(!page.body.includes('<img src=x'), 'an img tag got through');
    }
    assert.match(pages.at(-1)!.body, /&lt;script/, 'shown as text');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
} from '../../../test/helpers/reporting.js';
import {
  everyTypeQuestions,
  type FormFields,
  formVersion,
  ReporterClient,
} from './reporter-client.testkit.js';
import { DRAFT_COOKIE } from './submit.routes.js';

let addressCounter = 10;
function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter}`;
}

describe('the report form under attack', () => {
  let t: TestApp;
  let channel: TestChannel;
  let form: string;

  before(async () => {
    t = await createTestApp({ env: { REPORT_MAX_FILES: '2', REPORT_MAX_FILE_MB: '1' } });
    const alice = await createRecipientForTest(t.db, { name: 'Alice Behandelaar' });
    channel = await createChannelForTest(t.db, { recipients: [alice.id], questions: everyTypeQuestions });
    form = `/report/channel/${channel.slug}`;
  });
  after(() => t.close());

  function complete(version: string, extra: FormFields = {}): FormFields {
    return {
      version,
      identity: 'anonymous',
      category: channel.categoryId,
      q_what: 'Facturen worden dubbel betaald aan dezelfde leverancier.',
      strip_metadata: 'no',
      ...extra,
    };
  }

  it('a draft id planted in a victim’s browser no longer opens the draft once the victim posts the form', async () => {
    const attacker = new ReporterClient(t.app, { remoteAddress: freshAddress() });
    const page = await attacker.get(form);
    await attacker.postForm(form, { version: formVersion(page.body), q_where: 'lokaas' });
    const planted = attacker.cookies.get(DRAFT_COOKIE);
    assert.ok(planted, 'the attacker holds a draft id');

    const victim = new ReporterClient(t.app, { remoteAddress: freshAddress() });
    victim.cookies.set(DRAFT_COOKIE, planted);
    const victimPage = await victim.get(form);
    const posted = await victim.postForm(
      form,
      complete(formVersion(victimPage.body), { q_what: 'Geheim: de directeur steelt.' }),
    );
    assert.equal(posted.statusCode, 303);
    assert.notEqual(victim.cookies.get(DRAFT_COOKIE), planted, 'the victim’s browser got a new draft id');
    const own = await victim.get(`${form}/review`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes('de directeur steelt'));

    const spied = await attacker.get(`${form}/review`);
    assert.ok(!spied.body.includes('de directeur steelt'), 'the planted id reads nothing of the victim');
    const spiedForm = await attacker.get(form);
    assert.ok(!spiedForm.body.includes('de directeur steelt'));
  });

  it('lists and keeps a file under the extension of its detected type, without bidirectional tricks', async () => {
    const client = new ReporterClient(t.app, { remoteAddress: freshAddress() });
    const page = await client.get(form);
    const posted = await client.postForm(form, complete(formVersion(page.body)), [
      { field: 'file_evidence', filename: 'bewijs.html', data: Buffer.from('<script>alert(1)</script>') },
      {
        field: 'file_evidence',
        filename: 'rapport\u202efdp.svg',
        data: Buffer.from('<svg onload=alert(1)>'),
      },
    ]);
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 500));
    const review = await client.get(`${form}/review`);
    assert.ok(review.body.includes('bewijs.html.txt'), 'a text file named as a page is kept as text');
    assert.ok(review.body.includes('rapportfdp.svg.txt'));
    assert.ok(!review.body.includes('\u202e'));
  });

  it('leaves a draft alone while it is being sent: a form post meanwhile is told to wait', async () => {
    const client = new ReporterClient(t.app, { remoteAddress: freshAddress() });
    const page = await client.get(form);
    const fields = complete(formVersion(page.body));
    const evidence = Buffer.from('Bewijs: factuur 2026-17 dubbel betaald.\n');
    await client.postForm(form, fields, [{ field: 'file_evidence', filename: 'bewijs.txt', data: evidence }]);
    const draft = t.app.reportDrafts.get(client.cookies.get(DRAFT_COOKIE), t.clock.now().getTime());
    assert.ok(draft?.files[0]);
    draft.sending = true; // as while "send" is encrypting and storing it
    try {
      const meanwhile = await client.postForm(form, {
        ...fields,
        q_what: 'Toch iets anders.',
        remove_file: draft.files[0].id,
      });
      assert.equal(meanwhile.statusCode, 409);
      assert.equal(draft.files.length, 1, 'the file being sent is not removed');
      assert.ok(draft.files[0].data.equals(evidence), 'nor zeroed under the sender');
      assert.equal(draft.values.q_what, fields.q_what);
    } finally {
      draft.sending = false;
    }
  });

  it('keeps at most a draft’s allowance of typed text in memory, whatever fields a post carries', async () => {
    const drafts = t.app.reportDrafts;
    const before = drafts.totalBytes;
    const junk: FormFields = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`junk_${i}`, 'x'.repeat(90_000)]),
    );
    for (let i = 0; i < 3; i++) {
      const client = new ReporterClient(t.app, { remoteAddress: freshAddress() });
      const page = await client.get(form);
      // Incomplete (no identity chosen): the form comes back, and what was posted is kept.
      const response = await client.postForm(form, { version: formVersion(page.body), ...junk });
      assert.ok(response.statusCode < 500);
    }
    // 3 posts × 3.6 MB of text: without a cap about 21 MB (estimated as UTF-16) would be held.
    assert.ok(
      drafts.totalBytes - before < 3 * 2.5 * 1024 * 1024,
      `drafts grew by ${drafts.totalBytes - before} bytes`,
    );
  });
});

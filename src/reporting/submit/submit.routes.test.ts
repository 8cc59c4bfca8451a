import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUserForTest } from '../../../test/helpers/factories.js';
import {
  createChannelForTest,
  createRecipientForTest,
  type TestChannel,
  type TestRecipient,
} from '../../../test/helpers/reporting.js';
import { pngChunkCrc } from '../files/strip-metadata.js';
import { parseReceipt } from '../receipt.js';
import { openWithReceipt } from '../report-crypto.js';
import { readReportFile } from '../report-files.js';
import { readAnswers, readIdentity, readReportFiles } from '../report-store.js';
import {
  everyTypeQuestions,
  type FormFields,
  formVersion,
  ReporterClient,
  receiptOf,
  reviewRevision,
  type UploadPart,
} from './reporter-client.testkit.js';
import { DRAFT_COOKIE, SENDS_PER_CLIENT_PER_HOUR } from './submit.routes.js';

/** A small PNG with an author text chunk (hidden data the reporter wants gone). */
function pngWithText(text: string): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(pngChunkCrc(type, data), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Author\0${text}`, 'latin1')),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let addressCounter = 10;
/** A fresh client address per test, so that per-client throttles do not mix tests. */
function freshAddress(): string {
  addressCounter += 1;
  return `192.0.2.${addressCounter}`;
}

async function countReports(t: TestApp, channelId: string): Promise<number> {
  const row = await t.db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('channel_id', '=', channelId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the reporter’s way in (/report…)', () => {
  let t: TestApp;
  let alice: TestRecipient;
  let bob: TestRecipient;
  let channel: TestChannel;
  let form: string;

  before(async () => {
    t = await createTestApp({ env: { REPORT_MAX_FILES: '3', REPORT_MAX_FILE_MB: '1' } });
    alice = await createRecipientForTest(t.db, { name: 'Alice Behandelaar' });
    bob = await createRecipientForTest(t.db, { name: 'Bob Onderzoeker', roles: ['investigator'] });
    channel = await createChannelForTest(t.db, {
      recipients: [alice.id, bob.id],
      questions: everyTypeQuestions,
    });
    form = `/report/channel/${channel.slug}`;
  });
  after(() => t.close());

  /** Opens the form and returns a client with its cookies and the version of the form. */
  async function openForm(client = new ReporterClient(t.app, { remoteAddress: freshAddress() })) {
    const page = await client.get(form);
    assert.equal(page.statusCode, 200);
    return { client, version: formVersion(page.body) };
  }

  function complete(version: string, extra: FormFields = {}): FormFields {
    return {
      version,
      identity: 'anonymous',
      category: channel.categoryId,
      q_what: 'Facturen worden dubbel betaald aan dezelfde leverancier.',
      q_where: 'Dienst aankoop',
      q_kind: 'fraud',
      q_how: ['heard', 'saw'],
      q_when: '14/03/2026',
      q_ongoing: 'yes',
      strip_metadata: 'yes',
      ...extra,
    };
  }

  it('shows the ways to report, the active channels, the external channel and the follow-up, without setting cookies', async () => {
    const inactive = await createChannelForTest(t.db, { recipients: [alice.id], active: false });
    const response = await t.app.inject({ method: 'GET', url: '/report' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Een melding maken<\/h1>/);
    assert.ok(response.body.includes(`href="/report/channel/${channel.slug}"`));
    assert.ok(
      !response.body.includes(`/report/channel/${inactive.slug}`),
      'an inactive channel is not listed',
    );
    assert.ok(response.body.includes('Vlaamse Ombudsdienst'));
    assert.ok(response.body.includes('0800 240 50'));
    assert.ok(response.body.includes('href="/report/follow-up"'));
    assert.equal(response.headers['set-cookie'], undefined);

    const english = await t.app.inject({ method: 'GET', url: '/report', headers: { cookie: 'lang=en' } });
    assert.match(english.body, /<h1[^>]*>Make a report<\/h1>/);
  });

  it('takes an anonymous report from the form through review to a receipt shown once, with the photo’s hidden data removed', async () => {
    const { client, version } = await openForm();
    const photo = pngWithText('Camera of Jan at 51.05N 3.72E');
    const posted = await client.postForm(form, complete(version), [
      { field: 'file_evidence', filename: 'C:\\Users\\jan\\foto.png', data: photo, contentType: 'image/png' },
    ]);
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 2000));
    assert.equal(posted.headers.location, `${form}/review`);
    const cookie = client.setCookies.find((c) => c.startsWith(`${DRAFT_COOKIE}=`)) ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.doesNotMatch(cookie, /Max-Age|Expires/i, 'the draft cookie lives for the session only');
    assert.equal(await countReports(t, channel.channelId), 0, 'nothing is stored before sending');

    const review = await client.get(`${form}/review`);
    assert.equal(review.statusCode, 200);
    assert.ok(review.body.includes('Facturen worden dubbel betaald'));
    assert.ok(review.body.includes('foto.png'), 'the file is listed by name');
    assert.ok(!review.body.includes('Users'), 'without the path the browser sent');
    assert.ok(review.body.includes('14 maart 2026'));
    assert.ok(review.body.includes('Gehoord') && review.body.includes('Gezien'));
    assert.ok(review.body.includes('Anoniem'));

    const sent = await client.post(`${form}/review`, { revision: reviewRevision(review.body) });
    assert.equal(sent.statusCode, 200, sent.body.slice(0, 2000));
    assert.equal(sent.headers['cache-control'], 'no-store');
    assert.match(sent.body, /\d{4} \d{4} \d{4} \d{4}/);
    assert.ok(sent.body.includes('href="/report/follow-up"'));
    assert.ok(!client.cookies.has(DRAFT_COOKIE), 'the draft cookie is cleared');
    const receipt = parseReceipt(receiptOf(sent.body));
    assert.ok(receipt);

    const opened = await openWithReceipt(t.db, receipt);
    assert.ok(opened, 'the receipt opens the report');
    const report = await t.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', opened.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(report.identity_mode, 'anonymous');
    assert.equal(report.source, 'online');
    assert.equal(report.created_by, null);
    assert.equal(report.category_id, channel.categoryId);
    const answers = readAnswers(report, opened.reportKey);
    assert.equal(answers.what, 'Facturen worden dubbel betaald aan dezelfde leverancier.');
    assert.equal(answers.when, '2026-03-14');
    assert.deepEqual(answers.how, ['saw', 'heard']);
    assert.equal(answers.ongoing, 'yes');
    const files = await readReportFiles(t.db, report.id, opened.reportKey);
    assert.equal(files.length, 1);
    assert.equal(files[0]?.filename, 'foto.png');
    assert.equal(files[0]?.mediaType, 'image/png');
    assert.deepEqual(answers.evidence, [files[0]?.id]);
    const stored = await readReportFile(t.db, t.config.reporting.uploadDir, {
      reportId: report.id,
      fileId: files[0]?.id ?? '',
      reportKey: opened.reportKey,
    });
    assert.ok(stored);
    assert.ok(!stored.data.includes('Camera of Jan'), 'the text chunk is gone');
    assert.ok(stored.data.length < photo.length);

    // Sending again (a reload, a replayed post) stores nothing twice.
    client.cookies.set(DRAFT_COOKIE, /report_draft=([^;]+)/.exec(cookie)?.[1] ?? '');
    const replay = await client.post(`${form}/review`, { revision: reviewRevision(review.body) });
    assert.equal(replay.statusCode, 410);
    assert.ok(replay.body.includes('al verstuurd of verlopen'));
    assert.equal(await countReports(t, channel.channelId), 1);

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('type', '=', 'report.submitted')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, 'reporter');
  });

  it('keeps everything typed and every accepted file when the form has errors, and refuses forged ids', async () => {
    const reportsBefore = await countReports(t, channel.channelId);
    const { client, version } = await openForm();
    const first = await client.postForm(
      form,
      complete(version, {
        q_what: '',
        q_where: 'Magazijn <b>Noord</b>',
        q_kind: 'forged-option',
        q_when: '31/02/2026',
        category: '00000000-0000-4000-8000-000000000000',
        exclude: [alice.id, '00000000-0000-4000-8000-000000000001'],
        notify_email: 'geen-adres',
        q_forged: 'never stored',
      }),
      [{ field: 'file_evidence', filename: 'nota.txt', data: Buffer.from('Notities over de facturen.\n') }],
    );
    assert.equal(first.statusCode, 422);
    const body = first.body;
    assert.ok(body.includes('data-error-summary'));
    for (const message of [
      'Vraag what: Beantwoord deze vraag.',
      'Kies een van de getoonde antwoorden.',
      'Vul een datum in die bestaat',
      'Kies een van de getoonde onderwerpen.',
      'Duid alleen mensen uit de getoonde lijst aan.',
      'Vul een geldig e-mailadres in',
    ]) {
      assert.ok(body.includes(message), `the page says: ${message}`);
    }
    assert.ok(
      body.includes('value="Magazijn &lt;b>Noord&lt;/b>"') ||
        body.includes('value="Magazijn &lt;b&gt;Noord&lt;/b&gt;"'),
      'typed text is kept, escaped',
    );
    assert.ok(body.includes('value="31/02/2026"'), 'a wrong date comes back as typed');
    assert.ok(body.includes('value="geen-adres"'));
    assert.match(body, /value="heard"[^>]*checked|checked[^>]*value="heard"/);
    assert.ok(body.includes('nota.txt'), 'the accepted file is listed');
    assert.ok(body.includes('name="remove_file"'), 'with a box to remove it');
    assert.equal(await countReports(t, channel.channelId), reportsBefore);

    // Fixed, without choosing the file again: it was kept.
    const fixed = await client.postForm(form, complete(version, { exclude: alice.id }));
    assert.equal(fixed.statusCode, 303, fixed.body.slice(0, 3000));
    const review = await client.get(`${form}/review`);
    assert.ok(review.body.includes('nota.txt'));
    assert.ok(
      review.body.includes('Alice Behandelaar'),
      'the excluded recipient is named on the review page',
    );
    assert.ok(!review.body.includes('never stored'));

    // "Change" leads back to the form with everything, and "remove" drops the file.
    const change = await client.get(form);
    assert.ok(change.body.includes('Facturen worden dubbel betaald'));
    const fileId = /name="remove_file" type="checkbox" value="([^"]+)"/.exec(change.body)?.[1] ?? '';
    assert.ok(fileId, 'the kept file has a remove box');
    const removed = await client.postForm(form, complete(version, { remove_file: fileId }));
    assert.equal(removed.statusCode, 303);
    const again = await client.get(`${form}/review`);
    assert.ok(!again.body.includes('nota.txt'));
  });

  it('refuses executables and files of other types by name, and says when a file is too large or too many', async () => {
    const { client, version } = await openForm();
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0, 'latin1');
    const files: UploadPart[] = [
      { field: 'file_evidence', filename: 'factuur.pdf', data: pe },
      { field: 'file_evidence', filename: 'script.js', data: Buffer.from('alert(1)') },
      { field: 'file_evidence', filename: 'data.bin', data: Buffer.from([0, 1, 2, 3, 4, 5]) },
    ];
    const refused = await client.postForm(form, complete(version), files);
    assert.equal(refused.statusCode, 422);
    assert.ok(refused.body.includes('factuur.pdf is een programma of script'));
    assert.ok(refused.body.includes('script.js is een programma of script'));
    assert.ok(refused.body.includes('data.bin wordt niet aanvaard'));
    assert.ok(!refused.body.includes('name="remove_file"'), 'nothing refused is kept');

    const big = await client.postForm(form, complete(version), [
      { field: 'file_evidence', filename: 'groot.txt', data: Buffer.alloc(1024 * 1024 + 10, 0x61) },
    ]);
    assert.equal(big.statusCode, 422);
    assert.ok(big.body.includes('groter dan 1 MB'));

    const many = await client.postForm(
      form,
      complete(version),
      ['a', 'b', 'c', 'd'].map((n) => ({
        field: 'file_evidence',
        filename: `${n}.txt`,
        data: Buffer.from(`tekst ${n}`),
      })),
    );
    assert.equal(many.statusCode, 422);
    assert.ok(many.body.includes('hoogstens 3 bestanden'));
    assert.equal((many.body.match(/name="remove_file"/g) ?? []).length, 3, 'the first three are kept');
  });

  it('asks for name and contact of a confidential report and keeps them out of an anonymous one', async () => {
    const { client, version } = await openForm();
    const missing = await client.postForm(form, complete(version, { identity: 'confidential' }));
    assert.equal(missing.statusCode, 422);
    assert.ok(missing.body.includes('Vul uw naam in'));
    assert.ok(missing.body.includes('Vul in hoe we u kunnen bereiken'));

    const anonymous = await client.postForm(
      form,
      complete(version, { identity: 'anonymous', name: 'Jan Janssens', contact: '0470' }),
    );
    assert.equal(anonymous.statusCode, 303);
    const review = await client.get(`${form}/review`);
    assert.ok(!review.body.includes('Jan Janssens'), 'an anonymous report carries no name');
    const change = await client.get(form);
    assert.ok(!change.body.includes('Jan Janssens'), 'not even in the draft');

    const confidential = await client.postForm(
      form,
      complete(version, {
        identity: 'confidential',
        name: 'Jan Janssens',
        contact: '0470 12 34 56',
        notify_email: 'jan@example.org',
      }),
    );
    assert.equal(confidential.statusCode, 303);
    const reviewed = await client.get(`${form}/review`);
    const sent = await client.post(`${form}/review`, { revision: reviewRevision(reviewed.body) });
    assert.equal(sent.statusCode, 200);
    const opened = await openWithReceipt(t.db, parseReceipt(receiptOf(sent.body))!);
    assert.ok(opened);
    const report = await t.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', opened.reportId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(readIdentity(report, opened.reportKey), {
      name: 'Jan Janssens',
      contact: '0470 12 34 56',
    });
    assert.ok(report.notify_address, 'the notification address is stored, encrypted');
    assert.ok(!report.notify_address.includes('jan@example.org'));
  });

  it('refuses to exclude everyone who could read the report', async () => {
    const { client, version } = await openForm();
    const response = await client.postForm(form, complete(version, { exclude: [alice.id, bob.id] }));
    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes('Zo blijft er niemand over die uw melding kan lezen'));
  });

  it('answers a filled honeypot with the field shown and explained, keeping nothing', async () => {
    const { client, version } = await openForm();
    const response = await client.postForm(form, complete(version, { website: 'http://spam.example' }), [
      { field: 'file_evidence', filename: 'nota.txt', data: Buffer.from('tekst') },
    ]);
    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes('Dit veld moet leeg blijven'));
    assert.ok(response.body.includes('Facturen worden dubbel betaald'), 'what was typed is kept on the page');
    assert.ok(!response.body.includes('nota.txt'), 'the file is not kept');
    assert.ok(!client.cookies.has(DRAFT_COOKIE), 'no draft was made');
    const review = await client.get(`${form}/review`);
    assert.equal(review.statusCode, 410);
  });

  it('hides the honeypot from people: off screen, out of the tab order and the accessibility tree, never autofilled', async () => {
    const { client } = await openForm();
    const body = client.lastBody;
    const honeypot = /<div class="report-hp" aria-hidden="true">.*?<\/div>/s.exec(body)?.[0] ?? '';
    assert.ok(honeypot.includes('name="website"'));
    assert.match(honeypot, /tabindex="-1"/i);
    assert.match(honeypot, /autocomplete="off"/);
    assert.ok(honeypot.includes('Laat dit veld leeg'));
  });

  it('shows a clear message instead of the form for a channel that cannot receive reports', async () => {
    const keyless = await createUserForTest(t.db, { roles: ['handler'] });
    const noKeys = await createChannelForTest(t.db, { recipients: [keyless.id] });
    const inactive = await createChannelForTest(t.db, { recipients: [alice.id], active: false });
    for (const slug of [noKeys.slug, inactive.slug]) {
      const page = await t.app.inject({ method: 'GET', url: `/report/channel/${slug}` });
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('kan op dit moment geen meldingen ontvangen'));
      assert.ok(!page.body.includes('name="identity"'), 'no form');
    }
    const unknown = await t.app.inject({ method: 'GET', url: '/report/channel/does-not-exist' });
    assert.equal(unknown.statusCode, 404);
    const odd = await t.app.inject({ method: 'GET', url: '/report/channel/..%2F..%2Fetc' });
    assert.equal(odd.statusCode, 404);
  });

  it('says that a staff channel is meant for staff, without asking to log in', async () => {
    const staff = await createChannelForTest(t.db, { recipients: [alice.id], audience: 'staff' });
    const page = await t.app.inject({ method: 'GET', url: `/report/channel/${staff.slug}` });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('bedoeld voor personeelsleden'));
    assert.ok(page.body.includes('name="identity"'));
  });

  it('sends the form back when the questionnaire changed since it was shown', async () => {
    const own = await createChannelForTest(t.db, { recipients: [alice.id], questions: everyTypeQuestions });
    const client = new ReporterClient(t.app, { remoteAddress: freshAddress() });
    const page = await client.get(`/report/channel/${own.slug}`);
    const version = formVersion(page.body);
    await t.db
      .insertInto('questionnaire_versions')
      .values({
        channel_id: own.channelId,
        version: 2,
        questions: JSON.stringify(everyTypeQuestions.slice(0, 2)),
      })
      .execute();
    const response = await client.postForm(`/report/channel/${own.slug}`, {
      ...complete(version),
      category: own.categoryId,
    });
    assert.equal(response.statusCode, 422);
    assert.ok(response.body.includes('De vragen van dit kanaal zijn intussen gewijzigd'));
    assert.ok(response.body.includes('Facturen worden dubbel betaald'));
    const next = await client.postForm(`/report/channel/${own.slug}`, {
      ...complete(formVersion(response.body)),
      category: own.categoryId,
    });
    assert.equal(next.statusCode, 303);
  });

  it('never answers 500 to forged or broken posts', async () => {
    const { client, version } = await openForm();
    const arrays = await client.postForm(
      form,
      complete(version, { q_what: ['a', 'b'], identity: ['anonymous', 'named'] }),
    );
    assert.equal(arrays.statusCode, 422);
    const nul = await client.postForm(form, complete(version, { q_where: 'a\u0000b' }));
    assert.equal(nul.statusCode, 422);
    assert.ok(nul.body.includes('tekens die we niet kunnen bewaren'));
    const long = await client.postForm(form, complete(version, { q_where: 'x'.repeat(501) }));
    assert.equal(long.statusCode, 422);
    const badCsrf = await t.app.inject({
      method: 'POST',
      url: form,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nforged\r\n--x--\r\n',
    });
    assert.equal(badCsrf.statusCode, 403);
    const urlEncoded = await client.post(form, { identity: 'anonymous' });
    assert.equal(urlEncoded.statusCode, 415);
    const sendWithoutDraft = await new ReporterClient(t.app).post(`${form}/review`, { revision: '1' });
    assert.ok([403, 410].includes(sendWithoutDraft.statusCode));
    const truncated = await t.app.inject({
      method: 'POST',
      url: form,
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      payload: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrf}\r\n--x\r\nContent-Disposition: form-data; name="q_what"\r\n\r\nhalf`,
    });
    assert.ok(truncated.statusCode < 500, `a truncated body answers ${truncated.statusCode}`);
  });

  it(`refuses a sixth report from the same client within the hour with 429, keeping the draft`, async () => {
    const address = freshAddress();
    for (let i = 0; i < SENDS_PER_CLIENT_PER_HOUR; i++) {
      const { client, version } = await openForm(new ReporterClient(t.app, { remoteAddress: address }));
      assert.equal((await client.postForm(form, complete(version))).statusCode, 303);
      const review = await client.get(`${form}/review`);
      assert.equal(
        (await client.post(`${form}/review`, { revision: reviewRevision(review.body) })).statusCode,
        200,
      );
    }
    const { client, version } = await openForm(new ReporterClient(t.app, { remoteAddress: address }));
    assert.equal((await client.postForm(form, complete(version))).statusCode, 303);
    const review = await client.get(`${form}/review`);
    const refused = await client.post(`${form}/review`, { revision: reviewRevision(review.body) });
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.ok(refused.body.includes('Wacht'));
    t.clock.advance(61 * 60 * 1000 - 1);
    // The draft lived on (60 minutes after its last change would have passed: make a fresh one).
    const { client: later, version: v2 } = await openForm(
      new ReporterClient(t.app, { remoteAddress: address }),
    );
    assert.equal((await later.postForm(form, complete(v2))).statusCode, 303);
    const laterReview = await later.get(`${form}/review`);
    assert.equal(
      (await later.post(`${form}/review`, { revision: reviewRevision(laterReview.body) })).statusCode,
      200,
    );
  });
});

describe('the global ceiling on submissions', () => {
  let t: TestApp;
  let channel: TestChannel;
  before(async () => {
    t = await createTestApp({ env: { REPORT_SUBMISSIONS_PER_MINUTE: '2' } });
    const alice = await createRecipientForTest(t.db);
    channel = await createChannelForTest(t.db, { recipients: [alice.id], questions: everyTypeQuestions });
  });
  after(() => t.close());

  it('refuses a third report within a minute from anyone with 429 and accepts it a minute later', async () => {
    const form = `/report/channel/${channel.slug}`;
    const prepare = async (address: string) => {
      const client = new ReporterClient(t.app, { remoteAddress: address });
      const version = formVersion((await client.get(form)).body);
      const posted = await client.postForm(form, {
        version,
        identity: 'anonymous',
        category: 'unknown',
        q_what: 'Iets',
        strip_metadata: 'yes',
      });
      assert.equal(posted.statusCode, 303);
      const review = await client.get(`${form}/review`);
      return { client, revision: reviewRevision(review.body) };
    };
    for (const address of ['198.51.100.1', '198.51.100.2']) {
      const { client, revision } = await prepare(address);
      assert.equal((await client.post(`${form}/review`, { revision })).statusCode, 200);
    }
    const { client, revision } = await prepare('198.51.100.3');
    const refused = await client.post(`${form}/review`, { revision });
    assert.equal(refused.statusCode, 429);
    assert.ok(refused.body.includes('erg veel meldingen'));
    t.clock.advance(61_000);
    assert.equal((await client.post(`${form}/review`, { revision })).statusCode, 200);
  });
});

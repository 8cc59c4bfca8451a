import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp, TestClient } from '../../../test/helpers/app.js';
import { unique } from '../../../test/helpers/database.js';
import { createUserForTest, loginAs } from '../../../test/helpers/factories.js';
import { createRecipientForTest } from '../../../test/helpers/reporting.js';
import type { Role } from '../../identity/role.js';
import { findCurrentVersion, listCategories } from './channel.repository.js';

const nonAdminRoles: readonly Role[] = [
  'staff',
  'manager',
  'counselor',
  'handler',
  'investigator',
  'discipline',
  'agent',
  'coordinator',
];

describe('channel administration pages', () => {
  let t: TestApp;
  let client: TestClient;

  before(async () => {
    t = await createTestApp();
    const admin = await createUserForTest(t.db, { roles: ['admin'] });
    client = await loginAs(t, admin);
  });
  after(() => t.close());

  const countRows = async (table: 'report_channels' | 'audit_events' | 'questionnaire_versions') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const channelForm = (over: Record<string, string | string[]> = {}) => ({
    nameNl: 'Meldpunt test',
    nameEn: 'Test reporting point',
    slug: unique('kanaal-').toLowerCase(),
    introNl: 'Meld hier.',
    introEn: 'Report here.',
    audience: 'everyone',
    active: 'yes',
    position: '50',
    ...over,
  });

  /** Creates a channel through the form and returns its id. */
  async function createChannel(over: Record<string, string> = {}): Promise<string> {
    const response = await client.submit('/admin/channels/new', channelForm(over));
    assert.equal(response.statusCode, 303, response.body);
    const match = /^\/admin\/channels\/([0-9a-f-]{36})\?done=created$/.exec(
      String(response.headers.location),
    );
    assert.ok(match?.[1], String(response.headers.location));
    return match[1];
  }

  it('seeds the three default channels when the app starts, and lists them with a warning', async () => {
    const response = await client.get('/admin/channels');
    assert.equal(response.statusCode, 200);
    for (const name of [
      'Integriteitscel — intern meldpunt',
      'Audit Vlaanderen — fraude en corruptie',
      'Spreekbuis — welzijn en integriteit',
    ]) {
      assert.ok(response.body.includes(name), name);
    }
    assert.match(response.body, /Kan geen meldingen ontvangen/);
    assert.match(response.body, /0 ontvangers, 0 met sleutelpaar/);
    assert.match(response.body, /Versie 1, 8 vragen/);
    const english = await client.get('/admin/channels', { 'accept-language': 'en' });
    assert.match(english.body, /Integrity unit — internal reporting point/);
    assert.match(english.body, /Cannot receive reports/);
  });

  it('answers 403 on every page and form to each role other than admin, changing nothing', async () => {
    const id = await createChannel();
    await client.submit(
      `/admin/channels/${id}`,
      { labelNl: 'C', labelEn: 'C' },
      `/admin/channels/${id}/categories`,
    );
    const categoryId = (await listCategories(t.db, id))[0]?.id;
    assert.ok(categoryId);
    const pages = [
      '/admin/channels',
      '/admin/channels/new',
      `/admin/channels/${id}`,
      `/admin/channels/${id}/categories/${categoryId}`,
      `/admin/channels/${id}/questionnaire`,
      `/admin/channels/${id}/questionnaire/new`,
      `/admin/channels/${id}/questionnaire/questions/what`,
      `/admin/channels/${id}/questionnaire/questions/what/remove`,
      `/admin/channels/${id}/questionnaire/versions`,
      `/admin/channels/${id}/questionnaire/versions/1`,
    ];
    const posts: [string, Record<string, string>][] = [
      ['/admin/channels/new', channelForm()],
      [`/admin/channels/${id}`, channelForm()],
      [`/admin/channels/${id}/recipients`, { recipients: randomUUID() }],
      [`/admin/channels/${id}/categories`, { labelNl: 'X', labelEn: 'X' }],
      [`/admin/channels/${id}/categories/${categoryId}/deactivate`, {}],
      [`/admin/channels/${id}/questionnaire/questions/what/remove`, { baseVersion: '1' }],
    ];
    const before = await countRows('audit_events');
    for (const role of nonAdminRoles) {
      const other = await loginAs(t, await createUserForTest(t.db, { roles: [role] }));
      for (const url of pages) {
        assert.equal((await other.get(url)).statusCode, 403, `${role} GET ${url}`);
      }
      for (const [url, form] of posts) {
        assert.equal((await other.submit('/', form, url)).statusCode, 403, `${role} POST ${url}`);
      }
    }
    assert.equal(await countRows('audit_events'), before);
    const visitor = new TestClient(t.app);
    for (const url of pages) {
      const response = await visitor.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/login?next=${encodeURIComponent(url)}`);
    }
  });

  it('creates a channel from the form and shows it with a notice', async () => {
    const id = await createChannel({ nameNl: 'Nieuw meldpunt' });
    const page = await client.get(`/admin/channels/${id}?done=created`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nieuw meldpunt/);
    assert.match(page.body, /Het kanaal is aangemaakt/);
    assert.match(page.body, /Dit kanaal heeft geen ontvangers/);
    assert.equal((await findCurrentVersion(t.db, id))?.version, 1);
  });

  it('shows the form again with 422, the messages and everything typed, for bad input', async () => {
    const before = await countRows('report_channels');
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ nameEn: '', slug: 'Geen Spaties!' }, /Geef de naam in het Engels\.[\s\S]*Geef een korte naam/],
      [{ nameEn: 'Name\u0000with NUL' }, /tekens die niet toegelaten zijn/],
      [{ introNl: 'x'.repeat(4001) }, /hoogstens 4000 tekens/],
      [{ nameEn: ['a', 'b'] }, /Geef de naam in het Engels/],
      [{ audience: 'martians', position: '-1', active: 'perhaps' }, /Kies voor wie het kanaal is/],
      [{ slug: 'integriteit' }, /Een ander kanaal gebruikt deze korte naam al/],
    ];
    for (const [over, message] of cases) {
      const response = await client.submit(
        '/admin/channels/new',
        channelForm({ nameNl: 'Bewaard meldpunt', ...over }),
      );
      assert.equal(response.statusCode, 422, JSON.stringify(over).slice(0, 80));
      assert.match(response.body, message);
      assert.match(response.body, /value="Bewaard meldpunt"/);
      assert.match(response.body, /class="error-summary"/);
    }
    assert.equal(await countRows('report_channels'), before);
  });

  it('saves the channel fields and keeps typed values on a 422', async () => {
    const id = await createChannel();
    const ok = await client.submit(
      `/admin/channels/${id}`,
      channelForm({ nameEn: 'Renamed point', active: 'no' }),
    );
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/admin/channels/${id}?done=updated`);
    const row = await t.db
      .selectFrom('report_channels')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.name_en, 'Renamed point');
    assert.equal(row.active, false);
    const bad = await client.submit(
      `/admin/channels/${id}`,
      channelForm({ nameNl: 'Getypt', position: 'tien' }),
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /value="Getypt"/);
    assert.match(bad.body, /geheel getal van 0 tot 9999/);
  });

  it('chooses recipients among users with a recipient role, and refuses forged or staff-only ids', async () => {
    const id = await createChannel();
    const handler = await createRecipientForTest(t.db, { name: 'Hanne Handler' });
    const staff = await createUserForTest(t.db, { roles: ['staff'], name: 'Stijn Staff' });
    const page = await client.get(`/admin/channels/${id}`);
    assert.match(page.body, /Hanne Handler/);
    assert.match(page.body, /heeft een sleutelpaar/);
    assert.doesNotMatch(page.body, /Stijn Staff/);

    for (const [recipients, message] of [
      [staff.id, /Alleen actieve gebruikers met de rol/],
      [randomUUID(), /Alleen actieve gebruikers met de rol/],
      ['not-a-uuid', /bestaat niet/],
      [`${handler.id}\u0000`, /bestaat niet/],
    ] as const) {
      const response = await client.submit(
        `/admin/channels/${id}`,
        { recipients },
        `/admin/channels/${id}/recipients`,
      );
      assert.equal(response.statusCode, 422, recipients);
      assert.match(response.body, message);
    }
    const ok = await client.submit(
      `/admin/channels/${id}`,
      { recipients: [handler.id] },
      `/admin/channels/${id}/recipients`,
    );
    assert.equal(ok.statusCode, 303);
    const rows = await t.db
      .selectFrom('report_channel_recipients')
      .select('user_id')
      .where('channel_id', '=', id)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.user_id),
      [handler.id],
    );
    const after = await client.get(`/admin/channels/${id}`);
    assert.match(after.body, /1 ontvangers, 1 met sleutelpaar/);
    assert.doesNotMatch(after.body, /Kanaal kan geen meldingen ontvangen/);
    // the language switch on a refused form's address leads back to the channel
    const back = await client.get(`/admin/channels/${id}/recipients`);
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `/admin/channels/${id}`);
  });

  it('adds, renames, moves and deactivates categories', async () => {
    const id = await createChannel();
    const base = `/admin/channels/${id}`;
    const empty = await client.submit(base, { labelNl: '', labelEn: 'Kept' }, `${base}/categories`);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Geef de naam van de categorie in het Nederlands/);
    assert.match(empty.body, /value="Kept"/);
    for (const label of ['Eerste', 'Tweede']) {
      const added = await client.submit(
        base,
        { labelNl: label, labelEn: `${label} en` },
        `${base}/categories`,
      );
      assert.equal(added.statusCode, 303);
    }
    const [first, second] = await listCategories(t.db, id);
    assert.ok(first && second);
    const renamed = await client.submit(`${base}/categories/${first.id}`, {
      labelNl: 'Eerste!',
      labelEn: 'First',
    });
    assert.equal(renamed.statusCode, 303);
    assert.equal(
      (await client.submit(base, { direction: 'up' }, `${base}/categories/${second.id}/move`)).statusCode,
      303,
    );
    assert.equal(
      (await client.submit(base, { direction: 'sideways' }, `${base}/categories/${second.id}/move`))
        .statusCode,
      422,
    );
    assert.equal(
      (await client.submit(base, {}, `${base}/categories/${first.id}/deactivate`)).statusCode,
      303,
    );
    assert.deepEqual(
      (await listCategories(t.db, id)).map((c) => [c.labelNl, c.active]),
      [
        ['Tweede', true],
        ['Eerste!', false],
      ],
    );
    const page = await client.get(base);
    assert.match(page.body, /Opnieuw aanbieden/);
    for (const forged of [randomUUID(), 'nope']) {
      assert.equal((await client.get(`${base}/categories/${forged}`)).statusCode, 404);
      assert.equal(
        (await client.submit(base, {}, `${base}/categories/${forged}/deactivate`)).statusCode,
        404,
      );
    }
  });

  it('edits the questionnaire: each saved change publishes a version, shown in the history', async () => {
    const id = await createChannel();
    const base = `/admin/channels/${id}/questionnaire`;
    const editor = await client.get(base);
    assert.equal(editor.statusCode, 200);
    assert.match(editor.body, /Wat is er gebeurd\?/);

    const bad = await client.submit(`${base}/new`, {
      baseVersion: '1',
      type: 'single_choice',
      required: 'yes',
      labelNl: 'Welke dienst?',
      labelEn: 'Which service?',
      helpNl: '',
      helpEn: '',
      optionsNl: 'Alleen één',
      optionsEn: 'Only one',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Geef minstens twee antwoorden/);
    assert.match(bad.body, /value="Welke dienst\?"/);
    assert.match(bad.body, />Alleen één<\/textarea>/);

    const added = await client.submit(`${base}/new`, {
      baseVersion: '1',
      type: 'single_choice',
      required: 'yes',
      labelNl: 'Welke dienst?',
      labelEn: 'Which service?',
      helpNl: 'Kies de dienst.',
      helpEn: 'Choose the service.',
      optionsNl: 'Financiën\nPersoneel',
      optionsEn: 'Finance\nHR',
    });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, `${base}?done=published`);
    const v2 = await findCurrentVersion(t.db, id);
    assert.equal(v2?.version, 2);
    const added2 = v2?.questions.at(-1);
    assert.equal(added2?.id, 'which-service');
    assert.deepEqual(
      added2?.options.map((o) => o.id),
      ['finance', 'hr'],
    );

    const edit = await client.get(`${base}/questions/where`);
    assert.match(edit.body, /name="baseVersion" value="2"/);
    const edited = await client.post(`${base}/questions/where`, {
      baseVersion: '2',
      required: 'yes',
      labelNl: 'Op welke plaats?',
      labelEn: 'In which place?',
      helpNl: '',
      helpEn: '',
    });
    assert.equal(edited.statusCode, 303);
    const moved = await client.submit(
      base,
      { baseVersion: '3', direction: 'up' },
      `${base}/questions/where/move`,
    );
    assert.equal(moved.statusCode, 303);
    const confirm = await client.get(`${base}/questions/evidence/remove`);
    assert.match(confirm.body, /Vraag ‘Bewijsstukken’ verwijderen\?/);
    const removed = await client.post(`${base}/questions/evidence/remove`, { baseVersion: '4' });
    assert.equal(removed.statusCode, 303);

    const current = await findCurrentVersion(t.db, id);
    assert.equal(current?.version, 5);
    assert.deepEqual(
      current?.questions.map((q) => q.id),
      ['what', 'where', 'when', 'who', 'how-known', 'ongoing', 'crime', 'which-service'],
    );
    const history = await client.get(`${base}/versions`);
    for (const n of [1, 2, 3, 4, 5]) assert.ok(history.body.includes(`Versie ${n}<`), `version ${n} listed`);
    const old = await client.get(`${base}/versions/1`);
    assert.equal(old.statusCode, 200);
    assert.match(old.body, /Dit is een oudere versie/);
    assert.match(old.body, /Bewijsstukken/);
    assert.doesNotMatch(old.body, /name="baseVersion"/);
  });

  it('refuses a change made on an older version with 409, a clear message and the typed text kept', async () => {
    const id = await createChannel();
    const base = `/admin/channels/${id}/questionnaire`;
    await client.get(`${base}/questions/who`);
    // another admin publishes version 2 meanwhile
    await client.post(`${base}/questions/where/move`, { baseVersion: '1', direction: 'down' });
    const before = await countRows('questionnaire_versions');
    const stale = await client.post(`${base}/questions/who`, {
      baseVersion: '1',
      required: 'no',
      labelNl: 'Mijn getypte vraag',
      labelEn: 'My typed question',
      helpNl: '',
      helpEn: '',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Iemand anders heeft intussen een nieuwe versie/);
    assert.match(stale.body, /value="Mijn getypte vraag"/);
    assert.match(stale.body, /name="baseVersion" value="2"/);
    const staleMove = await client.post(`${base}/questions/what/move`, {
      baseVersion: '1',
      direction: 'down',
    });
    assert.equal(staleMove.statusCode, 409);
    assert.match(staleMove.body, /Iemand anders heeft intussen/);
    const staleRemove = await client.post(`${base}/questions/what/remove`, { baseVersion: '1' });
    assert.equal(staleRemove.statusCode, 409);
    assert.equal(await countRows('questionnaire_versions'), before);
  });

  it('answers forged ids and bad hidden fields with a page, never a 500', async () => {
    const id = await createChannel();
    const base = `/admin/channels/${id}/questionnaire`;
    for (const url of [
      '/admin/channels/not-a-uuid',
      `/admin/channels/${randomUUID()}`,
      `/admin/channels/${randomUUID()}/questionnaire`,
      `${base}/questions/nope`,
      `${base}/questions/${'x'.repeat(150)}/remove`,
      `${base}/versions/99`,
      `${base}/versions/abc`,
    ]) {
      assert.equal((await client.get(url)).statusCode, 404, url);
    }
    const gone = await client.post(`${base}/questions/nope`, { baseVersion: '1', required: 'no' });
    assert.equal(gone.statusCode, 409);
    assert.match(gone.body, /staat niet \(meer\) in de huidige vragenlijst/);
    const badBase = await client.post(`${base}/questions/what/move`, {
      baseVersion: '1; drop',
      direction: 'up',
    });
    assert.equal(badBase.statusCode, 422);
    assert.match(badBase.body, /Het formulier was onvolledig/);
    const nul = await client.post(`${base}/new`, {
      baseVersion: '1',
      type: 'short_text',
      required: 'no',
      labelNl: 'Vraag\u0000',
      labelEn: ['a', 'b'],
    });
    assert.equal(nul.statusCode, 422);
    assert.match(nul.body, /tekens die niet toegelaten zijn/);
    assert.match(nul.body, /Geef de vraag in het Engels/);
    const replay = await client.post(`${base}/questions/what/remove`, { baseVersion: '1' });
    assert.equal(replay.statusCode, 303);
    const again = await client.post(`${base}/questions/what/remove`, { baseVersion: '1' });
    assert.equal(again.statusCode, 409);
    const noCsrf = await client.post(`${base}/new`, { _csrf: 'forged', baseVersion: '2' });
    assert.equal(noCsrf.statusCode, 403);
  });
});

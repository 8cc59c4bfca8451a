import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChannelForReport } from '../channels/channel-read.js';
import { everyTypeQuestions } from './reporter-client.testkit.js';
import { keptValues, parseDateAnswer, validateReportForm } from './submit-form.js';

const channel: ChannelForReport = {
  id: 'c1',
  slug: 'integriteit',
  name: { nl: 'Integriteitsunit', en: 'Integrity unit' },
  intro: { nl: '', en: '' },
  audience: 'everyone',
  active: true,
  canReceive: true,
  categories: [{ id: 'cat-1', label: { nl: 'Fraude', en: 'Fraud' } }],
  questionnaire: { id: 'v1', version: 1, questions: everyTypeQuestions },
  recipients: [
    { userId: 'u-keyed', name: 'Alice', hasKey: true },
    { userId: 'u-keyless', name: 'Bob', hasKey: false },
  ],
};

describe('parseDateAnswer', () => {
  it('reads YYYY-MM-DD and DD/MM/YYYY and refuses days that do not exist', () => {
    assert.equal(parseDateAnswer('2026-03-14'), '2026-03-14');
    assert.equal(parseDateAnswer('14/03/2026'), '2026-03-14');
    assert.equal(parseDateAnswer(' 1-3-2026 '), '2026-03-01');
    assert.equal(parseDateAnswer('29/02/2024'), '2024-02-29');
    assert.equal(parseDateAnswer('29/02/2026'), null);
    assert.equal(parseDateAnswer('31/04/2026'), null);
    assert.equal(parseDateAnswer('2026-13-01'), null);
    assert.equal(parseDateAnswer('gisteren'), null);
    assert.equal(parseDateAnswer('03/14/2026'), null);
  });
});

describe('validateReportForm', () => {
  const base = { identity: 'anonymous', category: 'cat-1', q_what: 'Iets', strip_metadata: 'yes' };

  it('turns a complete form into a submission with answers keyed by question and options in questionnaire order', () => {
    const result = validateReportForm(
      channel,
      { ...base, q_how: ['heard', 'saw'], q_when: '14/03/2026', q_ongoing: 'no', q_x: 'forged' },
      [],
    );
    assert.ok(result.ok);
    assert.deepEqual(result.submission.answers, {
      what: 'Iets',
      how: ['saw', 'heard'],
      when: '2026-03-14',
      ongoing: 'no',
    });
    assert.equal(result.submission.identity, null);
    assert.equal(result.submission.categoryId, 'cat-1');
    assert.equal(result.submission.stripMetadata, true);
  });

  it('drops name and contact of an anonymous report, also from the kept values', () => {
    const result = validateReportForm(channel, { ...base, name: 'Jan', contact: '0470' }, []);
    assert.ok(result.ok);
    assert.equal(result.values.name, undefined);
    assert.equal(result.values.contact, undefined);
  });

  it('lists a problem per field, in the order of the form', () => {
    const result = validateReportForm(
      channel,
      {
        identity: 'named',
        category: 'nope',
        q_what: '',
        q_kind: 'nope',
        q_when: '30/02/2026',
        exclude: ['u-keyed'],
        notify_email: 'x@',
      },
      [],
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => [p.field, p.key]),
      [
        ['name', 'submit.error.name_required'],
        ['contact', 'submit.error.contact_required'],
        ['category', 'submit.error.category_invalid'],
        ['q_what', 'submit.error.answer_required'],
        ['q_kind', 'submit.error.option_invalid'],
        ['q_when', 'submit.error.date_invalid'],
        ['exclude', 'submit.error.excluded_everyone'],
        ['notify_email', 'submit.error.email_invalid'],
      ],
    );
  });

  it('refuses arrays where one value is expected, control characters and over-long answers', () => {
    const arrays = validateReportForm(channel, { ...base, identity: ['anonymous', 'named'] }, []);
    assert.ok(!arrays.ok && arrays.problems[0]?.field === 'identity');
    const nul = validateReportForm(channel, { ...base, q_what: 'a\u0000b' }, []);
    assert.ok(!nul.ok && nul.problems[0]?.key === 'submit.error.invalid_text');
    const long = validateReportForm(channel, { ...base, q_where: 'x'.repeat(501) }, []);
    assert.ok(!long.ok && long.problems[0]?.key === 'submit.error.too_long');
    const lines = validateReportForm(channel, { ...base, q_what: 'a\r\nb' }, []);
    assert.ok(lines.ok && lines.submission.answers.what === 'a\nb');
  });

  it('needs a file for a required files question', () => {
    const required = {
      ...channel,
      questionnaire: {
        id: 'v2',
        version: 2,
        questions: everyTypeQuestions.map((q) => (q.type === 'files' ? { ...q, required: true } : q)),
      },
    };
    const without = validateReportForm(required, base, []);
    assert.ok(!without.ok && without.problems[0]?.field === 'file_evidence');
    const withFile = validateReportForm(required, base, [
      {
        id: 'f',
        questionId: 'evidence',
        filename: 'a.pdf',
        mediaType: 'application/pdf',
        data: Buffer.from('%PDF-'),
      },
    ]);
    assert.ok(withFile.ok);
  });

  it('reads an unticked box as "no" once the form was posted', () => {
    assert.equal(keptValues({ identity: 'anonymous', website: '', remove_file: 'x' }).strip_metadata, 'no');
    assert.deepEqual(Object.keys(keptValues({ identity: 'anonymous', website: 'x' })), [
      'identity',
      'strip_metadata',
    ]);
  });
});

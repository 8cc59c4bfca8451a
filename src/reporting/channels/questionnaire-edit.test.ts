import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Question, QuestionsSchema } from '../questionnaire.js';
import { DEFAULT_QUESTIONS } from './default-channels.js';
import {
  applyChange,
  ChangeRefused,
  hasControlCharacters,
  idHistoryOf,
  parseQuestionForm,
  type QuestionDraft,
  slugId,
  uniqueId,
} from './questionnaire-edit.js';

const draft = (over: Partial<QuestionDraft> = {}): QuestionDraft => ({
  type: 'short_text',
  required: false,
  labelNl: 'Welke dienst?',
  labelEn: 'Which service?',
  helpNl: '',
  helpEn: '',
  options: [],
  ...over,
});

const form = (over: Record<string, unknown> = {}) => ({
  baseVersion: '3',
  type: 'short_text',
  required: 'no',
  labelNl: 'Welke dienst?',
  labelEn: 'Which service?',
  helpNl: '',
  helpEn: '',
  optionsNl: '',
  optionsEn: '',
  ...over,
});

const questions = (): Question[] => [...DEFAULT_QUESTIONS];
const history = (versions: Question[][] = [questions()]) => idHistoryOf(versions);

function refusedWith(reason: string) {
  return (error: unknown) => error instanceof ChangeRefused && error.reason === reason;
}

describe('question ids', () => {
  it('makes slug-like ids from labels, without accents, at most 32 characters', () => {
    assert.equal(slugId('Wat is er gebeurd?', 'q'), 'wat-is-er-gebeurd');
    assert.equal(slugId('Één café — déjà vu', 'q'), 'een-cafe-deja-vu');
    assert.equal(slugId('???', 'question'), 'question');
    const long = slugId('a very long label that goes on and on and on', 'q');
    assert.ok(long.length <= 32 && !long.endsWith('-'), long);
  });

  it('adds -2, -3… until the id is free', () => {
    assert.equal(uniqueId('what', new Set()), 'what');
    assert.equal(uniqueId('what', new Set(['what', 'what-2'])), 'what-3');
  });
});

describe('the one-question form', () => {
  it('parses a short text question', () => {
    const result = parseQuestionForm(form({ required: 'yes' }));
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.baseVersion, 3);
    assert.deepEqual(result.draft, draft({ required: true }));
  });

  it('reads choice options line by line, Dutch and English paired, blank lines ignored', () => {
    const result = parseQuestionForm(
      form({ type: 'single_choice', optionsNl: 'Ja\r\n\r\nNee\n', optionsEn: 'Yes\nNo' }),
    );
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.draft.options, [
      { nl: 'Ja', en: 'Yes' },
      { nl: 'Nee', en: 'No' },
    ]);
  });

  it('asks for at least two options, as many in English as in Dutch', () => {
    const few = parseQuestionForm(form({ type: 'multiple_choice', optionsNl: 'Ja', optionsEn: 'Yes' }));
    assert.equal(few.ok, false);
    if (!few.ok) assert.equal(few.errors.optionsNl, 'channels.question.error_options_too_few');
    const mismatch = parseQuestionForm(
      form({ type: 'single_choice', optionsNl: 'A\nB\nC', optionsEn: 'A\nB' }),
    );
    assert.equal(mismatch.ok, false);
    if (!mismatch.ok) assert.equal(mismatch.errors.optionsEn, 'channels.question.error_options_mismatch');
  });

  it('refuses options on a question that is not a choice, rather than dropping them', () => {
    const result = parseQuestionForm(form({ optionsNl: 'Ja\nNee' }));
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.errors.optionsNl, 'channels.question.error_options_not_allowed');
  });

  it('takes the type of the question being edited and ignores a type field sent with it', () => {
    const result = parseQuestionForm(form({ type: 'files' }), 'long_text');
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.draft.type, 'long_text');
  });

  it('gives a message, never an exception, for NUL bytes, over-long text, arrays and unknown types', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ labelNl: 'Wat\u0000?' }, 'labelNl', 'channels.error_invalid_characters'],
      [{ labelEn: 'x'.repeat(301) }, 'labelEn', 'channels.question.error_label_too_long'],
      [{ helpNl: 'x'.repeat(1001) }, 'helpNl', 'channels.question.error_help_too_long'],
      [{ labelNl: ['a', 'b'] }, 'labelNl', 'channels.question.error_label_nl_required'],
      [{ labelNl: '   ' }, 'labelNl', 'channels.question.error_label_nl_required'],
      [{ type: 'essay' }, 'type', 'channels.question.error_type'],
      [{ required: 'maybe' }, 'required', 'channels.question.error_required_choice'],
      [{ baseVersion: 'abc' }, 'baseVersion', 'channels.questionnaire.error_base_version'],
    ];
    for (const [over, field, message] of cases) {
      const result = parseQuestionForm(form(over));
      assert.equal(result.ok, false, field);
      if (!result.ok) assert.equal(result.errors[field], message, field);
    }
    assert.equal(hasControlCharacters('tab\tand\nnew line'), false);
  });
});

describe('applying a change to a questionnaire', () => {
  it('adds a question at the end with an id from its English label', () => {
    const next = applyChange(questions(), history(), { kind: 'add', draft: draft() });
    assert.equal(next.length, DEFAULT_QUESTIONS.length + 1);
    assert.equal(next.at(-1)?.id, 'which-service');
    assert.deepEqual(next.slice(0, -1), [...DEFAULT_QUESTIONS]);
  });

  it('never gives a new question the id of one removed earlier in the channel', () => {
    const withoutWhere = questions().filter((q) => q.id !== 'where');
    const next = applyChange(withoutWhere, history([questions(), withoutWhere]), {
      kind: 'add',
      draft: draft({ labelEn: 'Where', labelNl: 'Waar' }),
    });
    assert.equal(next.at(-1)?.id, 'where-2');
  });

  it('keeps the id when a question is edited, and option ids when only a spelling changes', () => {
    const next = applyChange(questions(), history(), {
      kind: 'edit',
      questionId: 'crime',
      draft: draft({
        type: 'single_choice',
        labelNl: 'Misdrijf?',
        labelEn: 'Crime?',
        options: [
          { nl: 'Ja', en: 'Yes' },
          { nl: 'Neen', en: 'Nope' },
          { nl: 'Geen idee', en: 'No idea' },
          { nl: 'Liever niet zeggen', en: 'Rather not say' },
        ],
      }),
    });
    const crime = next.find((q) => q.label_en === 'Crime?');
    assert.equal(crime?.id, 'crime');
    assert.deepEqual(
      crime?.options.map((o) => o.id),
      ['yes', 'no', 'dont-know', 'rather-not-say'],
    );
  });

  it('refuses to change the type of an existing question', () => {
    assert.throws(
      () =>
        applyChange(questions(), history(), {
          kind: 'edit',
          questionId: 'where',
          draft: draft({ type: 'date' }),
        }),
      refusedWith('channels.questionnaire.error_type_change'),
    );
  });

  it('moves a question up and down, and changes nothing at either end', () => {
    const up = applyChange(questions(), history(), { kind: 'move', questionId: 'when', direction: 'up' });
    assert.deepEqual(
      up.slice(0, 3).map((q) => q.id),
      ['when', 'what', 'where'],
    );
    const top = applyChange(questions(), history(), { kind: 'move', questionId: 'what', direction: 'up' });
    assert.deepEqual(top, questions());
    const bottom = applyChange(questions(), history(), {
      kind: 'move',
      questionId: 'crime',
      direction: 'down',
    });
    assert.deepEqual(bottom, questions());
  });

  it('removes a question but never the last one', () => {
    const next = applyChange(questions(), history(), { kind: 'remove', questionId: 'evidence' });
    assert.equal(
      next.some((q) => q.id === 'evidence'),
      false,
    );
    const only = [DEFAULT_QUESTIONS[0] as Question];
    assert.throws(
      () => applyChange(only, history(), { kind: 'remove', questionId: 'what' }),
      refusedWith('channels.questionnaire.error_last_question'),
    );
  });

  it('refuses an unknown question and a 41st question', () => {
    assert.throws(
      () => applyChange(questions(), history(), { kind: 'remove', questionId: 'nope' }),
      refusedWith('channels.questionnaire.error_question_gone'),
    );
    let list = questions();
    while (list.length < 40) list = applyChange(list, idHistoryOf([list]), { kind: 'add', draft: draft() });
    assert.equal(QuestionsSchema.safeParse(list).success, true);
    assert.throws(
      () => applyChange(list, idHistoryOf([list]), { kind: 'add', draft: draft() }),
      refusedWith('channels.questionnaire.error_too_many_questions'),
    );
  });
});

import { z } from 'zod';
import type { FieldErrors } from '../../platform/http/forms.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import type { MessageKey } from '../../platform/ui/i18n/catalogue.js';
import {
  ANSWER_LIMITS,
  type ChoiceOption,
  QUESTION_TYPES,
  type Question,
  QuestionsSchema,
  type QuestionType,
} from '../questionnaire.js';

/**
 * The pure rules of editing a questionnaire: parsing the one-question form, making ids, and
 * applying one change (add, edit, move, remove) to a list of questions. No I/O; the service
 * (questionnaire.service.ts) locks, checks the version the form was based on and publishes.
 */

/** Question types whose answer is chosen from options (at least two). */
export function isChoiceType(type: QuestionType): boolean {
  return type === 'single_choice' || type === 'multiple_choice';
}

/** Control characters other than tab, line feed and carriage return (a NUL cannot even be stored). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a text holds a control character no person types (NUL and friends). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/**
 * A text field of an administration form: a string (an array or anything else gets `invalid`),
 * without control characters, trimmed, at most `max` characters.
 */
export function plainText(
  max: number,
  messages: { readonly invalid: MessageKey; readonly tooLong: MessageKey },
) {
  return z
    .string(messages.invalid)
    .refine((v) => !hasControlCharacters(v), 'channels.error_invalid_characters')
    .transform((v) => v.trim())
    .pipe(z.string().max(max, messages.tooLong));
}

/** The hidden field with the questionnaire version a form was rendered from (0: none yet). */
export const BaseVersionSchema = z
  .string('channels.questionnaire.error_base_version')
  .regex(/^\d{1,6}$/, 'channels.questionnaire.error_base_version')
  .transform(Number);

const labelField = (required: MessageKey) =>
  plainText(ANSWER_LIMITS.label, {
    invalid: required,
    tooLong: 'channels.question.error_label_too_long',
  }).pipe(z.string().min(1, required));
const helpField = plainText(ANSWER_LIMITS.help, {
  invalid: 'channels.error_text_expected',
  tooLong: 'channels.question.error_help_too_long',
})
  .optional()
  .default('');
/** One option per line; the lines are checked in {@link parseQuestionForm}. */
const optionsField = plainText((ANSWER_LIMITS.optionLabel + 2) * ANSWER_LIMITS.options, {
  invalid: 'channels.error_text_expected',
  tooLong: 'channels.question.error_options_too_many',
});

const QuestionFieldsSchema = z.object({
  baseVersion: BaseVersionSchema,
  required: z.enum(['yes', 'no'], 'channels.question.error_required_choice'),
  labelNl: labelField('channels.question.error_label_nl_required'),
  labelEn: labelField('channels.question.error_label_en_required'),
  helpNl: helpField,
  helpEn: helpField,
  optionsNl: optionsField.optional().default(''),
  optionsEn: optionsField.optional().default(''),
});

const NewQuestionFieldsSchema = QuestionFieldsSchema.extend({
  type: z.enum(QUESTION_TYPES, 'channels.question.error_type'),
});

/** A question as typed in the form, before it has an id. */
export interface QuestionDraft {
  readonly type: QuestionType;
  readonly required: boolean;
  readonly labelNl: string;
  readonly labelEn: string;
  readonly helpNl: string;
  readonly helpEn: string;
  /** Option labels in order; empty unless the type is a choice. */
  readonly options: readonly { readonly nl: string; readonly en: string }[];
}

export type QuestionFormResult =
  | { readonly ok: true; readonly baseVersion: number; readonly draft: QuestionDraft }
  | {
      readonly ok: false;
      readonly errors: FieldErrors;
      readonly values: Readonly<Record<string, string | string[]>>;
    };

function optionLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Parses the one-question form. `type` is the type of the question being edited (a type never
 * changes: the form to add a question sends it instead). Options are two textareas with one
 * option per line, Dutch and English line by line; they are checked only for choice questions
 * and must be empty otherwise, so nothing typed is silently dropped.
 */
export function parseQuestionForm(body: unknown, type?: QuestionType): QuestionFormResult {
  const form =
    type === undefined ? parseForm(NewQuestionFieldsSchema, body) : parseForm(QuestionFieldsSchema, body);
  const values = formValues(body);
  const chosenType =
    type ?? (form.ok ? (form.data as z.output<typeof NewQuestionFieldsSchema>).type : undefined);
  const errors: Record<string, MessageKey> = form.ok ? {} : { ...form.errors };
  let options: { nl: string; en: string }[] = [];
  if (chosenType !== undefined && !errors.optionsNl && !errors.optionsEn) {
    const nl = optionLines(typeof values.optionsNl === 'string' ? values.optionsNl : '');
    const en = optionLines(typeof values.optionsEn === 'string' ? values.optionsEn : '');
    if (isChoiceType(chosenType)) {
      if (nl.length < 2) errors.optionsNl = 'channels.question.error_options_too_few';
      else if (nl.length > ANSWER_LIMITS.options)
        errors.optionsNl = 'channels.question.error_options_too_many';
      else if (nl.some((line) => line.length > ANSWER_LIMITS.optionLabel))
        errors.optionsNl = 'channels.question.error_option_too_long';
      if (en.length !== nl.length) errors.optionsEn = 'channels.question.error_options_mismatch';
      else if (en.some((line) => line.length > ANSWER_LIMITS.optionLabel))
        errors.optionsEn = 'channels.question.error_option_too_long';
      options = nl.map((label, i) => ({ nl: label, en: en[i] ?? '' }));
    } else if (nl.length > 0 || en.length > 0) {
      errors[nl.length > 0 ? 'optionsNl' : 'optionsEn'] = 'channels.question.error_options_not_allowed';
    }
  }
  if (!form.ok || Object.keys(errors).length > 0 || chosenType === undefined) {
    return { ok: false, errors: orderLike(values, errors), values };
  }
  const data = form.data;
  return {
    ok: true,
    baseVersion: data.baseVersion,
    draft: {
      type: chosenType,
      required: data.required === 'yes',
      labelNl: data.labelNl,
      labelEn: data.labelEn,
      helpNl: data.helpNl,
      helpEn: data.helpEn,
      options,
    },
  };
}

/** The errors in the order the fields were submitted (the error summary reads like the form). */
function orderLike(
  values: Readonly<Record<string, unknown>>,
  errors: Record<string, MessageKey>,
): FieldErrors {
  const order = Object.keys(values);
  const position = (field: string) => {
    const i = order.indexOf(field);
    return i === -1 ? order.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => position(a) - position(b)));
}

/** The form values of a stored question (for the edit form). */
export function questionFormValues(question: Question, baseVersion: number): Record<string, string> {
  return {
    baseVersion: String(baseVersion),
    type: question.type,
    required: question.required ? 'yes' : 'no',
    labelNl: question.label_nl,
    labelEn: question.label_en,
    helpNl: question.help_nl,
    helpEn: question.help_en,
    optionsNl: question.options.map((o) => o.label_nl).join('\n'),
    optionsEn: question.options.map((o) => o.label_en).join('\n'),
  };
}

// ——— Ids ———

const ID_BASE_MAX = 32;

/**
 * A slug-like id from a label: ASCII letters and digits joined by `-`, at most 32 characters
 * ("Wat is er gebeurd?" → `wat-is-er-gebeurd`); `fallback` when nothing is left.
 */
export function slugId(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, ID_BASE_MAX)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or `base-2`, `base-3`… : the first one not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Every id a channel's questionnaire has ever used: question ids, and option ids per question.
 * A removed question's id is never given to a new question (answers in old reports are keyed by
 * it), and the same holds for the options of a question.
 */
export interface IdHistory {
  readonly questionIds: ReadonlySet<string>;
  readonly optionIds: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The id history of a list of versions (each a list of questions). */
export function idHistoryOf(versions: readonly (readonly Question[])[]): IdHistory {
  const questionIds = new Set<string>();
  const optionIds = new Map<string, Set<string>>();
  for (const questions of versions) {
    for (const question of questions) {
      questionIds.add(question.id);
      const set = optionIds.get(question.id) ?? new Set<string>();
      for (const option of question.options) set.add(option.id);
      optionIds.set(question.id, set);
    }
  }
  return { questionIds, optionIds };
}

/**
 * Gives each option label an id. An option keeps its id when one of its labels is unchanged,
 * else when it stays at the same place (a corrected spelling); a new option gets a new id never
 * used by this question before.
 */
export function buildOptions(
  labels: readonly { readonly nl: string; readonly en: string }[],
  previous: readonly ChoiceOption[],
  historic: ReadonlySet<string>,
): ChoiceOption[] {
  const ids: (string | undefined)[] = labels.map(() => undefined);
  const used = new Set<string>();
  labels.forEach((label, i) => {
    const match = previous.find(
      (p) => !used.has(p.id) && (p.label_nl === label.nl || p.label_en === label.en),
    );
    if (match) {
      ids[i] = match.id;
      used.add(match.id);
    }
  });
  labels.forEach((_label, i) => {
    const sameSpot = previous[i];
    if (ids[i] === undefined && sameSpot && !used.has(sameSpot.id)) {
      ids[i] = sameSpot.id;
      used.add(sameSpot.id);
    }
  });
  const taken = new Set([...historic, ...previous.map((p) => p.id), ...used]);
  return labels.map((label, i) => {
    let id = ids[i];
    if (id === undefined) {
      id = uniqueId(slugId(label.en || label.nl, 'option'), taken);
      taken.add(id);
    }
    return { id, label_nl: label.nl, label_en: label.en };
  });
}

// ——— Changes ———

/** One change an admin makes in the editor; each published as a new version. */
export type QuestionnaireChange =
  | { readonly kind: 'add'; readonly draft: QuestionDraft }
  | { readonly kind: 'edit'; readonly questionId: string; readonly draft: QuestionDraft }
  | { readonly kind: 'move'; readonly questionId: string; readonly direction: 'up' | 'down' }
  | { readonly kind: 'remove'; readonly questionId: string };

/** A change that cannot be made; `message` says why (a catalogue key). */
export class ChangeRefused extends Error {
  constructor(readonly reason: MessageKey) {
    super(reason);
    this.name = 'ChangeRefused';
  }
}

function toQuestion(
  id: string,
  draft: QuestionDraft,
  previousOptions: readonly ChoiceOption[],
  history: IdHistory,
): Question {
  return {
    id,
    type: draft.type,
    required: draft.required,
    label_nl: draft.labelNl,
    label_en: draft.labelEn,
    help_nl: draft.helpNl,
    help_en: draft.helpEn,
    options: isChoiceType(draft.type)
      ? buildOptions(draft.options, previousOptions, history.optionIds.get(id) ?? new Set())
      : [],
  };
}

/**
 * Applies one change to the current questions and returns the new list (the input is not
 * touched). Ids of kept questions never change; a new question gets an id made from its English
 * label that no version of this channel has used. Moving the first question up (or the last
 * down) returns the list unchanged. The result is checked with `QuestionsSchema`.
 * @throws ChangeRefused for an unknown question, a type change, a 41st question or removing
 *   the last one.
 */
export function applyChange(
  current: readonly Question[],
  history: IdHistory,
  change: QuestionnaireChange,
): Question[] {
  const next = [...current];
  switch (change.kind) {
    case 'add': {
      if (current.length >= ANSWER_LIMITS.questions) {
        throw new ChangeRefused('channels.questionnaire.error_too_many_questions');
      }
      const taken = new Set([...history.questionIds, ...current.map((q) => q.id)]);
      const id = uniqueId(slugId(change.draft.labelEn || change.draft.labelNl, 'question'), taken);
      next.push(toQuestion(id, change.draft, [], history));
      break;
    }
    case 'edit': {
      const index = current.findIndex((q) => q.id === change.questionId);
      const existing = current[index];
      if (!existing) throw new ChangeRefused('channels.questionnaire.error_question_gone');
      if (existing.type !== change.draft.type) {
        throw new ChangeRefused('channels.questionnaire.error_type_change');
      }
      next[index] = toQuestion(existing.id, change.draft, existing.options, history);
      break;
    }
    case 'move': {
      const index = current.findIndex((q) => q.id === change.questionId);
      const existing = current[index];
      if (!existing) throw new ChangeRefused('channels.questionnaire.error_question_gone');
      const target = change.direction === 'up' ? index - 1 : index + 1;
      const other = current[target];
      if (!other) break;
      next[target] = existing;
      next[index] = other;
      break;
    }
    case 'remove': {
      const index = current.findIndex((q) => q.id === change.questionId);
      if (index === -1) throw new ChangeRefused('channels.questionnaire.error_question_gone');
      if (current.length === 1) throw new ChangeRefused('channels.questionnaire.error_last_question');
      next.splice(index, 1);
      break;
    }
    default: {
      const unknown: never = change;
      throw new Error(`unknown change ${String(unknown)}`);
    }
  }
  return QuestionsSchema.parse(next);
}

/** Whether two question lists are the same (then nothing is published). */
export function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

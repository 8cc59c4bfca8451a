import { z } from 'zod';

/**
 * A channel's questionnaire: an ordered list of questions, stored as an immutable version
 * (`questionnaire_versions.questions`). A report keeps the version it was answered with, so the
 * handler always sees the exact questions the reporter saw. Question ids are stable within a
 * channel (a question keeps its id across versions while it exists) and are what answers are
 * keyed by.
 */
export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'date',
  'yes_no',
  'files',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Limits of answers, enforced when a report is submitted. */
export const ANSWER_LIMITS = {
  short_text: 500,
  long_text: 20_000,
  options: 30,
  optionLabel: 200,
  questions: 40,
  label: 300,
  help: 1000,
} as const;

const text = (max: number) => z.string().trim().max(max);

export const ChoiceOptionSchema = z.object({
  /** Stable id of the option within its question. */
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  label_nl: text(ANSWER_LIMITS.optionLabel).min(1),
  label_en: text(ANSWER_LIMITS.optionLabel).min(1),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

export const QuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  label_nl: text(ANSWER_LIMITS.label).min(1),
  label_en: text(ANSWER_LIMITS.label).min(1),
  help_nl: text(ANSWER_LIMITS.help),
  help_en: text(ANSWER_LIMITS.help),
  /** Only for single and multiple choice; at least two then. */
  options: z.array(ChoiceOptionSchema).max(ANSWER_LIMITS.options),
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionsSchema = z
  .array(QuestionSchema)
  .max(ANSWER_LIMITS.questions)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'duplicate question id')
  .refine(
    (qs) =>
      qs.every((q) =>
        q.type === 'single_choice' || q.type === 'multiple_choice'
          ? q.options.length >= 2
          : q.options.length === 0,
      ),
    'choice questions need at least two options; other questions none',
  );

/**
 * An answer as stored (inside the encrypted content of a report):
 * text and date questions: a string (`YYYY-MM-DD` for dates); single choice and yes/no: an option
 * id (`yes` / `no` for yes/no); multiple choice: option ids; files: ids of `report_files` rows.
 * Unanswered optional questions are absent.
 */
export type Answer = string | readonly string[];
export type Answers = Readonly<Record<string, Answer>>;

/** Reads a stored questionnaire (jsonb) back; a version that does not parse is a bug, so it throws. */
export function parseStoredQuestions(value: unknown): Question[] {
  return QuestionsSchema.parse(value);
}

/** The label or help text of a question in the reader's language. */
export function questionText(question: Question, field: 'label' | 'help', locale: 'nl' | 'en'): string {
  return question[`${field}_${locale}`];
}

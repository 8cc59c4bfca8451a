import { z } from 'zod';

/** Longest question the public form accepts, in characters. */
export const MAX_QUESTION_LENGTH = 5000;
/** Longest answer an agent sends, in characters. */
export const MAX_ANSWER_LENGTH = 10_000;

/** The field names of the e-mail form and the answer form. */
export const EMAIL_FIELD = {
  name: 'name',
  email: 'email',
  topicId: 'topicId',
  question: 'question',
  /** The honeypot: hidden from people, filled by naive robots. */
  honeypot: 'website',
  answer: 'answer',
} as const;

/** The URLs of the e-mail channel. */
export const EMAIL_PATHS = {
  form: '/contact/email',
  queue: '/console/email',
  thread: (id: string) => `/console/email/${id}`,
  answer: (id: string) => `/console/email/${id}/answer`,
  close: (id: string) => `/console/email/${id}/close`,
  reopen: (id: string) => `/console/email/${id}/reopen`,
} as const;

/** The queue's state filter. */
export type EmailQueueFilter = 'open' | 'answered' | 'closed' | 'all';

// Control characters other than tab and line breaks (NUL above all) are refused, not stripped:
// the citizen sees what we could not take and nothing is silently changed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
/**
 * An e-mail address, deliberately simple: one @, no spaces, brackets or quotes (so nothing can
 * break out of a header), a domain of dot-separated non-empty labels. The copy we send is the
 * real test of an address. Labels exclude the dot, so the match is linear: a form field of dots
 * cannot stall the process (Zod runs the pattern even on input over the length limit).
 */
export const EMAIL_ADDRESS = /^[^\s@<>()[\]",;:\\]+@(?:[^\s@<>()[\]",;:\\.]+\.)+[^\s@<>()[\]",;:\\.]+$/;
const EMAIL = EMAIL_ADDRESS;

/** Line breaks as `\n` (browsers post `\r\n`). */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The public form; messages are catalogue keys. The topic is checked against the active topics by the caller. */
export const EmailFormSchema = z.object({
  [EMAIL_FIELD.name]: z
    .string({ message: 'email.error.name_required' })
    .trim()
    .min(1, 'email.error.name_required')
    .max(200, 'email.error.name_too_long')
    .refine((v) => !CONTROL.test(v) && !LINE_BREAK.test(v), 'email.error.invalid_characters'),
  [EMAIL_FIELD.email]: z
    .string({ message: 'email.error.email_required' })
    .trim()
    .min(1, 'email.error.email_required')
    .max(254, 'email.error.email_invalid')
    .regex(EMAIL, 'email.error.email_invalid'),
  [EMAIL_FIELD.topicId]: z
    .string({ message: 'email.error.topic_required' })
    .min(1, 'email.error.topic_required'),
  [EMAIL_FIELD.question]: z
    .string({ message: 'email.error.question_required' })
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, 'email.error.question_required')
        .max(MAX_QUESTION_LENGTH, 'email.error.question_too_long')
        .refine((v) => !CONTROL.test(v), 'email.error.invalid_characters'),
    ),
});
export type EmailForm = z.infer<typeof EmailFormSchema>;

/** The agent's answer. */
export const AnswerSchema = z.object({
  [EMAIL_FIELD.answer]: z
    .string({ message: 'email.answer.error_required' })
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, 'email.answer.error_required')
        .max(MAX_ANSWER_LENGTH, 'email.answer.error_too_long')
        .refine((v) => !CONTROL.test(v), 'email.error.invalid_characters'),
    ),
});

/** A conversation id as the routes accept it (anything else is a 404 before the database). */
export function isConversationId(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

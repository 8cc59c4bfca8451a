import { z } from 'zod';
import type { IdentityMode } from '../../platform/db/schema.js';
import type { MessageKey, MessageParams } from '../../platform/ui/i18n/catalogue.js';
import { daysInMonth } from '../brussels-time.js';
import { type ChannelForReport, leavesAReader } from '../channels/channel-read.js';
import { ANSWER_LIMITS, type Question } from '../questionnaire.js';
import type { DraftFile, DraftValues } from './draft-store.js';

/**
 * The report form's fields and their validation, pure (no I/O): what the reporter typed comes in
 * as form values, a validated {@link Submission} or a list of errors comes out. Only questions of
 * the channel's current questionnaire are read; values for anything else (forged question ids)
 * are dropped and never stored. Option, category and recipient ids must belong to the channel.
 */

/** Form field names (the view renders them, the route reads them). */
export const FIELD = {
  identity: 'identity',
  name: 'name',
  contact: 'contact',
  category: 'category',
  exclude: 'exclude',
  notifyEmail: 'notify_email',
  stripMetadata: 'strip_metadata',
  /** The questionnaire version the form was rendered with. */
  version: 'version',
  /** Kept files the reporter wants removed. */
  removeFile: 'remove_file',
  /** The honeypot: hidden from people, filled by naive robots. */
  honeypot: 'website',
  /** Files not tied to a question (when the questionnaire has no files question). */
  attachments: 'attachments',
} as const;

/** The category choice for "I do not know". */
export const CATEGORY_UNKNOWN = 'unknown';

/** The field of a question's answer. */
export function questionField(question: Pick<Question, 'id'>): string {
  return `q_${question.id}`;
}

/** The file input of a `files` question. */
export function fileField(question: Pick<Question, 'id'>): string {
  return `file_${question.id}`;
}

export const IDENTITY_LIMITS = { name: 200, contact: 500, email: 254 } as const;

/** The validated report, ready for `createReport` (files come from the draft). */
export interface Submission {
  readonly questionnaireVersionId: string;
  readonly identityMode: IdentityMode;
  readonly identity: { readonly name: string; readonly contact: string } | null;
  readonly categoryId: string | null;
  /** Answers by question id; unanswered optional questions are absent; `files` answers are filled in by createReport. */
  readonly answers: Readonly<Record<string, string | readonly string[]>>;
  readonly excludedUserIds: readonly string[];
  readonly notifyAddress: string | null;
  readonly stripMetadata: boolean;
}

/**
 * One problem, tied to the field it is about: `key` is shown at the field; the error summary
 * shows `summary` when given (a message with details, such as a file's name), else `key`.
 */
export interface FormProblem {
  readonly field: string;
  readonly key: MessageKey;
  readonly summary?: { readonly key: MessageKey; readonly params?: MessageParams };
}

export type ValidationResult =
  | { readonly ok: true; readonly submission: Submission; readonly values: DraftValues }
  | { readonly ok: false; readonly problems: readonly FormProblem[] };

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A single string value; an array where a string is expected (a forged form) is `null`. */
function single(values: DraftValues, name: string): string | null {
  const value = values[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : null;
}

function many(values: DraftValues, name: string): readonly string[] {
  const value = values[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Normalises typed text: unified line breaks, trimmed. */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

const EmailSchema = z.email();

/**
 * Reads a date as people type it: `YYYY-MM-DD` (what a date input sends) or `DD/MM/YYYY`
 * (also with `-` or `.`), and checks that the day exists. Returns `YYYY-MM-DD` or null.
 */
export function parseDateAnswer(input: string): string | null {
  const text = input.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    [day, month, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  } else {
    return null;
  }
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Validates the whole form against the channel. `files` are the draft's accepted files (a
 * required `files` question needs one of them).
 */
export function validateReportForm(
  channel: ChannelForReport,
  values: DraftValues,
  files: readonly DraftFile[],
): ValidationResult {
  const problems: FormProblem[] = [];
  const problem = (field: string, key: MessageKey) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, key });
  };
  const kept: Record<string, string | readonly string[]> = {};
  const questionnaire = channel.questionnaire;
  if (!questionnaire) return { ok: false, problems: [{ field: '_form', key: 'submit.error.unavailable' }] };

  // Who is reporting.
  const identityValue = single(values, FIELD.identity);
  let identityMode: IdentityMode | null = null;
  if (identityValue === 'anonymous' || identityValue === 'confidential' || identityValue === 'named') {
    identityMode = identityValue;
    kept[FIELD.identity] = identityValue;
  } else {
    problem(FIELD.identity, 'submit.error.identity_required');
  }
  let identity: Submission['identity'] = null;
  const name = single(values, FIELD.name);
  const contact = single(values, FIELD.contact);
  if (identityMode !== 'anonymous') {
    const cleanName = name === null ? null : cleanText(name);
    const cleanContact = contact === null ? null : cleanText(contact);
    if (cleanName !== null) kept[FIELD.name] = cleanName;
    if (cleanContact !== null) kept[FIELD.contact] = cleanContact;
    if (identityMode !== null) {
      if (cleanName === null || FORBIDDEN_CONTROL.test(cleanName))
        problem(FIELD.name, 'submit.error.invalid_text');
      else if (cleanName === '') problem(FIELD.name, 'submit.error.name_required');
      else if (cleanName.length > IDENTITY_LIMITS.name) problem(FIELD.name, 'submit.error.too_long');
      if (cleanContact === null || FORBIDDEN_CONTROL.test(cleanContact))
        problem(FIELD.contact, 'submit.error.invalid_text');
      else if (cleanContact === '') problem(FIELD.contact, 'submit.error.contact_required');
      else if (cleanContact.length > IDENTITY_LIMITS.contact) problem(FIELD.contact, 'submit.error.too_long');
      if (
        cleanName &&
        cleanContact &&
        !problems.some((p) => p.field === FIELD.name || p.field === FIELD.contact)
      ) {
        identity = { name: cleanName, contact: cleanContact };
      }
    }
  }
  // An anonymous report keeps no name or contact, not even in the draft.

  // Category of the channel (or "I do not know").
  let categoryId: string | null = null;
  if (channel.categories.length > 0) {
    const category = single(values, FIELD.category);
    if (category === null) problem(FIELD.category, 'submit.error.category_invalid');
    else if (category === '') problem(FIELD.category, 'submit.error.category_required');
    else if (category === CATEGORY_UNKNOWN) kept[FIELD.category] = category;
    else if (channel.categories.some((c) => c.id === category)) {
      categoryId = category;
      kept[FIELD.category] = category;
    } else problem(FIELD.category, 'submit.error.category_invalid');
  }

  // The questionnaire.
  const answers: Record<string, string | readonly string[]> = {};
  for (const question of questionnaire.questions) {
    const field = questionField(question);
    const limit = question.type === 'short_text' ? ANSWER_LIMITS.short_text : ANSWER_LIMITS.long_text;
    switch (question.type) {
      case 'short_text':
      case 'long_text': {
        const raw = single(values, field);
        if (raw === null) {
          problem(field, 'submit.error.invalid_text');
          break;
        }
        const text = cleanText(raw);
        kept[field] = text;
        if (FORBIDDEN_CONTROL.test(text)) problem(field, 'submit.error.invalid_text');
        else if (text.length > limit) problem(field, 'submit.error.too_long');
        else if (text === '' && question.required) problem(field, 'submit.error.answer_required');
        else if (text !== '') answers[question.id] = text;
        break;
      }
      case 'single_choice':
      case 'yes_no': {
        const raw = single(values, field);
        const allowed = question.type === 'yes_no' ? ['yes', 'no'] : question.options.map((o) => o.id);
        if (raw === null || (raw !== '' && !allowed.includes(raw)))
          problem(field, 'submit.error.option_invalid');
        else if (raw === '' && question.required) problem(field, 'submit.error.choose_one');
        else if (raw !== '') {
          answers[question.id] = raw;
          kept[field] = raw;
        }
        break;
      }
      case 'multiple_choice': {
        const chosen = [...new Set(many(values, field))];
        const allowed = new Set(question.options.map((o) => o.id));
        if (chosen.some((id) => !allowed.has(id))) problem(field, 'submit.error.option_invalid');
        else if (chosen.length === 0 && question.required) problem(field, 'submit.error.choose_at_least_one');
        else if (chosen.length > 0) {
          // In the questionnaire's order, whatever order the browser sent them in.
          const ordered = question.options.map((o) => o.id).filter((id) => chosen.includes(id));
          answers[question.id] = ordered;
          kept[field] = ordered;
        }
        break;
      }
      case 'date': {
        const raw = single(values, field);
        if (raw === null) {
          problem(field, 'submit.error.date_invalid');
          break;
        }
        const text = raw.trim().slice(0, 40);
        kept[field] = text;
        if (text === '') {
          if (question.required) problem(field, 'submit.error.date_required');
          break;
        }
        const date = parseDateAnswer(text);
        if (date === null) problem(field, 'submit.error.date_invalid');
        else answers[question.id] = date;
        break;
      }
      case 'files': {
        if (question.required && !files.some((f) => f.questionId === question.id)) {
          problem(fileField(question), 'submit.error.file_required');
        }
        break;
      }
      default: {
        const unknown: never = question.type;
        throw new Error(`unknown question type ${String(unknown)}`);
      }
    }
  }

  // Recipients who must not see the report.
  const excluded = [...new Set(many(values, FIELD.exclude))];
  const recipientIds = new Set(channel.recipients.map((r) => r.userId));
  if (excluded.some((id) => !recipientIds.has(id))) problem(FIELD.exclude, 'submit.error.exclusion_invalid');
  else {
    kept[FIELD.exclude] = excluded;
    if (!leavesAReader(channel, excluded)) problem(FIELD.exclude, 'submit.error.excluded_everyone');
  }

  // An address to be told of news.
  let notifyAddress: string | null = null;
  const email = single(values, FIELD.notifyEmail);
  if (email === null) problem(FIELD.notifyEmail, 'submit.error.email_invalid');
  else {
    const address = email.trim();
    kept[FIELD.notifyEmail] = address;
    if (address !== '') {
      if (address.length > IDENTITY_LIMITS.email || !EmailSchema.safeParse(address).success) {
        problem(FIELD.notifyEmail, 'submit.error.email_invalid');
      } else notifyAddress = address;
    }
  }

  const stripMetadata = single(values, FIELD.stripMetadata) === 'yes';
  kept[FIELD.stripMetadata] = stripMetadata ? 'yes' : 'no';
  kept[FIELD.version] = questionnaire.id;

  if (problems.length > 0 || identityMode === null) return { ok: false, problems };
  return {
    ok: true,
    values: kept,
    submission: {
      questionnaireVersionId: questionnaire.id,
      identityMode,
      identity: identityMode === 'anonymous' ? null : identity,
      categoryId,
      answers,
      excludedUserIds: excluded,
      notifyAddress,
      stripMetadata,
    },
  };
}

/**
 * The values to keep in the draft when the form is shown again: what was typed, without the
 * CSRF token, the honeypot and the one-off "remove" boxes, and without identity fields of an
 * anonymous report once it is valid (see validateReportForm's `values`).
 */
export function keptValues(values: DraftValues): DraftValues {
  const out: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === FIELD.honeypot || key === FIELD.removeFile || key === '_csrf') continue;
    out[key] = value;
  }
  // An unticked box sends nothing: after a post, its absence means "no".
  if (!(FIELD.stripMetadata in out)) out[FIELD.stripMetadata] = 'no';
  return out;
}

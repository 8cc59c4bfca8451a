import { z } from 'zod';
import { type FieldErrors, fieldValue, formValues } from '../../platform/http/forms.js';
import { isMessageKey, type MessageKey } from '../../platform/ui/i18n/catalogue.js';
import { MAX_CHAT_MESSAGE } from '../chat/chat.service.js';
import {
  type OpeningHours,
  OpeningHoursSchema,
  type TimeRange,
  WEEKDAYS,
  type Weekday,
} from '../opening-hours.js';
import type { ContactTopic } from '../topics.js';
import type { CannedAnswer, CannedAnswerInput } from './canned-answers.js';

/** Time slots per weekday on the form (the schedule allows at most four). */
export const RANGES_PER_DAY = 4;

/** The form field of one end of one time slot: `mon_1_from`, slots counted from 1. */
export function rangeField(day: Weekday, slot: number, end: 'from' | 'to'): string {
  return `${day}_${slot}_${end}`;
}

type Values = Record<string, string | string[]>;
type Parsed<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly errors: FieldErrors; readonly values: Values };

const noNul = (v: string) => !v.includes('\0');
const text = (max: number, required: MessageKey, tooLong: MessageKey) =>
  z
    .string(required)
    .transform((v) => v.trim())
    .refine((v) => v.length > 0, required)
    .refine(noNul, 'contact_admin.error_invalid_characters')
    .refine((v) => [...v].length <= max, tooLong);
const position = z
  .string('contact_admin.error_position')
  .trim()
  .regex(/^\d{1,4}$/, 'contact_admin.error_position')
  .transform(Number);

const TopicFieldsSchema = z.object({
  name_nl: text(200, 'contact_admin.topic.error_name_nl_required', 'contact_admin.topic.error_name_too_long'),
  name_en: text(200, 'contact_admin.topic.error_name_en_required', 'contact_admin.topic.error_name_too_long'),
  slug: z
    .string('contact_admin.topic.error_slug')
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'contact_admin.topic.error_slug'),
  position,
  active: z.string().optional(),
  closed_on_holidays: z.string().optional(),
});

/** A topic as the admin saves it; opening hours already validated by {@link OpeningHoursSchema}. */
export interface TopicInput {
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string;
  readonly position: number;
  readonly active: boolean;
  readonly openingHours: OpeningHours;
}

/** Where a field's error goes, in the order of the form (for the error summary). */
function fieldOrder(): string[] {
  const order = ['name_nl', 'name_en', 'slug', 'position', 'active'];
  for (const day of WEEKDAYS) {
    order.push(day);
    for (let slot = 1; slot <= RANGES_PER_DAY; slot++) {
      order.push(rangeField(day, slot, 'from'), rangeField(day, slot, 'to'));
    }
  }
  order.push('closed_on_holidays', 'closed_dates');
  return order;
}
const FIELD_ORDER = fieldOrder();

function ordered(errors: Map<string, MessageKey>): FieldErrors {
  return Object.fromEntries(
    [...errors.entries()].sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)),
  );
}

/** `9:00` → `09:00` (people type it so); anything else is left for the schema to judge. */
function normaliseTime(value: string): string {
  const v = value.trim();
  return /^\d:\d\d$/.test(v) ? `0${v}` : v;
}

/**
 * Parses the topic form: names, slug, order, active, and the opening hours as up to four
 * `from`/`to` slots per weekday, closed on holidays, and extra closed dates (one per line). The
 * schedule is judged by {@link OpeningHoursSchema}, whose messages (`contact.opening_hours.*`)
 * land on the slot or the day they concern. Nothing typed is lost on failure.
 */
export function parseTopicForm(body: unknown): Parsed<TopicInput> {
  const values = formValues(body);
  const errors = new Map<string, MessageKey>();
  const add = (field: string, key: MessageKey) => {
    if (!errors.has(field)) errors.set(field, key);
  };
  const fields = TopicFieldsSchema.safeParse(values);
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      add(
        String(issue.path[0] ?? 'name_nl'),
        isMessageKey(issue.message) ? issue.message : 'error.validation_failed',
      );
    }
  }

  // Which form slot each schedule range came from, to put the schema's messages back on it.
  const slotsOf = new Map<Weekday, number[]>();
  const weekly = {} as Record<Weekday, TimeRange[]>;
  for (const day of WEEKDAYS) {
    const ranges: TimeRange[] = [];
    const slots: number[] = [];
    for (let slot = 1; slot <= RANGES_PER_DAY; slot++) {
      const from = normaliseTime(fieldValue(values, rangeField(day, slot, 'from')));
      const to = normaliseTime(fieldValue(values, rangeField(day, slot, 'to')));
      if (from === '' && to === '') continue;
      if (from === '') add(rangeField(day, slot, 'from'), 'contact_admin.topic.error_range_incomplete');
      else if (to === '') add(rangeField(day, slot, 'to'), 'contact_admin.topic.error_range_incomplete');
      ranges.push({ from, to });
      slots.push(slot);
    }
    weekly[day] = ranges;
    slotsOf.set(day, slots);
  }
  const datesText = fieldValue(values, 'closed_dates');
  const dates = [...new Set(datesText.split(/[\s,;]+/).filter((d) => d !== ''))].sort();
  const schedule = OpeningHoursSchema.safeParse({
    timeZone: 'Europe/Brussels',
    weekly,
    closedOnHolidays: fields.success ? fields.data.closed_on_holidays === 'yes' : false,
    ...(dates.length > 0 ? { extraClosedDates: dates } : {}),
  });
  if (!schedule.success) {
    for (const issue of schedule.error.issues) {
      const key = isMessageKey(issue.message) ? issue.message : 'error.validation_failed';
      const [top, day, index, end] = issue.path;
      if (top === 'weekly' && typeof day === 'string' && WEEKDAYS.includes(day as Weekday)) {
        const slot = typeof index === 'number' ? slotsOf.get(day as Weekday)?.[index] : undefined;
        if (slot !== undefined) add(rangeField(day as Weekday, slot, end === 'to' ? 'to' : 'from'), key);
        else add(day, key);
      } else {
        add('closed_dates', key);
      }
    }
  }
  if (errors.size > 0 || !fields.success || !schedule.success) {
    return { ok: false, errors: ordered(errors), values };
  }
  const f = fields.data;
  return {
    ok: true,
    data: {
      slug: f.slug,
      nameNl: f.name_nl,
      nameEn: f.name_en,
      position: f.position,
      active: f.active === 'yes',
      openingHours: schedule.data,
    },
  };
}

/** The form's values for a stored topic (or the defaults of a new one). */
export function topicValues(topic: ContactTopic): Values {
  const values: Values = {
    name_nl: topic.nameNl,
    name_en: topic.nameEn,
    slug: topic.slug,
    position: String(topic.position),
    closed_dates: (topic.openingHours.extraClosedDates ?? []).join('\n'),
  };
  if (topic.active) values.active = 'yes';
  if (topic.openingHours.closedOnHolidays) values.closed_on_holidays = 'yes';
  for (const day of WEEKDAYS) {
    topic.openingHours.weekly[day].forEach((range, index) => {
      values[rangeField(day, index + 1, 'from')] = range.from;
      values[rangeField(day, index + 1, 'to')] = range.to;
    });
  }
  return values;
}

const CannedAnswerSchema = z.object({
  title_nl: text(
    100,
    'contact_admin.answer.error_title_required',
    'contact_admin.answer.error_title_too_long',
  ),
  title_en: text(
    100,
    'contact_admin.answer.error_title_required',
    'contact_admin.answer.error_title_too_long',
  ),
  // Also in UTF-16 units, as the chat counts a message (MAX_CHAT_MESSAGE): else it could not be sent.
  body_nl: text(
    2000,
    'contact_admin.answer.error_body_required',
    'contact_admin.answer.error_body_too_long',
  ).refine((v) => v.length <= MAX_CHAT_MESSAGE, 'contact_admin.answer.error_body_too_long'),
  body_en: text(
    2000,
    'contact_admin.answer.error_body_required',
    'contact_admin.answer.error_body_too_long',
  ).refine((v) => v.length <= MAX_CHAT_MESSAGE, 'contact_admin.answer.error_body_too_long'),
  position,
});

/** Parses the canned-answer form (both languages required). */
export function parseCannedAnswerForm(body: unknown): Parsed<CannedAnswerInput> {
  const values = formValues(body);
  // Browsers send line breaks as CRLF; the limit counts them as one, like the textarea does.
  const normalised = { ...values };
  for (const name of ['body_nl', 'body_en']) {
    const v = normalised[name];
    if (typeof v === 'string') normalised[name] = v.replace(/\r\n?/g, '\n');
  }
  const parsed = CannedAnswerSchema.safeParse(normalised);
  if (!parsed.success) {
    const errors = new Map<string, MessageKey>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'title_nl');
      if (!errors.has(field))
        errors.set(field, isMessageKey(issue.message) ? issue.message : 'error.validation_failed');
    }
    const order = ['title_nl', 'title_en', 'body_nl', 'body_en', 'position'];
    return {
      ok: false,
      errors: Object.fromEntries([...errors].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))),
      values,
    };
  }
  const d = parsed.data;
  return {
    ok: true,
    data: {
      titleNl: d.title_nl,
      titleEn: d.title_en,
      bodyNl: d.body_nl,
      bodyEn: d.body_en,
      position: d.position,
    },
  };
}

/** The form's values for a stored canned answer. */
export function cannedAnswerValues(answer: CannedAnswer): Values {
  return {
    title_nl: answer.titleNl,
    title_en: answer.titleEn,
    body_nl: answer.bodyNl,
    body_en: answer.bodyEn,
    position: String(answer.position),
  };
}

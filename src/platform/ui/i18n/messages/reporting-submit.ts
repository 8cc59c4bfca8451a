import { defineMessages } from '../define.js';

/** The reporter's way in: which way to go, the report form, review and receipt (src/reporting/submit). */
export const reportingSubmitMessages = defineMessages({}, {});

import { defineMessages } from '../define.js';

/** The handler's side: inbox, report, acknowledgement, messages, forward, recuse, reveal, oral reports (src/reporting/handling). */
export const reportingHandlingMessages = defineMessages({}, {});

import { defineMessages } from '../define.js';

/** The reporter's mailbox: follow up a report with the receipt (src/reporting/mailbox). */
export const reportingMailboxMessages = defineMessages({}, {});

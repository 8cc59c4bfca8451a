import { defineMessages } from '../define.js';

/** The outbox and its administration page (src/platform/mail). */
export const mailMessages = defineMessages({}, {});

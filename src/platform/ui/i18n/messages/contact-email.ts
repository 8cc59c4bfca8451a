import { defineMessages } from '../define.js';

/** E-mail to 1700 (src/contact/email). */
export const contactEmailMessages = defineMessages({}, {});

import { defineMessages } from '../define.js';

/** The visitor's side of the contact channel: contact page, chat pages (src/contact/visitor). */
export const contactVisitorMessages = defineMessages({}, {});

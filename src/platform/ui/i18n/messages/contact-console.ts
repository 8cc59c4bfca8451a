import { defineMessages } from '../define.js';

/** The agents' console (src/contact/console). */
export const contactConsoleMessages = defineMessages({}, {});

import { defineMessages } from '../define.js';

/** Administration of topics and canned answers, page feedback (src/contact/admin, src/feedback). */
export const contactAdminMessages = defineMessages({}, {});

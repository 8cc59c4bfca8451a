import { defineMessages } from '../define.js';

/** The live chat's engine: queue, assignment, sockets (src/contact/chat). */
export const contactChatMessages = defineMessages({}, {});

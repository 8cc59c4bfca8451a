import { defineMessages } from '../define.js';

/** Recipients' key pairs: creating, unlocking, recovering (src/reporting/keys). */
export const keysMessages = defineMessages({}, {});

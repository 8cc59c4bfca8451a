import { defineMessages } from '../define.js';

/** Administration of reporting channels, categories, recipients and questionnaires (src/reporting/channels). */
export const reportingChannelsMessages = defineMessages({}, {});

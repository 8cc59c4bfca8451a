import { defineMessages } from '../define.js';

/** Words the design system's components add on their own (banner titles, empty tables). */
export const uiMessages = defineMessages(
  {
    'ui.error_prefix': 'Fout:',
    'ui.banner.info': 'Belangrijk',
    'ui.banner.success': 'Gelukt',
    'ui.banner.warning': 'Let op',
    'ui.table.empty': 'Er is niets om te tonen.',
    'ui.summary_list.change': 'Wijzigen',
  },
  {
    'ui.error_prefix': 'Error:',
    'ui.banner.info': 'Important',
    'ui.banner.success': 'Success',
    'ui.banner.warning': 'Warning',
    'ui.table.empty': 'There is nothing to show.',
    'ui.summary_list.change': 'Change',
  },
);

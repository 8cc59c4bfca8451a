import { defineMessages } from '../define.js';

/** Shared texts of the contact channel 1700 (src/contact): topics, opening hours, wait estimates. */
export const contactMessages = defineMessages(
  {
    'contact.opening_hours.error_time_format': 'Geef een tijd als UU:MM, bijvoorbeeld 09:00.',
    'contact.opening_hours.error_range_order': 'Het einde moet na het begin liggen.',
    'contact.opening_hours.error_too_many_ranges': 'Geef ten hoogste vier tijdvakken per dag.',
    'contact.opening_hours.error_overlap': 'De tijdvakken van een dag mogen elkaar niet overlappen.',
    'contact.opening_hours.error_date_format': 'Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24.',
    'contact.wait.none': 'Er is nu geen medewerker online: we kunnen geen wachttijd schatten.',
    'contact.wait.soon': 'U bent zo aan de beurt.',
    'contact.wait.range': 'Geschatte wachttijd: {low} tot {high} minuten.',
  },
  {
    'contact.opening_hours.error_time_format': 'Enter a time as HH:MM, for example 09:00.',
    'contact.opening_hours.error_range_order': 'The end must come after the start.',
    'contact.opening_hours.error_too_many_ranges': 'Enter at most four time slots per day.',
    'contact.opening_hours.error_overlap': 'The time slots of a day must not overlap.',
    'contact.opening_hours.error_date_format': 'Enter a date as YYYY-MM-DD, for example 2026-12-24.',
    'contact.wait.none': 'No agent is online right now: we cannot estimate the wait.',
    'contact.wait.soon': 'It will be your turn shortly.',
    'contact.wait.range': 'Estimated wait: {low} to {high} minutes.',
  },
);

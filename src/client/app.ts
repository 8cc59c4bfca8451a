/**
 * Progressive enhancement for every page; nothing depends on it.
 * - Moves focus to an error summary so screen reader users hear what went wrong (GOV.UK pattern).
 */
const summary = document.querySelector<HTMLElement>('[data-error-summary]');
if (summary) summary.focus();

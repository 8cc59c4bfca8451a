/**
 * Progressive enhancement for every page; nothing depends on it.
 * - Moves focus to an error summary, or else to a success banner, so screen reader users hear
 *   what went wrong or that their action worked (GOV.UK pattern).
 */
const target =
  document.querySelector<HTMLElement>('[data-error-summary]') ??
  document.querySelector<HTMLElement>('[data-focus-on-load]');
if (target) target.focus();

import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../http/csrf.js';
import type { FieldErrors } from '../http/forms.js';
import type { MessageKey, Translate } from './i18n/catalogue.js';
import type { PageContext } from './page-context.js';

/**
 * The design system's building blocks, rendered on the server. Class names follow a BEM-like
 * scheme styled in public/assets/site.css. Every field has a visible label; hints and errors are
 * tied to the control with aria-describedby; an invalid control has aria-invalid.
 */

/** The hidden CSRF field every POST form must contain. */
export function CsrfField(props: { readonly page: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.page.csrfToken} />;
}

/**
 * The GOV.UK error summary: a titled list at the top of the form, each message a link to its
 * field. `src/client/app.ts` moves focus to it; without script, `role="alert"` announces it.
 */
export function ErrorSummary(props: {
  readonly page: PageContext;
  readonly errors: FieldErrors | undefined;
}) {
  const { t } = props.page;
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      data-error-summary
    >
      <h2 class="error-summary__title" id="error-summary-title">
        {t('form.error_summary_title')}
      </h2>
      <ul class="error-summary__list">
        {entries.map(([field, key]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The id of a field's control (for labels and error-summary links). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * Text a component shows: a catalogue key, or `{ text }` that is already in the reader's language
 * (a name from the database, a string the view translated with parameters).
 */
export type UiText = MessageKey | { readonly text: string };

/** Resolves a {@link UiText} in the page's language. */
export function say(t: Translate, text: UiText): string {
  return typeof text === 'string' ? t(text) : text.text;
}

interface FieldProps {
  readonly page: PageContext;
  readonly name: string;
  readonly label: UiText;
  readonly hint?: UiText | undefined;
  readonly error?: MessageKey | undefined;
  readonly optional?: boolean;
}

/** Label, hint and error around one control; `children` receives the described-by ids. */
function FieldFrame(
  props: FieldProps & { readonly children: (describedBy: string | undefined) => ComponentChildren },
) {
  const { t } = props.page;
  const id = fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {say(t, props.label)}
        {props.optional && <span class="field__optional"> {t('form.optional')}</span>}
      </label>
      {props.hint && (
        <p class="field__hint" id={hintId}>
          {say(t, props.hint)}
        </p>
      )}
      {props.error && <FieldError id={errorId} page={props.page} error={props.error} />}
      {props.children(describedBy)}
    </div>
  );
}

/** A text-like input (text, email, password, number, date, search). */
export function TextField(
  props: FieldProps & {
    readonly value?: string;
    readonly type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'search' | 'tel' | 'url';
    readonly autocomplete?: string;
    readonly maxLength?: number;
    readonly inputMode?: 'numeric' | 'text' | 'email';
    readonly width?: 'short' | 'medium' | 'full';
  },
) {
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <input
          class={`input input--${props.width ?? 'full'}`}
          id={fieldId(props.name)}
          name={props.name}
          type={(props.type ?? 'text') as 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          maxLength={props.maxLength}
          inputMode={props.inputMode}
          required={!props.optional}
          aria-describedby={describedBy}
          aria-invalid={props.error ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  );
}

/** A multi-line text field. */
export function TextareaField(
  props: FieldProps & { readonly value?: string; readonly rows?: number; readonly maxLength?: number },
) {
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <textarea
          class="textarea"
          id={fieldId(props.name)}
          name={props.name}
          rows={props.rows ?? 5}
          maxLength={props.maxLength}
          required={!props.optional}
          aria-describedby={describedBy}
          aria-invalid={props.error ? 'true' : undefined}
        >
          {props.value ?? ''}
        </textarea>
      )}
    </FieldFrame>
  );
}

/** A submit or plain button; `variant` picks the look. */
export function Button(props: {
  readonly children: ComponentChildren;
  readonly variant?: 'primary' | 'secondary' | 'warning' | 'link';
  readonly type?: 'submit' | 'button';
  readonly name?: string;
  readonly value?: string;
}) {
  return (
    <button
      type={props.type ?? 'submit'}
      class={`button button--${props.variant ?? 'primary'}`}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

/** A field's error message; the hidden prefix tells screen reader users it is an error, not a hint. */
function FieldError(props: {
  readonly page: PageContext;
  readonly id: string | undefined;
  readonly error: MessageKey;
}) {
  const { t } = props.page;
  return (
    <p class="field__error" id={props.id}>
      <span class="visually-hidden">{`${t('ui.error_prefix')} `}</span>
      {t(props.error)}
    </p>
  );
}

/** A link that looks like a button, for actions that only navigate ("Start", "Back to the list"). */
export function ButtonLink(props: {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly variant?: 'primary' | 'secondary';
}) {
  return (
    <a class={`button button--${props.variant ?? 'primary'}`} href={props.href}>
      {props.children}
    </a>
  );
}

/**
 * The top of a page: an optional caption (the section it belongs to), the page's only `h1`, and an
 * optional lead paragraph. Texts arrive translated, since titles often carry data.
 */
export function PageHeader(props: {
  readonly title: string;
  readonly caption?: string | undefined;
  readonly lead?: string | undefined;
  readonly children?: ComponentChildren;
}) {
  return (
    <div class="page-header">
      {props.caption && <p class="page-header__caption">{props.caption}</p>}
      <h1 class="page-header__title">{props.title}</h1>
      {props.lead && <p class="lead">{props.lead}</p>}
      {props.children}
    </div>
  );
}

/** One choice in {@link Radios} or {@link Checkboxes}. */
export interface ChoiceOption {
  readonly value: string;
  readonly label: UiText;
  readonly hint?: UiText | undefined;
}

interface ChoicesProps {
  readonly page: PageContext;
  readonly name: string;
  /** The question; it names the group (`<legend>`). */
  readonly legend: UiText;
  /** Shows the legend as the page's `h1` (for a page that asks one question). */
  readonly legendAsHeading?: boolean;
  readonly hint?: UiText | undefined;
  readonly error?: MessageKey | undefined;
  readonly options: readonly ChoiceOption[];
  /** Side by side instead of stacked; only for two or three short options. */
  readonly inline?: boolean;
}

/**
 * A group of radios or checkboxes in a fieldset. The first control gets the field's id so an
 * error-summary link lands on it; the group is described by its hint and error; each option's
 * own hint describes that option.
 */
function Choices(
  props: ChoicesProps & {
    readonly type: 'radio' | 'checkbox';
    readonly checked: (value: string) => boolean;
    readonly required: boolean;
  },
) {
  const { t } = props.page;
  const id = fieldId(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const legend = say(t, props.legend);
  const kind = props.type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend
          class={props.legendAsHeading ? 'fieldset__legend fieldset__legend--heading' : 'fieldset__legend'}
        >
          {props.legendAsHeading ? <h1 class="fieldset__heading">{legend}</h1> : legend}
        </legend>
        {props.hint && (
          <p class="field__hint" id={hintId}>
            {say(t, props.hint)}
          </p>
        )}
        {props.error && <FieldError id={errorId} page={props.page} error={props.error} />}
        <div class={props.inline ? `choices choices--${kind} choices--inline` : `choices choices--${kind}`}>
          {props.options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const optionHintId = option.hint ? `${inputId}-hint` : undefined;
            return (
              <div class="choice" key={option.value}>
                <input
                  class="choice__input"
                  id={inputId}
                  name={props.name}
                  type={props.type}
                  value={option.value}
                  checked={props.checked(option.value)}
                  required={props.required}
                  aria-describedby={optionHintId}
                  aria-invalid={props.error ? 'true' : undefined}
                />
                <label class="choice__label" for={inputId}>
                  {say(t, option.label)}
                </label>
                {option.hint && (
                  <p class="choice__hint" id={optionHintId}>
                    {say(t, option.hint)}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Radios: exactly one answer from a short list (use {@link Select} for long lists). */
export function Radios(
  props: ChoicesProps & { readonly value?: string | undefined; readonly optional?: boolean },
) {
  return (
    <Choices {...props} type="radio" required={!props.optional} checked={(value) => value === props.value} />
  );
}

/** Checkboxes: any number of answers; an unchecked box sends nothing, so parse the field as an array. */
export function Checkboxes(props: ChoicesProps & { readonly values?: readonly string[] | undefined }) {
  const selected = new Set(props.values ?? []);
  return <Choices {...props} type="checkbox" required={false} checked={(value) => selected.has(value)} />;
}

/** One entry of a {@link Select}. */
export interface SelectOption {
  readonly value: string;
  readonly label: UiText;
  readonly disabled?: boolean;
}

/** A drop-down list; `placeholder` adds a first empty option ("Choose an option"). */
export function Select(
  props: FieldProps & {
    readonly options: readonly SelectOption[];
    readonly value?: string | undefined;
    readonly placeholder?: UiText | undefined;
  },
) {
  const { t } = props.page;
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <select
          class="select"
          id={fieldId(props.name)}
          name={props.name}
          required={!props.optional}
          aria-describedby={describedBy}
          aria-invalid={props.error ? 'true' : undefined}
        >
          {props.placeholder && (
            <option value="" selected={!props.value}>
              {say(t, props.placeholder)}
            </option>
          )}
          {props.options.map((option) => (
            <option
              key={option.value}
              value={option.value}
              selected={option.value === props.value}
              disabled={option.disabled}
            >
              {say(t, option.label)}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * A file upload field. The form needs `enctype="multipart/form-data"`; a browser never keeps the
 * chosen file after a failed submit, so the hint should say the file must be chosen again.
 */
export function FileInput(
  props: FieldProps & { readonly accept?: string | undefined; readonly multiple?: boolean },
) {
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <input
          class="file-input"
          id={fieldId(props.name)}
          name={props.name}
          type="file"
          accept={props.accept}
          multiple={props.multiple}
          required={!props.optional}
          aria-describedby={describedBy}
          aria-invalid={props.error ? 'true' : undefined}
        />
      )}
    </FieldFrame>
  );
}

/**
 * A message about the page or about what just happened. `info` and `success` are polite
 * (`role="status"`), `warning` interrupts (`role="alert"`). A success banner also takes focus on
 * load (src/client/app.ts), so screen reader users hear that their action worked.
 */
export function NotificationBanner(props: {
  readonly page: PageContext;
  readonly type?: 'info' | 'success' | 'warning';
  /** Defaults to "Important", "Success" or "Warning". */
  readonly title?: UiText | undefined;
  /** Needed when a page shows two banners of the same type (the title's id derives from it). */
  readonly id?: string;
  readonly children: ComponentChildren;
}) {
  const { t } = props.page;
  const type = props.type ?? 'info';
  const titleId = `${props.id ?? `notification-${type}`}-title`;
  const isSuccess = type === 'success';
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is status or alert, both named by their title.
    <div
      class={`notification notification--${type}`}
      role={type === 'warning' ? 'alert' : 'status'}
      aria-labelledby={titleId}
      tabIndex={isSuccess ? -1 : undefined}
      data-focus-on-load={isSuccess ? '' : undefined}
    >
      <h2 class="notification__title" id={titleId}>
        {props.title ? say(t, props.title) : t(`ui.banner.${type}`)}
      </h2>
      <div class="notification__content">{props.children}</div>
    </div>
  );
}

/** One column of a {@link Table}. */
export interface TableColumn {
  readonly key: string;
  readonly label: UiText;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** The header becomes a link that sorts by this column. */
  readonly sortable?: boolean;
}

/** One row of a {@link Table}: one cell per column, in column order. */
export interface TableRow {
  readonly key: string;
  readonly cells: readonly ComponentChildren[];
}

/** The sort a list page applied; its query parameters are `sort` and `dir` unless told otherwise. */
export interface TableSort {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * A data table with a caption and column headers (`scope="col"`); with `rowHeaders` the first
 * cell of each row is its header (`scope="row"`). Sortable headers are links that keep the other
 * query parameters, reverse the current sort and return to the first page; the sorted column
 * carries `aria-sort`. The table scrolls sideways in a focusable region on narrow screens.
 */
export function Table(props: {
  readonly page: PageContext;
  readonly caption: UiText;
  /** Hide the caption visually when a heading right above says the same. */
  readonly captionHidden?: boolean;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly rowHeaders?: boolean;
  readonly sort?: TableSort | undefined;
  readonly sortParam?: string;
  readonly directionParam?: string;
  /** The pagination parameter to drop when the sort changes. */
  readonly pageParam?: string;
  /** Shown in place of rows when there are none. */
  readonly empty?: UiText;
  /** Needed when a page shows more than one table. */
  readonly id?: string;
}) {
  const { t } = props.page;
  const captionId = `${props.id ?? 'table'}-caption`;
  const sortParam = props.sortParam ?? 'sort';
  const directionParam = props.directionParam ?? 'dir';
  const pageParam = props.pageParam ?? 'page';
  return (
    // A table wider than the screen scrolls inside this region, which keyboard users must be
    // able to reach (WCAG 2.1.1); the caption names it (Roselli's responsive table pattern).
    // biome-ignore lint/a11y/useSemanticElements: a <section> would not add anything a div with a role lacks.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above: the region scrolls, so it must be focusable.
    <div class="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table class="table">
        <caption
          class={props.captionHidden ? 'table__caption visually-hidden' : 'table__caption'}
          id={captionId}
        >
          {say(t, props.caption)}
        </caption>
        <thead>
          <tr>
            {props.columns.map((column) => {
              const label = say(t, column.label);
              const current = props.sort?.column === column.key ? props.sort.direction : undefined;
              const classes = ['table__header', column.numeric ? 'table__header--numeric' : ''].filter(
                Boolean,
              );
              if (!column.sortable) {
                return (
                  <th key={column.key} scope="col" class={classes.join(' ')}>
                    {label}
                  </th>
                );
              }
              const next = current === 'asc' ? 'desc' : 'asc';
              const href = withQuery(props.page.path, {
                [sortParam]: column.key,
                [directionParam]: next,
                [pageParam]: null,
              });
              return (
                <th
                  key={column.key}
                  scope="col"
                  class={classes.join(' ')}
                  aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
                >
                  <a class={`table__sort table__sort--${current ?? 'none'}`} href={href}>
                    {label}
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td class="table__cell table__cell--empty" colSpan={props.columns.length}>
                {say(t, props.empty ?? 'ui.table.empty')}
              </td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => {
                  const numeric = props.columns[index]?.numeric;
                  const className = numeric ? 'table__cell table__cell--numeric' : 'table__cell';
                  const key = props.columns[index]?.key ?? String(index);
                  return index === 0 && props.rowHeaders ? (
                    <th key={key} scope="row" class={className}>
                      {cell}
                    </th>
                  ) : (
                    <td key={key} class={className}>
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Returns `path` (path and query, as in `page.path`) with some query parameters set or, for
 * `null`, removed; the others are kept in their order.
 */
export function withQuery(path: string, changes: Readonly<Record<string, string | null>>): string {
  const url = new URL(path, 'http://localhost');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}`;
}

/** The page numbers to show: the first, the last, and the current one with its neighbours; `null` is a gap. */
export function paginationItems(current: number, count: number): readonly (number | null)[] {
  const shown = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const items: (number | null)[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push(null);
    items.push(n);
    previous = n;
  }
  return items;
}

/**
 * "Results 21 to 40 of 95" and, when there is more than one page, a navigation with previous,
 * next and page links (the current one marked with `aria-current="page"`). Links keep the other
 * query parameters (filters, sort); page 1 drops the parameter. Pages are counted from 1.
 */
export function Pagination(props: {
  readonly page: PageContext;
  readonly currentPage: number;
  readonly pageSize: number;
  readonly total: number;
  readonly param?: string;
}) {
  const { t, path } = props.page;
  const param = props.param ?? 'page';
  const total = Math.max(0, Math.floor(props.total));
  const pageSize = Math.max(1, Math.floor(props.pageSize));
  const count = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(props.currentPage) || 1), count);
  if (total === 0) return null;
  const from = (current - 1) * pageSize + 1;
  const to = Math.min(current * pageSize, total);
  const href = (n: number) => withQuery(path, { [param]: n === 1 ? null : String(n) });
  return (
    <div class="pagination">
      <p class="pagination__summary">{t('pagination.summary', { from, to, total })}</p>
      {count > 1 && (
        <nav class="pagination__nav" aria-label={t('pagination.label')}>
          <ul class="pagination__list">
            {current > 1 && (
              <li class="pagination__item pagination__item--previous">
                <a class="pagination__link" href={href(current - 1)} rel="prev">
                  {t('pagination.previous')}
                </a>
              </li>
            )}
            {paginationItems(current, count).map((n, index) =>
              n === null ? (
                <li key={`gap-${index}`} class="pagination__item pagination__item--gap">
                  …
                </li>
              ) : (
                <li key={n} class="pagination__item">
                  <a
                    class="pagination__link"
                    href={href(n)}
                    aria-label={t('pagination.page', { page: n })}
                    aria-current={n === current ? 'page' : undefined}
                  >
                    {n}
                  </a>
                </li>
              ),
            )}
            {current < count && (
              <li class="pagination__item pagination__item--next">
                <a class="pagination__link" href={href(current + 1)} rel="next">
                  {t('pagination.next')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}

/** The tones of a {@link StatusTag}; the text always says the status, the colour only repeats it. */
export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'progress';

/** A short status label ("Received", "Overdue") in a coloured box with a visible border. */
export function StatusTag(props: {
  readonly page: PageContext;
  readonly label: UiText;
  readonly tone?: StatusTone;
}) {
  return <strong class={`tag tag--${props.tone ?? 'neutral'}`}>{say(props.page.t, props.label)}</strong>;
}

/** One row of a {@link SummaryList}; the optional action is a link such as "Change". */
export interface SummaryRow {
  readonly key: UiText;
  readonly value: ComponentChildren;
  readonly action?: { readonly href: string; readonly label?: UiText } | undefined;
}

/**
 * Key/value pairs (`<dl>`), e.g. the facts of a case or the answers before submitting. An action
 * link carries the row's key as hidden text, so "Change" is never ambiguous out of context.
 */
export function SummaryList(props: { readonly page: PageContext; readonly rows: readonly SummaryRow[] }) {
  const { t } = props.page;
  return (
    <dl class="summary-list">
      {props.rows.map((row) => {
        const key = say(t, row.key);
        return (
          <div class="summary-list__row" key={key}>
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{row.value}</dd>
            {row.action && (
              <dd class="summary-list__actions">
                <a href={row.action.href}>
                  {say(t, row.action.label ?? 'ui.summary_list.change')}
                  <span class="visually-hidden">{` ${key}`}</span>
                </a>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}

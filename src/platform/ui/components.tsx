import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../http/csrf.js';
import type { FieldErrors } from '../http/forms.js';
import type { MessageKey } from './i18n/catalogue.js';
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

interface FieldProps {
  readonly page: PageContext;
  readonly name: string;
  readonly label: MessageKey;
  readonly hint?: MessageKey | undefined;
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
        {t(props.label)}
        {props.optional && <span class="field__optional"> {t('form.optional')}</span>}
      </label>
      {props.hint && (
        <p class="field__hint" id={hintId}>
          {t(props.hint)}
        </p>
      )}
      {props.error && (
        <p class="field__error" id={errorId}>
          {t(props.error)}
        </p>
      )}
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

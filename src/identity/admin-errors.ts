import { AppError, isAppError } from '../platform/errors.js';
import type { FieldErrors } from '../platform/http/forms.js';
import type { MessageKey } from '../platform/ui/i18n/catalogue.js';

/**
 * How the administration services report a problem the person can fix: a message for one field
 * (`validation_failed`, 422: a taken username, an unknown entity) or a refusal of the whole action
 * (`conflict`, 409: deactivating yourself, removing the last admin). Routes show either on the form.
 */
export function fieldError(field: string, message: MessageKey): AppError {
  return new AppError('validation_failed', { errors: { [field]: message } });
}

/** A refusal of the whole action, with the message that says why. */
export function refusal(message: MessageKey): AppError {
  return new AppError('conflict', { message });
}

/** The field messages of an error made by {@link fieldError}, or undefined for any other error. */
export function fieldErrorsOf(error: unknown): FieldErrors | undefined {
  if (!isAppError(error) || error.code !== 'validation_failed') return undefined;
  const errors = error.details?.errors;
  return errors && typeof errors === 'object' ? (errors as FieldErrors) : undefined;
}

/** The message of an error made by {@link refusal}, or undefined for any other error. */
export function refusalOf(error: unknown): MessageKey | undefined {
  if (!isAppError(error) || error.code !== 'conflict') return undefined;
  const message = error.details?.message;
  return typeof message === 'string' ? (message as MessageKey) : undefined;
}

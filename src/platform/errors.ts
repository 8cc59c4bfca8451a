/**
 * One error type for every expected failure. Codes are stable snake_case identifiers; each maps
 * to one HTTP status below and to a message in the catalogues under `error.<code>`.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  /** The form's CSRF token was missing or did not match this browser's. */
  csrf_invalid: 403,
  not_authenticated: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  /** The one-time setup token was wrong, or setup has already been done. */
  setup_token_invalid: 403,
  conflict: 409,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

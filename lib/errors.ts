// Typed errors that carry a message for logs and a catalogue key for the user.
// Server actions turn them into { ok: false, code, userMessage }; route handlers map codes to HTTP statuses.

export const ERROR_CODES = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** key in the `errors` namespace of the message catalogues */
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;
  /** Data the user may see alongside the message (for example the possible duplicates of a new client). */
  readonly exposed?: Record<string, unknown>;

  constructor(code: ErrorCode, options: { message?: string; userMessage?: string; details?: Record<string, unknown>; exposed?: Record<string, unknown> } = {}) {
    super(options.message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? code;
    this.details = options.details;
    this.exposed = options.exposed;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export type ActionResult<T> =
  | { ok: true; data: T }
  // `message`: userMessage already in the reader's language, when the catalogues have that key.
  | { ok: false; code: ErrorCode; userMessage: string; message?: string; fieldErrors?: Record<string, string[]>; exposed?: Record<string, unknown> };

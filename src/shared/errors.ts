import { z } from 'zod';

/**
 * Stable error codes. The renderer and the CLI switch on these, never on
 * message text, so a code once published is never renamed.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'CONFLICT',
  'POLICY',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'RATE_LIMITED',
  'NETWORK',
  'DISK_FULL',
  'AUTH_FAILED',
  'UNSUPPORTED',
  'INTERNAL',
  /** The user stopped the operation (a sync's Cancel or Ctrl+C); nothing was changed. */
  'CANCELLED',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  data: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error that crosses process boundaries as data: `{ code, message, data }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly data: unknown;

  constructor(code: ErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.data = data;
  }

  toJSON(): ApiError {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns a zod failure into a readable one-line message naming the fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

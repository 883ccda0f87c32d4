import { ZodError } from 'zod';
import { ConflictError, DuplicateError, NotFoundError, StoreValidationError } from '../store/errors.ts';

/** An error the API reports to the caller as `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const unauthorized = (message = 'Sign in to use this API') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have permission to do this') => new ApiError(403, 'forbidden', message);
export const notFound = (what = 'The resource') => new ApiError(404, 'not_found', `${what} was not found`);

/**
 * A record the caller may see, else the same 404 as for an id that does not exist, so a refusal
 * never tells anyone which ids are real. Check seeing here; refuse an action (403) only after it.
 */
export function visibleOr404<T>(record: T | undefined, maySee: (record: T) => boolean, what: string): T {
  if (record === undefined || !maySee(record)) throw notFound(what);
  return record;
}

/** Turns any thrown value into an ApiError, so no handler leaks internals or stack traces. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) {
    return new ApiError(
      400,
      'invalid_request',
      'The request is not valid',
      err.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: i.message })),
    );
  }
  if (err instanceof NotFoundError) return notFound('The record');
  if (err instanceof ConflictError) {
    return new ApiError(409, 'conflict', 'Someone else changed this record since you opened it; reload and try again');
  }
  if (err instanceof DuplicateError) return new ApiError(409, 'duplicate', 'This record already exists');
  if (err instanceof StoreValidationError) {
    return new ApiError(400, 'invalid_record', 'The record is not valid', err.problems);
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on the server; it has been logged');
}

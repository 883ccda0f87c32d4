import { ZodError } from 'zod';
import { DomainError, type FieldProblem, type Refusal } from '../errors.ts';
import {
  ConflictError,
  DuplicateError,
  InvalidCursorError,
  NotFoundError,
  StoreValidationError,
} from '../store/errors.ts';

/**
 * What the API sends for a refusal, as `{ error: { code, message, details? } }`, where details is
 * always a list of `{ field, problem }`. Services throw domain errors (src/errors.ts); this is for
 * what only HTTP can get wrong (a wrong media type, a body too deep) and for the mapping below.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details?: readonly FieldProblem[];
  constructor(status: number, code: string, message: string, details?: readonly FieldProblem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const STATUS: Record<Refusal, number> = {
  'not-signed-in': 401,
  'not-allowed': 403,
  'not-found': 404,
  rule: 400,
  conflict: 409,
  unconfirmed: 422,
  'too-many': 429,
  unavailable: 503,
};

type Issue = ZodError['issues'][number];
const count = (n: number | bigint, one: string, many: string) =>
  `${Number(n).toLocaleString('en-GB')} ${Number(n) === 1 ? one : many}`;

/**
 * A length or size limit in words a person can act on ("Keep this to 4,000 characters or fewer"),
 * in place of the validator's own; a message a schema gives itself is kept as it is.
 */
function plainWords(issue: Issue): string {
  const own = !/^(Too big|Too small): expected/.test(issue.message);
  if (own) return issue.message;
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `Keep this to ${count(issue.maximum, 'character', 'characters')} or fewer`;
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return `Choose at most ${count(issue.maximum, 'item', 'items')}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1
      ? 'Fill this in'
      : `Write at least ${count(issue.minimum, 'character', 'characters')}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `Choose at least ${count(issue.minimum, 'item', 'items')}`;
  }
  if (issue.code === 'too_big') return `At most ${Number(issue.maximum).toLocaleString('en-GB')}`;
  if (issue.code === 'too_small') return `At least ${Number(issue.minimum).toLocaleString('en-GB')}`;
  return issue.message;
}

/** Turns any thrown value into an ApiError, so no handler leaks internals or stack traces. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DomainError) {
    return new ApiError(STATUS[err.reason], err.code, err.message, err.fields.length ? err.fields : undefined);
  }
  if (err instanceof ZodError) {
    return new ApiError(
      400,
      'invalid_request',
      'The request is not valid',
      err.issues.map((i) => ({ field: i.path.join('.') || '(body)', problem: plainWords(i) })),
    );
  }
  if (err instanceof NotFoundError) return new ApiError(404, 'not_found', 'The record was not found');
  if (err instanceof ConflictError) {
    return new ApiError(409, 'conflict', 'Someone else changed this record since you opened it; reload and try again');
  }
  if (err instanceof DuplicateError) return new ApiError(409, 'duplicate', 'This record already exists');
  if (err instanceof InvalidCursorError) {
    return new ApiError(400, 'invalid_cursor', 'This page link is not valid; start again from the first page');
  }
  if (err instanceof StoreValidationError) {
    return new ApiError(
      400,
      'invalid_record',
      'The record is not valid',
      err.problems.map((problem) => ({ field: err.kind, problem })),
    );
  }
  return new ApiError(500, 'internal_error', 'Something went wrong on the server; it has been logged');
}

/** Typed store errors, so callers can tell a stale write from a missing record or an outage. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** An error about one record, identified by its kind and id. */
abstract class RecordError extends StoreError {
  readonly kind: string;
  readonly id: string;
  constructor(kind: string, id: string, problem: string) {
    super(`${kind}/${id} ${problem}`);
    this.kind = kind;
    this.id = id;
  }
}

export class ConflictError extends RecordError {
  override name = 'ConflictError';
  constructor(kind: string, id: string) {
    super(kind, id, 'was changed by someone else since it was read; reload and try again');
  }
}

/**
 * A change made from something the user read (a page, a form) names the version it was made on;
 * if the record has moved on since, it is a conflict rather than a silent overwrite.
 */
export function expectVersion(kind: string, record: { id: string; etag: string }, etag: string): void {
  if (record.etag !== etag) throw new ConflictError(kind, record.id);
}

export class NotFoundError extends RecordError {
  override name = 'NotFoundError';
  constructor(kind: string, id: string) {
    super(kind, id, 'does not exist');
  }
}

export class DuplicateError extends RecordError {
  override name = 'DuplicateError';
  constructor(kind: string, id: string) {
    super(kind, id, 'already exists');
  }
}

/** A page cursor this store did not make (altered, or from another list): the caller's mistake, not ours. */
export class InvalidCursorError extends StoreError {
  override name = 'InvalidCursorError';
  constructor() {
    super('invalid page cursor');
  }
}

export class StoreValidationError extends StoreError {
  override name = 'StoreValidationError';
  readonly kind: string;
  readonly problems: string[];
  constructor(kind: string, problems: string[]) {
    super(`invalid ${kind} record: ${problems.join('; ')}`);
    this.kind = kind;
    this.problems = problems;
  }
}

/**
 * The store could not be reached (Graph throttling or an outage outlasted the retries, or the
 * network failed). Unlike the errors above, trying the same thing later may simply work.
 */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
}

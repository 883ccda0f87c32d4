/** Typed store errors, so callers can tell a stale write from a missing record or an outage. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export class ConflictError extends StoreError {
  override name = 'ConflictError';
  readonly kind: string;
  readonly id: string;
  constructor(kind: string, id: string) {
    super(`${kind}/${id} was changed by someone else since it was read; reload and try again`);
    this.kind = kind;
    this.id = id;
  }
}

export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
  readonly kind: string;
  readonly id: string;
  constructor(kind: string, id: string) {
    super(`${kind}/${id} does not exist`);
    this.kind = kind;
    this.id = id;
  }
}

export class DuplicateError extends StoreError {
  override name = 'DuplicateError';
  readonly kind: string;
  readonly id: string;
  constructor(kind: string, id: string) {
    super(`${kind}/${id} already exists`);
    this.kind = kind;
    this.id = id;
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

/** The backing service could not be reached; the write did not happen. */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
}

/**
 * Why a request could not be done, in the domain's words. Services throw these; each edge turns
 * them into its own answer (the API into a status and an error body, the bot into the card again
 * with the message), so no service knows about HTTP or cards.
 */

import type { FieldProblem } from './domain/field-problems.ts';

export type { FieldProblem } from './domain/field-problems.ts';

export type Refusal =
  'not-signed-in' | 'not-allowed' | 'not-found' | 'rule' | 'conflict' | 'unconfirmed' | 'too-many' | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly reason: Refusal;
  /** A stable, machine-readable name for the refusal (the tab and tests branch on it). */
  readonly code: string;
  /** Field by field, when the refusal is about what was typed. */
  readonly fields: readonly FieldProblem[];
  constructor(code: string, message: string, fields: readonly FieldProblem[] = []) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

/** The caller has not proved who they are (no credential, or one that is forged or expired). */
export class NotSignedIn extends DomainError {
  override name = 'NotSignedIn';
  readonly reason = 'not-signed-in';
  constructor(message = 'Sign in to use this API') {
    super('unauthorized', message);
  }
}

/** The caller is known but their role does not allow this. */
export class NotAllowed extends DomainError {
  override name = 'NotAllowed';
  readonly reason = 'not-allowed';
  constructor(message = 'You do not have permission to do this', code = 'forbidden') {
    super(code, message);
  }
}

/** Nothing by that id, or nothing the caller may see: the two are the same answer on purpose. */
export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly reason = 'not-found';
  constructor(what = 'The resource', detail: { code?: string; message?: string } = {}) {
    super(detail.code ?? 'not_found', detail.message ?? `${what} was not found`);
  }
}

/** What was sent breaks a rule: a field missing, too long, a date in the future. */
export class RuleBroken extends DomainError {
  override name = 'RuleBroken';
  readonly reason = 'rule';
}

/** The record's state does not allow this now (already decided, closed, changed by someone else). */
export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly reason = 'conflict';
}

/** Doing this would leave something out (rows of a file that cannot be used); ask the person first. */
export class NeedsConfirmation extends DomainError {
  override name = 'NeedsConfirmation';
  readonly reason = 'unconfirmed';
}

/** The person has done this too often in a short time; they may try again after the wait. */
export class TooMany extends DomainError {
  override name = 'TooMany';
  readonly reason = 'too-many';
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super('too_many_requests', message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Something the app depends on cannot be reached or is not set up; trying later may work. */
export class Unavailable extends DomainError {
  override name = 'Unavailable';
  readonly reason = 'unavailable';
}

/**
 * A record the caller may see, else the same NotFound as for an id that does not exist, so a
 * refusal never tells anyone which ids are real. Check seeing here; refuse an action only after it.
 */
export function visibleOrNotFound<T>(record: T | undefined, maySee: (record: T) => boolean, what: string): T {
  if (record === undefined || !maySee(record)) throw new NotFound(what);
  return record;
}

/**
 * The base of every expected failure. Fields that can fail list their error classes, which the
 * errors plugin turns into members of the field's result union; anything else is unexpected
 * and is masked before it reaches a client.
 */
export class DomainError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export class ValidationError extends DomainError {
  readonly field: string | null;

  /** A failure a client words in its own language has a code of its own. */
  constructor(message: string, field: string | null = null, code = 'VALIDATION_FAILED') {
    super(code, message);
    this.field = field;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super('NOT_FOUND', message);
  }
}

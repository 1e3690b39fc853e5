import { DomainError } from '../errors.ts';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'The email address or password is wrong.');
  }
}

import type { DomainError } from '@pass/domain';
import type { ProblemCode } from './problem-catalogue';

/** A refusal on its way to the problem+json filter: a code from the catalogue and a detail. */
export class ProblemException extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ProblemException';
  }

  static fromDomain(error: DomainError): ProblemException {
    return new ProblemException(error.code, error.message);
  }
}

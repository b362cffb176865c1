import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException } from './problem.exception';

/** Whitelisted DTOs: unknown fields, wrong types and out-of-range values are refused with 400. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) =>
      new ProblemException('request.invalid', 'the request does not match the expected shape', {
        errors: flatten(errors),
      }),
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

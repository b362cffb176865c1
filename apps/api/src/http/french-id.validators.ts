import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidSiren, isValidSiret } from '@pass/domain';

/** A class-validator decorator from a plain string check (SIRET, SIREN, IBAN, BIC…). */
export function checkedBy(name: string, check: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && check(value) },
    });
}

export const IsSiret = checkedBy(
  'isSiret',
  isValidSiret,
  '$property must be a 14-digit SIRET with a valid check digit',
);
export const IsSiren = checkedBy(
  'isSiren',
  isValidSiren,
  '$property must be a 9-digit SIREN with a valid check digit',
);

import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { checkedBy } from '../http/french-id.validators';

/** Spaces and lower case are accepted in, the electronic format (FR76300…) is what is kept. */
export function normalizedIban(value: string): string {
  return electronicFormatIBAN(value) ?? value;
}

export const IsIban = checkedBy(
  'isIban',
  (value) => value.length <= 42 && isValidIBAN(normalizedIban(value)),
  '$property must be a valid IBAN (country, check digits, national format)',
);

export const IsBic = checkedBy(
  'isBic',
  (value) => isValidBIC(value.trim().toUpperCase()),
  '$property must be a valid BIC (8 or 11 characters)',
);

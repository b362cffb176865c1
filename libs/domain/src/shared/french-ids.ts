/**
 * SIREN (9 digits) identifies a French organisation, SIRET (14 digits) one of its establishments;
 * both end with a Luhn check digit. La Poste's establishments (SIREN 356000000) are the documented
 * exception: their SIRET digits add up to a multiple of 5 instead.
 */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) return digitSum(value) % 5 === 0;
  return luhnValid(value);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  return [...digits].reduce((sum, digit) => sum + Number(digit), 0);
}

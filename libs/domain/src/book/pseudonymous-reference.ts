/**
 * A beneficiary reference must stay pseudonymous: an opaque reference the distributor chooses,
 * never something that identifies the person. These catch the usual slips: an e-mail address, a
 * French phone number, a NIR (social security number). They cannot prove a reference is anonymous.
 */
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE = /(?:^|\D)(?:\+33|0033|0)[1-9](?:\d{8})(?:\D|$)/;
const NIR = /(?:^|\D)[12]\d{4}(?:\d{2}|2[AB])\d{6}(?:\d{2})?(?:\D|$)/i;

export function looksPersonal(reference: string): boolean {
  const compact = reference.replace(/[\s.\-_/]/g, '');
  return EMAIL.test(reference) || PHONE.test(compact) || NIR.test(compact);
}

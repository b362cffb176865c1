import { domainError, type DomainError } from './errors';

/**
 * Bank details never travel in clear through the event log: the edge seals the account (IBAN, BIC,
 * holder) and the events keep the ciphertext and the IBAN's last four characters to show.
 */
export interface SealedBankAccount {
  readonly ibanLast4: string;
  readonly sealedAccount: string;
}

export function checkSealedAccount(account: SealedBankAccount): DomainError | undefined {
  if (!/^[A-Z0-9]{4}$/.test(account.ibanLast4))
    return domainError('bank-account.invalid', 'ibanLast4 must be the last four IBAN characters');
  if (account.sealedAccount.length === 0)
    return domainError('bank-account.invalid', 'the sealed account is empty');
  return undefined;
}

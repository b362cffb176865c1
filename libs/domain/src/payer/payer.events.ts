import type { SealedBankAccount } from '../shared/bank-account';
import type { DomainEvent } from '../shared/event';
import type { Instant } from '../shared/time';

/** The account a payer (collectivité, by SIREN) pays venues from: the debtor of its SEPA files. */
export type PayerBankAccountSet = DomainEvent<
  'PayerBankAccountSet.v1',
  SealedBankAccount & { payerId: string; setAt: Instant }
>;

export type PayerEvent = PayerBankAccountSet;

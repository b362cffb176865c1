import type { Actor } from '../shared/actor';
import { checkSealedAccount, type SealedBankAccount } from '../shared/bank-account';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import type { Instant } from '../shared/time';
import type { PayerBankAccountSet } from './payer.events';
import type { PayerState } from './payer.state';

export interface SetPayerBankAccount {
  readonly actor: Actor;
  readonly payerId: string;
  readonly account: SealedBankAccount;
  readonly now: Instant;
}

/** The payer itself or an operator admin; another payer's SIREN is answered as unknown. */
export function decideSetPayerBankAccount(
  command: SetPayerBankAccount,
  _state: PayerState,
): Decision<PayerBankAccountSet> {
  const { actor, payerId, account, now } = command;
  if (actor.role === 'payer' && actor.org !== payerId)
    return domainError('payer.not-found', `no payer ${payerId}`);
  if (actor.role !== 'payer' && actor.role !== 'admin')
    return domainError('actor.forbidden', 'only the payer or an admin sets its bank account');
  const invalid = checkSealedAccount(account);
  if (invalid) return invalid;
  return [{ type: 'PayerBankAccountSet.v1', data: { payerId, ...account, setAt: now } }];
}

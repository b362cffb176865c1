import type { SealedBankAccount } from '../shared/bank-account';
import type { PayerEvent } from './payer.events';

/** Payers are known by their SIREN from their tokens: the stream `payer-<siren>` holds what they set. */
export interface PayerState {
  readonly bankAccount?: SealedBankAccount;
}

export const initialPayerState: PayerState = {};

export function evolvePayer(state: PayerState, event: PayerEvent): PayerState {
  switch (event.type) {
    case 'PayerBankAccountSet.v1': {
      const { ibanLast4, sealedAccount } = event.data;
      return { ...state, bankAccount: { ibanLast4, sealedAccount } };
    }
  }
}

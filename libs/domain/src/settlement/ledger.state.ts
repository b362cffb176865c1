import { AppendOnlyList, AppendOnlySet } from '../shared/append-only';
import type { Cents } from '../shared/money';
import type { LedgerEvent, RecordedPayable } from './ledger.events';

/**
 * What a payer owes one venue and has not batched yet. Every redemption id ever recorded is kept
 * so that recording is idempotent however late a duplicate arrives.
 */
export interface LedgerState {
  readonly payerId?: string;
  readonly venueId?: string;
  readonly recorded: AppendOnlySet;
  readonly unbatched: AppendOnlyList<RecordedPayable>;
  readonly batchIds: readonly string[];
}

export const initialLedgerState: LedgerState = {
  recorded: AppendOnlySet.empty(),
  unbatched: AppendOnlyList.of([]),
  batchIds: [],
};

export function evolveLedger(state: LedgerState, event: LedgerEvent): LedgerState {
  switch (event.type) {
    case 'PayableRecorded.v1': {
      const { payerId, venueId, ...payable } = event.data;
      return {
        payerId,
        venueId,
        recorded: state.recorded.add(payable.redemptionId),
        unbatched: state.unbatched.append(payable),
        batchIds: state.batchIds,
      };
    }
    case 'PayablesRecorded.v1': {
      const { payerId, venueId, payables } = event.data;
      let { recorded, unbatched } = state;
      for (const payable of payables) {
        recorded = recorded.add(payable.redemptionId);
        unbatched = unbatched.append(payable);
      }
      return { payerId, venueId, recorded, unbatched, batchIds: state.batchIds };
    }
    case 'PayablesBatched.v1': {
      const taken = new Set(event.data.redemptionIds);
      return {
        ...state,
        unbatched: AppendOnlyList.of(
          state.unbatched.toArray().filter((payable) => !taken.has(payable.redemptionId)),
        ),
        batchIds: [...state.batchIds, event.data.batchId],
      };
    }
  }
}

export function totalOf(payables: readonly { amountCents: Cents }[]): Cents {
  return payables.reduce((sum, payable) => sum + payable.amountCents, 0) as Cents;
}

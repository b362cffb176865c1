import { Inject, Injectable } from '@nestjs/common';
import {
  decideBatchPayables,
  evolveLedger,
  initialLedgerState,
  streams,
  type Actor,
  type Instant,
  type OpenedBatchState,
  type SettlementBatchOpened,
} from '@pass/domain';
import { ReservationTakenError, type EventStore, type Reservation } from '@pass/event-store';
import { loadAggregate, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { newBatchId, venueHasBankAccount } from '../batch-view';
import type { LedgerKey } from '../payables/settlement-tables';

/** Reservation scope of "this ledger's batch for this month": key `<payerId>/<venueId>/<YYYY-MM>`. */
export const SETTLEMENT_PERIOD_RESERVATION = 'settlement-period';

export interface SettleLedger {
  readonly actor: Actor;
  readonly ledger: LedgerKey;
  readonly until: Instant;
  readonly now: Instant;
  /** A monthly run's month: at most one batch per ledger and period, whoever runs it. */
  readonly period?: string;
}

export function periodReservationKey({ payerId, venueId }: LedgerKey, period: string): string {
  return `${payerId}/${venueId}/${period}`;
}

/**
 * One ledger (payer × venue): its batch and the ledger's PayablesBatched in one append at the
 * ledger's version, or nothing when nothing is left to batch. Both the payer's own runs
 * (`POST /v1/settlements`) and the monthly run go through here.
 */
@Injectable()
export class LedgerSettlement {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The batch opened, or undefined: nothing to batch, or the period's batch exists already. */
  async settle(command: SettleLedger): Promise<OpenedBatchState | undefined> {
    try {
      return await this.openBatch(command);
    } catch (error) {
      // Another run (another instance, or a rerun) opened this ledger's batch for the period first.
      if (error instanceof ReservationTakenError) return undefined;
      throw error;
    }
  }

  private async openBatch({ actor, ledger, until, now, period }: SettleLedger) {
    const { payerId, venueId } = ledger;
    const awaitingBankDetails = !(await venueHasBankAccount(this.store, venueId));
    const ledgerStream = streams.ledger(payerId, venueId);
    const metadata = { by: actor.subject };
    return retryOnConflict(async () => {
      const { state, version } = await loadAggregate(
        this.store,
        ledgerStream,
        evolveLedger,
        initialLedgerState,
      );
      const batchId = newBatchId();
      const events = orThrow(
        decideBatchPayables(
          { actor, payerId, venueId, batchId, until, period, awaitingBankDetails, now },
          state,
        ),
      );
      const opened = events.find(
        (event): event is SettlementBatchOpened => event.type === 'SettlementBatchOpened.v1',
      );
      if (!opened) return undefined;
      const batched = events.filter((event) => event !== opened);
      // The ledger's version keeps a payable out of two batches; the reservation keeps a second
      // batch out of a period even when payables of that period reach the ledger after the first.
      const reservations: Reservation[] =
        period === undefined
          ? []
          : [
              {
                scope: SETTLEMENT_PERIOD_RESERVATION,
                key: periodReservationKey(ledger, period),
                value: batchId,
              },
            ];
      await this.store.append(
        [
          { streamId: ledgerStream, expectedVersion: version, events: toNewEvents(batched, metadata) },
          {
            streamId: streams.settlement(batchId),
            expectedVersion: 0,
            events: toNewEvents([opened], metadata),
          },
        ],
        { reservations },
      );
      const batch: OpenedBatchState = { status: 'opened', ...opened.data };
      return batch;
    });
  }
}

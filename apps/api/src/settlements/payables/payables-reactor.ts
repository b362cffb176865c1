import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { decideRecordPayables, evolveLedger, isDomainError, streams, type LedgerState } from '@pass/domain';
import { SqlEventStore, START_OF_LOG, type EventStore, type SqlExecutor } from '@pass/event-store';
import { retryOnConflict } from '../../infrastructure/aggregate-stream';
import { LedgerCache } from './ledger-cache';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { allEndedBefore, nextTransactionId } from './log-horizon';
import { payablesByLedger, type LedgerPayables } from './payables-from-redemptions';
import { createSettlementTables, indexLedgers, readCheckpoint, saveCheckpoint } from './settlement-tables';

const REACTOR = 'settlement-payables';
const BATCH_SIZE = 200;
const POLL_MS = 300;

export function sqlOf(store: EventStore): SqlExecutor {
  if (!(store instanceof SqlEventStore)) throw new Error('settlement needs an SQL event store');
  return store.sql;
}

/**
 * Follows the global log and turns every redemption into one payable per funding payer, on the
 * ledger `ledger-<payerId>-<venueId>`: one PayablesRecorded event per ledger per pass. At least
 * once: a batch whose checkpoint was not saved is read again, and the ledger ignores a redemption it
 * holds already. Passes are serialized within the process; several instances may run, the ledgers'
 * expected versions keep them apart.
 */
@Injectable()
export class PayablesReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PayablesReactor.name);
  private readonly sql: SqlExecutor;
  private tables?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly ledgers: LedgerCache;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.sql = sqlOf(store);
    this.ledgers = new LedgerCache(store);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
  }

  /**
   * Records every redemption committed before the call (the log's head then); false when the
   * deadline came first. A transaction still running at the call may hold readAll back: wait for it.
   */
  async catchUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    await this.ready();
    const head = await nextTransactionId(this.sql);
    for (;;) {
      const ended = await allEndedBefore(this.sql, head);
      const read = await this.exclusive(() => this.pass());
      if (read < BATCH_SIZE && ended) return true;
      if (Date.now() >= deadline) return false;
      if (read < BATCH_SIZE) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  ready(): Promise<void> {
    this.tables ??= createSettlementTables(this.sql).catch((error) => {
      this.tables = undefined;
      throw error;
    });
    return this.tables;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.exclusive(() => this.pass()).then(
        (read) => this.schedule(read === BATCH_SIZE ? 0 : POLL_MS),
        (error: unknown) => {
          this.logger.error(`payables reactor: ${String(error)}`);
          this.schedule(POLL_MS * 10);
        },
      );
    }, delayMs);
    this.timer.unref();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One batch of the log: the number of events read. */
  private async pass(): Promise<number> {
    if (this.stopped) return 0;
    await this.ready();
    const after = (await readCheckpoint(this.sql, REACTOR)) ?? START_OF_LOG;
    const events = await this.store.readAll(after, BATCH_SIZE);
    if (events.length === 0) return 0;
    const byLedger = payablesByLedger(events);
    // Indexed before the ledger is written: a settlement run that finds a ledger stream finds it here.
    await indexLedgers(
      this.sql,
      [...byLedger.values()].map(({ key }) => key),
    );
    // Started together, the ledgers' appends reach the store in one turn of the event loop, which
    // sends them as one batch (one transaction, one WAL flush) while each still succeeds or fails on
    // its own. Settled before the pass ends: the next pass must not meet a ledger still being written.
    const recorded = await Promise.allSettled([...byLedger.values()].map((ledger) => this.record(ledger)));
    const failure = recorded.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    await saveCheckpoint(this.sql, REACTOR, events[events.length - 1].position);
    return events.length;
  }

  private record({ key, payables, causationIds }: LedgerPayables): Promise<void> {
    const streamId = streams.ledger(key.payerId, key.venueId);
    const causes = new Map(payables.map((payable, index) => [payable.redemptionId, causationIds[index]]));
    return retryOnConflict(async () => {
      const { state, version } = await this.ledgers.load(streamId);
      const decision = decideRecordPayables({ ...key, payables }, state);
      if (isDomainError(decision)) throw new Error(`${decision.code}: ${decision.message}`);
      if (decision.length === 0) return;
      const events = decision.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          by: REACTOR,
          causationIds: event.data.payables.map(({ redemptionId }) => causes.get(redemptionId)),
        },
      }));
      try {
        await this.store.append([{ streamId, expectedVersion: version, events }]);
      } catch (error) {
        // A settlement run (or another instance) moved the ledger: read it afresh on the retry.
        this.ledgers.forget(streamId);
        throw error;
      }
      const ledger = decision.reduce<LedgerState>(evolveLedger, state);
      this.ledgers.remember(streamId, { state: ledger, version: version + events.length });
    });
  }
}

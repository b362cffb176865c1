import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { Actor, Instant } from '@pass/domain';
import { previousMonthInParis, SETTLEMENT_TIME_ZONE } from '@pass/domain/settlement/settlement-period';
import type { EventStore } from '@pass/event-store';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { batchView, type BatchView } from '../batch-view';
import { PayablesReactor, sqlOf } from '../payables/payables-reactor';
import { allLedgers } from '../payables/settlement-tables';
import { LedgerSettlement } from '../run-settlement/ledger-settlement';
import { CATCH_UP_MS } from '../run-settlement/run-settlement.handler';

export interface MonthlySettlementRun {
  /** The Paris calendar month settled, `YYYY-MM`. */
  readonly period: string;
  readonly until: Instant;
  /** What this run opened; a batch another run (or instance) opened first is not repeated here. */
  readonly batches: BatchView[];
  /** Ledgers whose batch could not be opened (logged): the next run retries them. */
  readonly failedLedgers: number;
}

/** The batches of the monthly run are recorded as the service's doing, on each payer's behalf. */
const SCHEDULER_SUBJECT = 'scheduler:monthly-settlement';

/**
 * Opens, for every payer and venue, the batch of the last Paris calendar month's redemptions
 * (SETTLEMENT_SCHEDULE, cron syntax, off by default). Safe to run twice or on several instances:
 * a reservation per ledger and month lets one batch through. Redemptions recorded after the month
 * ended stay on the ledger for the next month's batch.
 */
@Injectable()
export class MonthlySettlementScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('MonthlySettlementScheduler');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reactor: PayablesReactor,
    private readonly ledgers: LedgerSettlement,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.settlementSchedule) return;
    const job = CronJob.from({
      cronTime: this.config.settlementSchedule,
      onTick: () =>
        void this.runOnce().catch((error: unknown) =>
          this.logger.error(`monthly settlement failed: ${error instanceof Error ? error.message : error}`),
        ),
      timeZone: SETTLEMENT_TIME_ZONE,
    });
    this.registry.addCronJob('monthly-settlement', job);
    job.start();
  }

  /** Settles the month before the one `now` falls in (Paris time). */
  async runOnce(now: Instant = this.clock.now()): Promise<MonthlySettlementRun> {
    const { period, until } = previousMonthInParis(now);
    // A redemption of the month not on its ledger yet would wait a whole month more.
    if (!(await this.reactor.catchUp(CATCH_UP_MS)))
      throw new Error(`redemptions are still being recorded: the ${period} settlement did not start`);
    const batches: BatchView[] = [];
    let failedLedgers = 0;
    for (const ledger of await allLedgers(sqlOf(this.store))) {
      const actor: Actor = { role: 'payer', org: ledger.payerId, subject: SCHEDULER_SUBJECT };
      try {
        const opened = await this.ledgers.settle({ actor, ledger, until, now, period });
        if (opened) batches.push(batchView(opened, !opened.awaitingBankDetails));
      } catch (error) {
        // One ledger's trouble must not hold back every other venue's payment.
        failedLedgers++;
        this.logger.error(
          `${period} batch of ${ledger.payerId} for ${ledger.venueId} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
    this.logger.log(`${period}: ${batches.length} settlement batches opened`);
    return { period, until, batches, failedLedgers };
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { isAfter, redemptionDeadline, type ProgrammeOpened } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ExpireProgrammeCommand } from './expire-programme.handler';
import { ExpiryAlertService } from './expiry-alert.service';
import { readWholeLog } from './programme-log';

/** Runs the expiry of every programme past its grace period, daily (EXPIRY_SCHEDULE, cron syntax). */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('ExpiryScheduler');

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly expiryAlert: ExpiryAlertService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.expirySchedule) return;
    const job = CronJob.from({
      cronTime: this.config.expirySchedule,
      onTick: () => void this.runOnce(),
      timeZone: 'Europe/Paris',
    });
    this.registry.addCronJob('programme-expiry', job);
    job.start();
  }

  /**
   * Announces the programmes entering their last month, and expires those past their grace
   * period; both are idempotent, so re-running is harmless.
   */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const opened = (await readWholeLog(this.store)).filter(
      (event) => event.type === 'ProgrammeOpened.v1',
    ) as unknown as ProgrammeOpened[];
    let expired = 0;
    for (const { data } of opened) {
      await this.expiryAlert
        .announce(data.programmeId)
        .catch((error) => this.logger.error(`alert for ${data.programmeId} failed: ${error}`));
      if (!isAfter(now, redemptionDeadline(data.validUntil, data.gracePeriodDays))) continue;
      try {
        const outcome = await this.commands.execute(new ExpireProgrammeCommand(data.programmeId));
        expired += outcome.expiredVouchers;
      } catch (error) {
        this.logger.error(
          `expiry of ${data.programmeId} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
    return expired;
  }
}

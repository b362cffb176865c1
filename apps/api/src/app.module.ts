import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AuthModule } from './auth/auth.module';
import { BankAccountsModule } from './bank-accounts/bank-accounts.module';
import { BooksModule } from './books/books.module';
import { DirectoryModule } from './directory/directory.module';
import { DistributorsModule } from './distributors/distributors.module';
import { BrandingModule } from './branding/branding.module';
import type { AppConfig } from './config/app-config';
import { Clock, SystemClock } from './infrastructure/clock';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { KeysModule } from './keys/keys.module';
import { nestLoggerParams } from './logging/request-logging';
import { MetricsModule } from './metrics/metrics.module';
import { ProblemFilter } from './problems/problem.filter';
import { ProblemsController } from './problems/problems.controller';
import { PayersModule } from './payers/payers.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProjectionsModule } from './projections/projections.module';
import { RelayModule } from './relay/relay.module';
import { SettlementsModule } from './settlements/settlements.module';
import { TerritoriesModule } from './territories/territories.module';
import { VenuesModule } from './venues/venues.module';
import { VouchersModule } from './vouchers/vouchers.module';
import { FixedWindowStorage } from './vouchers/redeem-voucher/fixed-window-storage';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  /**
   * `clock` lets tests move time (expiry, certification periods); the service uses the system clock.
   * `logger` is the process's root logger, which the request log (createApp) writes through too.
   */
  static forRoot(config: AppConfig, logger: Logger, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot(nestLoggerParams(logger)),
        ThrottlerModule.forRoot({
          throttlers: [
            {
              name: 'redemptions',
              ttl: config.redemptionRateLimit.windowMs,
              limit: config.redemptionRateLimit.limit,
            },
          ],
          storage: new FixedWindowStorage(),
        }),
        CqrsModule.forRoot(),
        ScheduleModule.forRoot(),
        EventStoreModule,
        TerritoriesModule,
        AuthModule,
        KeysModule,
        MetricsModule,
        IdempotencyModule,
        ProjectionsModule,
        HealthModule,
        RelayModule,
        VenuesModule,
        DirectoryModule,
        ProgrammesModule,
        BooksModule,
        DistributorsModule,
        VouchersModule,
        BankAccountsModule,
        PayersModule,
        SettlementsModule,
        BrandingModule,
        WebModule.forRoot(config),
      ],
      controllers: [ProblemsController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SqlEventStore, type EventStore, type SqlExecutor } from '@pass/event-store';
import {
  allProjections,
  ensureProjection,
  measureLag,
  ProjectionHost,
  waitUntilProjected,
  type Projection,
  type ProjectionLag,
} from '@pass/projections';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { InseeTerritories } from '../territories/insee-territories';

/**
 * The read models next to the events: creates their tables at boot, runs the projectors in this
 * process unless PROJECTIONS_IN_PROCESS=false (apps/projector then does), and lets readers wait
 * for them to reach the log's head so that a client reads its own writes.
 */
@Injectable()
export class ReadModelsService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly projections: Projection[];
  private readonly host?: ProjectionHost;
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readonly insee: InseeTerritories,
  ) {
    if (!(store instanceof SqlEventStore)) throw new Error('projections need an SQL event store');
    this.projections = allProjections(insee);
    if (config.projections.inProcess)
      this.host = new ProjectionHost(store, this.projections, {
        idleMs: config.projections.pollMs,
        paceMs: config.projections.paceMs,
        onError: (error) => this.logger.error(error),
      });
  }

  get sql(): SqlExecutor {
    return (this.store as SqlEventStore).sql;
  }

  get eventStore(): EventStore {
    return this.store;
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const projection of this.projections) await ensureProjection(this.sql, projection);
    this.host?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.host?.stop();
  }

  /** Waits (bounded) until the named projections hold everything committed so far. */
  async fresh(...names: string[]): Promise<boolean> {
    return waitUntilProjected(this.sql, names, {
      deadlineMs: this.config.projections.freshnessDeadlineMs,
      nudge: () => this.host?.wake(),
    });
  }

  lag(): Promise<ProjectionLag[]> {
    return measureLag(
      this.sql,
      this.projections.map((projection) => projection.name),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  decideAnnounceExpiring,
  evolveBook,
  evolveProgramme,
  expiryAlertFigures,
  expiryAlertStarts,
  initialBookState,
  initialProgrammeState,
  isBefore,
  redemptionDeadline,
  streams,
  type IssuedBookState,
  type OpenProgrammeState,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { decideAndAppend, loadAggregate } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';

/** The end-of-validity alert: figures in GET /v1/programmes/:id and, once, in the payer's Kafka feed. */
@Injectable()
export class ExpiryAlertService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Null before D-alertDays; then where the books stand, folded from their streams. */
  async alertFor(programmeId: string) {
    const { state } = await loadAggregate(
      this.store,
      streams.programme(programmeId),
      evolveProgramme,
      initialProgrammeState,
    );
    if (state.status === 'none') return null;
    const alertFrom = expiryAlertStarts(state.validUntil, this.config.expiryAlertDays);
    if (isBefore(this.clock.now(), alertFrom)) return null;
    return {
      alertFrom,
      validUntil: state.validUntil,
      redeemableUntil: redemptionDeadline(state.validUntil, state.gracePeriodDays),
      distributionStopped: state.distributionStopped,
      ...expiryAlertFigures(await this.books(state)),
    };
  }

  /** Appends ProgrammeExpiring once the alert has started (idempotent: once per programme). */
  async announce(programmeId: string): Promise<boolean> {
    const now = this.clock.now();
    const { state } = await loadAggregate(
      this.store,
      streams.programme(programmeId),
      evolveProgramme,
      initialProgrammeState,
    );
    if (state.status === 'none' || state.expiringAnnounced) return false;
    const figures = expiryAlertFigures(await this.books(state));
    const events = await decideAndAppend(this.store, {
      streamId: streams.programme(programmeId),
      evolve: evolveProgramme,
      initial: initialProgrammeState,
      decide: (current) =>
        decideAnnounceExpiring(
          { programmeId, figures, alertDays: this.config.expiryAlertDays, now },
          current,
        ),
      metadata: { by: 'expiry-scheduler' },
    });
    return events.length > 0;
  }

  private async books(state: OpenProgrammeState): Promise<IssuedBookState[]> {
    const books = await Promise.all(
      state.bookIds.map((bookId) =>
        loadAggregate(this.store, streams.book(bookId), evolveBook, initialBookState),
      ),
    );
    return books
      .map(({ state: book }) => book)
      .filter((book): book is IssuedBookState => book.status !== 'none');
  }
}

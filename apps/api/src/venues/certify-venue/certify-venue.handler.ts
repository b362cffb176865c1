import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideCertifyVenue,
  decideSuspendVenueCertification,
  evolveVenue,
  initialVenueState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';

export class CertifyVenueCommand {
  constructor(
    readonly actor: Actor,
    readonly venueId: string,
    readonly validUntil: string,
  ) {}
}

export class SuspendVenueCertificationCommand {
  constructor(
    readonly actor: Actor,
    readonly venueId: string,
    readonly reason: string,
  ) {}
}

@CommandHandler(CertifyVenueCommand)
export class CertifyVenueHandler implements ICommandHandler<CertifyVenueCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    venueId,
    validUntil,
  }: CertifyVenueCommand): Promise<{ venueId: string; validUntil: string }> {
    const now = this.clock.now();
    await decideAndAppend(this.store, {
      streamId: streams.venue(venueId),
      evolve: evolveVenue,
      initial: initialVenueState,
      decide: (state) =>
        decideCertifyVenue({ actor, venueId, validUntil: new Date(validUntil).toISOString(), now }, state),
      metadata: { by: actor.subject },
    });
    return { venueId, validUntil: new Date(validUntil).toISOString() };
  }
}

@CommandHandler(SuspendVenueCertificationCommand)
export class SuspendVenueCertificationHandler implements ICommandHandler<SuspendVenueCertificationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    venueId,
    reason,
  }: SuspendVenueCertificationCommand): Promise<{ venueId: string; suspendedAt: string }> {
    const now = this.clock.now();
    await decideAndAppend(this.store, {
      streamId: streams.venue(venueId),
      evolve: evolveVenue,
      initial: initialVenueState,
      decide: (state) => decideSuspendVenueCertification({ actor, venueId, reason, now }, state),
      metadata: { by: actor.subject },
    });
    return { venueId, suspendedAt: now };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideApproveVenue,
  decideWithdrawVenueApproval,
  evolveProgramme,
  evolveVenue,
  initialProgrammeState,
  initialVenueState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { loadTwoAggregates, orThrow, retryOnConflict } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';

export class ChangeVenueApprovalCommand {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
    readonly venueId: string,
    readonly approved: boolean,
  ) {}
}

/**
 * The approval is appended to the venue's stream (a redemption reads it there at no extra cost),
 * decided against the programme read at the same time; only the venue stream's version is checked.
 */
@CommandHandler(ChangeVenueApprovalCommand)
export class ChangeVenueApprovalHandler implements ICommandHandler<ChangeVenueApprovalCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, programmeId, venueId, approved }: ChangeVenueApprovalCommand) {
    const now = this.clock.now();
    const decide = approved ? decideApproveVenue : decideWithdrawVenueApproval;
    await retryOnConflict(async () => {
      const [programme, venue] = await loadTwoAggregates(
        this.store,
        { streamId: streams.programme(programmeId), evolve: evolveProgramme, initial: initialProgrammeState },
        { streamId: streams.venue(venueId), evolve: evolveVenue, initial: initialVenueState },
      );
      const events = orThrow(decide({ actor, programmeId, venueId, now }, programme.state, venue.state));
      if (events.length === 0) return;
      await this.store.append([
        {
          streamId: streams.venue(venueId),
          expectedVersion: venue.version,
          events: toNewEvents(events, { by: actor.subject }),
        },
      ]);
    });
    return { programmeId, venueId, approved };
  }
}

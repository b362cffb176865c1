import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideStopDistribution,
  evolveProgramme,
  initialProgrammeState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';

export class StopDistributionCommand {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
  ) {}
}

@CommandHandler(StopDistributionCommand)
export class StopDistributionHandler implements ICommandHandler<StopDistributionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, programmeId }: StopDistributionCommand) {
    const now = this.clock.now();
    await decideAndAppend(this.store, {
      streamId: streams.programme(programmeId),
      evolve: evolveProgramme,
      initial: initialProgrammeState,
      decide: (state) => decideStopDistribution({ actor, programmeId, now }, state),
      metadata: { by: actor.subject },
    });
    return { programmeId, distributionStopped: true };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideOpenProgramme, initialProgrammeState, streams, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { orThrow } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { toNewEvents } from '../../infrastructure/new-events';
import { randomId } from '../../infrastructure/random-ids';
import { ProblemException } from '../../problems/problem.exception';
import { InseeTerritories } from '../../territories/insee-territories';
import type { OpenProgrammeRequest } from './open-programme.request';

export class OpenProgrammeCommand {
  constructor(
    readonly actor: Actor,
    readonly request: OpenProgrammeRequest,
  ) {}
}

@CommandHandler(OpenProgrammeCommand)
export class OpenProgrammeHandler implements ICommandHandler<OpenProgrammeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly territories: InseeTerritories,
  ) {}

  async execute({ actor, request }: OpenProgrammeCommand): Promise<{ programmeId: string }> {
    const territory = {
      departements: request.territory.departements ?? [],
      communes: request.territory.communes ?? [],
    };
    this.checkTerritoryCodes(territory);
    const programmeId = randomId('prg');
    const events = orThrow(
      decideOpenProgramme(
        {
          actor,
          programmeId,
          name: request.name,
          territory,
          faceValueCents: request.faceValueCents,
          budgetCents: request.budgetCents,
          validFrom: new Date(request.validFrom).toISOString(),
          validUntil: new Date(request.validUntil).toISOString(),
          coFunders: request.coFunders,
          gracePeriodDays: request.gracePeriodDays,
          approvedVenuesOnly: request.approvedVenuesOnly,
          serviceCategories: request.serviceCategories,
          now: this.clock.now(),
        },
        initialProgrammeState,
      ),
    );
    await this.store.append([
      {
        streamId: streams.programme(programmeId),
        expectedVersion: 0,
        events: toNewEvents(events, { by: actor.subject }),
      },
    ]);
    return { programmeId };
  }

  private checkTerritoryCodes(territory: { departements: string[]; communes: string[] }): void {
    const unknownDepartement = territory.departements.find((code) => !this.territories.departementName(code));
    if (unknownDepartement)
      throw new ProblemException('territory.unknown-departement', `no département ${unknownDepartement}`);
    const unknownCommune = territory.communes.find((code) => !this.territories.commune(code));
    if (unknownCommune)
      throw new ProblemException('territory.unknown-commune', `no commune ${unknownCommune}`);
  }
}

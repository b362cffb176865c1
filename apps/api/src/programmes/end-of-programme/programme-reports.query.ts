import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolveProgramme,
  initialProgrammeState,
  isFunder,
  reconcileProgramme,
  streams,
  type Actor,
  type CreditNoteIssued,
  type OpenProgrammeState,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';

import { foldStream } from '../../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { readWholeLog } from './programme-log';

export class ProgrammeReportQuery {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
    readonly report: 'credit-notes' | 'reconciliation',
  ) {}
}

/** Credit notes come from the programme stream; the reconciliation report from the whole log. */
@QueryHandler(ProgrammeReportQuery)
export class ProgrammeReportHandler implements IQueryHandler<ProgrammeReportQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, programmeId, report }: ProgrammeReportQuery) {
    const stream = await this.store.readStream(streams.programme(programmeId));
    const { state } = foldStream(stream, evolveProgramme, initialProgrammeState);
    const mayRead =
      actor.role === 'admin' ||
      (actor.role === 'payer' && state.status === 'open' && isFunder(state, actor.org));
    if (state.status === 'none' || !mayRead)
      throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
    if (report === 'credit-notes') {
      return {
        programme: describe(state),
        creditNotes: stream
          .filter((event) => event.type === 'CreditNoteIssued.v1')
          .map((event) => (event as unknown as CreditNoteIssued).data),
      };
    }
    const log = await readWholeLog(this.store);
    return { programme: describe(state), ...reconcileProgramme(programmeId, log as never) };
  }
}

function describe(state: OpenProgrammeState) {
  return {
    programmeId: state.programmeId,
    name: state.name,
    payerId: state.payerId,
    faceValueCents: state.faceValueCents,
    validUntil: state.validUntil,
    gracePeriodDays: state.gracePeriodDays,
  };
}

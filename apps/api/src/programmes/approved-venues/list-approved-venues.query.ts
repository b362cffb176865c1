import { Injectable } from '@nestjs/common';
import type { Actor } from '@pass/domain';
import { selectApprovedVenues, selectProgrammeSummary, type ApprovedVenue } from '@pass/projections';
import { ProblemException } from '../../problems/problem.exception';
import { ReadModelsService } from '../../projections/read-models.service';

/** The venues a payer admitted to its programme, from the programme-approvals read model. */
@Injectable()
export class ListApprovedVenues {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute(
    actor: Actor,
    programmeId: string,
  ): Promise<{ programmeId: string; venues: ApprovedVenue[] }> {
    await this.readModels.fresh('programme-summary', 'programme-approvals', 'venue-directory');
    const programme = await selectProgrammeSummary(this.readModels.sql, programmeId);
    // Only the lead payer approves venues: it alone lists them; anyone else is told of no programme.
    if (!programme || actor.role !== 'payer' || programme.payer_id !== actor.org)
      throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
    return { programmeId, venues: await selectApprovedVenues(this.readModels.sql, programmeId) };
  }
}

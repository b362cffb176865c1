import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@pass/domain';
import { isFunderRow, programmeSummaryView, selectProgrammeSummary } from '@pass/projections';
import { ProblemException } from '../../problems/problem.exception';
import { ReadModelsService } from '../../projections/read-models.service';
import { ExpiryAlertService } from '../end-of-programme/expiry-alert.service';

export class GetProgrammeQuery {
  constructor(
    readonly actor: Actor,
    readonly programmeId: string,
  ) {}
}

/**
 * Served from the programme-summary read model. It first waits (bounded by
 * PROJECTIONS_FRESHNESS_MS) for the projection to reach the log's head, so that a payer who just
 * issued books or saw a redemption reads figures that include it.
 */
@QueryHandler(GetProgrammeQuery)
export class GetProgrammeHandler implements IQueryHandler<GetProgrammeQuery> {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly expiryAlert: ExpiryAlertService,
  ) {}

  async execute({ actor, programmeId }: GetProgrammeQuery) {
    await this.readModels.fresh('programme-summary');
    const row = await selectProgrammeSummary(this.readModels.sql, programmeId);
    if (!row || actor.role !== 'payer' || !isFunderRow(row, actor.org))
      throw new ProblemException('programme.not-found', `no programme ${programmeId}`);
    // From D-30 (EXPIRY_ALERT_DAYS): where the books stand, so the payer can act before the year ends.
    return { ...programmeSummaryView(row), endOfValidity: await this.expiryAlert.alertFor(programmeId) };
  }
}

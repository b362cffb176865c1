import { Injectable } from '@nestjs/common';
import type { Actor } from '@pass/domain';
import {
  isFunderRow,
  PROGRAMME_SUMMARY,
  programmeSummaryProjection,
  replayAsOf,
  selectProgrammeIds,
  selectProgrammeSummary,
  selectSpendRows,
  sumByTerritory,
  TERRITORY_SPEND,
  territorySpendProjection,
  totalOf,
  type Row,
  type SpendFilter,
} from '@pass/projections';
import { ProblemException } from '../../problems/problem.exception';
import { ReadModelsService } from '../read-models.service';
import type { TerritoryStatsRequest } from './territory-stats.request';

/** What a caller may read: a payer its programmes (lead or co-funder), the operator all. */
@Injectable()
export class TerritoryStatsHandler {
  constructor(private readonly readModels: ReadModelsService) {}

  async execute(actor: Actor, request: TerritoryStatsRequest) {
    const level = request.level ?? 'departement';
    const asOf = request.asOf === undefined ? undefined : new Date(request.asOf);
    const source = asOf ? await this.replayed(asOf) : await this.live();
    let programmeIds: string[] | undefined;
    if (request.programmeId !== undefined) {
      const summary = await source.summary(request.programmeId);
      if (!summary || (actor.role !== 'admin' && !isFunderRow(summary, actor.org)))
        throw new ProblemException('programme.not-found', `no programme ${request.programmeId}`);
      programmeIds = [request.programmeId];
    } else if (actor.role !== 'admin') {
      programmeIds = await source.programmeIds(actor.org);
    }
    const filter: SpendFilter = { programmeIds, level, from: request.from, to: request.to };
    const territories = sumByTerritory(await source.spend(filter), filter, this.readModels.insee);
    return {
      programmeId: request.programmeId ?? null,
      level,
      from: request.from ?? null,
      to: request.to ?? null,
      asOf: asOf?.toISOString() ?? null,
      totals: totalOf(territories),
      territories,
    };
  }

  private async live() {
    await this.readModels.fresh('territory-spend', 'programme-summary');
    const sql = this.readModels.sql;
    return {
      summary: (programmeId: string) => selectProgrammeSummary(sql, programmeId),
      programmeIds: (funderId: string) => selectProgrammeIds(sql, funderId),
      spend: (filter: SpendFilter) => selectSpendRows(sql, filter),
    };
  }

  /** The same projections replayed in memory up to `asOf`. */
  private async replayed(asOf: Date) {
    const store = this.readModels.eventStore;
    const [spend, summaries] = await Promise.all([
      replayAsOf(
        store,
        territorySpendProjection((code) => this.readModels.insee.commune(code)?.departement),
        asOf,
      ),
      replayAsOf(store, programmeSummaryProjection(), asOf),
    ]);
    const summaryRows = summaries.all(PROGRAMME_SUMMARY);
    return {
      summary: async (programmeId: string): Promise<Row | undefined> =>
        summaryRows.find((row) => row.programme_id === programmeId),
      programmeIds: async (funderId: string) =>
        summaryRows.filter((row) => isFunderRow(row, funderId)).map((row) => String(row.programme_id)),
      spend: async () => spend.all(TERRITORY_SPEND),
    };
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { TerritoryLevel } from '@pass/projections';
import { IsInstant } from '../../http/instant.validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TerritoryStatsRequest {
  @ApiPropertyOptional({ description: 'one programme; without it, every programme the caller may read' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  programmeId?: string;

  @ApiPropertyOptional({ enum: ['departement', 'commune'], default: 'departement' })
  @IsOptional()
  @IsIn(['departement', 'commune'])
  level?: TerritoryLevel;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'first day (Europe/Paris), inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'last day (Europe/Paris), inclusive' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({
    example: '2026-06-30T22:00:00Z',
    description: 'time travel: the figures as recorded until this instant (replays the log: slow)',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

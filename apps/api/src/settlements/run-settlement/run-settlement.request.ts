import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../../http/instant.validator';

export class RunSettlementRequest {
  @ApiPropertyOptional({
    example: '2026-03-31T23:59:59Z',
    description: 'cut-off: redemptions recorded at or before it are settled (default: now)',
  })
  @IsOptional()
  @IsInstant()
  until?: string;
}

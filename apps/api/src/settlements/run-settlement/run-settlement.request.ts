import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class RunSettlementRequest {
  @ApiPropertyOptional({
    example: '2026-03-31T23:59:59Z',
    description: 'cut-off: redemptions recorded at or before it are settled (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

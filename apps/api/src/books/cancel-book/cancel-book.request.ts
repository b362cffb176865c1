import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CANCELLATION_REASONS, type CancellationReason } from '@pass/domain';

export class CancelBookRequest {
  @ApiProperty({ enum: CANCELLATION_REASONS })
  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;
}

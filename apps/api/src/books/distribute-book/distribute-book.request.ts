import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class DistributeBookRequest {
  @ApiProperty({ example: 'ccas-merignac' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  distributorId!: string;

  @ApiPropertyOptional({
    example: 'dossier-2026-0042',
    description: 'a pseudonymous reference chosen by the distributor; never a name, e-mail or phone',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:/-]{1,64}$/)
  beneficiaryRef?: string;
}

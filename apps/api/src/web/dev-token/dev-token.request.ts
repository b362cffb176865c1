import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { ROLES, type Role } from '@pass/domain';

export class DevTokenRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '200054781', description: "a payer's SIREN, a venue's id, …" })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  org!: string;
}

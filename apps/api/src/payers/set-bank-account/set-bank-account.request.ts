import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsBic, IsIban } from '../../bank-accounts/bank-account.validators';

export class SetPayerBankAccountRequest {
  @ApiProperty({ example: 'FR14 2004 1010 0505 0001 3M02 606' })
  @IsIban()
  iban!: string;

  @ApiPropertyOptional({ example: 'PSSTFRPPXXX' })
  @IsOptional()
  @IsBic()
  bic?: string;

  @ApiProperty({ example: 'Département de la Gironde', description: 'the debtor named in SEPA files' })
  @IsString()
  @Length(1, 70)
  name!: string;
}

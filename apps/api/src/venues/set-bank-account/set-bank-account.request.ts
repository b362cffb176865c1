import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsBic, IsIban } from '../../bank-accounts/bank-account.validators';

export class SetVenueBankAccountRequest {
  @ApiProperty({ example: 'FR76 3000 6000 0112 3456 7890 189' })
  @IsIban()
  iban!: string;

  @ApiPropertyOptional({ example: 'AGRIFRPP' })
  @IsOptional()
  @IsBic()
  bic?: string;

  @ApiProperty({ example: 'Association Médiathèque de Mérignac', description: 'account holder' })
  @IsString()
  @Length(1, 70)
  holder!: string;
}

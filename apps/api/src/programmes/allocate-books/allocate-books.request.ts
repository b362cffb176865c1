import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Either the books by id, or a count of books the payer still holds (taken in issuance order). */
export class AllocateBooksRequest {
  @ApiProperty({ example: 'ccas-merignac' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  distributorId!: string;

  @ApiPropertyOptional({ example: ['bk_0123456789abcdef'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true })
  bookIds?: string[];

  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  count?: number;
}

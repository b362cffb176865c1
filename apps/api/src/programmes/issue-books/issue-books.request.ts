import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_BOOKS_PER_ISSUANCE, MAX_VOUCHERS_PER_BOOK } from '@pass/domain';

export class IssueBooksRequest {
  @ApiProperty({ example: 10, description: `number of books (1 to ${MAX_BOOKS_PER_ISSUANCE})` })
  @IsInt()
  @Min(1)
  @Max(MAX_BOOKS_PER_ISSUANCE)
  books!: number;

  @ApiProperty({ example: 10, description: `vouchers in each book (1 to ${MAX_VOUCHERS_PER_BOOK})` })
  @IsInt()
  @Min(1)
  @Max(MAX_VOUCHERS_PER_BOOK)
  vouchersPerBook!: number;
}

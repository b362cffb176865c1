import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class AllocateBookRequest {
  @ApiProperty({ example: 'mairie-begles', description: 'the distributor the book goes to' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  distributorId!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class AddMemberRequest {
  @ApiProperty({
    example: 'c8a0f1e2-5b7d-4c1a-9e3f-0a1b2c3d4e5f',
    description: "the agent's sign-in subject (the `sub` claim of their token)",
  })
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty({ example: 'Accueil, poste 2', description: 'how the venue tells its agents apart' })
  @IsString()
  @Length(1, 100)
  label!: string;
}

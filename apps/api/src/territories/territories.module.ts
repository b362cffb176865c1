import { Global, Module } from '@nestjs/common';
import { InseeTerritories } from './insee-territories';

@Global()
@Module({ providers: [InseeTerritories], exports: [InseeTerritories] })
export class TerritoriesModule {}

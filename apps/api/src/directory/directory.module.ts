import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { ListDirectoryHandler } from './list-directory.query';

/** The public directory of places that take the Pass numérique, and its export to the national standard. */
@Module({
  controllers: [DirectoryController],
  providers: [ListDirectoryHandler],
})
export class DirectoryModule {}

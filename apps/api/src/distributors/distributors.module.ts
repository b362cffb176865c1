import { Module } from '@nestjs/common';
import { DistributorBooksHandler } from './distributor-books.query';
import { DistributorsController } from './distributors.controller';

@Module({ controllers: [DistributorsController], providers: [DistributorBooksHandler] })
export class DistributorsModule {}

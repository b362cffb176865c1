import { Module } from '@nestjs/common';
import { AllocateBookHandler, CancelBookHandler, DistributeBookHandler } from './book-commands.handler';
import { GetBookHandler } from './get-book.query';
import { BooksController } from './books.controller';

@Module({
  controllers: [BooksController],
  providers: [DistributeBookHandler, CancelBookHandler, AllocateBookHandler, GetBookHandler],
})
export class BooksModule {}

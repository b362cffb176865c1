import { Module } from '@nestjs/common';
import { CancelBookHandler, DistributeBookHandler } from './book-commands.handler';
import { BooksController } from './books.controller';

@Module({ controllers: [BooksController], providers: [DistributeBookHandler, CancelBookHandler] })
export class BooksModule {}

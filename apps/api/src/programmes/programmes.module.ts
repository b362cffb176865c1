import { Module } from '@nestjs/common';
import { GetProgrammeController } from './get-programme/get-programme.controller';
import { GetProgrammeHandler } from './get-programme/get-programme.query';
import { IssueBooksController } from './issue-books/issue-books.controller';
import { IssueBooksHandler } from './issue-books/issue-books.handler';
import { OpenProgrammeController } from './open-programme/open-programme.controller';
import { OpenProgrammeHandler } from './open-programme/open-programme.handler';
import { PrintBookController } from './print-book/print-book.controller';
import { PrintBookHandler } from './print-book/print-book.query';

@Module({
  controllers: [OpenProgrammeController, GetProgrammeController, IssueBooksController, PrintBookController],
  providers: [OpenProgrammeHandler, GetProgrammeHandler, IssueBooksHandler, PrintBookHandler],
})
export class ProgrammesModule {}

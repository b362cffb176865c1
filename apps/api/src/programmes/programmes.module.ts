import { Module } from '@nestjs/common';
import { ApprovedVenuesController } from './approved-venues/approved-venues.controller';
import { ChangeVenueApprovalHandler } from './approved-venues/approved-venues.handler';
import { ListApprovedVenues } from './approved-venues/list-approved-venues.query';
import { GetProgrammeController } from './get-programme/get-programme.controller';
import { GetProgrammeHandler } from './get-programme/get-programme.query';
import { IssueBooksController } from './issue-books/issue-books.controller';
import { IssueBooksHandler } from './issue-books/issue-books.handler';
import { OpenProgrammeController } from './open-programme/open-programme.controller';
import { OpenProgrammeHandler } from './open-programme/open-programme.handler';
import { PrintBookController } from './print-book/print-book.controller';
import { PrintBookHandler } from './print-book/print-book.query';
import { AllocateBooksController } from './allocate-books/allocate-books.controller';
import { AllocateBooksHandler } from './allocate-books/allocate-books.handler';
import { EndOfProgrammeController } from './end-of-programme/end-of-programme.controller';
import { ExpireProgrammeHandler } from './end-of-programme/expire-programme.handler';
import { ExpiryScheduler } from './end-of-programme/expiry.scheduler';
import { ExpiryAlertService } from './end-of-programme/expiry-alert.service';
import { ProgrammeReportHandler } from './end-of-programme/programme-reports.query';
import { StopDistributionHandler } from './end-of-programme/stop-distribution.handler';

@Module({
  controllers: [
    OpenProgrammeController,
    GetProgrammeController,
    IssueBooksController,
    PrintBookController,
    AllocateBooksController,
    EndOfProgrammeController,
    ApprovedVenuesController,
  ],
  providers: [
    OpenProgrammeHandler,
    GetProgrammeHandler,
    IssueBooksHandler,
    PrintBookHandler,
    AllocateBooksHandler,
    StopDistributionHandler,
    ExpireProgrammeHandler,
    ProgrammeReportHandler,
    ExpiryScheduler,
    ExpiryAlertService,
    ChangeVenueApprovalHandler,
    ListApprovedVenues,
  ],
})
export class ProgrammesModule {}

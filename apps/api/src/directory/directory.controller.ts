import { Controller, Get, Header, Logger, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { DirectoryRequest } from './directory.request';
import { toStandardExport } from './lieu-mediation-numerique';
import { ListDirectoryHandler } from './list-directory.query';
import { standardCsv } from './standard-csv';

/** Who feeds the national data: the standard's `source` column. */
export const DIRECTORY_SOURCE = 'pass-numerique';

/** Where beneficiaries can spend their vouchers: open to all, no sign-in. */
@ApiTags('directory')
@Controller('v1/lieux')
export class DirectoryController {
  private readonly logger = new Logger('Directory');

  constructor(private readonly directory: ListDirectoryHandler) {}

  /** Certified venues' open locations and their services, filtered, paginated (nearest first with near). */
  @Public()
  @Get()
  list(@Query() request: DirectoryRequest) {
    return this.directory.execute(request);
  }

  /** Every location in the national standard for lieux de médiation numérique (JSON). */
  @Public()
  @Get('export.json')
  async exportJson() {
    return (await this.standardExport()).records;
  }

  @Public()
  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="lieux-de-mediation-numerique.csv"')
  async exportCsv(): Promise<string> {
    return standardCsv((await this.standardExport()).records);
  }

  private async standardExport() {
    const exported = toStandardExport(await this.directory.all(), DIRECTORY_SOURCE);
    for (const { locationId, reason } of exported.refused)
      this.logger.warn(`location ${locationId} left out of the standard's export: ${reason}`);
    return exported;
  }
}

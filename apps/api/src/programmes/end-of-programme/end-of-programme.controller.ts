import { Controller, Get, Header, HttpCode, Inject, Param, Post, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor, CreditNoteIssued } from '@pass/domain';
import { formatEuros, renderTableDocumentPdf } from '@pass/vouchers';
import { CurrentActor, Roles } from '../../auth/auth.decorators';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { IdParam } from '../../http/id-param';
import { ProblemException } from '../../problems/problem.exception';
import { ExpireProgrammeCommand } from './expire-programme.handler';
import { ProgrammeReportQuery } from './programme-reports.query';
import { reconciliationCsv, reconciliationDocument } from './report-formats';
import { StopDistributionCommand } from './stop-distribution.handler';

/** The end of a programme's year: stop distribution, expiry run, credit notes, reconciliation. */
@ApiTags('end of programme')
@ApiBearerAuth()
@Controller('v1/programmes/:id')
export class EndOfProgrammeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('distribution-stop')
  @HttpCode(200)
  @Roles('payer')
  stop(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.commands.execute(new StopDistributionCommand(actor, programmeId));
  }

  @Post('expiry')
  @HttpCode(200)
  @Roles('payer', 'admin')
  expire(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.commands.execute(new ExpireProgrammeCommand(programmeId, actor));
  }

  @Get('credit-notes')
  @Roles('payer', 'admin')
  creditNotes(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.queries.execute(new ProgrammeReportQuery(actor, programmeId, 'credit-notes'));
  }

  @Get('credit-notes/:creditNoteId.pdf')
  @Roles('payer', 'admin')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  async creditNotePdf(
    @CurrentActor() actor: Actor,
    @IdParam() programmeId: string,
    @Param('creditNoteId') creditNoteId: string,
  ) {
    const { programme, creditNotes } = await this.queries.execute(
      new ProgrammeReportQuery(actor, programmeId, 'credit-notes'),
    );
    const note = (creditNotes as CreditNoteIssued['data'][]).find(
      (candidate) => candidate.creditNoteId === creditNoteId,
    );
    if (!note) throw new ProblemException('route.not-found', `no credit note ${creditNoteId}`);
    const pdf = await renderTableDocumentPdf({
      title: `Avoir ${note.creditNoteId}`,
      author: this.config.brandName,
      lines: [
        `Programme ${programme.name} (${programme.programmeId}), tiers payeur ${programme.payerId}.`,
        `Émis le ${note.issuedAt.slice(0, 10)} pour les chèques non utilisés à la fin de la période de grâce.`,
      ],
      tables: [
        {
          heading: 'Montant',
          rows: [
            ['Chèques expirés', String(note.voucherCount)],
            ['Valeur faciale totale', formatEuros(note.amountCents)],
            ...note.shares.map(
              (share) =>
                [`Part du financeur ${share.payerId}`, formatEuros(share.amountCents)] as [string, string],
            ),
          ],
        },
      ],
    });
    return new StreamableFile(pdf, { disposition: `inline; filename="avoir-${note.creditNoteId}.pdf"` });
  }

  @Get('reconciliation')
  @Roles('payer', 'admin')
  reconciliation(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return this.queries.execute(new ProgrammeReportQuery(actor, programmeId, 'reconciliation'));
  }

  @Get('reconciliation.csv')
  @Roles('payer', 'admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async reconciliationCsv(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    return reconciliationCsv(
      await this.queries.execute(new ProgrammeReportQuery(actor, programmeId, 'reconciliation')),
    );
  }

  @Get('reconciliation.pdf')
  @Roles('payer', 'admin')
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  async reconciliationPdf(@CurrentActor() actor: Actor, @IdParam() programmeId: string) {
    const report = await this.queries.execute(new ProgrammeReportQuery(actor, programmeId, 'reconciliation'));
    const pdf = await renderTableDocumentPdf(reconciliationDocument(report, this.config.brandName));
    return new StreamableFile(pdf, {
      disposition: `inline; filename="etat-contradictoire-${programmeId}.pdf"`,
    });
  }
}

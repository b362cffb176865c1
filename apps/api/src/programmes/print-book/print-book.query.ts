import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolveBook,
  evolveProgramme,
  initialBookState,
  initialProgrammeState,
  streams,
  type Actor,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { renderBookPdf, SigningKeyRing } from '@pass/vouchers';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { loadAggregate } from '../../infrastructure/aggregate-stream';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { PayerBrandingService } from '../../branding/payer-branding.service';

export class PrintBookQuery {
  constructor(
    readonly actor: Actor,
    readonly bookId: string,
  ) {}
}

/** The printable carnet: one page per voucher with its QR code, code, value and validity. */
@QueryHandler(PrintBookQuery)
export class PrintBookHandler implements IQueryHandler<PrintBookQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: SigningKeyRing,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly branding: PayerBrandingService,
  ) {}

  async execute({ actor, bookId }: PrintBookQuery): Promise<Buffer> {
    const { state: book } = await loadAggregate(
      this.store,
      streams.book(bookId),
      evolveBook,
      initialBookState,
    );
    if (book.status === 'none' || actor.role !== 'payer' || book.payerId !== actor.org)
      throw new ProblemException('book.not-found', `no book ${bookId}`);
    const { state: programme } = await loadAggregate(
      this.store,
      streams.programme(book.programmeId),
      evolveProgramme,
      initialProgrammeState,
    );
    const { displayName, logo } = await this.branding.stateOf(book.payerId);
    return renderBookPdf(
      {
        bookId,
        payerName: displayName,
        payerLogoPng: logo?.mediaType === 'image/png' ? Buffer.from(logo.contentBase64, 'base64') : undefined,
        programmeName: programme.status === 'open' ? programme.name : book.programmeId,
        faceValueCents: book.faceValueCents,
        validFrom: book.validFrom.slice(0, 10),
        validUntil: book.validUntil.slice(0, 10),
        vouchers: book.vouchers.map((voucher) => ({
          voucherId: voucher.voucherId,
          code: voucher.code,
          qrText: this.keys.signVoucher(voucher.voucherId),
        })),
      },
      { name: this.config.brandName },
    );
  }
}

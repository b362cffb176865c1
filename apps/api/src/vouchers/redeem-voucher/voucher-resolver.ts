import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@pass/event-store';
import { parseVoucherCode, SigningKeyRing } from '@pass/vouchers';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { VOUCHER_CODE_RESERVATION } from '../../programmes/issue-books/issue-books.handler';

/**
 * Finds which voucher a scan names. A forged QR or a mistyped code is refused before any lookup,
 * so guessing costs the guesser a request each time and the database no voucher or book read (the
 * redemption reads the scanning venue's own stream meanwhile: see RedemptionStateReader).
 */
@Injectable()
export class VoucherResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: SigningKeyRing,
  ) {}

  async resolve(scan: { qr?: string; code?: string }): Promise<string> {
    if ((scan.qr === undefined) === (scan.code === undefined))
      throw new ProblemException('request.invalid', 'send either qr or code, not both');
    if (scan.qr !== undefined) return this.fromQr(scan.qr);
    return this.fromCode(scan.code as string);
  }

  private async fromQr(text: string): Promise<string> {
    const verified = await this.keys.verifyQrOffThread(text.trim());
    if (verified.ok) return verified.voucherId;
    if (verified.reason === 'malformed')
      throw new ProblemException('voucher.malformed-qr', 'this is not a Pass numérique QR code');
    throw new ProblemException('voucher.forged-qr', 'the QR code signature does not verify');
  }

  private async fromCode(input: string): Promise<string> {
    const parsed = parseVoucherCode(input);
    if (!parsed.ok && parsed.reason === 'bad-check-character')
      throw new ProblemException(
        'voucher.bad-check-character',
        'the code is mistyped: its check character does not match',
      );
    if (!parsed.ok)
      throw new ProblemException('voucher.malformed-qr', 'a code is 12 characters and a check character');
    const voucherId = await this.store.lookup(VOUCHER_CODE_RESERVATION, parsed.code);
    if (typeof voucherId !== 'string')
      throw new ProblemException('voucher.not-found', 'no voucher has this code');
    return voucherId;
  }
}

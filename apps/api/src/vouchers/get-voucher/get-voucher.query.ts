import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isAfter, type Actor } from '@pass/domain';
import {
  fromSql,
  projectionTables,
  VOUCHER_STATUS,
  viewName,
  voucherHistory,
  type Row,
} from '@pass/projections';
import { Clock } from '../../infrastructure/clock';
import { ProblemException } from '../../problems/problem.exception';
import { ReadModelsService } from '../../projections/read-models.service';

export class GetVoucherQuery {
  constructor(
    readonly actor: Actor,
    readonly voucherId: string,
  ) {}
}

/**
 * A voucher's status and history from the voucher-status read model (after waiting, bounded, for
 * it to reach the log's head); no personal data (no beneficiary reference). Expiry depends on the
 * reading instant, so it is derived here rather than stored.
 */
@QueryHandler(GetVoucherQuery)
export class GetVoucherHandler implements IQueryHandler<GetVoucherQuery> {
  constructor(
    private readonly readModels: ReadModelsService,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, voucherId }: GetVoucherQuery) {
    await this.readModels.fresh('voucher-status');
    const spec = projectionTables(VOUCHER_STATUS);
    const [found] = await this.readModels.sql.query<Row>(
      `select * from ${viewName(spec)} where voucher_id = $1`,
      [voucherId],
    );
    const row = found && fromSql(spec, found);
    const mayRead =
      row &&
      ((actor.role === 'payer' && (row.funder_ids as string[]).includes(actor.org)) ||
        (actor.role === 'venue' && row.status === 'redeemed' && row.venue_id === actor.org));
    if (!mayRead) throw new ProblemException('voucher.not-found', `no voucher ${voucherId}`);
    const validUntil = String(row.valid_until);
    const stored = String(row.status);
    // Scans stay accepted through the grace period; before the expiry run, expiry is derived from the clock.
    const redeemableUntil = String(row.redeemable_until);
    const expired =
      (stored === 'issued' || stored === 'distributed') && isAfter(this.clock.now(), redeemableUntil);
    return {
      voucherId,
      bookId: row.book_id,
      programmeId: row.programme_id,
      faceValueCents: row.face_value_cents,
      validUntil,
      redeemableUntil,
      status: expired ? 'expired' : stored,
      history: voucherHistory(row),
    };
  }
}

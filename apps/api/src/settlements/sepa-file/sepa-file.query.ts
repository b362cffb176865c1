import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  evolvePayer,
  evolveVenue,
  initialPayerState,
  initialVenueState,
  streams,
  type Actor,
  type SealedBankAccount,
} from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { BankDetailsCipher } from '../../bank-accounts/bank-details-cipher';
import { loadAggregate } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import { ProblemException } from '../../problems/problem.exception';
import { loadVisibleBatch } from '../batch-view';
import { pain001, type SepaAccount } from './pain001';

export class SepaFileQuery {
  constructor(
    readonly actor: Actor,
    readonly batchId: string,
  ) {}
}

/** The credit transfer that pays one batch: the payer's account to the venue's, for the batch's total. */
@QueryHandler(SepaFileQuery)
export class SepaFileHandler implements IQueryHandler<SepaFileQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cipher: BankDetailsCipher,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, batchId }: SepaFileQuery): Promise<string> {
    const batch = await loadVisibleBatch(this.store, actor, batchId);
    if (actor.role !== 'payer')
      throw new ProblemException('settlement.not-found', `no settlement batch ${batchId}`);
    const [payer, venue] = await Promise.all([
      loadAggregate(this.store, streams.payer(batch.payerId), evolvePayer, initialPayerState),
      loadAggregate(this.store, streams.venue(batch.venueId), evolveVenue, initialVenueState),
    ]);
    const payerAccount = payer.state.bankAccount;
    if (!payerAccount)
      throw new ProblemException(
        'bank-account.missing',
        `payer ${batch.payerId} has no bank account: PUT /v1/payers/${batch.payerId}/bank-account`,
      );
    const venueAccount = venue.state.status === 'registered' ? venue.state.bankAccount : undefined;
    if (!venueAccount)
      throw new ProblemException(
        'bank-account.missing',
        `venue ${batch.venueId} has no bank details yet: the batch awaits them`,
      );
    const now = this.clock.now();
    return pain001({
      messageId: batch.batchId,
      createdAt: now,
      executionDate: now.slice(0, 10),
      debtor: this.open(payerAccount, streams.payer(batch.payerId)),
      transfers: [
        {
          endToEndId: batch.batchId,
          amountCents: batch.totalCents,
          creditor: this.open(venueAccount, streams.venue(batch.venueId)),
          remittanceInformation: `Pass numerique ${batch.batchId} ${batch.payables.length} redemptions until ${batch.until.slice(0, 10)}`,
        },
      ],
    });
  }

  private open(account: SealedBankAccount, streamId: string): SepaAccount {
    const { iban, bic, holder } = this.cipher.open(account, streamId);
    return { name: holder, iban, bic };
  }
}

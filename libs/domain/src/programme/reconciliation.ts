import type { DomainEvent } from '../shared/event';
import type { BookEvent } from '../book/book.events';
import type { SettlementBatchEvent } from '../settlement/settlement.events';
import type { ProgrammeEvent } from './programme.events';

/** Vouchers and their face value in cents. */
export interface Tally {
  vouchers: number;
  cents: number;
}

export interface PayerReconciliation {
  payerId: string;
  redeemedCents: number;
  reimbursedCents: number;
  awaitingSettlementCents: number;
  creditedCents: number;
}

/**
 * The *état contradictoire* of a programme, recomputed from the event log alone:
 * issued = redeemed + expired + cancelled + outstanding (face value), and per payer
 * redeemed = reimbursed + awaiting settlement (amounts paid to venues).
 */
export interface Reconciliation {
  programmeId: string;
  issued: Tally;
  redeemed: Tally & { amountCents: number };
  expired: Tally;
  cancelled: Tally;
  outstanding: Tally;
  creditedCents: number;
  reimbursedCents: number;
  awaitingSettlementCents: number;
  payers: PayerReconciliation[];
}

type ReconciledEvent = ProgrammeEvent | BookEvent | SettlementBatchEvent;

export function reconcileProgramme(programmeId: string, log: readonly DomainEvent[]): Reconciliation {
  const events = log as readonly ReconciledEvent[];
  const face = new Map<string, number>();
  const payers = new Map<string, PayerReconciliation>();
  const payer = (payerId: string) => {
    if (!payers.has(payerId))
      payers.set(payerId, {
        payerId,
        redeemedCents: 0,
        reimbursedCents: 0,
        awaitingSettlementCents: 0,
        creditedCents: 0,
      });
    return payers.get(payerId)!;
  };
  const issued = { vouchers: 0, cents: 0 };
  const redeemed = { vouchers: 0, cents: 0, amountCents: 0 };
  const expired = { vouchers: 0, cents: 0 };
  const cancelled = { vouchers: 0, cents: 0 };
  const batchPayables = new Map<string, { payerId: string; cents: number }>();
  let creditedCents = 0;
  for (const event of events) {
    switch (event.type) {
      case 'ProgrammeOpened.v1':
        if (event.data.programmeId === programmeId)
          event.data.coFunders.forEach((share) => payer(share.payerId));
        break;
      case 'BookIssued.v1':
        if (event.data.programmeId !== programmeId) break;
        face.set(event.data.bookId, event.data.faceValueCents);
        issued.vouchers += event.data.vouchers.length;
        issued.cents += event.data.vouchers.length * event.data.faceValueCents;
        break;
      case 'VoucherRedeemed.v1':
        if (!face.has(event.data.bookId)) break;
        redeemed.vouchers += 1;
        redeemed.cents += face.get(event.data.bookId)!;
        redeemed.amountCents += event.data.amountCents;
        event.data.shares.forEach((share) => (payer(share.payerId).redeemedCents += share.amountCents));
        break;
      case 'BookCancelled.v1':
        if (!face.has(event.data.bookId)) break;
        cancelled.vouchers += event.data.voidedVoucherIds.length;
        cancelled.cents += event.data.voidedVoucherIds.length * face.get(event.data.bookId)!;
        break;
      case 'VouchersExpired.v1':
        if (!face.has(event.data.bookId)) break;
        expired.vouchers += event.data.voucherIds.length;
        expired.cents += event.data.amountCents;
        break;
      case 'CreditNoteIssued.v1':
        if (event.data.programmeId !== programmeId) break;
        creditedCents += event.data.amountCents;
        event.data.shares.forEach((share) => (payer(share.payerId).creditedCents += share.amountCents));
        break;
      case 'SettlementBatchOpened.v1': {
        const cents = event.data.payables
          .filter((payable) => payable.programmeId === programmeId)
          .reduce((sum, payable) => sum + payable.amountCents, 0);
        if (cents > 0) batchPayables.set(event.data.batchId, { payerId: event.data.payerId, cents });
        break;
      }
      case 'SettlementBatchPaid.v1': {
        const paid = batchPayables.get(event.data.batchId);
        if (paid) payer(paid.payerId).reimbursedCents += paid.cents;
        break;
      }
    }
  }
  for (const part of payers.values())
    part.awaitingSettlementCents = part.redeemedCents - part.reimbursedCents;
  const reimbursedCents = [...payers.values()].reduce((sum, part) => sum + part.reimbursedCents, 0);
  const outstandingVouchers = issued.vouchers - redeemed.vouchers - expired.vouchers - cancelled.vouchers;
  const outstandingCents = issued.cents - redeemed.cents - expired.cents - cancelled.cents;
  return {
    programmeId,
    issued,
    redeemed,
    expired,
    cancelled,
    outstanding: { vouchers: outstandingVouchers, cents: outstandingCents },
    creditedCents,
    reimbursedCents,
    awaitingSettlementCents: redeemed.amountCents - reimbursedCents,
    payers: [...payers.values()].sort((a, b) => a.payerId.localeCompare(b.payerId)),
  };
}

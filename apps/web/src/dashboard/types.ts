/** The shapes the dashboard reads (GET /v1/web/programmes, /v1/stats/territories, /v1/settlements, …). */
export interface ProgrammeSummary {
  readonly programmeId: string;
  readonly name: string;
  readonly lead: boolean;
  readonly faceValueCents: number;
  readonly budgetCents: number;
  readonly committedCents: number;
  readonly distributedCents: number;
  readonly redeemedCents: number;
  readonly reimbursedCents: number;
  readonly remainingCents: number;
  readonly vouchersIssued: number;
  readonly vouchersDistributed: number;
  readonly vouchersRedeemed: number;
  readonly validUntil?: string;
}

export interface TerritoryLine {
  readonly programmeId: string;
  readonly code: string | null;
  readonly name: string | null;
  readonly departement?: string | null;
  readonly issuedCents: number;
  readonly distributedCents: number;
  readonly redeemedCents: number;
  readonly reimbursedCents: number;
  readonly redemptions: number;
}

export interface TerritoryStats {
  readonly totals: Omit<TerritoryLine, 'programmeId' | 'code' | 'name'>;
  readonly territories: readonly TerritoryLine[];
}

export interface Book {
  readonly bookId: string;
  readonly vouchers: number;
  readonly distributed: number;
  readonly redeemed: number;
  readonly voided: number;
}

export interface Venue {
  readonly venueId: string;
  readonly name: string;
  readonly communeInsee: string | null;
  readonly redemptions: number;
  readonly amountCents: number;
}

export interface Batch {
  readonly batchId: string;
  readonly venueId: string;
  readonly totalCents: number;
  readonly redemptions: number;
  readonly openedAt: string;
  readonly status: 'open' | 'awaiting-bank-details' | 'paid';
  readonly paidAt?: string;
  readonly paymentReference?: string;
}

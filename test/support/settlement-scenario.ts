import { isValidSiren } from '@pass/domain';
import { auth, certifiedVenue, distribute, issueBooks, openProgramme, redeem, type Tokens } from './scenario';
import type { TestApp } from './test-app';
import { allEndedBefore, nextTransactionId } from '../../apps/api/src/settlements/payables/log-horizon';
import { sqlOf } from '../../apps/api/src/settlements/payables/payables-reactor';

/** A random SIREN whose Luhn check digit holds: each test settles for payers of its own. */
export function randomSiren(): string {
  const body = `2${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  for (let check = 0; check <= 9; check++) if (isValidSiren(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable: one check digit always fits');
}

/** Tokens where `payer` is a fresh payer, so that no other test's payables reach its settlements. */
export async function freshPayer(t: TestApp): Promise<Tokens & { payerId: string }> {
  const payerId = randomSiren();
  return {
    payerId,
    admin: await t.token('admin', 'operator'),
    payer: await t.token('payer', payerId),
    otherPayer: await t.token('payer', randomSiren()),
  };
}

/** A programme of `payer` with one distributed book, and `venues` certified venues to redeem at. */
export async function fundedVenues(
  t: TestApp,
  tokens: Tokens,
  venues: number,
  vouchers = 10,
  programme: Record<string, unknown> = {},
) {
  const places = [];
  for (let i = 0; i < venues; i++) places.push(await certifiedVenue(t, tokens));
  const programmeId = await openProgramme(t, tokens, programme);
  const [book] = await issueBooks(t, tokens, programmeId, 1, vouchers);
  await distribute(t, tokens, book.bookId);
  return { programmeId, venues: places, vouchers: book.vouchers };
}

export async function redeemOk(
  t: TestApp,
  venueToken: string,
  qr: string,
  extra: Record<string, unknown> = {},
): Promise<{ redemptionId: string; amountCents: number }> {
  const response = await redeem(t, venueToken, { qr, ...extra });
  if (response.status !== 201)
    throw new Error(`redemption: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface BatchAnswer {
  batchId: string;
  venueId: string;
  payerId: string;
  totalCents: number;
  redemptions: number;
  status: string;
  awaitingBankDetails: boolean;
}

export function settle(t: TestApp, payerToken: string, body: Record<string, unknown> = {}) {
  return t.http().post('/v1/settlements').set(auth(payerToken)).send(body);
}

export async function settleOk(t: TestApp, payerToken: string, body: Record<string, unknown> = {}) {
  const response = await settle(t, payerToken, body).expect(201);
  return response.body.batches as BatchAnswer[];
}

interface Logged {
  type: string;
  streamId: string;
  data: Record<string, unknown>;
}

/**
 * The whole log as of now. readAll holds back what a transaction still running elsewhere on the
 * server could precede: wait until every transaction begun before now has ended.
 */
export async function committedLog(t: TestApp) {
  const sql = sqlOf(t.store);
  const head = await nextTransactionId(sql);
  const deadline = Date.now() + 10_000;
  while (!(await allEndedBefore(sql, head))) {
    if (Date.now() > deadline) throw new Error('a transaction stayed open for 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return t.allEvents();
}

/** The settlement events of one payer, from the event log itself. */
export async function settlementLog(t: TestApp, payerId: string) {
  const events = (await committedLog(t)) as unknown as Logged[];
  const mine = (type: string) =>
    events.filter((event) => event.type === type && event.data.payerId === payerId);
  return {
    recorded: recordedPayables(mine('PayablesRecorded.v1')),
    batched: mine('PayablesBatched.v1'),
    opened: mine('SettlementBatchOpened.v1'),
    paid: mine('SettlementBatchPaid.v1'),
    redeemed: events.filter((event) => event.type === 'VoucherRedeemed.v1'),
  };
}

/** One entry per payable, as if each had its own event: the reactor records a pass's in one. */
function recordedPayables(events: Logged[]): Logged[] {
  return events.flatMap(({ type, streamId, data }) =>
    (data.payables as Record<string, unknown>[]).map((payable) => ({
      type,
      streamId,
      data: { payerId: data.payerId, venueId: data.venueId, ...payable },
    })),
  );
}

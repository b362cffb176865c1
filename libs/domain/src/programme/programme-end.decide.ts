import type { Actor } from '../shared/actor';
import { domainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import { splitByShares, type Cents } from '../shared/money';
import type { Instant } from '../shared/time';
import type { CreditNoteIssued, DistributionStopped } from './programme.events';
import type { ProgrammeState } from './programme.state';

export interface StopDistribution {
  readonly actor: Actor;
  readonly programmeId: string;
  readonly now: Instant;
}

/** Stopping is idempotent: stopping a stopped programme changes nothing. */
export function decideStopDistribution(
  command: StopDistribution,
  state: ProgrammeState,
): Decision<DistributionStopped> {
  if (state.status === 'none' || command.actor.role !== 'payer' || state.payerId !== command.actor.org)
    return domainError('programme.not-found', `no programme ${command.programmeId}`);
  if (state.distributionStopped) return [];
  return [
    { type: 'DistributionStopped.v1', data: { programmeId: state.programmeId, stoppedAt: command.now } },
  ];
}

export interface IssueCreditNote {
  readonly programmeId: string;
  readonly creditNoteId: string;
  /** Everything expired so far across the programme's books: the note covers what no earlier note did. */
  readonly expiredVoucherCount: number;
  readonly expiredCents: Cents;
  readonly now: Instant;
}

export function decideIssueCreditNote(
  command: IssueCreditNote,
  state: ProgrammeState,
): Decision<CreditNoteIssued> {
  if (state.status === 'none')
    return domainError('programme.not-found', `no programme ${command.programmeId}`);
  const amountCents = (command.expiredCents - state.creditedCents) as Cents;
  const voucherCount = command.expiredVoucherCount - state.creditedVoucherCount;
  if (amountCents <= 0) return [];
  return [
    {
      type: 'CreditNoteIssued.v1',
      data: {
        programmeId: state.programmeId,
        creditNoteId: command.creditNoteId,
        voucherCount,
        amountCents,
        shares: splitByShares(amountCents, state.coFunders),
        issuedAt: command.now,
      },
    },
  ];
}

import type { SealedBankAccount } from '../shared/bank-account';
import { isBefore, toMillis, type Instant } from '../shared/time';
import type { VenueEvent } from './venue.events';

/** A certification holds from `from` until the earlier of `until` and a suspension. */
export interface CertificationPeriod {
  readonly from: Instant;
  readonly until: Instant;
}

export interface RegisteredVenueState {
  readonly status: 'registered';
  readonly venueId: string;
  readonly siret: string;
  readonly name: string;
  readonly communeInsee: string;
  readonly departement: string;
  readonly certifications: readonly CertificationPeriod[];
  readonly bankAccount?: SealedBankAccount;
}

export type VenueState = { readonly status: 'none' } | RegisteredVenueState;

export const initialVenueState: VenueState = { status: 'none' };

export function evolveVenue(state: VenueState, event: VenueEvent): VenueState {
  if (event.type === 'VenueRegistered.v1') {
    const { registeredAt: _registeredAt, ...venue } = event.data;
    return { status: 'registered', ...venue, certifications: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'VenueCertified.v1':
      return {
        ...state,
        certifications: [
          ...state.certifications,
          { from: event.data.certifiedAt, until: event.data.validUntil },
        ],
      };
    case 'VenueCertificationSuspended.v1':
      return { ...state, certifications: state.certifications.map((p) => endBy(p, event.data.suspendedAt)) };
    case 'VenueBankAccountSet.v1': {
      const { ibanLast4, sealedAccount } = event.data;
      return { ...state, bankAccount: { ibanLast4, sealedAccount } };
    }
  }
}

function endBy(period: CertificationPeriod, instant: Instant): CertificationPeriod {
  return isBefore(instant, period.until) ? { ...period, until: instant } : period;
}

/** Scans may reach the server late (offline phones): certification is judged at the scan's instant. */
export function isCertifiedAt(state: RegisteredVenueState, instant: Instant): boolean {
  const at = toMillis(instant);
  return state.certifications.some((period) => toMillis(period.from) <= at && at < toMillis(period.until));
}

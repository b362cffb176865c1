import type { SealedBankAccount } from '../shared/bank-account';
import { isBefore, toMillis, type Instant } from '../shared/time';
import type { VenueLocation } from './location.events';
import type { VenueService } from './service.events';
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
  /** Open locations only: a closed one takes no more sessions and leaves the directory. */
  readonly locations: readonly VenueLocation[];
  readonly members: readonly VenueMember[];
  /** Published services only. */
  readonly services: readonly VenueService[];
  /** Programmes restricted to approved venues that admit this one. */
  readonly approvedProgrammes: readonly string[];
}

export interface VenueMember {
  readonly memberId: string;
  readonly subject: string;
  readonly label: string;
}

export type VenueState = { readonly status: 'none' } | RegisteredVenueState;

export const initialVenueState: VenueState = { status: 'none' };

export function evolveVenue(state: VenueState, event: VenueEvent): VenueState {
  if (event.type === 'VenueRegistered.v1') {
    const { registeredAt: _registeredAt, ...venue } = event.data;
    return {
      status: 'registered',
      ...venue,
      certifications: [],
      locations: [],
      members: [],
      services: [],
      approvedProgrammes: [],
    };
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
    case 'VenueIdentityChanged.v1': {
      const { venueId: _venueId, changedAt: _changedAt, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'VenueLocationAdded.v1': {
      const { venueId: _venueId, addedAt: _addedAt, ...location } = event.data;
      return { ...state, locations: [...state.locations, location] };
    }
    case 'VenueLocationClosed.v1':
      return { ...state, locations: state.locations.filter((l) => l.locationId !== event.data.locationId) };
    case 'VenueMemberAdded.v1': {
      const { memberId, subject, label } = event.data;
      return { ...state, members: [...state.members, { memberId, subject, label }] };
    }
    case 'VenueMemberRemoved.v1':
      return { ...state, members: state.members.filter((m) => m.memberId !== event.data.memberId) };
    case 'VenueServicePublished.v1': {
      const { venueId: _venueId, publishedAt: _publishedAt, ...service } = event.data;
      const others = state.services.filter((s) => s.serviceId !== service.serviceId);
      return { ...state, services: [...others, service] };
    }
    case 'VenueServiceWithdrawn.v1':
      return { ...state, services: state.services.filter((s) => s.serviceId !== event.data.serviceId) };
    case 'VenueApproved.v1':
      return { ...state, approvedProgrammes: [...state.approvedProgrammes, event.data.programmeId] };
    case 'VenueApprovalWithdrawn.v1':
      return {
        ...state,
        approvedProgrammes: state.approvedProgrammes.filter((id) => id !== event.data.programmeId),
      };
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

import {
  evolveVenue,
  type CertificationPeriod,
  type RegisteredVenueState,
  type VenueEvent,
  type VenueService,
} from '@pass/domain';
import type { ProjectedEvent } from '../model/projected-event';
import type { Projection } from '../model/projection';
import type { Change, Memory, Row, RowRef, TableSpec } from '../model/table';

export const DIRECTORY_VENUES = 'directory_venues';
export const DIRECTORY_LOCATIONS = 'directory_locations';

const TABLES: TableSpec[] = [
  {
    name: DIRECTORY_VENUES,
    key: ['venue_id'],
    columns: {
      venue_id: 'text',
      siret: 'text',
      name: 'text',
      commune_insee: 'text',
      departement: 'text',
      /** Every period, suspensions applied: whether it is certified depends on when one reads. */
      certifications: 'jsonb',
      /** Published services only. */
      services: 'jsonb',
      updated_at: 'text',
    },
  },
  {
    name: DIRECTORY_LOCATIONS,
    key: ['location_id'],
    columns: {
      location_id: 'text',
      venue_id: 'text',
      name: 'text',
      address: 'text',
      postal_code: 'text',
      commune_insee: 'text',
      commune_name: 'text',
      departement: 'text',
      // Numbers in jsonb: the framework's bigint columns are counters, and these are fractions.
      latitude: 'jsonb',
      longitude: 'jsonb',
      opening_hours: 'text',
      accessibility: 'text',
      updated_at: 'text',
    },
  },
];

/** The venue events the public directory shows the effect of; members, bank details and approvals stay out. */
const DIRECTORY_EVENT_TYPES: ReadonlySet<string> = new Set<VenueEvent['type']>([
  'VenueRegistered.v1',
  'VenueIdentityChanged.v1',
  'VenueCertified.v1',
  'VenueCertificationSuspended.v1',
  'VenueServicePublished.v1',
  'VenueServiceWithdrawn.v1',
  'VenueLocationAdded.v1',
  'VenueLocationClosed.v1',
]);

function directoryEvent(event: ProjectedEvent): VenueEvent | undefined {
  return DIRECTORY_EVENT_TYPES.has(event.type) ? (event as unknown as VenueEvent) : undefined;
}

const venueRef = (venueId: string): RowRef => ({ table: DIRECTORY_VENUES, key: { venue_id: venueId } });

/**
 * The public directory: venues (identity, certification periods, published services) and their open
 * locations, one row each. The venue row follows the domain's own evolveVenue, so that a suspension
 * or a service published again means here what it means when a voucher is scanned.
 */
export function venueDirectoryProjection(): Projection {
  return {
    name: 'venue-directory',
    tables: TABLES,
    reads(raw): RowRef[] {
      const event = directoryEvent(raw);
      return event && event.type !== 'VenueRegistered.v1' ? [venueRef(event.data.venueId)] : [];
    },
    project(raw, memory): Change[] {
      const event = directoryEvent(raw);
      if (!event) return [];
      const at = raw.recordedAt;
      if (event.type === 'VenueLocationAdded.v1') {
        const { addedAt: _addedAt, ...location } = event.data;
        return [{ op: 'put', table: DIRECTORY_LOCATIONS, row: locationRow(location, at) }];
      }
      if (event.type === 'VenueLocationClosed.v1')
        return [{ op: 'delete', table: DIRECTORY_LOCATIONS, key: { location_id: event.data.locationId } }];
      const after = evolveVenue(venueState(memory, event) ?? { status: 'none' }, event);
      if (after.status !== 'registered') return [];
      return [{ op: 'put', table: DIRECTORY_VENUES, row: venueRow(after, at) }];
    },
  };
}

/** The venue as evolveVenue expects it; the lists the directory does not keep start empty. */
function venueState(memory: Memory, event: VenueEvent): RegisteredVenueState | undefined {
  if (event.type === 'VenueRegistered.v1') return undefined;
  const row = memory.get(DIRECTORY_VENUES, { venue_id: event.data.venueId });
  if (!row) return undefined;
  return {
    status: 'registered',
    venueId: String(row.venue_id),
    siret: String(row.siret),
    name: String(row.name),
    communeInsee: String(row.commune_insee),
    departement: String(row.departement),
    certifications: row.certifications as CertificationPeriod[],
    services: row.services as VenueService[],
    locations: [],
    members: [],
    approvedProgrammes: [],
  };
}

function venueRow(venue: RegisteredVenueState, at: string): Row {
  return {
    venue_id: venue.venueId,
    siret: venue.siret,
    name: venue.name,
    commune_insee: venue.communeInsee,
    departement: venue.departement,
    certifications: venue.certifications,
    services: venue.services,
    updated_at: at,
  };
}

function locationRow(
  location: Omit<Extract<VenueEvent, { type: 'VenueLocationAdded.v1' }>['data'], 'addedAt'>,
  at: string,
): Row {
  return {
    location_id: location.locationId,
    venue_id: location.venueId,
    name: location.name,
    address: location.address,
    postal_code: location.postalCode,
    commune_insee: location.communeInsee,
    commune_name: location.communeName,
    departement: location.departement,
    latitude: location.latitude,
    longitude: location.longitude,
    opening_hours: location.openingHours,
    accessibility: location.accessibility,
    updated_at: at,
  };
}

import type { ProjectedEvent } from '../model/projected-event';
import { replay } from '../model/replay';
import {
  DIRECTORY_LOCATIONS,
  DIRECTORY_VENUES,
  venueDirectoryProjection,
} from './venue-directory.projection';

let position = 0;
const at = (type: string, data: object, recordedAt = '2026-02-03T10:00:00.000Z'): ProjectedEvent => ({
  type,
  data,
  recordedAt,
  position: { transactionId: String(++position), globalPosition: String(position) },
});
const venueId = 'ven-1';
const location = (locationId: string) => ({
  venueId,
  locationId,
  name: `Lieu ${locationId}`,
  address: '1 place de la République',
  postalCode: '33700',
  communeInsee: '33281',
  communeName: 'Mérignac',
  departement: '33',
  latitude: 44.84,
  longitude: -0.65,
  openingHours: null,
  accessibility: null,
  addedAt: '2026-02-03T10:00:00.000Z',
});
const service = (serviceId: string, title: string) => ({
  venueId,
  serviceId,
  title,
  category: 'courriels',
  format: 'collective',
  durationMinutes: 60,
  priceInVouchers: 1,
  regulatedTariff: false,
  publishedAt: '2026-02-03T10:00:00.000Z',
});

describe('venue directory', () => {
  const story = [
    at('VenueRegistered.v1', {
      venueId,
      siret: '73282932000074',
      name: 'Médiathèque',
      communeInsee: '33281',
      departement: '33',
      registeredAt: '2026-01-01T00:00:00.000Z',
    }),
    at('VenueCertified.v1', {
      venueId,
      validUntil: '2027-01-01T00:00:00.000Z',
      certifiedAt: '2026-01-02T00:00:00.000Z',
    }),
    at('VenueLocationAdded.v1', location('loc-a')),
    at('VenueLocationAdded.v1', location('loc-b')),
    at('VenueServicePublished.v1', service('svc-1', 'Atelier courriels')),
    at('VenueServicePublished.v1', service('svc-2', 'Démarches')),
    at('VenueBankAccountSet.v1', { venueId, ibanLast4: '1234', sealedAccount: 'sealed', setAt: '' }),
    at('VenueLocationClosed.v1', { venueId, locationId: 'loc-b', closedAt: '2026-02-04T00:00:00.000Z' }),
    at('VenueServiceWithdrawn.v1', { venueId, serviceId: 'svc-2', withdrawnAt: '2026-02-04T00:00:00.000Z' }),
    at('VenueServicePublished.v1', service('svc-1', 'Atelier courriels, nouvelle formule')),
    at('VenueIdentityChanged.v1', { venueId, name: 'Médiathèque Jacques Ellul', changedAt: '' }),
    at(
      'VenueCertificationSuspended.v1',
      { venueId, reason: 'audit', suspendedAt: '2026-06-01T00:00:00.000Z' },
      '2026-06-01T00:00:01.000Z',
    ),
  ];

  it('keeps the open locations and the published services, the latest version of each', () => {
    const tables = replay(venueDirectoryProjection(), story);
    expect(tables.all(DIRECTORY_LOCATIONS).map((row) => row.location_id)).toEqual(['loc-a']);
    const [venue] = tables.all(DIRECTORY_VENUES);
    expect(venue).toMatchObject({ name: 'Médiathèque Jacques Ellul', siret: '73282932000074' });
    expect(venue.services).toEqual([
      expect.objectContaining({ serviceId: 'svc-1', title: 'Atelier courriels, nouvelle formule' }),
    ]);
  });

  it('ends the certification period at the suspension, as the domain does, and dates the last change', () => {
    const [venue] = replay(venueDirectoryProjection(), story).all(DIRECTORY_VENUES);
    expect(venue.certifications).toEqual([
      { from: '2026-01-02T00:00:00.000Z', until: '2026-06-01T00:00:00.000Z' },
    ]);
    expect(venue.updated_at).toBe('2026-06-01T00:00:01.000Z');
  });

  it('keeps no bank details nor members: the directory is public', () => {
    const [venue] = replay(venueDirectoryProjection(), story).all(DIRECTORY_VENUES);
    expect(JSON.stringify(venue)).not.toContain('sealed');
    expect(Object.keys(venue).sort()).toEqual(
      [
        'certifications',
        'commune_insee',
        'departement',
        'name',
        'services',
        'siret',
        'updated_at',
        'venue_id',
      ].sort(),
    );
  });
});

import type { DirectoryEntry } from '@pass/projections';

/** A directory entry for unit tests: a certified venue's location in Mérignac, one service. */
export function directoryEntry(
  location: Partial<DirectoryEntry['location']> = {},
  services: DirectoryEntry['services'] = [
    {
      serviceId: 'svc-1',
      title: 'Démarches CAF en ligne',
      category: 'demarches-en-ligne',
      format: 'individual',
      durationMinutes: 90,
      priceInVouchers: 2,
      regulatedTariff: true,
    },
  ],
): DirectoryEntry {
  return {
    venue: { venueId: 'ven-1', name: 'Médiathèque', siret: '73282932000074' },
    location: {
      locationId: 'loc-1',
      name: 'Espace numérique du centre social',
      address: '12 rue des Lilas',
      postalCode: '33700',
      communeInsee: '33281',
      communeName: 'Mérignac',
      departement: '33',
      coordinates: { latitude: 44.84, longitude: -0.65 },
      openingHours: 'Mo,We 09:00-12:00',
      accessibility: 'accès de plain-pied',
      ...location,
    },
    services,
    updatedAt: '2026-03-04T10:00:00.000Z',
  };
}

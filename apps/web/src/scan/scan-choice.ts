/**
 * Where and what: the venue's open locations and published services (GET /v1/venues/:id, kept on
 * the phone for offline use), and the agent's choice among them, remembered on the device.
 */
export interface CatalogueLocation {
  readonly locationId: string;
  readonly name: string;
  readonly communeName: string;
}

export interface CatalogueService {
  readonly serviceId: string;
  readonly title: string;
  readonly category: string;
  readonly format: string;
  readonly durationMinutes: number;
  readonly priceInVouchers: number;
  readonly regulatedTariff: boolean;
}

export interface VenueCatalogue {
  readonly venueId: string;
  readonly locations: readonly CatalogueLocation[];
  readonly services: readonly CatalogueService[];
  readonly fetchedAt: string;
}

export interface ScanChoice {
  readonly locationId?: string;
  readonly serviceId?: string;
}

interface VenueAnswer {
  readonly locations?: readonly Partial<CatalogueLocation>[];
  readonly services?: readonly Partial<CatalogueService>[];
}

/** Keeps what the scanner needs of the venue's answer, and nothing personal (no members, no bank). */
export function catalogueFrom(venueId: string, venue: VenueAnswer, fetchedAt: string): VenueCatalogue {
  const locations = (venue.locations ?? []).flatMap(({ locationId, name, communeName }) =>
    typeof locationId === 'string' && typeof name === 'string'
      ? [{ locationId, name, communeName: communeName ?? '' }]
      : [],
  );
  const services = (venue.services ?? []).flatMap((service) =>
    typeof service.serviceId === 'string' &&
    typeof service.title === 'string' &&
    Number.isInteger(service.priceInVouchers) &&
    (service.priceInVouchers as number) >= 1
      ? [
          {
            serviceId: service.serviceId,
            title: service.title,
            category: service.category ?? '',
            format: service.format ?? '',
            durationMinutes: service.durationMinutes ?? 0,
            priceInVouchers: service.priceInVouchers as number,
            regulatedTariff: service.regulatedTariff === true,
          },
        ]
      : [],
  );
  return { venueId, locations, services, fetchedAt };
}

/**
 * The remembered choice against the current catalogue: a closed location or a withdrawn service
 * is forgotten, and a venue's only location is chosen for the agent.
 */
export function reconcileChoice(catalogue: VenueCatalogue | undefined, choice: ScanChoice): ScanChoice {
  if (!catalogue) return {};
  const { locations, services } = catalogue;
  const locationId =
    locations.length === 1
      ? locations[0].locationId
      : locations.find((location) => location.locationId === choice.locationId)?.locationId;
  const serviceId = services.find((service) => service.serviceId === choice.serviceId)?.serviceId;
  return { ...(locationId ? { locationId } : {}), ...(serviceId ? { serviceId } : {}) };
}

/** The API refuses a scan without a location when the venue has several. */
export function locationRequired(catalogue: VenueCatalogue | undefined): boolean {
  return (catalogue?.locations.length ?? 0) > 1;
}

/** Why a scan cannot be taken with this choice yet, in the agent's words. */
export function choiceProblem(catalogue: VenueCatalogue | undefined, choice: ScanChoice): string | undefined {
  return locationRequired(catalogue) && !choice.locationId
    ? 'Choisissez le lieu de la séance avant de scanner.'
    : undefined;
}

export function locationLabel(location: CatalogueLocation): string {
  return location.communeName ? `${location.name} (${location.communeName})` : location.name;
}

/** "Atelier démarches, 3 chèques, tarif réglementé". */
export function serviceLabel(service: CatalogueService): string {
  const count = service.priceInVouchers;
  const price = `${count} chèque${count > 1 ? 's' : ''}`;
  return `${service.title}, ${price}${service.regulatedTariff ? ', tarif réglementé' : ''}`;
}

import {
  catalogueFrom,
  choiceProblem,
  locationLabel,
  locationRequired,
  reconcileChoice,
  serviceLabel,
  type VenueCatalogue,
} from './scan-choice';

const AT = '2026-05-04T09:00:00.000Z';
const merignac = { locationId: 'loc_m', name: 'Espace Mérignac', communeName: 'Mérignac' };
const bordeaux = { locationId: 'loc_b', name: 'Médiathèque', communeName: 'Bordeaux' };
const workshop = {
  serviceId: 'svc_w',
  title: 'Atelier démarches',
  category: 'demarches-en-ligne',
  format: 'collective',
  durationMinutes: 90,
  priceInVouchers: 3,
  regulatedTariff: true,
};

function catalogue(locations = [merignac, bordeaux], services = [workshop]): VenueCatalogue {
  return { venueId: 'ven_1', locations, services, fetchedAt: AT };
}

describe('catalogueFrom', () => {
  it('keeps the locations and services of GET /v1/venues/:id and nothing else of the venue', () => {
    const answer = {
      venueId: 'ven_1',
      name: 'Médiathèque',
      members: [{ memberId: 'mbr_1', subject: 'agent@example.org' }],
      bankAccount: { ibanLast4: '1234' },
      locations: [{ ...merignac, address: '1 place de la République', postalCode: '33700' }],
      services: [workshop, { serviceId: 'svc_bad', title: 'Sans prix' }],
    };
    expect(catalogueFrom('ven_1', answer, AT)).toEqual({
      venueId: 'ven_1',
      locations: [merignac],
      services: [workshop],
      fetchedAt: AT,
    });
    expect(catalogueFrom('ven_1', {}, AT)).toEqual({
      venueId: 'ven_1',
      locations: [],
      services: [],
      fetchedAt: AT,
    });
  });
});

describe('reconcileChoice', () => {
  it('keeps a remembered location and service that still exist', () => {
    expect(reconcileChoice(catalogue(), { locationId: 'loc_b', serviceId: 'svc_w' })).toEqual({
      locationId: 'loc_b',
      serviceId: 'svc_w',
    });
  });

  it('forgets a closed location and a withdrawn service', () => {
    expect(
      reconcileChoice(catalogue([merignac, bordeaux], []), { locationId: 'loc_x', serviceId: 'svc_w' }),
    ).toEqual({});
  });

  it("chooses a venue's only location", () => {
    expect(reconcileChoice(catalogue([bordeaux]), {})).toEqual({ locationId: 'loc_b' });
    expect(reconcileChoice(catalogue([]), { locationId: 'loc_b' })).toEqual({});
    expect(reconcileChoice(undefined, { locationId: 'loc_b' })).toEqual({});
  });
});

describe('location rule', () => {
  it('requires a location only when the venue has several', () => {
    expect(locationRequired(catalogue())).toBe(true);
    expect(locationRequired(catalogue([bordeaux]))).toBe(false);
    expect(locationRequired(undefined)).toBe(false);
    expect(choiceProblem(catalogue(), {})).toBe('Choisissez le lieu de la séance avant de scanner.');
    expect(choiceProblem(catalogue(), { locationId: 'loc_m' })).toBeUndefined();
    expect(choiceProblem(catalogue([bordeaux]), {})).toBeUndefined();
  });
});

describe('labels', () => {
  it('names a location with its commune and a service with its price', () => {
    expect(locationLabel(merignac)).toBe('Espace Mérignac (Mérignac)');
    expect(serviceLabel(workshop)).toBe('Atelier démarches, 3 chèques, tarif réglementé');
    expect(serviceLabel({ ...workshop, priceInVouchers: 1, regulatedTariff: false })).toBe(
      'Atelier démarches, 1 chèque',
    );
  });
});

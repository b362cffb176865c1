import { specification } from '../testing/given-when-then';
import { admin, payer, venueCertified, venueRegistered } from '../testing/fixtures';
import { evolveVenue, initialVenueState } from './venue.state';
import { decideCertifyVenue, decideRegisterVenue, decideSuspendVenueCertification } from './venue.decide';

const NOW = '2026-01-15T00:00:00.000Z';
const registration = specification(evolveVenue, initialVenueState, decideRegisterVenue);
const certification = specification(evolveVenue, initialVenueState, decideCertifyVenue);
const suspension = specification(evolveVenue, initialVenueState, decideSuspendVenueCertification);
const register = {
  actor: admin,
  venueId: 'venue-a',
  siret: '73282932000074',
  name: 'Médiathèque de Mérignac',
  communeInsee: '33281',
  departement: '33',
  now: '2026-01-10T00:00:00.000Z',
};

describe('venues', () => {
  it('registers a venue', () => {
    registration.given([]).when(register).then([venueRegistered()]);
  });

  it('refuses a venue id taken already, and non-admins', () => {
    registration.given([venueRegistered()]).when(register).thenFails('venue.already-registered');
    registration
      .given([])
      .when({ ...register, actor: payer })
      .thenFails('actor.forbidden');
  });

  it('certifies until a future instant', () => {
    certification
      .given([venueRegistered()])
      .when({ actor: admin, venueId: 'venue-a', validUntil: '2027-01-15T00:00:00.000Z', now: NOW })
      .then([venueCertified()]);
  });

  it('refuses a certification ending in the past, or of an unknown venue', () => {
    certification
      .given([venueRegistered()])
      .when({ actor: admin, venueId: 'venue-a', validUntil: '2025-01-01T00:00:00.000Z', now: NOW })
      .thenFails('venue.invalid');
    certification
      .given([])
      .when({ actor: admin, venueId: 'nope', validUntil: '2027-01-01T00:00:00.000Z', now: NOW })
      .thenFails('venue.not-found');
  });

  it('suspends a current certification, and only a current one', () => {
    const suspend = { actor: admin, venueId: 'venue-a', reason: 'audit', now: '2026-03-01T00:00:00.000Z' };
    suspension
      .given([venueRegistered(), venueCertified()])
      .when(suspend)
      .then([
        {
          type: 'VenueCertificationSuspended.v1',
          data: { venueId: 'venue-a', reason: 'audit', suspendedAt: '2026-03-01T00:00:00.000Z' },
        },
      ]);
    suspension.given([venueRegistered()]).when(suspend).thenFails('venue.not-certified');
  });
});

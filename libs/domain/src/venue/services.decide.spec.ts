import { specification } from '../testing/given-when-then';
import {
  admin,
  payer,
  venueActor,
  venueMemberAdded,
  venueRegistered,
  venueServicePublished,
} from '../testing/fixtures';
import type { VenueService } from './service.events';
import {
  decidePublishVenueService,
  decideWithdrawVenueService,
  MAX_VOUCHERS_PER_SESSION,
  type PublishVenueService,
  type WithdrawVenueService,
} from './services.decide';
import { evolveVenue, initialVenueState } from './venue.state';

const NOW = '2026-01-20T00:00:00.000Z';
const publishing = specification(evolveVenue, initialVenueState, decidePublishVenueService);
const withdrawing = specification(evolveVenue, initialVenueState, decideWithdrawVenueService);

const { venueId: _venueId, publishedAt: _publishedAt, ...courriels } = venueServicePublished().data;
const publish = (service: Partial<VenueService> = {}, overrides: Partial<PublishVenueService> = {}) => ({
  actor: venueActor(),
  venueId: 'venue-a',
  service: { ...courriels, ...service },
  now: NOW,
  ...overrides,
});
const withdraw = (overrides: Partial<WithdrawVenueService> = {}): WithdrawVenueService => ({
  actor: venueActor(),
  venueId: 'venue-a',
  serviceId: 'svc-1',
  now: '2026-03-01T00:00:00.000Z',
  ...overrides,
});

describe('publishing a service', () => {
  it('publishes a service of the venue, its title trimmed', () => {
    publishing
      .given([venueRegistered()])
      .when(publish({ title: ' Créer et gérer ses courriels  ' }))
      .then([venueServicePublished()]);
  });

  it('publishes a collective workshop at a regulated tariff of several vouchers', () => {
    const workshop = {
      serviceId: 'svc-2',
      title: 'Atelier démarches',
      category: 'demarches-en-ligne' as const,
      format: 'collective' as const,
      durationMinutes: 8 * 60,
      priceInVouchers: MAX_VOUCHERS_PER_SESSION,
      regulatedTariff: true,
    };
    publishing
      .given([venueRegistered()])
      .when(publish(workshop))
      .then([venueServicePublished(workshop)]);
  });

  it('lets an admin publish, and refuses a non-member, another venue, a payer and an unknown venue', () => {
    publishing
      .given([venueRegistered()])
      .when(publish({}, { actor: admin }))
      .then([venueServicePublished()]);
    publishing
      .given([venueRegistered(), venueMemberAdded({ subject: 'alice' })])
      .when(publish())
      .thenFails('venue.not-a-member');
    publishing
      .given([venueRegistered()])
      .when(publish({}, { actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    publishing
      .given([venueRegistered()])
      .when(publish({}, { actor: payer }))
      .thenFails('actor.forbidden');
    publishing.given([]).when(publish()).thenFails('venue.not-found');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty title', { title: '  ' }],
    ['a category off the list', { category: 'cuisine' }],
    ['a format off the list', { format: 'online' }],
    ['a duration of zero', { durationMinutes: 0 }],
    ['a duration beyond a day’s work', { durationMinutes: 8 * 60 + 1 }],
    ['a fractional duration', { durationMinutes: 30.5 }],
    ['a price of no voucher', { priceInVouchers: 0 }],
    ['a price beyond the session maximum', { priceInVouchers: MAX_VOUCHERS_PER_SESSION + 1 }],
    ['a fractional price', { priceInVouchers: 1.5 }],
  ])('refuses %s', (_, service) => {
    publishing
      .given([venueRegistered()])
      .when(publish(service as Partial<VenueService>))
      .thenFails('service.invalid');
  });
});

describe('withdrawing a service', () => {
  const withdrawn = {
    type: 'VenueServiceWithdrawn.v1',
    data: { venueId: 'venue-a', serviceId: 'svc-1', withdrawnAt: '2026-03-01T00:00:00.000Z' },
  };

  it('withdraws a published service', () => {
    withdrawing.given([venueRegistered(), venueServicePublished()]).when(withdraw()).then([withdrawn]);
  });

  it('refuses a service never published, and one withdrawn already', () => {
    withdrawing
      .given([venueRegistered(), venueServicePublished()])
      .when(withdraw({ serviceId: 'svc-9' }))
      .thenFails('service.not-found');
    withdrawing
      .given([
        venueRegistered(),
        venueServicePublished(),
        {
          type: 'VenueServiceWithdrawn.v1',
          data: { venueId: 'venue-a', serviceId: 'svc-1', withdrawnAt: '2026-02-01T00:00:00.000Z' },
        },
      ])
      .when(withdraw())
      .thenFails('service.not-found');
  });

  it('refuses another venue and a payer', () => {
    withdrawing
      .given([venueRegistered(), venueServicePublished()])
      .when(withdraw({ actor: venueActor('venue-b') }))
      .thenFails('venue.not-found');
    withdrawing
      .given([venueRegistered(), venueServicePublished()])
      .when(withdraw({ actor: payer }))
      .thenFails('actor.forbidden');
  });
});

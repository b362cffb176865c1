import { specification } from '../testing/given-when-then';
import {
  otherPayer,
  payer,
  PAYER_ID,
  OTHER_PAYER_ID,
  programmeOpened,
  venueActor,
} from '../testing/fixtures';
import { evolveProgramme, initialProgrammeState } from './programme.state';
import { decideOpenProgramme, type OpenProgramme } from './open-programme.decide';
import { decideIssueBooks, type IssueBooks, type NewBook } from './issue-books.decide';
import { isDomainError } from '../shared/errors';
import type { ProgrammeEvent } from './programme.events';

const NOW = '2026-01-05T00:00:00.000Z';
const opening = specification(evolveProgramme, initialProgrammeState, decideOpenProgramme);
const issuance = specification(evolveProgramme, initialProgrammeState, decideIssueBooks);

const open = (overrides: Partial<OpenProgramme> = {}): OpenProgramme => ({
  actor: payer,
  programmeId: 'prog-1',
  name: ' Pass numérique Gironde 2026 ',
  territory: { departements: ['33'], communes: [] },
  faceValueCents: 1000,
  budgetCents: 10_000,
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2026-12-31T23:59:59.000Z',
  now: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const books = (count: number, vouchers = 5): NewBook[] =>
  Array.from({ length: count }, (_, b) => ({
    bookId: `b${b}`,
    vouchers: Array.from({ length: vouchers }, (_, v) => ({
      voucherId: `b${b}-0${v + 1}`,
      code: `CODE${b}${v}`,
    })),
  }));
const issue = (overrides: Partial<IssueBooks> = {}): IssueBooks => ({
  actor: payer,
  programmeId: 'prog-1',
  books: books(1),
  now: NOW,
  ...overrides,
});
const issued = (amountCents: number): ProgrammeEvent => ({
  type: 'BooksIssued.v1',
  data: {
    programmeId: 'prog-1',
    bookIds: ['x'],
    voucherCount: amountCents / 1000,
    amountCents: amountCents as never,
    issuedAt: NOW,
  },
});

describe('opening a programme', () => {
  it('opens with the payer as sole funder by default', () => {
    opening.given([]).when(open()).then([programmeOpened()]);
  });

  it('accepts co-funders whose shares add up to 10,000 bps', () => {
    const coFunders = [
      { payerId: PAYER_ID, shareBps: 6000 },
      { payerId: OTHER_PAYER_ID, shareBps: 4000 },
    ];
    opening
      .given([])
      .when(open({ coFunders }))
      .then([programmeOpened({ coFunders })]);
  });

  it.each([
    ['shares not adding up to 10,000', { coFunders: [{ payerId: PAYER_ID, shareBps: 9000 }] }],
    [
      'a co-funder twice',
      {
        coFunders: [
          { payerId: PAYER_ID, shareBps: 5000 },
          { payerId: PAYER_ID, shareBps: 5000 },
        ],
      },
    ],
    ['co-funders without the payer', { coFunders: [{ payerId: OTHER_PAYER_ID, shareBps: 10_000 }] }],
    ['a zero face value', { faceValueCents: 0 }],
    ['fractional cents', { faceValueCents: 10.5 }],
    ['a budget below one voucher', { budgetCents: 500 }],
    ['an empty name', { name: '  ' }],
    ['validity ending before it starts', { validUntil: '2025-01-01T00:00:00.000Z' }],
    ['an empty territory', { territory: { departements: [], communes: [] } }],
  ])('refuses %s', (_name, overrides) => {
    opening
      .given([])
      .when(open(overrides as Partial<OpenProgramme>))
      .thenFails('programme.invalid');
  });

  it('lets only a payer open a programme', () => {
    opening
      .given([])
      .when(open({ actor: venueActor() }))
      .thenFails('actor.forbidden');
  });
});

describe('issuing books', () => {
  it('commits budget and opens one book per request entry', () => {
    const result = issuance.given([programmeOpened()]).when(issue({ books: books(2, 3) })).result;
    if (isDomainError(result)) throw new Error(result.code);
    expect(result.programmeEvent.data).toEqual({
      programmeId: 'prog-1',
      bookIds: ['b0', 'b1'],
      voucherCount: 6,
      amountCents: 6000,
      issuedAt: NOW,
    });
    expect(result.bookEvents.map((e) => e.data.bookId)).toEqual(['b0', 'b1']);
    expect(result.bookEvents[0].data).toMatchObject({
      programmeId: 'prog-1',
      payerId: PAYER_ID,
      faceValueCents: 1000,
      territory: { departements: ['33'] },
    });
  });

  it('issues up to exactly the budget', () => {
    const result = issuance
      .given([programmeOpened(), issued(5000)])
      .when(issue({ books: books(1, 5) })).result;
    expect(isDomainError(result)).toBe(false);
  });

  it('refuses to commit beyond the budget (invariant 2)', () => {
    issuance
      .given([programmeOpened(), issued(6000)])
      .when(issue({ books: books(1, 5) }))
      .thenFails('programme.budget-exceeded');
  });

  it('refuses books of more than 20 vouchers, or none', () => {
    issuance
      .given([programmeOpened({ budgetCents: 1_000_000 as never })])
      .when(issue({ books: books(1, 21) }))
      .thenFails('book.invalid-request');
    issuance
      .given([programmeOpened()])
      .when(issue({ books: [] }))
      .thenFails('book.invalid-request');
  });

  it('refuses once the programme has ended', () => {
    issuance
      .given([programmeOpened()])
      .when(issue({ now: '2027-01-01T00:00:00.000Z' }))
      .thenFails('programme.ended');
  });

  it("hides another payer's programme and a missing one", () => {
    issuance
      .given([programmeOpened()])
      .when(issue({ actor: otherPayer }))
      .thenFails('programme.not-found');
    issuance.given([]).when(issue()).thenFails('programme.not-found');
  });
});

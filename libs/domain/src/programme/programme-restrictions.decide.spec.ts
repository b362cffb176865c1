import { isDomainError } from '../shared/errors';
import { evolveBook, initialBookState, type IssuedBookState } from '../book/book.state';
import { specification } from '../testing/given-when-then';
import { payer, programmeOpened } from '../testing/fixtures';
import { decideIssueBooks, type IssueBooks } from './issue-books.decide';
import { decideOpenProgramme, type OpenProgramme } from './open-programme.decide';
import { evolveProgramme, initialProgrammeState, type OpenProgrammeState } from './programme.state';

const opening = specification(evolveProgramme, initialProgrammeState, decideOpenProgramme);
const issuance = specification(evolveProgramme, initialProgrammeState, decideIssueBooks);

const open = (overrides: Partial<OpenProgramme> = {}): OpenProgramme => ({
  actor: payer,
  programmeId: 'prog-1',
  name: 'Pass numérique Gironde 2026',
  territory: { departements: ['33'], communes: [] },
  faceValueCents: 1000,
  budgetCents: 10_000,
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2026-12-31T23:59:59.000Z',
  now: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const issue: IssueBooks = {
  actor: payer,
  programmeId: 'prog-1',
  books: [{ bookId: 'book-1', vouchers: [{ voucherId: 'book-1-01', code: 'AAAAAAAAAAAA0' }] }],
  now: '2026-01-05T00:00:00.000Z',
};

describe('opening a programme with restrictions', () => {
  it('records a programme restricted to approved venues', () => {
    opening
      .given([])
      .when(open({ approvedVenuesOnly: true }))
      .then([programmeOpened({ approvedVenuesOnly: true })]);
  });

  it('leaves the restriction out when it is false, as in early events', () => {
    const { result } = opening.given([]).when(open({ approvedVenuesOnly: false }));
    expect(result).toEqual([programmeOpened()]);
    expect(isDomainError(result) ? result : result[0]?.data).not.toHaveProperty('approvedVenuesOnly');
  });

  it('records the service categories the vouchers pay for, each once', () => {
    opening
      .given([])
      .when(open({ serviceCategories: ['courriels', 'securite-en-ligne', 'courriels'] }))
      .then([programmeOpened({ serviceCategories: ['courriels', 'securite-en-ligne'] })]);
  });

  it('refuses a category off the list, and an empty list', () => {
    opening
      .given([])
      .when(open({ serviceCategories: ['courriels', 'cuisine'] }))
      .thenFails('programme.invalid');
    opening
      .given([])
      .when(open({ serviceCategories: [] }))
      .thenFails('programme.invalid');
  });

  it('keeps the restrictions in the programme state, and their absence as no restriction', () => {
    const restricted = [
      programmeOpened({ approvedVenuesOnly: true, serviceCategories: ['courriels'] }),
    ].reduce(evolveProgramme, initialProgrammeState) as OpenProgrammeState;
    expect(restricted.approvedVenuesOnly).toBe(true);
    expect(restricted.serviceCategories).toEqual(['courriels']);
    const open = [programmeOpened()].reduce(evolveProgramme, initialProgrammeState) as OpenProgrammeState;
    expect(open.approvedVenuesOnly).toBe(false);
    expect(open.serviceCategories).toBeNull();
  });
});

describe('issuing books of a restricted programme', () => {
  it('copies the restrictions onto every book issued', () => {
    const { result } = issuance
      .given([
        programmeOpened({ approvedVenuesOnly: true, serviceCategories: ['courriels', 'culture-numerique'] }),
      ])
      .when({
        ...issue,
        books: [
          ...issue.books,
          { bookId: 'book-2', vouchers: [{ voucherId: 'book-2-01', code: 'BBBBBBBBBBBB0' }] },
        ],
      });
    if (isDomainError(result)) throw new Error(result.code);
    expect(result.bookEvents).toHaveLength(2);
    for (const event of result.bookEvents)
      expect(event.data).toMatchObject({
        approvedVenuesOnly: true,
        serviceCategories: ['courriels', 'culture-numerique'],
      });
  });

  it('copies nothing for a programme without restrictions', () => {
    const { result } = issuance.given([programmeOpened()]).when(issue);
    if (isDomainError(result)) throw new Error(result.code);
    expect(result.bookEvents[0]?.data).not.toHaveProperty('approvedVenuesOnly');
    expect(result.bookEvents[0]?.data).not.toHaveProperty('serviceCategories');
  });

  it('gives the book its restrictions, and none to a book issued without them', () => {
    const { result } = issuance
      .given([programmeOpened({ approvedVenuesOnly: true, serviceCategories: ['courriels'] })])
      .when(issue);
    if (isDomainError(result)) throw new Error(result.code);
    const book = result.bookEvents.reduce(evolveBook, initialBookState) as IssuedBookState;
    expect(book.approvedVenuesOnly).toBe(true);
    expect(book.serviceCategories).toEqual(['courriels']);

    const plain = issuance.given([programmeOpened()]).when(issue).result;
    if (isDomainError(plain)) throw new Error(plain.code);
    const unrestricted = plain.bookEvents.reduce(evolveBook, initialBookState) as IssuedBookState;
    expect(unrestricted.approvedVenuesOnly).toBe(false);
    expect(unrestricted.serviceCategories).toBeNull();
  });

  it('does not share the category list between the programme and its books', () => {
    const state = [programmeOpened({ serviceCategories: ['courriels'] })].reduce(
      evolveProgramme,
      initialProgrammeState,
    );
    const result = decideIssueBooks(issue, state);
    if (isDomainError(result)) throw new Error(result.code);
    expect(result.bookEvents[0]?.data.serviceCategories).not.toBe(
      (state as OpenProgrammeState).serviceCategories,
    );
  });
});

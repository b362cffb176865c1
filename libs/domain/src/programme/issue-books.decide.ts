import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Cents } from '../shared/money';
import { isBefore, type Instant } from '../shared/time';
import type { BookIssued } from '../book/book.events';
import type { BooksIssued } from './programme.events';
import type { ProgrammeState } from './programme.state';

export const MAX_VOUCHERS_PER_BOOK = 20;
export const MAX_BOOKS_PER_ISSUANCE = 1000;

/** Ids and codes are drawn outside the domain (randomness is I/O) and handed in. */
export interface NewBook {
  readonly bookId: string;
  readonly vouchers: readonly { readonly voucherId: string; readonly code: string }[];
}

export interface IssueBooks {
  readonly actor: Actor;
  readonly programmeId: string;
  readonly books: readonly NewBook[];
  readonly now: Instant;
}

export interface IssuanceDecision {
  readonly programmeEvent: BooksIssued;
  readonly bookEvents: readonly BookIssued[];
}

/** Issuance commits budget on the programme stream and opens one stream per book, all at once. */
export function decideIssueBooks(command: IssueBooks, state: ProgrammeState): IssuanceDecision | DomainError {
  if (state.status === 'none' || state.payerId !== command.actor.org || command.actor.role !== 'payer')
    return domainError('programme.not-found', `no programme ${command.programmeId}`);
  const invalid = validateShape(command.books);
  if (invalid) return invalid;
  if (!isBefore(command.now, state.validUntil))
    return domainError('programme.ended', 'the programme is past its validity: no more books');
  const voucherCount = command.books.reduce((sum, book) => sum + book.vouchers.length, 0);
  const amountCents = voucherCount * state.faceValueCents;
  const remaining = state.budgetCents - state.committedCents;
  if (amountCents > remaining)
    return domainError(
      'programme.budget-exceeded',
      `issuing ${amountCents} cents exceeds the ${remaining} cents left in the budget`,
    );
  return {
    programmeEvent: {
      type: 'BooksIssued.v1',
      data: {
        programmeId: state.programmeId,
        bookIds: command.books.map((book) => book.bookId),
        voucherCount,
        amountCents: amountCents as Cents,
        issuedAt: command.now,
      },
    },
    bookEvents: command.books.map((book) => ({
      type: 'BookIssued.v1',
      data: {
        bookId: book.bookId,
        programmeId: state.programmeId,
        payerId: state.payerId,
        coFunders: state.coFunders.map((share) => ({ ...share })),
        vouchers: book.vouchers.map((voucher) => ({ ...voucher })),
        faceValueCents: state.faceValueCents,
        validFrom: state.validFrom,
        validUntil: state.validUntil,
        territory: state.territory,
        gracePeriodDays: state.gracePeriodDays,
        ...(state.approvedVenuesOnly ? { approvedVenuesOnly: true } : {}),
        ...(state.serviceCategories ? { serviceCategories: [...state.serviceCategories] } : {}),
        issuedAt: command.now,
      },
    })),
  };
}

function validateShape(books: readonly NewBook[]): DomainError | undefined {
  if (books.length === 0 || books.length > MAX_BOOKS_PER_ISSUANCE)
    return domainError(
      'book.invalid-request',
      `issue between 1 and ${MAX_BOOKS_PER_ISSUANCE} books at a time`,
    );
  const tooBig = books.some(
    (book) => book.vouchers.length === 0 || book.vouchers.length > MAX_VOUCHERS_PER_BOOK,
  );
  if (tooBig)
    return domainError(
      'book.invalid-request',
      `a book holds between 1 and ${MAX_VOUCHERS_PER_BOOK} vouchers`,
    );
  return undefined;
}

import { isValidSiret } from '@pass/domain';
import type { TestApp } from './test-app';

export const PAYER = '200054781';
export const OTHER_PAYER = '213105554';
export const ADMIN = 'operator';
/** A random SIRET whose Luhn check digit holds (not La Poste's range, which has its own rule). */
export function randomSiret(): string {
  const body = `7${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  for (let check = 0; check <= 9; check++) if (isValidSiret(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable: one check digit always fits');
}

export interface Tokens {
  admin: string;
  payer: string;
  otherPayer: string;
}

export async function tokensFor(t: TestApp): Promise<Tokens> {
  return {
    admin: await t.token('admin', ADMIN),
    payer: await t.token('payer', PAYER),
    otherPayer: await t.token('payer', OTHER_PAYER),
  };
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Registers and certifies a venue; answers its id and a venue token for it. */
export async function certifiedVenue(t: TestApp, tokens: Tokens, communeInsee = '33063', siret?: string) {
  const registered = await t
    .http()
    .post('/v1/venues')
    .set(auth(tokens.admin))
    .send({ siret: siret ?? randomSiret(), name: 'Médiathèque', communeInsee })
    .expect(201);
  const venueId: string = registered.body.venueId;
  await t
    .http()
    .post(`/v1/venues/${venueId}/certification`)
    .set(auth(tokens.admin))
    .send({ validUntil: '2099-12-31T23:59:59Z' })
    .expect(200);
  return { venueId, token: await t.token('venue', venueId) };
}

export async function openProgramme(t: TestApp, tokens: Tokens, overrides: Record<string, unknown> = {}) {
  const response = await t
    .http()
    .post('/v1/programmes')
    .set(auth(tokens.payer))
    .send({
      name: 'Pass numérique Gironde',
      territory: { departements: ['33'] },
      faceValueCents: 1000,
      budgetCents: 100_000,
      validFrom: '2020-01-01T00:00:00Z',
      validUntil: '2099-12-31T23:59:59Z',
      ...overrides,
    })
    .expect(201);
  return response.body.programmeId as string;
}

export interface IssuedBook {
  bookId: string;
  vouchers: { voucherId: string; code: string; qr: string }[];
}

export async function issueBooks(
  t: TestApp,
  tokens: Tokens,
  programmeId: string,
  books = 1,
  vouchersPerBook = 5,
) {
  const response = await t
    .http()
    .post(`/v1/programmes/${programmeId}/books`)
    .set(auth(tokens.payer))
    .send({ books, vouchersPerBook })
    .expect(201);
  return response.body.books as IssuedBook[];
}

export async function distribute(t: TestApp, tokens: Tokens, bookId: string) {
  await t
    .http()
    .post(`/v1/books/${bookId}/distribution`)
    .set(auth(tokens.payer))
    .send({ distributorId: 'ccas-bordeaux', beneficiaryRef: 'dossier-42' })
    .expect(200);
}

/** A programme with one distributed book and a certified venue in its territory, ready to scan. */
export async function readyToRedeem(t: TestApp, vouchersPerBook = 5) {
  const tokens = await tokensFor(t);
  const venue = await certifiedVenue(t, tokens);
  const programmeId = await openProgramme(t, tokens);
  const [book] = await issueBooks(t, tokens, programmeId, 1, vouchersPerBook);
  await distribute(t, tokens, book.bookId);
  return { tokens, venue, programmeId, book };
}

let keyCounter = 0;
export function redeem(
  t: TestApp,
  venueToken: string,
  body: Record<string, unknown>,
  idempotencyKey?: string,
) {
  return t
    .http()
    .post('/v1/redemptions')
    .set(auth(venueToken))
    .set('Idempotency-Key', idempotencyKey ?? `key-${process.pid}-${++keyCounter}-${Math.random()}`)
    .send(body);
}

export { auth };

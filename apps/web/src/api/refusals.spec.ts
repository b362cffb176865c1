import { isRetryable, refusalReason } from './refusals';

describe('refusalReason', () => {
  it.each([
    ['voucher.already-redeemed', 'déjà utilisé'],
    ['voucher.expired', 'expiré'],
    ['book.not-distributed', 'carnet non remis'],
    ['book.cancelled', 'carnet annulé'],
    ['venue.not-certified', 'lieu non habilité'],
    ['venue.out-of-territory', 'hors territoire'],
    ['voucher.forged-qr', 'code invalide'],
    ['voucher.bad-check-character', 'code invalide'],
    ['voucher.not-found', 'code invalide'],
  ])('%s reads "%s"', (code, text) => expect(refusalReason(code)).toBe(text));

  it('has a wording for codes it does not know', () => {
    expect(refusalReason('something.new')).toBe('refusé par le serveur');
    expect(refusalReason(undefined)).toBe('refusé par le serveur');
  });
});

describe('isRetryable', () => {
  it('keeps server failures, throttling and expired sessions in the queue', () => {
    expect(isRetryable('internal', 500)).toBe(true);
    expect(isRetryable('rate-limited', 429)).toBe(true);
    expect(isRetryable('auth.unauthenticated', 401)).toBe(true);
    expect(isRetryable('concurrency.conflict', 409)).toBe(true);
  });

  it('settles refusals that will not change', () => {
    expect(isRetryable('voucher.already-redeemed', 409)).toBe(false);
    expect(isRetryable('voucher.forged-qr', 400)).toBe(false);
  });
});

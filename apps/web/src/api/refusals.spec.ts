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
    ['location.required', 'choisissez le lieu de la séance'],
    ['location.not-found', 'lieu de la séance inconnu ou fermé'],
    ['service.not-found', 'prestation inconnue ou retirée'],
    ['service.category-not-covered', 'prestation non prise en charge par ce programme'],
    ['redemption.voucher-count', 'nombre de chèques différent du prix de la prestation'],
    ['redemption.mixed-beneficiaries', 'chèques de bénéficiaires différents'],
    ['venue.not-approved', 'lieu non agréé par la collectivité'],
    ['venue.not-a-member', "ce compte n'est pas membre du lieu"],
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
    // A session's refusals redeem nothing, and sending it again would be refused the same way.
    expect(isRetryable('redemption.voucher-count', 422)).toBe(false);
    expect(isRetryable('redemption.mixed-beneficiaries', 422)).toBe(false);
    expect(isRetryable('location.required', 422)).toBe(false);
    expect(isRetryable('service.not-found', 404)).toBe(false);
    expect(isRetryable('venue.not-a-member', 403)).toBe(false);
  });
});

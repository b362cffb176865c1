/**
 * What a venue reads when a scan is refused: the API's problem codes in plain French. Several
 * codes share a wording on purpose: for the person at the counter a forged QR and a mistyped code
 * are both "code invalide".
 */
const REFUSALS: Record<string, string> = {
  'voucher.already-redeemed': 'déjà utilisé',
  'voucher.expired': 'expiré',
  'voucher.not-yet-valid': 'pas encore valable',
  'book.not-distributed': 'carnet non remis',
  'book.cancelled': 'carnet annulé',
  'venue.not-certified': 'lieu non habilité',
  'venue.not-found': 'lieu non habilité',
  'venue.out-of-territory': 'hors territoire',
  'voucher.forged-qr': 'code invalide',
  'voucher.malformed-qr': 'code invalide',
  'voucher.bad-check-character': 'code invalide',
  'voucher.not-found': 'code invalide',
  'redemption.invalid-amount': 'prix de la séance invalide',
  'redemption.invalid': 'séance invalide : un même chèque deux fois, ou sans prestation',
  'redemption.scanned-in-future': "heure du passage dans le futur : vérifiez l'heure du téléphone",
  'location.required': 'choisissez le lieu de la séance',
  'location.not-found': 'lieu de la séance inconnu ou fermé',
  'service.not-found': 'prestation inconnue ou retirée',
  'service.category-not-covered': 'prestation non prise en charge par ce programme',
  'redemption.voucher-count': 'nombre de chèques différent du prix de la prestation',
  'redemption.mixed-beneficiaries': 'chèques de bénéficiaires différents',
  'venue.not-approved': 'lieu non agréé par la collectivité',
  'venue.not-a-member': "ce compte n'est pas membre du lieu",
  'rate-limited': 'trop de tentatives, patientez une minute',
  'actor.forbidden': 'ce compte ne peut pas enregistrer de passage',
  'auth.unauthenticated': 'session expirée, reconnectez-vous',
};

export function refusalReason(code: string | undefined): string {
  return (code && REFUSALS[code]) || 'refusé par le serveur';
}

/** Refusals a later attempt could turn into an acceptance: the scan stays in the queue. */
export function isRetryable(code: string | undefined, status: number): boolean {
  return status >= 500 || status === 429 || status === 401 || code === 'concurrency.conflict';
}

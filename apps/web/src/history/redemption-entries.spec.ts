import {
  categoryLabel,
  historyEntries,
  sessionSummary,
  voucherCount,
  type Redemption,
} from './redemption-entries';

const CAF = { serviceId: 'svc_caf', title: 'Démarches CAF en ligne', category: 'demarches-en-ligne' };

function redemption(voucherId: string, overrides: Partial<Redemption> = {}): Redemption {
  return {
    redemptionId: `rdm_${voucherId}`,
    voucherId,
    programmeId: 'prg_1',
    programmeName: 'Pass Gironde',
    amountCents: 1000,
    scannedAt: '2026-03-02T10:00:00.000Z',
    sessionId: null,
    locationId: null,
    locationName: null,
    service: null,
    ...overrides,
  };
}

const inSession = (voucherId: string, overrides: Partial<Redemption> = {}) =>
  redemption(voucherId, {
    sessionId: 'ses_a',
    locationId: 'loc_1',
    locationName: 'Espace numérique',
    service: CAF,
    ...overrides,
  });

describe('history entries', () => {
  it('groups the vouchers of one session into one entry, in the order of the list', () => {
    const entries = historyEntries([
      redemption('bk1-04', { scannedAt: '2026-03-03T09:00:00.000Z' }),
      inSession('bk1-01'),
      inSession('bk2-01', { programmeId: 'prg_2', programmeName: null, amountCents: 500 }),
      redemption('bk1-05', { scannedAt: '2026-03-01T09:00:00.000Z' }),
      inSession('bk1-02'),
    ]);
    expect(entries.map((entry) => entry.key)).toEqual(['rdm_bk1-04', 'ses_a', 'rdm_bk1-05']);
    const session = entries[1];
    expect(session.vouchers.map((voucher) => voucher.voucherId)).toEqual(['bk1-01', 'bk2-01', 'bk1-02']);
    expect(session.totalCents).toBe(2500);
    expect(session.location).toBe('Espace numérique');
    expect(session.service).toEqual(CAF);
    // A programme without a name in the read model shows as its id, each programme once.
    expect(session.programmes).toEqual(['Pass Gironde', 'prg_2']);
  });

  it('keeps two sessions apart, and each voucher without a session on its own', () => {
    const entries = historyEntries([
      inSession('bk1-01'),
      inSession('bk1-02', { sessionId: 'ses_b' }),
      redemption('bk1-03'),
      redemption('bk1-04'),
    ]);
    expect(entries.map((entry) => [entry.sessionId, entry.vouchers.length])).toEqual([
      ['ses_a', 1],
      ['ses_b', 1],
      [null, 1],
      [null, 1],
    ]);
  });

  it('names a location by its id when its name is unknown, and none when the redemption named none', () => {
    const [named, unnamed, none] = historyEntries([
      redemption('bk1-01', { locationId: 'loc_1', locationName: 'Médiathèque' }),
      redemption('bk1-02', { locationId: 'loc_2' }),
      redemption('bk1-03'),
    ]);
    expect([named.location, unnamed.location, none.location]).toEqual(['Médiathèque', 'loc_2', null]);
  });

  it('sums up a session in words', () => {
    const [entry] = historyEntries([inSession('bk1-01'), inSession('bk1-02'), inSession('bk1-03')]);
    expect(sessionSummary(entry)).toBe('Séance : Démarches CAF en ligne — 3 chèques, 30,00 €');
    const [alone] = historyEntries([inSession('bk1-01', { service: null, amountCents: 850 })]);
    expect(sessionSummary(alone)).toBe('Séance : prestation non précisée — 1 chèque, 8,50 €');
  });

  it('counts vouchers and names categories in French', () => {
    expect(voucherCount(1)).toBe('1 chèque');
    expect(voucherCount(1200)).toBe('1 200 chèques');
    expect(categoryLabel('parentalite-education')).toBe('Parentalité et éducation');
    expect(categoryLabel('nouvelle-categorie')).toBe('nouvelle-categorie');
  });
});

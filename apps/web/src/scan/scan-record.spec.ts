import { acceptedFields, isSession, redemptionBody, voucherCount, type ScanRecord } from './scan-record';

const common = {
  id: 'key-1',
  venueId: 'ven_1',
  scannedAt: '2026-05-04T09:30:00.000Z',
  queued: true,
  state: 'pending' as const,
  attempts: 0,
};

describe('redemptionBody', () => {
  it('sends a record kept before sessions existed exactly as before', () => {
    // The shape IndexedDB version 1 holds: parsed from JSON, with no service, location or vouchers.
    const old = JSON.parse(
      JSON.stringify({
        ...common,
        input: { qr: 'PN1.k1.bk_a-01.sig' },
        label: 'bk_a-01',
        servicePriceCents: 750,
      }),
    ) as ScanRecord;
    expect(isSession(old)).toBe(false);
    expect(voucherCount(old)).toBe(1);
    expect(redemptionBody(old)).toEqual({
      qr: 'PN1.k1.bk_a-01.sig',
      servicePriceCents: 750,
      scannedAt: common.scannedAt,
    });
    const typed = { ...common, input: { code: 'ABCD-EFGH-JKMN-P' }, label: 'ABCD-EFGH-JKMN-P' };
    expect(redemptionBody(typed)).toEqual({ code: 'ABCD-EFGH-JKMN-P', scannedAt: common.scannedAt });
  });

  it('names the location and the service of a single voucher', () => {
    const scan: ScanRecord = {
      ...common,
      input: { code: 'ABCD-EFGH-JKMN-P' },
      label: 'ABCD-EFGH-JKMN-P',
      serviceId: 'svc_1',
      serviceTitle: 'Démarches',
      locationId: 'loc_2',
      locationName: 'Mérignac',
    };
    expect(redemptionBody(scan)).toEqual({
      code: 'ABCD-EFGH-JKMN-P',
      serviceId: 'svc_1',
      locationId: 'loc_2',
      scannedAt: common.scannedAt,
    });
  });

  it('sends a session as one request listing every voucher, its service and its location', () => {
    const session: ScanRecord = {
      ...common,
      label: 'Atelier : 2 chèques',
      serviceId: 'svc_1',
      locationId: 'loc_2',
      vouchers: [
        { input: { qr: 'PN1.k1.bk_a-01.sig' }, label: 'bk_a-01' },
        { input: { code: 'ABCD-EFGH-JKMN-P' }, label: 'ABCD-EFGH-JKMN-P' },
      ],
    };
    expect(isSession(session)).toBe(true);
    expect(voucherCount(session)).toBe(2);
    expect(redemptionBody(session)).toEqual({
      vouchers: [{ qr: 'PN1.k1.bk_a-01.sig' }, { code: 'ABCD-EFGH-JKMN-P' }],
      serviceId: 'svc_1',
      locationId: 'loc_2',
      scannedAt: common.scannedAt,
    });
    const { locationId: _none, ...anywhere } = session;
    expect(redemptionBody(anywhere)).not.toHaveProperty('locationId');
  });
});

describe('acceptedFields', () => {
  it('keeps one voucher’s amount', () => {
    expect(acceptedFields({ voucherId: 'bk_a-01', amountCents: 1000 })).toEqual({ amountCents: 1000 });
  });

  it('keeps a session’s total, its id and each voucher’s amount', () => {
    expect(
      acceptedFields({
        sessionId: 'ses_1',
        totalCents: 1800,
        redemptions: [
          { voucherId: 'bk_a-01', amountCents: 1000 },
          { voucherId: 'bk_b-02', amountCents: 800 },
        ],
      }),
    ).toEqual({
      amountCents: 1800,
      sessionId: 'ses_1',
      redemptions: [
        { voucherId: 'bk_a-01', amountCents: 1000 },
        { voucherId: 'bk_b-02', amountCents: 800 },
      ],
    });
  });
});

import {
  addVoucher,
  canValidateEarly,
  isComplete,
  isSessionService,
  progressText,
  removeVoucher,
  startSession,
  voucherKey,
  type SessionDraft,
  type SessionService,
} from './session-builder';
import type { SessionVoucher } from './scan-record';

// A well-formed 64-byte signature (parsed, never verified here).
const QR_SIGNATURE = 'A'.repeat(85) + 'Q';
const qr = (voucherId: string): SessionVoucher => ({
  input: { qr: `PN1.k1.${voucherId}.${QR_SIGNATURE}` },
  label: voucherId,
});
const code = (text: string): SessionVoucher => ({ input: { code: text }, label: text });

const workshop: SessionService = {
  serviceId: 'svc_workshop',
  title: 'Atelier',
  priceInVouchers: 3,
  regulatedTariff: false,
};
const regulated: SessionService = { ...workshop, serviceId: 'svc_regulated', regulatedTariff: true };

function withVouchers(service: SessionService, ...vouchers: SessionVoucher[]): SessionDraft {
  return vouchers.reduce((draft, voucher) => {
    const added = addVoucher(draft, voucher);
    if (!added.ok) throw new Error(added.reason);
    return added.draft;
  }, startSession(service));
}

describe('session builder', () => {
  it('collects vouchers in scan order and counts them against the price', () => {
    const draft = withVouchers(workshop, qr('bk_a-01'), code('ABCD-EFGH-JKMN-P'));
    expect(draft.vouchers.map((voucher) => voucher.label)).toEqual(['bk_a-01', 'ABCD-EFGH-JKMN-P']);
    expect(progressText(draft)).toBe('2 chèques sur 3');
    expect(progressText(startSession(workshop))).toBe('0 chèque sur 3');
    expect(isComplete(draft)).toBe(false);
  });

  it('refuses the same voucher twice, by QR or by typed code in any spelling', () => {
    const draft = withVouchers(workshop, qr('bk_a-01'), code('ABCD-EFGH-JKMN-P'));
    expect(addVoucher(draft, qr('bk_a-01'))).toEqual({ ok: false, reason: 'duplicate' });
    expect(addVoucher(draft, code('abcdefghjkmnp'))).toEqual({ ok: false, reason: 'duplicate' });
    expect(addVoucher(draft, qr('bk_a-02')).ok).toBe(true);
  });

  it('takes no more vouchers than the price, and is complete when the count is reached', () => {
    const full = withVouchers(workshop, qr('bk_a-01'), qr('bk_a-02'), qr('bk_a-03'));
    expect(isComplete(full)).toBe(true);
    expect(addVoucher(full, qr('bk_a-04'))).toEqual({ ok: false, reason: 'full' });
  });

  it('removes one voucher and lets it be scanned again', () => {
    const draft = withVouchers(workshop, qr('bk_a-01'), qr('bk_a-02'));
    const removed = removeVoucher(draft, 0);
    expect(removed.vouchers.map((voucher) => voucher.label)).toEqual(['bk_a-02']);
    expect(progressText(removed)).toBe('1 chèque sur 3');
    expect(addVoucher(removed, qr('bk_a-01')).ok).toBe(true);
    expect(draft.vouchers).toHaveLength(2); // drafts are values: the old one is unchanged
  });

  it('lets the agent validate early, from one voucher, unless the tariff is regulated', () => {
    expect(canValidateEarly(startSession(workshop))).toBe(false);
    expect(canValidateEarly(withVouchers(workshop, qr('bk_a-01')))).toBe(true);
    expect(canValidateEarly(withVouchers(workshop, qr('bk_a-01'), qr('bk_a-02')))).toBe(true);
    expect(canValidateEarly(withVouchers(workshop, qr('bk_a-01'), qr('bk_a-02'), qr('bk_a-03')))).toBe(false);
    expect(canValidateEarly(withVouchers(regulated, qr('bk_a-01'), qr('bk_a-02')))).toBe(false);
    expect(isComplete(withVouchers(regulated, qr('bk_a-01'), qr('bk_a-02'), qr('bk_a-03')))).toBe(true);
  });

  it('is used only for services that cost more than one voucher', () => {
    expect(isSessionService(undefined)).toBe(false);
    expect(isSessionService({ ...workshop, priceInVouchers: 1 })).toBe(false);
    expect(isSessionService(workshop)).toBe(true);
  });

  it('keys a QR by its voucher id and a malformed one by its text', () => {
    expect(voucherKey(qr('bk_a-01').input)).toBe('qr:bk_a-01');
    expect(voucherKey({ qr: ' not a voucher ' })).toBe('qr:not a voucher');
    expect(voucherKey({ code: 'abcd-efgh-jkmn-p' })).toBe('code:ABCDEFGHJKMNP');
  });
});

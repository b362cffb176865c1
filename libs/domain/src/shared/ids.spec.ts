import { bookIdOfVoucher, voucherIdOf, voucherIndexOf } from './ids';

describe('voucher ids', () => {
  it('give back the book and the place voucherIdOf put them at', () => {
    for (const index of [0, 9, 19, 98]) {
      const voucherId = voucherIdOf('bk_a-b', index);
      expect([bookIdOfVoucher(voucherId), voucherIndexOf(voucherId)]).toEqual(['bk_a-b', index]);
    }
  });

  it('have no place when not made by voucherIdOf', () => {
    for (const voucherId of ['bk_a-00', 'bk_a-1', 'bk_a-x1', 'bk_a1.5', 'bk_a--5', '12', ''])
      expect(voucherIndexOf(voucherId)).toBeUndefined();
  });
});

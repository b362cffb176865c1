import { bookIssued, voucherRedeemed } from '../testing/fixtures';
import { evolveBook, findVoucher, initialBookState, type IssuedBookState } from './book.state';

const vouchers = (ids: string[]) => ids.map((voucherId) => ({ voucherId, code: `C-${voucherId}` }));
const book = (ids: string[]) =>
  evolveBook(initialBookState, bookIssued({ vouchers: vouchers(ids) })) as IssuedBookState;

describe('findVoucher', () => {
  it('finds each voucher of a book issued in order', () => {
    const state = book(['book-1-01', 'book-1-02', 'book-1-03']);
    expect(['book-1-01', 'book-1-02', 'book-1-03'].map((id) => findVoucher(state, id)?.code)).toEqual([
      'C-book-1-01',
      'C-book-1-02',
      'C-book-1-03',
    ]);
  });

  it('finds vouchers that are not where their number says, and none that the book lacks', () => {
    const state = book(['book-1-03', 'book-1-01', 'other-id']);
    expect(findVoucher(state, 'book-1-01')?.code).toBe('C-book-1-01');
    expect(findVoucher(state, 'book-1-03')?.code).toBe('C-book-1-03');
    expect(findVoucher(state, 'other-id')?.code).toBe('C-other-id');
    expect(findVoucher(state, 'book-1-02')).toBeUndefined();
    expect(findVoucher(state, 'book-2-01')).toBeUndefined();
  });

  it('redeems the voucher named, wherever it is, and leaves the others as they were', () => {
    const state = book(['book-1-03', 'book-1-01', 'book-1-02']);
    const after = evolveBook(
      state,
      voucherRedeemed({ voucherId: 'book-1-01', redemptionId: 'r1' }),
    ) as IssuedBookState;
    expect(after.vouchers.map((voucher) => voucher.redemption?.redemptionId ?? null)).toEqual([
      null,
      'r1',
      null,
    ]);
    expect(after.vouchers[0]).toBe(state.vouchers[0]);
    expect(state.vouchers[1].redemption).toBeUndefined();
  });
});

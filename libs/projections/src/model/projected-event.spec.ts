import { projected } from './projected-event';

const at = (recordedAt: Date | string, globalPosition: string) =>
  projected({ type: 'T.v1', data: {}, recordedAt, position: { transactionId: '1', globalPosition } });

describe('projected events', () => {
  it('carry their own instant, whether events share it or not', () => {
    const first = new Date('2026-12-07T10:00:00.123Z');
    const second = new Date('2026-12-07T10:00:00.124Z');
    const instants = [first, first, second, first, '2026-12-07T10:00:00.124Z'].map(
      (recordedAt, index) => at(recordedAt, String(index)).recordedAt,
    );
    expect(instants).toEqual([
      '2026-12-07T10:00:00.123Z',
      '2026-12-07T10:00:00.123Z',
      '2026-12-07T10:00:00.124Z',
      '2026-12-07T10:00:00.123Z',
      '2026-12-07T10:00:00.124Z',
    ]);
  });

  it('refuse an instant that is not one', () => {
    expect(() => at('not a date', '1')).toThrow(RangeError);
    expect(() => at('not a date either', '2')).toThrow(RangeError);
  });
});

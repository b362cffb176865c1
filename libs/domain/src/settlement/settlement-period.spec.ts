import fc from 'fast-check';
import { previousMonthInParis, startOfMonthInParis } from './settlement-period';

describe('the month a monthly settlement run settles (Europe/Paris)', () => {
  it('on 1 April, settles March: from 1 March (winter time) to 1 April (summer time)', () => {
    // March 2026 holds the switch to summer time (Sunday 29 March): the month is 743 hours long.
    expect(previousMonthInParis('2026-04-01T04:00:00.000Z')).toEqual({
      period: '2026-03',
      from: '2026-02-28T23:00:00.000Z',
      until: '2026-03-31T22:00:00.000Z',
    });
  });

  it('on 1 November, settles October, whose end is in winter time again', () => {
    expect(previousMonthInParis('2026-11-01T05:00:00.000Z')).toEqual({
      period: '2026-10',
      from: '2026-09-30T22:00:00.000Z',
      until: '2026-10-31T23:00:00.000Z',
    });
  });

  it('in January, settles December of the year before', () => {
    expect(previousMonthInParis('2026-01-01T05:00:00.000Z')).toEqual({
      period: '2025-12',
      from: '2025-11-30T23:00:00.000Z',
      until: '2025-12-31T23:00:00.000Z',
    });
  });

  it('counts by the Paris calendar, not by UTC', () => {
    // 00:30 on 1 April in Paris, still 31 March in UTC: April has begun, March is settled.
    expect(previousMonthInParis('2026-03-31T22:30:00.000Z').period).toBe('2026-03');
    // Midnight sharp in Paris is already the new month; a millisecond before is not.
    expect(previousMonthInParis('2026-03-31T22:00:00.000Z').period).toBe('2026-03');
    expect(previousMonthInParis('2026-03-31T21:59:59.999Z')).toEqual({
      period: '2026-02',
      from: '2026-01-31T23:00:00.000Z',
      until: '2026-02-28T23:00:00.000Z',
    });
  });

  it('gives midnight on the 1st in Paris for a month in summer and one in winter', () => {
    expect(startOfMonthInParis(2026, 7)).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfMonthInParis(2026, 12)).toBe('2026-11-30T23:00:00.000Z');
    expect(startOfMonthInParis(2024, 3)).toBe('2024-02-29T23:00:00.000Z');
  });

  it('always ends at or before `now`, and each period starts where the one before it ended', () => {
    const instants = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      // fast-check also draws Invalid Date by default; a clock never reads one.
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (date) => {
        const now = date.toISOString();
        const settled = previousMonthInParis(now);
        expect(Date.parse(settled.until)).toBeLessThanOrEqual(Date.parse(now));
        expect(Date.parse(settled.from)).toBeLessThan(Date.parse(settled.until));
        expect(previousMonthInParis(settled.until).period).toBe(settled.period);
        expect(previousMonthInParis(settled.from).until).toBe(settled.from);
      }),
    );
  });
});

import fc from 'fast-check';
import { parisDay } from './days';

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('the Paris calendar day of an instant', () => {
  it('is the day Paris reads, around midnight and across the DST changes', () => {
    expect(parisDay('2026-03-31T22:30:00.000Z')).toBe('2026-04-01'); // 00:30 CEST
    expect(parisDay('2026-03-31T21:59:59.999Z')).toBe('2026-03-31');
    expect(parisDay('2026-12-31T23:00:00Z')).toBe('2027-01-01'); // 00:00 CET
    expect(parisDay('2026-03-29T00:30:00.000Z')).toBe('2026-03-29'); // the night clocks go forward
    expect(parisDay('2026-10-25T00:30:00.000Z')).toBe('2026-10-25'); // the night clocks go back
    expect(parisDay('2026-06-01T12:00:00+02:00')).toBe('2026-06-01');
  });

  it('agrees with formatting every instant, remembered hours included', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const instant = date.toISOString();
          // Twice: the second answer comes from what the first remembered.
          expect(parisDay(instant)).toBe(PARIS_DAY.format(date));
          expect(parisDay(instant)).toBe(PARIS_DAY.format(date));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// The bench is plain CommonJS (run by node without a build); its goals' verdicts are tested from here.
import { goals, type LevelFigures } from './goals';

const level = (connections: number, perSecond: number, p99: number, more: Partial<LevelFigures> = {}) => ({
  connections,
  projector: true,
  loader: 'lean' as const,
  perSecond,
  p99,
  ...more,
});

const run = (overrides: Partial<Parameters<typeof goals>[0]> = {}): Parameters<typeof goals>[0] => ({
  quick: false,
  seconds: 470,
  http: { rows: [level(8, 1_600, 13), level(32, 2_600, 23), level(64, 3_100, 42)] },
  issue: { vouchers: 1_000_000, seconds: 52.1 },
  followers: {
    rebuilds: { 'territory-spend': { median: 71_500 }, 'voucher-status': { median: 52_000 } },
    relay: { median: 22_283 },
  },
  ...overrides,
});

const verdicts = (figures: Parameters<typeof goals>[0]) => goals(figures).map((g) => g.met);

describe('the goals summary of a bench run', () => {
  it('meets every goal a full run judges when each figure reaches its goal', () => {
    expect(verdicts(run())).toEqual([true, true, true, true, undefined]);
  });

  it('judges redemptions on the fastest production level whose p99 is within 50 ms', () => {
    const [redemptions] = goals(
      run({
        http: {
          rows: [
            level(32, 2_900, 22),
            level(64, 3_300, 61), // faster, but its p99 misses the goal
            level(32, 3_500, 20, { loader: 'autocannon' }),
            level(32, 3_600, 20, { projector: false }),
          ],
        },
      }),
    );
    expect(redemptions.measured).toBe('2,900/s with p99 22.0 ms at 32 connections');
    expect(redemptions.met).toBe(false);
  });

  it('shows the fastest level, unmet, when no level keeps p99 within the goal', () => {
    const [redemptions] = goals(run({ http: { rows: [level(32, 3_100, 55), level(64, 3_400, 80)] } }));
    expect(redemptions).toMatchObject({ measured: '3,400/s with p99 80.0 ms at 64 connections', met: false });
  });

  it("scales a quick run's issuance to a million vouchers", () => {
    const issuance = goals(run({ issue: { vouchers: 100_000, seconds: 6.5 } }))[1];
    expect(issuance).toMatchObject({ measured: '65.0 s per million (6.5 s for 100,000)', met: false });
  });

  it('names the slowest rebuild and counts those at the goal', () => {
    const judged = goals(
      run({
        followers: {
          rebuilds: { a: { median: 71_500 }, b: { median: 38_897 }, c: { median: 50_000 } },
          relay: { median: 19_999 },
        },
      }),
    );
    expect(judged[2]).toMatchObject({ measured: '2 of 3; slowest b at 38,897 events/s', met: false });
    expect(judged[3]).toMatchObject({ measured: '19,999 events/s', met: false });
  });

  it("judges only a quick run's duration, against two minutes", () => {
    expect(goals(run({ quick: true, seconds: 119 }))[4]).toMatchObject({ measured: '119 s', met: true });
    expect(goals(run({ quick: true, seconds: 121 }))[4].met).toBe(false);
    expect(goals(run())[4].measured).toBe('not judged by a full run (this one took 470 s)');
  });
});

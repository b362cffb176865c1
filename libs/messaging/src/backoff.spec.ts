import { backoffDelay } from './backoff';

describe('retry backoff', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles from the initial delay and stops at the cap', () => {
    const top = (attempt: number) => backoffDelay(attempt, policy, () => 1);
    expect([0, 1, 2, 3, 4, 50].map(top)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters between half and all of the delay', () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(300);
  });
});

import { FixedWindowStorage } from './fixed-window-storage';

const MINUTE = 60_000;

describe('FixedWindowStorage (per-venue redemption attempts)', () => {
  let now: number;
  let storage: FixedWindowStorage;
  const attempt = (key = 'ven_a', limit = 3, blockMs = MINUTE) =>
    storage.increment(key, MINUTE, limit, blockMs, 'redemptions');

  beforeEach(() => {
    now = 1_000_000;
    storage = new FixedWindowStorage(() => now);
  });

  it('lets `limit` attempts through in a window and blocks the next one', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await attempt());
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, false, true]);
    expect(answers.map((answer) => answer.totalHits)).toEqual([1, 2, 3, 4]);
    expect(answers[3].timeToBlockExpire).toBe(60);
  });

  it('counts each venue on its own', async () => {
    for (let i = 0; i < 4; i++) await attempt('ven_a');
    expect(await attempt('ven_b')).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('keeps a blocked venue blocked for the block duration, without counting its attempts', async () => {
    for (let i = 0; i < 4; i++) await attempt('ven_a', 3, 2 * MINUTE);
    now += MINUTE + 1; // the window is over, the block is not
    expect(await attempt('ven_a', 3, 2 * MINUTE)).toMatchObject({ isBlocked: true, totalHits: 4 });
    now += MINUTE;
    expect(await attempt('ven_a', 3, 2 * MINUTE)).toMatchObject({ isBlocked: false, totalHits: 1 });
  });

  it('starts a new window once the last one is over', async () => {
    for (let i = 0; i < 3; i++) await attempt();
    now += 30_000;
    expect(await attempt('ven_a', 5)).toMatchObject({ totalHits: 4, timeToExpire: 30 });
    now += 30_000;
    expect(await attempt('ven_a', 5)).toMatchObject({ totalHits: 1, timeToExpire: 60 });
  });
});

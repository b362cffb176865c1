import { RecentAggregates } from './recent-aggregates';

const at = (version: number, size = 1) => ({ state: { size }, version });

describe('RecentAggregates', () => {
  it('drops the least recently used aggregate past the bound', () => {
    const recent = new RecentAggregates<{ size: number }>({ maxAggregates: 2 });
    recent.remember('a', at(1));
    recent.remember('b', at(1));
    expect(recent.get('a')).toEqual(at(1)); // a is now the most recent
    recent.remember('c', at(1));
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([at(1), undefined, at(1)]);
  });

  it('keeps the sum of weights under its bound, always keeping the newest', () => {
    const recent = new RecentAggregates<{ size: number }>({
      maxAggregates: 10,
      maxWeight: 5,
      weigh: (state) => state.size,
    });
    recent.remember('a', at(1, 3));
    recent.remember('b', at(1, 2));
    recent.remember('a', at(2, 4)); // replaces a's weight, pushes b out (4 + 2 > 5)
    expect([recent.get('a'), recent.get('b')]).toEqual([at(2, 4), undefined]);
    recent.remember('c', at(1, 9));
    expect([recent.get('a'), recent.get('c')]).toEqual([undefined, at(1, 9)]);
  });

  it('forgets on request', () => {
    const recent = new RecentAggregates<{ size: number }>({ maxAggregates: 2 });
    recent.remember('a', at(3));
    recent.forget('a');
    expect(recent.get('a')).toBeUndefined();
  });
});

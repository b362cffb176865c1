import { inRequestsOfAtMost } from './kafka-requests';

const record = (key: string, valueBytes: number) => ({
  key,
  value: 'x'.repeat(valueBytes),
  headers: { ce_id: key },
});

describe('produce requests of bounded size', () => {
  it('keeps a small batch in one request', () => {
    const records = [record('a', 10), record('b', 10)];
    expect(inRequestsOfAtMost(records, 1_000)).toEqual([records]);
  });

  it('splits a large batch in order, each request under the limit', () => {
    const records = Array.from({ length: 10 }, (_, i) => record(`k${i}`, 300));
    const requests = inRequestsOfAtMost(records, 1_000);
    expect(requests.flat()).toEqual(records);
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests)
      expect(request.reduce((sum, r) => sum + r.value.length + 64 + 10, 0)).toBeLessThanOrEqual(1_000);
  });

  it('sends a record larger than the limit alone rather than dropping it', () => {
    const records = [record('a', 10), record('big', 5_000), record('c', 10)];
    expect(inRequestsOfAtMost(records, 1_000).map((request) => request.map((r) => r.key))).toEqual([
      ['a'],
      ['big'],
      ['c'],
    ]);
  });

  it('counts bytes, not characters', () => {
    const accented = { key: 'k', value: 'é'.repeat(400), headers: {} };
    // 800 bytes of value + overhead: two of them do not fit in 1,500 bytes.
    expect(inRequestsOfAtMost([accented, accented], 1_500)).toHaveLength(2);
  });
});

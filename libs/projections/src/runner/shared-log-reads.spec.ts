import type { GlobalPosition, StoredEvent } from '@pass/event-store';
import { SharedLogReads, type LogReader } from './shared-log-reads';

/** A log reader whose reads the test answers (or fails) one by one. */
function controlledReader() {
  const asked: {
    after: GlobalPosition;
    limit: number;
    answer: (events: StoredEvent[]) => void;
    fail: (error: Error) => void;
  }[] = [];
  const reader: LogReader = {
    readAll: (after, limit) =>
      new Promise((resolve, reject) => asked.push({ after, limit, answer: resolve, fail: reject })),
  };
  return { reader, asked };
}

const at = (transactionId: string, globalPosition: string): GlobalPosition => ({
  transactionId,
  globalPosition,
});
const event = (globalPosition: string) => ({ position: at('1', globalPosition) }) as StoredEvent;

describe('SharedLogReads', () => {
  it('answers reads of the same page asked while one is in flight with that one query', async () => {
    const { reader, asked } = controlledReader();
    const shared = new SharedLogReads(reader);
    const reads = [
      shared.readAll(at('1', '5'), 500),
      shared.readAll(at('1', '5'), 500),
      shared.readAll(at('1', '5'), 500),
    ];
    expect(asked).toHaveLength(1);
    asked[0].answer([event('6'), event('7')]);
    const answers = await Promise.all(reads);
    expect(answers.map((events) => events.map((e) => e.position.globalPosition))).toEqual([
      ['6', '7'],
      ['6', '7'],
      ['6', '7'],
    ]);
  });

  it('reads separately after another checkpoint, in another transaction or with another limit', async () => {
    const { reader, asked } = controlledReader();
    const shared = new SharedLogReads(reader);
    void shared.readAll(at('1', '5'), 500);
    void shared.readAll(at('1', '6'), 500);
    void shared.readAll(at('2', '5'), 500);
    void shared.readAll(at('1', '5'), 100);
    expect(asked.map(({ after, limit }) => [after.transactionId, after.globalPosition, limit])).toEqual([
      ['1', '5', 500],
      ['1', '6', 500],
      ['2', '5', 500],
      ['1', '5', 100],
    ]);
  });

  it('keeps no answer: a read asked once the first has answered goes to the store', async () => {
    const { reader, asked } = controlledReader();
    const shared = new SharedLogReads(reader);
    const first = shared.readAll(at('1', '5'), 500);
    asked[0].answer([]);
    await first;
    const second = shared.readAll(at('1', '5'), 500);
    expect(asked).toHaveLength(2);
    asked[1].answer([event('6')]);
    await expect(second).resolves.toHaveLength(1);
  });

  it('fails every runner that shared a failed read, and reads again on the next ask', async () => {
    const { reader, asked } = controlledReader();
    const shared = new SharedLogReads(reader);
    const reads = [shared.readAll(at('1', '5'), 500), shared.readAll(at('1', '5'), 500)];
    asked[0].fail(new Error('connection lost'));
    await expect(Promise.all(reads)).rejects.toThrow('connection lost');
    await expect(reads[1]).rejects.toThrow('connection lost');
    void shared.readAll(at('1', '5'), 500);
    expect(asked).toHaveLength(2);
  });
});

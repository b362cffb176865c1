import type { StoredEvent } from '@pass/event-store';
import { FundingDirectory, toPayerMessages, type PayerMessage } from '@pass/messaging';
import { PayerEventContract } from '@pass/messaging/testing/payer-event-contract';
import type { Received } from '../support/kafka';

/** The payer messages the store's events call for, in store order. */
export function expectedMessages(events: readonly StoredEvent[]): PayerMessage[] {
  const directory = new FundingDirectory();
  return events.flatMap((event) => {
    directory.learn(event);
    return toPayerMessages(event, directory);
  });
}

export function allArrived(expected: readonly PayerMessage[]): (records: Received[]) => boolean {
  const wanted = new Set(expected.map((message) => message.headers.ce_id));
  return (records) => {
    const seen = new Set(records.map((record) => record.headers.ce_id));
    return [...wanted].every((id) => seen.has(id));
  };
}

/** What a consumer deduplicating on ce_id keeps: the first copy of each message. */
export function deduplicated(records: readonly Received[]): Received[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const id = record.headers.ce_id;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const contract = new PayerEventContract();

/**
 * Every expected message arrived at least once with its key, headers and payload; nothing else
 * arrived; after deduplication each payer sees its messages exactly once, in store order; every
 * record conforms to docs/asyncapi.yaml. Answers the number of duplicates (at-least-once).
 */
export function assertDelivered(expected: readonly PayerMessage[], records: readonly Received[]): number {
  const byId = new Map(expected.map((message) => [message.headers.ce_id, message]));
  expect(byId.size).toBe(expected.length);
  for (const record of records) {
    const message = byId.get(record.headers.ce_id);
    expect({ id: record.headers.ce_id, known: message !== undefined }).toEqual({
      id: record.headers.ce_id,
      known: true,
    });
    expect(record.key).toBe(message!.key);
    expect(record.headers).toEqual({ ...message!.headers });
    expect(record.value).toEqual(message!.payload);
  }
  expect(records.flatMap((record) => contract.violations(record))).toEqual([]);

  const kept = deduplicated(records);
  expect(kept).toHaveLength(expected.length);
  const payers = new Set(expected.map((message) => message.key));
  for (const payer of payers) {
    expect(kept.filter((record) => record.key === payer).map((record) => record.headers.ce_id)).toEqual(
      expected.filter((message) => message.key === payer).map((message) => message.headers.ce_id),
    );
  }
  return records.length - kept.length;
}

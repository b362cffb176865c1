import { START_OF_LOG, type EventStore, type StoredEvent } from '@pass/event-store';

const PAGE = 5_000;

/**
 * The whole log, page by page. Reports that must be recomputable from the log read it; a read
 * model (the projections) is the faster path once it carries these figures.
 */
export async function readWholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after = START_OF_LOG;
  for (;;) {
    const page = await store.readAll(after, PAGE);
    events.push(...page);
    if (page.length < PAGE) return events;
    after = page[page.length - 1].position;
  }
}

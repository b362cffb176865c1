import type { EventStore } from '@pass/event-store';
import { WorkloadLane } from './random-workload';

/** `commands` appends spread over `lanes` concurrent writers (disjoint streams), each lane in order. */
export async function runWorkload(store: EventStore, commands: number, lanes = 4, seed = 42): Promise<void> {
  await Promise.all(
    Array.from({ length: lanes }, async (_, index) => {
      const lane = new WorkloadLane(`s${seed}l${index}`, seed * 31 + index);
      const share = Math.floor(commands / lanes) + (index < commands % lanes ? 1 : 0);
      for (let i = 0; i < share; i++) await store.append(lane.next());
    }),
  );
}

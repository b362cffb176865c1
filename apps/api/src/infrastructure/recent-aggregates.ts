import type { LoadedAggregate } from './aggregate-stream';

export interface RecentAggregatesLimits<State> {
  readonly maxAggregates: number;
  /** A second bound, on the sum of the aggregates' weights (their size in memory, roughly). */
  readonly maxWeight?: number;
  readonly weigh?: (state: State) => number;
}

/**
 * Aggregates as this process last wrote them, least recently used dropped first. Only for streams
 * whose appends check the version: one moved by anybody else fails the append, and the writer
 * forgets it and reads it again. Nothing else keeps it fresh.
 */
export class RecentAggregates<State> {
  private readonly aggregates = new Map<string, LoadedAggregate<State>>();
  private weight = 0;

  constructor(private readonly limits: RecentAggregatesLimits<State>) {}

  get(streamId: string): LoadedAggregate<State> | undefined {
    const aggregate = this.aggregates.get(streamId);
    if (aggregate) this.remember(streamId, aggregate);
    return aggregate;
  }

  remember(streamId: string, aggregate: LoadedAggregate<State>): void {
    // A Map iterates in insertion order: re-inserting marks the aggregate as the most recent.
    this.forget(streamId);
    this.aggregates.set(streamId, aggregate);
    this.weight += this.weigh(aggregate);
    const { maxAggregates, maxWeight = Infinity } = this.limits;
    while (this.aggregates.size > maxAggregates || (this.weight > maxWeight && this.aggregates.size > 1))
      this.forget(this.aggregates.keys().next().value as string);
  }

  forget(streamId: string): void {
    const aggregate = this.aggregates.get(streamId);
    if (!aggregate) return;
    this.weight -= this.weigh(aggregate);
    this.aggregates.delete(streamId);
  }

  private weigh(aggregate: LoadedAggregate<State>): number {
    return this.limits.weigh?.(aggregate.state) ?? 0;
  }
}

/**
 * Collects what callers ask for during one turn of the event loop and hands it over in one piece at
 * the end of the turn (setImmediate: after the I/O callbacks of this turn, so requests that arrived
 * together are taken together), or at once when it grows to `maxWeight`.
 */
export class EndOfTurnQueue<T> {
  private items: T[] = [];
  private weight = 0;
  private scheduled = false;

  constructor(
    private readonly maxWeight: number,
    private readonly take: (items: T[]) => void,
    private readonly weigh: (item: T) => number = () => 1,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.weight += this.weigh(item);
    if (this.weight >= this.maxWeight) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.items;
    this.items = [];
    this.weight = 0;
    if (items.length > 0) this.take(items);
  }
}

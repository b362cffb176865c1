/**
 * Persistent (immutable) collections that only grow, for states folded from long streams: a
 * ledger records thousands of payables, and copying its set and list on every event made folding
 * it quadratic. Versions share one backing store; each version sees only the members it had, so an
 * older version stays unchanged. Growing the newest version is O(1); growing an older one copies.
 */
export class AppendOnlySet {
  private constructor(
    private readonly order: Map<string, number>,
    readonly size: number,
  ) {}

  static empty(): AppendOnlySet {
    return new AppendOnlySet(new Map(), 0);
  }

  has(member: string): boolean {
    const index = this.order.get(member);
    return index !== undefined && index < this.size;
  }

  add(member: string): AppendOnlySet {
    if (this.has(member)) return this;
    const order = this.isNewest() ? this.order : new Map([...this.order].filter(([, i]) => i < this.size));
    order.set(member, this.size);
    return new AppendOnlySet(order, this.size + 1);
  }

  private isNewest(): boolean {
    return this.order.size === this.size;
  }
}

export class AppendOnlyList<T> {
  private constructor(
    private readonly items: T[],
    readonly length: number,
  ) {}

  static of<T>(items: readonly T[]): AppendOnlyList<T> {
    return new AppendOnlyList([...items], items.length);
  }

  append(item: T): AppendOnlyList<T> {
    const items = this.items.length === this.length ? this.items : this.items.slice(0, this.length);
    items.push(item);
    return new AppendOnlyList(items, this.length + 1);
  }

  toArray(): readonly T[] {
    return this.items.slice(0, this.length);
  }
}

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
    const order = this.isNewest() ? this.order : this.ownMembers();
    order.set(member, this.size);
    return new AppendOnlySet(order, this.size + 1);
  }

  private ownMembers(): Map<string, number> {
    const own = new Map<string, number>();
    if (this.size === 0) return own;
    for (const [member, index] of this.order) if (index < this.size) own.set(member, index);
    return own;
  }

  /**
   * The empty version never lends its store: it is shared by every fold that starts from an
   * initial state, and would otherwise keep the first fold's members alive and make later folds copy them.
   */
  private isNewest(): boolean {
    return this.size > 0 && this.order.size === this.size;
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
    // As for the set: the empty version's array is never grown in place.
    const newest = this.length > 0 && this.items.length === this.length;
    const items = newest ? this.items : this.items.slice(0, this.length);
    items.push(item);
    return new AppendOnlyList(items, this.length + 1);
  }

  toArray(): readonly T[] {
    return this.items.slice(0, this.length);
  }
}

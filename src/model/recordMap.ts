/**
 * A persistent map of records by id: a change makes a new map that shares the old one's
 * entries, so moving one node of 20,000 does not copy 20,000 entries (copying a `Map` of 2,000
 * costs about ten times what React Flow's own array update did). The ids changed since the last
 * compaction sit in a small overlay that reads check first; once it holds more than a sixteenth
 * of the map (at least 32 ids), the next change folds everything into a fresh base.
 */
const GONE: unique symbol = Symbol('gone');

export class RecordMap<R> implements ReadonlyMap<string, R> {
  private constructor(
    private readonly base: ReadonlyMap<string, R>,
    private readonly overlay: ReadonlyMap<string, R | typeof GONE>,
    readonly size: number,
  ) {}

  static of<R>(entries: Iterable<readonly [string, R]> = []): RecordMap<R> {
    const base = new Map<string, R>();
    for (const [id, record] of entries) base.set(id, record);
    return new RecordMap(base, new Map(), base.size);
  }

  /** The same map when it already is a RecordMap, else a RecordMap of its entries. */
  static from<R>(map: ReadonlyMap<string, R>): RecordMap<R> {
    return map instanceof RecordMap ? (map as RecordMap<R>) : RecordMap.of(map);
  }

  get(id: string): R | undefined {
    const over = this.overlay.get(id);
    if (over !== undefined) return over === GONE ? undefined : over;
    return this.base.get(id);
  }

  has(id: string): boolean {
    const over = this.overlay.get(id);
    return over !== undefined ? over !== GONE : this.base.has(id);
  }

  /** A new map with `put` set and `remove` deleted; this one is unchanged. */
  with(put: Iterable<readonly [string, R]>, remove: Iterable<string> = []): RecordMap<R> {
    const overlay = new Map(this.overlay);
    const has = (id: string) => {
      const over = overlay.get(id);
      return over !== undefined ? over !== GONE : this.base.has(id);
    };
    let size = this.size;
    for (const id of remove) {
      if (!has(id)) continue;
      size--;
      overlay.set(id, GONE);
    }
    for (const [id, record] of put) {
      if (!has(id)) size++;
      overlay.set(id, record);
    }
    const next = new RecordMap(this.base, overlay, size);
    return overlay.size > Math.max(32, size >> 4) ? RecordMap.of(next) : next;
  }

  *entries(): MapIterator<[string, R]> {
    for (const [id, record] of this.base) if (!this.overlay.has(id)) yield [id, record];
    for (const [id, over] of this.overlay) if (over !== GONE) yield [id, over];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<R> {
    for (const [, record] of this.entries()) yield record;
  }

  [Symbol.iterator](): MapIterator<[string, R]> {
    return this.entries();
  }

  forEach(run: (record: R, id: string, map: ReadonlyMap<string, R>) => void): void {
    for (const [id, record] of this.entries()) run(record, id, this);
  }
}

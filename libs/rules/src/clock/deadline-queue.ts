/**
 * Pending deadlines as a binary min-heap, so the clock's advance costs O(log n) per due
 * deadline and nothing per idle truck. The owner keeps the truth (the due time of each named
 * deadline in its entity state); entries whose due time no longer matches are stale and skipped,
 * which makes rescheduling O(log n) without a delete.
 */
export interface DeadlineEntry {
  dueMs: number;
  /** Entity state key, e.g. `truck:T001`. */
  entity: string;
  /** Deadline name within the entity, e.g. `silence`. */
  name: string;
}

/** Ties broken by entity and name so replays and restarts fire in the same order. */
function before(a: DeadlineEntry, b: DeadlineEntry): boolean {
  if (a.dueMs !== b.dueMs) return a.dueMs < b.dueMs;
  if (a.entity !== b.entity) return a.entity < b.entity;
  return a.name < b.name;
}

export class DeadlineQueue {
  private readonly heap: DeadlineEntry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(entry: DeadlineEntry): void {
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
  }

  peek(): DeadlineEntry | undefined {
    return this.heap[0];
  }

  pop(): DeadlineEntry | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    this.heap.length = 0;
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[i], this.heap[parent])) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && before(this.heap[left], this.heap[smallest])) smallest = left;
      if (right < this.heap.length && before(this.heap[right], this.heap[smallest]))
        smallest = right;
      if (smallest === i) return;
      [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
      i = smallest;
    }
  }
}

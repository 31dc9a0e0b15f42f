/** A binary min-heap of node ids 0..size-1 on typed arrays, with decrease-key (for Dijkstra). */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  /** Position of each node in `heap`, or -1 when absent. */
  private readonly position: Int32Array;
  private readonly key: Float64Array;
  private length = 0;

  constructor(size: number) {
    this.heap = new Int32Array(size);
    this.position = new Int32Array(size).fill(-1);
    this.key = new Float64Array(size);
  }

  get size(): number {
    return this.length;
  }

  minKey(): number {
    return this.key[this.heap[0]];
  }

  /** Inserts the node or lowers its key; a higher key is ignored. */
  push(node: number, key: number): void {
    let i = this.position[node];
    if (i < 0) {
      i = this.length++;
      this.heap[i] = node;
      this.position[node] = i;
    } else if (key >= this.key[node]) {
      return;
    }
    this.key[node] = key;
    this.siftUp(i);
  }

  pop(): number {
    const top = this.heap[0];
    this.position[top] = -1;
    const last = this.heap[--this.length];
    if (this.length > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.length; i++) this.position[this.heap[i]] = -1;
    this.length = 0;
  }

  private siftUp(i: number): void {
    const { heap, position, key } = this;
    const node = heap[i];
    const k = key[node];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (key[p] <= k) break;
      heap[i] = p;
      position[p] = i;
      i = parent;
    }
    heap[i] = node;
    position[node] = i;
  }

  private siftDown(i: number): void {
    const { heap, position, key } = this;
    const n = this.length;
    const node = heap[i];
    const k = key[node];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && key[heap[child + 1]] < key[heap[child]]) child++;
      const c = heap[child];
      if (key[c] >= k) break;
      heap[i] = c;
      position[c] = i;
      i = child;
    }
    heap[i] = node;
    position[node] = i;
  }
}

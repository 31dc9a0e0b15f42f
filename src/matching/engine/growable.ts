/** Append-only typed arrays that double when full: edge lists whose final size is only known at the end. */
type TypedArrayOf<T> = T extends Int32Array
  ? Int32Array
  : T extends Float32Array
    ? Float32Array
    : Float64Array;

export class GrowableArray<T extends Int32Array | Float32Array | Float64Array> {
  data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    initialSize = 1024,
  ) {
    this.data = make(Math.max(16, initialSize));
  }

  push(x: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = x;
  }

  reserve(size: number): void {
    if (size <= this.data.length) return;
    const bigger = this.make(Math.max(size, this.data.length * 2));
    bigger.set(this.data.subarray(0, this.length) as never);
    this.data = bigger;
  }

  /** A right-sized copy of the contents. */
  toArray(): TypedArrayOf<T> {
    return this.data.slice(0, this.length) as TypedArrayOf<T>;
  }
}

export const int32s = (n: number): Int32Array => new Int32Array(n);
export const float32s = (n: number): Float32Array => new Float32Array(n);
export const float64s = (n: number): Float64Array => new Float64Array(n);

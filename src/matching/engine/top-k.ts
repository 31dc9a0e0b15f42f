/**
 * Moves the k largest of keys[0..count) into keys[count-k..count) (order inside unspecified), in
 * expected O(count): a quickselect, because a dense town gives a user thousands of feasible contacts
 * and only the best few dozen enter the solver. Keys must be distinct for a deterministic result.
 */
export function selectLargest(keys: Float64Array, count: number, k: number): void {
  if (k <= 0 || k >= count) return;
  const target = count - k;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = medianOfThree(keys[lo], keys[(lo + hi) >>> 1], keys[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/**
 * The future-event list: a binary min-heap over parallel typed arrays — event time (Float64Array), event code
 * (Int32Array, meaning chosen by the caller) and an insertion sequence number (Float64Array, exact up to 2⁵³).
 * Events are ordered by time, and events at the same time by insertion order, so the order of simultaneous events
 * is deterministic and first-in first-out. No object is allocated per event; the arrays double when full.
 *
 * The caller reads the earliest event with `peekTime` / `peekCode` / `peekSequence` and then removes it with `pop`.
 *
 * @example
 * const calendar = new EventCalendar();
 * calendar.push(5, 1); calendar.push(2, 7); calendar.push(5, 3);
 * calendar.peekCode(); // 7, then pop() → 1 (inserted before 3 at the same time), then 3
 */
export class EventCalendar {
  private times: Float64Array;
  private codes: Int32Array;
  private sequences: Float64Array;
  private count = 0;
  private nextSequence = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, Math.floor(initialCapacity));
    this.times = new Float64Array(capacity);
    this.codes = new Int32Array(capacity);
    this.sequences = new Float64Array(capacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; `Infinity` when the calendar is empty. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Infinity;
  }

  /** Code of the earliest event (undefined behaviour when empty). */
  peekCode(): number {
    return this.codes[0] as number;
  }

  /** Sequence number of the earliest event (undefined behaviour when empty). */
  peekSequence(): number {
    return this.sequences[0] as number;
  }

  /** A fresh sequence number that no event will use (a ticket for something not on the calendar). */
  allocateSequence(): number {
    return this.nextSequence++;
  }

  /** Adds an event and returns its sequence number. */
  push(timeSeconds: number, code: number): number {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    const sequences = this.sequences;
    const sequence = this.nextSequence++;
    let i = this.count++;
    // Sift up. A parent with an equal time was inserted earlier (smaller sequence), so it stays above.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((times[parent] as number) <= timeSeconds) break;
      times[i] = times[parent] as number;
      codes[i] = codes[parent] as number;
      sequences[i] = sequences[parent] as number;
      i = parent;
    }
    times[i] = timeSeconds;
    codes[i] = code;
    sequences[i] = sequence;
    return sequence;
  }

  /** Removes the earliest event. */
  pop(): void {
    const n = --this.count;
    if (n <= 0) {
      this.count = 0;
      return;
    }
    const times = this.times;
    const codes = this.codes;
    const sequences = this.sequences;
    const time = times[n] as number;
    const code = codes[n] as number;
    const sequence = sequences[n] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n) {
        const tr = times[right] as number;
        const tl = times[left] as number;
        if (tr < tl || (tr === tl && (sequences[right] as number) < (sequences[left] as number))) child = right;
      }
      const tc = times[child] as number;
      if (tc > time || (tc === time && (sequences[child] as number) > sequence)) break;
      times[i] = tc;
      codes[i] = codes[child] as number;
      sequences[i] = sequences[child] as number;
      i = child;
    }
    times[i] = time;
    codes[i] = code;
    sequences[i] = sequence;
  }

  /** Removes every event (sequence numbers keep counting). */
  clear(): void {
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const codes = new Int32Array(capacity);
    codes.set(this.codes);
    const sequences = new Float64Array(capacity);
    sequences.set(this.sequences);
    this.times = times;
    this.codes = codes;
    this.sequences = sequences;
  }
}

/**
 * Fixed-memory histograms of waiting times, for quantiles such as `waitP90Seconds` without keeping per-call data.
 *
 * Layout of one histogram (HDR-style log-linear buckets):
 * - bucket 0 counts waits of exactly 0 (answered at once);
 * - bucket 1 counts waits in (0, 2^minExponent);
 * - then every octave [2^e, 2^(e+1)) for minExponent ≤ e < maxExponent is cut into 2^subBucketBits equal buckets;
 * - the last bucket counts waits ≥ 2^maxExponent.
 *
 * The bucket of a wait is read straight from the bits of its IEEE-754 representation (exponent and the top
 * `subBucketBits` mantissa bits): one store, one load, a shift and two comparisons — no logarithm.
 *
 * **Error bound.** `quantile(p)` finds the bucket holding the order statistic of rank ⌈p·n⌉ and interpolates linearly
 * inside it, so the result lies in the same bucket as the exact sample quantile: the error is less than one bucket
 * width, i.e. **relative error < 2^−subBucketBits** for waits ≥ 2^minExponent s, **absolute error < 2^minExponent s**
 * below that, exact (0) when the quantile falls on the zero bucket, and the lower bound 2^maxExponent s when it falls
 * in the overflow bucket.
 *
 * A bank holds `count` independent histograms in one Uint32Array (`count × bucketCount` counters).
 */
export class WaitHistogramBank {
  readonly count: number;
  readonly bucketCount: number;
  private readonly counts: Uint32Array;
  private readonly shift: number;
  private readonly base: number;
  private readonly logBuckets: number;
  private readonly subBucketBits: number;
  private readonly minExponent: number;
  private readonly maxExponent: number;

  /**
   * @param count number of histograms (e.g. one per interval)
   * @param subBucketBits buckets per octave = 2^subBucketBits (0..20); relative error < 2^−subBucketBits
   * @param minExponent waits below 2^minExponent seconds share one bucket
   * @param maxExponent waits from 2^maxExponent seconds on share one bucket
   */
  constructor(count: number, subBucketBits: number, minExponent: number, maxExponent: number) {
    if (!Number.isInteger(subBucketBits) || subBucketBits < 0 || subBucketBits > 20) {
      throw new RangeError(`subBucketBits must be an integer in 0..20 (got ${subBucketBits})`);
    }
    if (!(minExponent < maxExponent) || minExponent < -1000 || maxExponent > 1000) {
      throw new RangeError(`need -1000 ≤ minExponent < maxExponent ≤ 1000 (got ${minExponent}, ${maxExponent})`);
    }
    this.count = count;
    this.subBucketBits = subBucketBits;
    this.minExponent = minExponent;
    this.maxExponent = maxExponent;
    this.logBuckets = (maxExponent - minExponent) << subBucketBits;
    this.bucketCount = this.logBuckets + 3;
    this.shift = 20 - subBucketBits;
    this.base = (1023 + minExponent) << subBucketBits;
    this.counts = new Uint32Array(count * this.bucketCount);
  }

  /** Bytes of counter memory. */
  get byteLength(): number {
    return this.counts.byteLength;
  }

  /** Adds one wait (seconds, ≥ 0) to histogram `index`. */
  record(index: number, waitSeconds: number): void {
    let bucket: number;
    if (waitSeconds <= 0) {
      bucket = 0;
    } else {
      scratchFloat[0] = waitSeconds;
      const b = ((scratchWords[HIGH_WORD] as number) >>> this.shift) - this.base;
      bucket = b < 0 ? 1 : b >= this.logBuckets ? this.logBuckets + 2 : b + 2;
    }
    const at = index * this.bucketCount + bucket;
    this.counts[at] = (this.counts[at] as number) + 1;
  }

  /** Number of waits recorded in histogram `index`. */
  total(index: number): number {
    let sum = 0;
    const start = index * this.bucketCount;
    for (let b = 0; b < this.bucketCount; b++) sum += this.counts[start + b] as number;
    return sum;
  }

  /**
   * The p-quantile (0 ≤ p ≤ 1) of histogram `index`, within the error bound of the class comment; 0 when empty.
   * `extraZeros` adds that many waits of 0 that were counted elsewhere (a caller may skip `record` for zero waits).
   * @example
   * const bank = new WaitHistogramBank(1, 7, -10, 22);
   * for (let i = 1; i <= 100; i++) bank.record(0, i);
   * bank.quantile(0, 0.9) // ≈ 90 (relative error < 2⁻⁷)
   */
  quantile(index: number, p: number, extraZeros = 0): number {
    const start = index * this.bucketCount;
    const n = this.total(index) + extraZeros;
    if (n === 0) return 0;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, p)) * n));
    let cumulative = extraZeros;
    if (cumulative >= rank) return 0;
    for (let b = 0; b < this.bucketCount; b++) {
      const c = this.counts[start + b] as number;
      if (c === 0) continue;
      if (cumulative + c >= rank) {
        const [lower, upper] = this.bucketBounds(b);
        if (!Number.isFinite(upper)) return lower;
        return lower + ((upper - lower) * (rank - cumulative)) / c;
      }
      cumulative += c;
    }
    return 0;
  }

  /** Adds every histogram of the bank into histogram 0 of `target` (same geometry). */
  addAllInto(target: WaitHistogramBank, targetIndex = 0): void {
    if (target.bucketCount !== this.bucketCount || target.subBucketBits !== this.subBucketBits) {
      throw new RangeError('addAllInto: histograms of different geometry');
    }
    const offset = targetIndex * target.bucketCount;
    for (let h = 0; h < this.count; h++) {
      const start = h * this.bucketCount;
      for (let b = 0; b < this.bucketCount; b++) {
        target.counts[offset + b] = (target.counts[offset + b] as number) + (this.counts[start + b] as number);
      }
    }
  }

  /** [lower, upper) of a bucket in seconds. */
  bucketBounds(bucket: number): [number, number] {
    if (bucket === 0) return [0, 0];
    if (bucket === 1) return [0, 2 ** this.minExponent];
    if (bucket >= this.logBuckets + 2) return [2 ** this.maxExponent, Infinity];
    const b = bucket - 2;
    const perOctave = 1 << this.subBucketBits;
    const exponent = this.minExponent + Math.floor(b / perOctave);
    const sub = b % perOctave;
    const octave = 2 ** exponent;
    return [octave * (1 + sub / perOctave), octave * (1 + (sub + 1) / perOctave)];
  }
}

// Bit access to a double: on little-endian hosts the high word (sign, exponent, top mantissa bits) is word 1.
const scratchFloat = new Float64Array(1);
const scratchWords = new Uint32Array(scratchFloat.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

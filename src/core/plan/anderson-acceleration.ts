/**
 * Anderson acceleration (type II) of a fixed-point map x ↦ F(x) on shares in [0, 1]: from the last rounds' inputs
 * and residuals F(x) − x, the next input is the combination whose residual is least in the linearised map — a
 * multi-secant quasi-Newton step. Falls back to the plain step F(x) where there is no history yet, the small
 * least-squares problem is singular or the step leaves [0, 1].
 *
 * Every buffer is allocated once: a plan takes thousands of steps on vectors of a few groups.
 *
 * @example
 *   const secant = new AndersonMemory(2, 3);
 *   const next = new Float64Array(2);
 *   if (!secant.step(failure, mapped, next)) next.set(mapped); // the plain step
 */
export class AndersonMemory {
  /** The last rounds' inputs and residuals, oldest first; `count` of them are in use. */
  private readonly inputs: Float64Array[];
  private readonly residuals: Float64Array[];
  private count = 0;
  /** Differences between consecutive rounds (residuals dF, inputs dX), and the orthonormal basis of the kept dF. */
  private readonly dF: Float64Array[];
  private readonly dX: Float64Array[];
  private readonly basis: Float64Array[];
  /** R of the QR factors, r[b · memory + a] (column b on basis vector a, a ≤ b in the order kept). */
  private readonly r: Float64Array;
  private readonly kept: Int32Array;
  private readonly qr: Float64Array;
  private readonly gammaKept: Float64Array;
  private readonly gamma: Float64Array;

  constructor(
    private readonly size: number,
    private readonly memory: number,
  ) {
    const vectors = (count: number): Float64Array[] => Array.from({ length: count }, () => new Float64Array(size));
    this.inputs = vectors(memory + 1);
    this.residuals = vectors(memory + 1);
    this.dF = vectors(memory);
    this.dX = vectors(memory);
    this.basis = vectors(memory);
    this.r = new Float64Array(memory * memory);
    this.kept = new Int32Array(memory);
    this.qr = new Float64Array(memory);
    this.gammaKept = new Float64Array(memory);
    this.gamma = new Float64Array(memory);
  }

  clear(): void {
    this.count = 0;
  }

  /**
   * Records that the map took `input` to `mapped` and writes the accelerated next input into `out`; false where that
   * is the plain step, `mapped` itself (then `out` holds nothing of use).
   */
  step(input: Float64Array, mapped: Float64Array, out: Float64Array): boolean {
    const n = this.size;
    if (this.count === this.memory + 1) {
      // Forget the oldest round, reusing its buffers for the newest.
      const oldestInput = this.inputs[0] as Float64Array;
      const oldestResidual = this.residuals[0] as Float64Array;
      for (let j = 0; j < this.memory; j++) {
        this.inputs[j] = this.inputs[j + 1] as Float64Array;
        this.residuals[j] = this.residuals[j + 1] as Float64Array;
      }
      this.inputs[this.memory] = oldestInput;
      this.residuals[this.memory] = oldestResidual;
      this.count -= 1;
    }
    const newestInput = this.inputs[this.count] as Float64Array;
    const residual = this.residuals[this.count] as Float64Array;
    for (let i = 0; i < n; i++) {
      residual[i] = (mapped[i] as number) - (input[i] as number);
      newestInput[i] = input[i] as number;
    }
    this.count += 1;
    const m = this.count - 1;
    if (m === 0) return false;
    for (let j = 0; j < m; j++) {
      const f = this.dF[j] as Float64Array;
      const x = this.dX[j] as Float64Array;
      const residualNext = this.residuals[j + 1] as Float64Array;
      const residualThis = this.residuals[j] as Float64Array;
      const inputNext = this.inputs[j + 1] as Float64Array;
      const inputThis = this.inputs[j] as Float64Array;
      for (let i = 0; i < n; i++) {
        f[i] = (residualNext[i] as number) - (residualThis[i] as number);
        x[i] = (inputNext[i] as number) - (inputThis[i] as number);
      }
    }
    // γ = argmin ‖residual − dF γ‖ by modified Gram–Schmidt, newest column first; a column that (nearly) lies in the
    // span of newer ones is dropped (γ = 0), as where a group's share does not move.
    const M = this.memory;
    let kept = 0;
    for (let j = m - 1; j >= 0; j--) {
      const v = this.basis[kept] as Float64Array;
      v.set(this.dF[j] as Float64Array);
      const norm0 = Math.sqrt(dot(v, v, n));
      for (let a = 0; a < kept; a++) {
        const basis = this.basis[a] as Float64Array;
        const c = dot(basis, v, n);
        this.r[kept * M + a] = c;
        for (let i = 0; i < n; i++) v[i] = (v[i] as number) - c * (basis[i] as number);
      }
      const norm = Math.sqrt(dot(v, v, n));
      if (!(norm > 1e-10 * norm0) || !(norm0 > 0)) continue;
      for (let i = 0; i < n; i++) v[i] = (v[i] as number) / norm;
      this.r[kept * M + kept] = norm;
      this.kept[kept] = j;
      kept += 1;
    }
    if (kept === 0) return false;
    // Back-substitution of R γ = Qᵀ residual (R upper triangular in the order kept).
    for (let a = 0; a < kept; a++) this.qr[a] = dot(this.basis[a] as Float64Array, residual, n);
    for (let a = kept - 1; a >= 0; a--) {
      let value = this.qr[a] as number;
      for (let b = a + 1; b < kept; b++) value -= (this.r[b * M + a] as number) * (this.gammaKept[b] as number);
      this.gammaKept[a] = value / (this.r[a * M + a] as number);
    }
    this.gamma.fill(0);
    for (let a = 0; a < kept; a++) this.gamma[this.kept[a] as number] = this.gammaKept[a] as number;
    for (let i = 0; i < n; i++) {
      let value = (input[i] as number) + (residual[i] as number);
      for (let j = 0; j < m; j++) value -= (this.gamma[j] as number) * ((this.dX[j] as Float64Array)[i]! + (this.dF[j] as Float64Array)[i]!);
      if (!(value >= 0 && value <= 1)) return false;
      out[i] = value;
    }
    return true;
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

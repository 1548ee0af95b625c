import { InfeasibleError } from '../errors.js';

/**
 * An interval whose calls never end in the analytic plan: what fails or stays unresolved comes back within the
 * interval with probability 1 (a redial or repeat contact with no delay and no attempt cap, when every call fails or
 * none is resolved), so its offered calls are unbounded. The simulation, where each round takes time, still runs it.
 */
export class EndlessCallsError extends InfeasibleError {
  constructor() {
    super(
      'the analytic plan has no finite answer: every call of this interval comes back within it (as a redial or a repeat ' +
        'contact with no delay and no attempt cap) with probability 1, so its calls never end; give customers.redial or ' +
        'handling.repeatContact a delay or a probability below 1, or set customers.maxAttempts (staffsim run simulates it as it is)',
    );
  }
}

/** What the traffic equations need of a group: its unresolved share and where its answered calls are transferred. */
export interface TrafficGroup {
  /** Share of answered calls left unresolved (they may come back as repeat contacts). */
  readonly unresolved: number;
  /** Shares of answered calls transferred on at once, by target group index. */
  readonly transfers: readonly { readonly group: number; readonly share: number }[];
}

/** What of an interval's failures and unresolved calls comes back within the same interval. */
export interface IntervalFeedback {
  /** Redial probability of a failed call (abandoned or blocked). */
  readonly rho: number;
  /** Repeat-contact probability of an unresolved answer. */
  readonly p: number;
  /** Share of redials and of repeat contacts that land in the interval they were generated in. */
  readonly selfRedial: number;
  readonly selfRepeat: number;
}

/**
 * The traffic equations of one interval of a plan with agent groups, for given failure shares (abandoned + blocked
 * per call offered) per group: the calls by group and class (dialled calls so far), X[g · C + c]. Dialled calls of
 * class c arrive at group 0: the base plus what fails or stays unresolved in this interval and calls again within it
 * (from class c − 1; with no attempt cap, one class feeding itself); answered calls are transferred on at once.
 *
 * One instance serves every interval and round of a plan: its scratch space is allocated once.
 *
 * @example
 *   const equations = new TrafficEquations(setups, classes, capped);
 *   equations.solve(base, failure, feedback, X); // X[g · classes + c]: calls of class c offered to group g
 */
export class TrafficEquations {
  private readonly G: number;
  /** (I − T) by rows, [h · G + g], and the right-hand side e₀, both overwritten by the elimination. */
  private readonly matrix: Float64Array;
  private readonly rhs: Float64Array;
  /** Calls of every group per dialled call. */
  private readonly perDialled: Float64Array;
  /** Returning share per call offered to each group within the interval. */
  private readonly returning: Float64Array;

  constructor(
    private readonly groups: readonly TrafficGroup[],
    private readonly classes: number,
    private readonly capped: boolean,
  ) {
    this.G = groups.length;
    this.matrix = new Float64Array(this.G * this.G);
    this.rhs = new Float64Array(this.G);
    this.perDialled = new Float64Array(this.G);
    this.returning = new Float64Array(this.G);
  }

  /**
   * Writes the calls by group and class into `X` (length groups × classes).
   * @param base dialled calls of each class that arrive from outside the interval's own feedback
   * @param failure abandoned + blocked share per call offered, by group
   * @throws RangeError when transfers and immediate returns feed each other with probability 1
   */
  solve(base: Float64Array, failure: Float64Array, feedback: IntervalFeedback, X: Float64Array): Float64Array {
    const { G, classes: C, capped, matrix: a, returning } = this;
    for (let h = 0; h < G; h++) {
      const f = failure[h] as number;
      returning[h] = feedback.rho * f * feedback.selfRedial + feedback.p * (this.groups[h] as TrafficGroup).unresolved * (1 - f) * feedback.selfRepeat;
    }
    // (I − T) with T[h][g] = transfer share g → h × answered share of g; without an attempt cap, row 0 also − returning
    // (the one class feeds itself). Every class's right-hand side is (dialled calls) × e₀, so one solve for e₀ gives
    // the calls of every group per dialled call, v = (I − T)⁻¹ e₀, and class c's calls are dialled_c × v.
    a.fill(0);
    for (let h = 0; h < G; h++) a[h * G + h] = 1;
    for (let g = 0; g < G; g++) {
      for (const transfer of (this.groups[g] as TrafficGroup).transfers) {
        const at = transfer.group * G + g;
        a[at] = (a[at] as number) - transfer.share * (1 - (failure[g] as number));
      }
    }
    if (!capped) for (let g = 0; g < G; g++) a[g] = (a[g] as number) - (returning[g] as number);
    const v = this.perDialled;
    if (G === 1) v[0] = 1 / (a[0] as number);
    else {
      this.rhs.fill(0);
      this.rhs[0] = 1;
      solveLinear(a, this.rhs, G, v);
    }
    if (!(Number.isFinite(v[0] as number) && (v[0] as number) > 0)) {
      throw new EndlessCallsError();
    }
    for (let c = 0; c < C; c++) {
      let dialled = base[c] as number;
      if (capped && c > 0) for (let h = 0; h < G; h++) dialled += (returning[h] as number) * (X[h * C + c - 1] as number);
      for (let g = 0; g < G; g++) X[g * C + c] = dialled * (v[g] as number);
    }
    return X;
  }
}

/** Gaussian elimination with partial pivoting of the n × n system a (by rows) x = b, into x; a and b are overwritten. */
function solveLinear(a: Float64Array, b: Float64Array, n: number, x: Float64Array): void {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = row;
    if (Math.abs(a[pivot * n + col] as number) < 1e-12) {
      throw new EndlessCallsError();
    }
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const held = a[col * n + k] as number;
        a[col * n + k] = a[pivot * n + k] as number;
        a[pivot * n + k] = held;
      }
      const held = b[col] as number;
      b[col] = b[pivot] as number;
      b[pivot] = held;
    }
    for (let row = col + 1; row < n; row++) {
      const factor = (a[row * n + col] as number) / (a[col * n + col] as number);
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k] = (a[row * n + k] as number) - factor * (a[col * n + k] as number);
      b[row] = (b[row] as number) - factor * (b[col] as number);
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row] as number;
    for (let k = row + 1; k < n; k++) sum -= (a[row * n + k] as number) * (x[k] as number);
    x[row] = sum / (a[row * n + row] as number);
  }
}

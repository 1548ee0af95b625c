/**
 * What drives the difference between a variant and the first: its analytic total-cost difference split into the
 * contributions of the inputs that differ (Shapley values). Pure data, shared by the command line and the exports.
 */
export interface Explanation {
  /** The explained variant and the one it is compared with (the first). */
  readonly variant: string;
  readonly against: string;
  /** One part per differing input (grouped by scenario path), in the order of the scenario; they sum to `total`. */
  readonly parts: readonly { readonly path: string; readonly label: string; readonly contribution: number; readonly standardError?: number }[];
  /** The analytic difference: the variant's total − the first's. */
  readonly total: number;
  /** `exact`: every coalition evaluated; `sampled`: estimated from random orders (many inputs); `none`: not split (see `problem`). */
  readonly method: 'exact' | 'sampled' | 'none';
  /** Distinct coalitions evaluated, and plans made for them. */
  readonly evaluations: number;
  readonly plans: number;
  /** Why the difference cannot be split (a combination that is unstable, infeasible or invalid), else absent. */
  readonly problem?: string;
}

import { brentRoot } from './brent-root.js';

/**
 * Where the cost difference of two variants changes sign as one input moves from its scenario value towards the low
 * and the high end of its range: a bracketing root finder on each side where the difference has changed sign.
 *
 * A difference that is not finite (a variant unstable or infeasible there: an overloaded queue without patience has
 * an unbounded cost) is never crossed: on such a side the search first finds, by bisection, how far the difference
 * stays finite, and looks for a sign change only up to there. So a break-even is always a value where both variants
 * have finite costs on both sides of it, never a sign change "through infinity".
 */

/** A break-even value of an input. */
export interface BreakEven {
  /** The input's value where the difference is 0 (within the tolerance), or where it jumps across 0. */
  readonly value: number;
  /**
   * `root`: the difference passes through 0 there; `jump`: it jumps across 0 there (a solved staffing steps by a
   * whole agent); `step`: an integer input, between `value` rounded down and up (the difference at the integers on
   * either side has opposite signs; `value` is interpolated linearly between them).
   */
  readonly kind: 'root' | 'jump' | 'step';
  /** For `step`: the integers on either side, in the direction away from the scenario value. */
  readonly between?: readonly [number, number];
  /** Which side of the scenario value it is on. */
  readonly side: 'low' | 'high';
}

/** How far the difference stays finite on one side, when it is not finite at the end of the range. */
export interface FiniteLimit {
  readonly side: 'low' | 'high';
  /** The last value found with a finite difference, and the first without. */
  readonly finiteUntil: number;
  readonly notFiniteFrom: number;
}

export interface BreakEvenSearch {
  /** In order of distance from the scenario value (at most one per side). */
  readonly breakEvens: readonly BreakEven[];
  readonly finiteLimits: readonly FiniteLimit[];
  /** Evaluations of the difference made by the search (the three given values not counted). */
  readonly evaluations: number;
}

export interface BreakEvenInput {
  /** The scenario value, and the ends of the range (low ≤ base ≤ high). */
  readonly base: number;
  readonly low: number;
  readonly high: number;
  /** The difference at base, low and high (already computed); NaN or ±Infinity where it is not finite. */
  readonly atBase: number;
  readonly atLow: number;
  readonly atHigh: number;
  /** Whether the input takes whole numbers only (agents). */
  readonly integer?: boolean;
}

export interface BreakEvenOptions {
  /** Relative tolerance of a root (default 1e-9; 1e-6 relative is what the tests ask of a closed form). */
  readonly relativeTolerance?: number;
  /** Relative tolerance of a finite limit, found by bisection (default 1e-4). */
  readonly limitTolerance?: number;
  /** At most this many evaluations per side (default 100). */
  readonly maxEvaluationsPerSide?: number;
}

/**
 * Break-even values of one input on both sides of its scenario value (see the module comment).
 *
 * @param difference the cost difference at a value of the input (second variant − first); may be NaN or ±Infinity
 * @param margin optional: how far a value is from where the difference stops being finite — a number that is
 *   positive where the difference is finite, ≤ 0 where it is not, and continuous in between (such as the agent hours
 *   left over after the tasks). Given, the search for a finite limit interpolates it instead of halving the bracket
 *   (a few evaluations instead of a dozen); NaN where it is not known.
 * @example findBreakEvens((x) => 2 * x - 3, { base: 1, low: 0, high: 2, atBase: -1, atLow: -3, atHigh: 1 }).breakEvens[0].value // 1.5
 */
export function findBreakEvens(
  difference: (value: number) => number,
  input: BreakEvenInput,
  options: BreakEvenOptions = {},
  margin?: (value: number) => number,
): BreakEvenSearch {
  const breakEvens: BreakEven[] = [];
  const finiteLimits: FiniteLimit[] = [];
  let evaluations = 0;
  const counted = (value: number): number => {
    evaluations += 1;
    return difference(value);
  };
  if (!Number.isFinite(input.atBase)) return { breakEvens, finiteLimits, evaluations };
  if (input.atBase === 0) return { breakEvens: [{ value: input.base, kind: 'root', side: 'low' }], finiteLimits, evaluations };
  for (const side of ['low', 'high'] as const) {
    const end = side === 'low' ? input.low : input.high;
    const atEnd = side === 'low' ? input.atLow : input.atHigh;
    if (end === input.base) continue;
    let reach = end;
    let atReach = atEnd;
    if (!Number.isFinite(atEnd)) {
      const limit = finiteLimit(counted, input.base, end, input.integer === true, options.limitTolerance ?? 1e-4, margin);
      finiteLimits.push({ side, finiteUntil: limit.finiteUntil, notFiniteFrom: limit.notFiniteFrom });
      if (limit.finiteUntil === input.base) continue;
      reach = limit.finiteUntil;
      atReach = limit.atFiniteUntil;
    }
    if (Math.sign(atReach) === Math.sign(input.atBase)) continue;
    const found =
      input.integer === true
        ? integerStep(counted, input.base, input.atBase, reach, atReach, side)
        : continuousRoot(counted, input.base, input.atBase, reach, atReach, side, options);
    breakEvens.push(found);
  }
  breakEvens.sort((a, b) => Math.abs(a.value - input.base) - Math.abs(b.value - input.base));
  return { breakEvens, finiteLimits, evaluations };
}

function continuousRoot(
  difference: (value: number) => number,
  base: number,
  atBase: number,
  end: number,
  atEnd: number,
  side: 'low' | 'high',
  options: BreakEvenOptions,
): BreakEven {
  const root = brentRoot(difference, base, end, atBase, atEnd, {
    relativeTolerance: options.relativeTolerance ?? 1e-9,
    // a root at 0 (a price of 0) still ends: a tolerance in the scale of the range
    absoluteTolerance: 1e-12 * Math.max(Math.abs(base), Math.abs(end)),
    maxEvaluations: options.maxEvaluationsPerSide ?? 100,
  });
  // A jump: the bracket closed, but the difference at its ends is far from 0 compared with its values at the range's ends.
  const scale = Math.max(Math.abs(atBase), Math.abs(atEnd));
  const [fLow, fHigh] = root.fAtBracket;
  const jump = Math.min(Math.abs(fLow), Math.abs(fHigh)) > 1e-3 * scale;
  return { value: root.x, kind: jump ? 'jump' : 'root', side };
}

/** Bisection on whole numbers between base and end: the last integer on base's side of the sign change, and the next. */
function integerStep(difference: (value: number) => number, base: number, atBase: number, end: number, atEnd: number, side: 'low' | 'high'): BreakEven {
  let near = base;
  let atNear = atBase;
  let far = end;
  let atFar = atEnd;
  while (Math.abs(far - near) > 1) {
    const middle = Math.round((near + far) / 2);
    const atMiddle = difference(middle);
    if (Number.isFinite(atMiddle) && Math.sign(atMiddle) === Math.sign(atNear)) {
      near = middle;
      atNear = atMiddle;
    } else {
      far = middle;
      atFar = atMiddle;
    }
  }
  const value = Number.isFinite(atFar) && atNear !== atFar ? near + ((far - near) * atNear) / (atNear - atFar) : far;
  return { value, kind: 'step', between: [near, far], side };
}

/**
 * How far from base (finite there) towards end (not finite) the difference stays finite: a bracket [finite, notFinite]
 * narrowed until it is `tolerance` (relative) wide, or 1 for integers.
 *
 * Without a margin, by bisection. With one, by the Illinois variant of regula falsi on the margin: each probe goes
 * where the chord between the bracket's ends crosses 0 (the margin of an end kept twice running counts half), nudged
 * by half the tolerance to the side the last probe did not land on, so that one probe on each side closes the bracket
 * once the chord is accurate. Where three steps have not halved the bracket, the next one bisects it, so the search
 * never takes more than about twice the bisection's steps.
 */
function finiteLimit(
  difference: (value: number) => number,
  base: number,
  end: number,
  integer: boolean,
  tolerance: number,
  margin?: (value: number) => number,
): { finiteUntil: number; atFiniteUntil: number; notFiniteFrom: number } {
  let finite = base;
  let atFinite = Number.NaN;
  let notFinite = end;
  let marginFinite = margin?.(base) ?? Number.NaN;
  let marginNotFinite = margin?.(end) ?? Number.NaN;
  let lastLandedFinite = false;
  let bisectNext = false;
  // The safeguard: every three steps the bracket must have halved, else the next step bisects.
  let widthBefore = Math.abs(notFinite - finite);
  for (let i = 0; i < 60; i++) {
    const width = Math.abs(notFinite - finite);
    if (i % 3 === 0 && i > 0) {
      bisectNext = width > 0.5 * widthBefore;
      widthBefore = width;
    }
    const allowed = tolerance * Math.max(Math.abs(finite), Math.abs(notFinite), 1e-300);
    if (integer ? width <= 1 : width <= allowed) break;
    let middle = integer ? Math.round((finite + notFinite) / 2) : (finite + notFinite) / 2;
    const chord: boolean = !integer && !bisectNext && marginFinite > 0 && marginNotFinite <= 0 && Number.isFinite(marginNotFinite);
    if (chord) {
      const crossing = finite + ((notFinite - finite) * marginFinite) / (marginFinite - marginNotFinite);
      const towardsNotFinite = Math.sign(notFinite - finite);
      const nudged = crossing + (lastLandedFinite ? 1 : -1) * towardsNotFinite * 0.5 * allowed;
      // Strictly inside the bracket.
      const inside = Math.min(Math.max(nudged, Math.min(finite, notFinite) + 0.25 * allowed), Math.max(finite, notFinite) - 0.25 * allowed);
      if (Number.isFinite(inside)) middle = inside;
    }
    const atMiddle = difference(middle);
    const marginMiddle = margin?.(middle) ?? Number.NaN;
    const landedFinite = Number.isFinite(atMiddle);
    if (landedFinite) {
      finite = middle;
      atFinite = atMiddle;
      marginFinite = marginMiddle;
      // Illinois: the end that stays put twice running has its margin halved, so the chord does not creep up on one side.
      if (chord && lastLandedFinite) marginNotFinite /= 2;
    } else {
      notFinite = middle;
      marginNotFinite = marginMiddle;
      if (chord && !lastLandedFinite) marginFinite /= 2;
    }
    lastLandedFinite = landedFinite;
    if (!chord) bisectNext = false;
  }
  return { finiteUntil: finite, atFiniteUntil: atFinite, notFiniteFrom: notFinite };
}

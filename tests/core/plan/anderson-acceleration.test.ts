import { describe, expect, it } from 'vitest';
import { AndersonMemory } from '../../../src/core/plan/anderson-acceleration.js';

/** Iterates x ↦ F(x) with Anderson steps (plain steps where it declines); returns the rounds to reach 1e-12. */
function roundsToConverge(F: (x: Float64Array) => Float64Array, start: Float64Array, accelerate: boolean): { rounds: number; x: Float64Array } {
  const secant = new AndersonMemory(start.length, 3);
  const next = new Float64Array(start.length);
  let x: Float64Array = Float64Array.from(start);
  for (let round = 1; round <= 500; round++) {
    const mapped = F(x);
    if (mapped.every((value, i) => Math.abs(value - (x[i] as number)) < 1e-12)) return { rounds: round, x: mapped };
    x = accelerate && secant.step(x, mapped, next) ? Float64Array.from(next) : mapped;
  }
  return { rounds: Infinity, x };
}

describe('AndersonMemory', () => {
  // A slowly contracting linear map on shares, F(x) = A x + b (spectral radius 0.95), fixed point in [0, 1]².
  const F = (x: Float64Array): Float64Array => Float64Array.of(0.9 * x[0]! + 0.05 * x[1]! + 0.02, 0.04 * x[0]! + 0.91 * x[1]! + 0.01);

  it('reaches the fixed point of a linear map in a few rounds where plain iteration takes hundreds', () => {
    const plain = roundsToConverge(F, Float64Array.of(0, 0), false);
    const accelerated = roundsToConverge(F, Float64Array.of(0, 0), true);
    expect(accelerated.rounds).toBeLessThan(10);
    expect(plain.rounds).toBeGreaterThan(100);
    expect(accelerated.x[0]).toBeCloseTo(plain.x[0]!, 10);
    expect(accelerated.x[1]).toBeCloseTo(plain.x[1]!, 10);
  });

  it('declines the first step (no history) and after clear(), and a step that would leave [0, 1]', () => {
    const secant = new AndersonMemory(1, 3);
    const out = new Float64Array(1);
    expect(secant.step(Float64Array.of(0.5), Float64Array.of(0.6), out)).toBe(false);
    secant.clear();
    expect(secant.step(Float64Array.of(0.5), Float64Array.of(0.6), out)).toBe(false);
    // F(x) = 0.9 x + 0.15 has its fixed point at 1.5: the secant step leaves [0, 1], so the plain step is the caller's.
    expect(secant.step(Float64Array.of(0.6), Float64Array.of(0.69), out)).toBe(false);
    // F(x) = 1.5 x − 0.15: the secant step lands on its fixed point, 0.3.
    const other = new AndersonMemory(1, 3);
    other.step(Float64Array.of(0.5), Float64Array.of(0.6), out);
    expect(other.step(Float64Array.of(0.6), Float64Array.of(0.75), out)).toBe(true);
    expect(out[0]).toBeCloseTo(0.3, 12);
  });

  it('keeps only its memory of rounds, reusing its buffers (the same answers many rounds on)', () => {
    const first = roundsToConverge(F, Float64Array.of(0.3, 0.2), true);
    const again = roundsToConverge(F, Float64Array.of(0.3, 0.2), true);
    expect([...again.x]).toEqual([...first.x]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  digamma,
  entropyTerm,
  erf,
  erfc,
  logGamma,
  normalCdf,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../../src/core/queueing/special-functions.js';
import { expectClose } from './close-to.js';

// Reference values computed with mpmath 1.3 at 30 significant digits (loggamma, digamma, gammainc, erf, erfc, ncdf).
const RELATIVE = 1e-13;

describe('logGamma', () => {
  it.each([
    [0.5, 0.572364942924700087071713675677],
    [10, 12.8018274800814696112077178746],
    [1e-3, 6.90717888538385366168368145865],
    [123.456, 469.605547129929483500193998352],
    [1e6, 12815504.569147611659976971785],
  ])('matches ln Γ(%d) to 1e-13 relative', (x, expected) => {
    expectClose(logGamma(x), expected, RELATIVE);
  });

  it('is 0 at 1 and 2 to within 1e-14 absolute (the shift to the asymptotic range costs a few ulps of ln 10!)', () => {
    expectClose(logGamma(1), 0, 0, 1e-14);
    expectClose(logGamma(2), 0, 0, 1e-14);
  });

  it('rejects non-positive arguments', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1)).toThrow(RangeError);
  });
});

describe('digamma', () => {
  it.each([
    [1, -0.577215664901532860606512090082],
    [0.25, -4.2274535333762654080895301461],
    [10, 2.25175258906672110764745616389],
    [1e4, 9.21029037114284940357196581477],
  ])('matches ψ(%d) to 1e-13 relative', (x, expected) => {
    expectClose(digamma(x), expected, RELATIVE);
  });
});

describe('regularized incomplete gamma', () => {
  it.each([
    [3, 2, 0.323323583816936540530002525138],
    [0.5, 0.01, 0.112462916018284893366044542857],
    [10, 5, 0.0318280573062048117371865741808],
    [100, 120, 0.972136260109479338515814832144],
    [2.5, 40, 0.999999999999999160817488516839],
  ])('P(%d, %d) matches to 1e-13 relative', (a, x, expected) => {
    expectClose(regularizedGammaP(a, x), expected, RELATIVE);
  });

  it.each([
    [1, 50, 1.92874984796391778301734281653e-22],
    [10, 30, 0.00000712175086281557709164666083434],
  ])('Q(%d, %d) keeps full relative precision in the upper tail', (a, x, expected) => {
    expectClose(regularizedGammaQ(a, x), expected, 1e-12);
  });

  it('P(1, x) is the exponential CDF 1 − e^{−x}', () => {
    for (const x of [0.001, 0.5, 1, 3, 20]) expectClose(regularizedGammaP(1, x), -Math.expm1(-x), 1e-14);
  });

  it('P + Q = 1 and both stay in [0, 1]', () => {
    for (const [a, x] of [[0.3, 0.1], [5, 4], [5, 8], [50, 49], [1000, 1100]] as const) {
      const p = regularizedGammaP(a, x);
      const q = regularizedGammaQ(a, x);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
      expectClose(p + q, 1, 1e-13);
    }
  });

  it('gives 0 and 1 at the ends and rejects invalid arguments', () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaP(2, Infinity)).toBe(1);
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(1, -1)).toThrow(RangeError);
  });
});

describe('erf, erfc and the normal CDF', () => {
  it.each([
    [0.5, 0.520499877813046537682746653892],
    [1, 0.842700792949714869341220635083],
    [-2, -0.995322265018952734162069256367],
  ])('erf(%d) matches to 1e-13 relative', (x, expected) => {
    expectClose(erf(x), expected, RELATIVE);
  });

  it.each([
    [3, 0.0000220904969985854413727761295823],
    [10, 2.08848758376254475700078629496e-45],
    [-1, 1.84270079294971486934122063508],
  ])('erfc(%d) matches to 1e-12 relative, far into the tail', (x, expected) => {
    expectClose(erfc(x), expected, 1e-12);
  });

  it.each([
    [1.96, 0.975002104851779563787176307604],
    [-5, 0.000000286651571879193911673752332875],
    [-10, 7.6198530241605260659733432516e-24],
    [0.3, 0.617911422188952633072273622764],
  ])('Φ(%d) matches to 1e-12 relative', (z, expected) => {
    expectClose(normalCdf(z), expected, 1e-12);
  });

  it('Φ(0) is one half', () => {
    expectClose(normalCdf(0), 0.5, 1e-15);
  });
});

describe('entropyTerm', () => {
  it('equals t ln t − t + 1 away from 1 and its series near 1', () => {
    expectClose(entropyTerm(2), 2 * Math.log(2) - 1, 1e-15);
    expectClose(entropyTerm(0.5), 0.5 * Math.log(0.5) + 0.5, 1e-15);
    // f(1 + d) = d²/2 − d³/6 + d⁴/12 − … ; at d = 1e−6 the first two terms suffice to 1e−19.
    const d = 1e-6;
    expectClose(entropyTerm(1 + d), (d * d) / 2 - (d * d * d) / 6, 1e-9);
    expect(entropyTerm(1)).toBe(0);
    expect(entropyTerm(0)).toBe(1);
  });
});

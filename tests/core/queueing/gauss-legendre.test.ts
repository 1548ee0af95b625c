import { describe, it } from 'vitest';
import { integrateGaussLegendre } from '../../../src/core/queueing/gauss-legendre.js';
import { expectClose } from './close-to.js';

describe('integrateGaussLegendre', () => {
  it('integrates polynomials up to degree 31 exactly on one panel', () => {
    expectClose(integrateGaussLegendre((u) => u * u, 0, 3, 1), 9, 1e-14);
    expectClose(integrateGaussLegendre((u) => u ** 31, 0, 1, 1), 1 / 32, 1e-13);
  });

  it('integrates e^{cu} to double precision when each panel keeps |c|·width ≤ 2', () => {
    const c = -37;
    const exact = -Math.expm1(c * 3) / -c;
    expectClose(integrateGaussLegendre((u) => Math.exp(c * u), 0, 3, Math.ceil((37 * 3) / 2)), exact, 1e-14);
  });
});

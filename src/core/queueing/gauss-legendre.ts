/**
 * Gauss–Legendre quadrature on [a, b], split into equal panels.
 *
 * 16 nodes per panel integrate polynomials of degree ≤ 31 exactly; for e^{c·u} over a panel with |c·width| ≤ 2
 * the error is below 1e−25 relative, which is how the Erlang A code sizes its panels.
 */

const NODES = 16;

/** Nodes and weights on [−1, 1], by Newton's method on the Legendre polynomial (Numerical Recipes `gauleg`). */
function legendreRule(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i += 1) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration += 1) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j += 1) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      derivative = (n * (z * p1 - p2)) / (z * z - 1);
      const previous = z;
      z = previous - p1 / derivative;
      if (Math.abs(z - previous) <= 1e-16) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const weight = 2 / ((1 - z * z) * derivative * derivative);
    weights[i] = weight;
    weights[n - 1 - i] = weight;
  }
  return { nodes, weights };
}

const RULE = legendreRule(NODES);

/**
 * ∫_a^b f(u) du by `panels` equal panels of 16-point Gauss–Legendre.
 *
 * @param f a smooth integrand
 * @param a lower limit
 * @param b upper limit (≥ a)
 * @param panels number of panels; integer ≥ 1
 * @example integrateGaussLegendre((u) => u * u, 0, 3, 1) // ≈ 9
 */
export function integrateGaussLegendre(f: (u: number) => number, a: number, b: number, panels: number): number {
  const width = (b - a) / panels;
  const halfWidth = width / 2;
  let total = 0;
  for (let panel = 0; panel < panels; panel += 1) {
    const middle = a + (panel + 0.5) * width;
    let sum = 0;
    for (let i = 0; i < NODES; i += 1) {
      sum += (RULE.weights[i] as number) * f(middle + halfWidth * (RULE.nodes[i] as number));
    }
    total += sum * halfWidth;
  }
  return total;
}

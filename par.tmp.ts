import { alternate, median } from './tests/bench/measure.ts';
const cmd = (root: string, w: number) => ['node', `${root}/bin/staffsim.js`, 'run', 'tests/bench/fixtures/reference-workload.yaml', '--json', '--replications', '8', '--workers', String(w)];
const runs = alternate([cmd('/tmp/old', 1), cmd('/tmp/old', 2), cmd('/work/wt-startup', 1), cmd('/work/wt-startup', 2)], 3);
const [o1, o2, n1, n2] = runs.map((r) => r.map((x) => x));
const m = (r: typeof o1, k: 'wallSeconds' | 'cpuSeconds') => median(r!.map((x) => x[k])).toFixed(2);
console.log(`old: 1 worker wall ${m(o1,'wallSeconds')} cpu ${m(o1,'cpuSeconds')}; 2 workers wall ${m(o2,'wallSeconds')} cpu ${m(o2,'cpuSeconds')}`);
console.log(`new: 1 worker wall ${m(n1,'wallSeconds')} cpu ${m(n1,'cpuSeconds')}; 2 workers wall ${m(n2,'wallSeconds')} cpu ${m(n2,'cpuSeconds')}`);
console.log('per-round speed-ups old', o1!.map((x, i) => (x.wallSeconds / o2![i]!.wallSeconds).toFixed(2)).join(' '), 'new', n1!.map((x, i) => (x.wallSeconds / n2![i]!.wallSeconds).toFixed(2)).join(' '));

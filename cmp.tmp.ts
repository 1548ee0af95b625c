import { alternate, median, pairedRatio } from './tests/bench/measure.ts';
const NODE = ['node', '-e', '0'];
const cases = [['--version'], ['--help'], ['erlang', '--arrivals-per-hour', '200', '--aht-seconds', '180'], ['plan', 'scenarios/municipal-contact-centre.yaml']];
const commands = [NODE, ...cases.map((c) => ['node', '/tmp/old/bin/staffsim.js', ...c]), ...cases.map((c) => ['node', 'bin/staffsim.js', ...c])];
const runs = alternate(commands, 5);
const node = runs[0]!.map((r) => r.cpuSeconds);
console.log(`node -e 0 median ${(median(node) * 1000).toFixed(0)} ms`);
cases.forEach((c, i) => {
  const old = runs[1 + i]!.map((r) => r.cpuSeconds); const now = runs[1 + cases.length + i]!.map((r) => r.cpuSeconds);
  console.log(`${c.join(' ').padEnd(50)} before ${(median(old) * 1000).toFixed(0)} ms ${pairedRatio(old, node).toFixed(2)}×   after ${(median(now) * 1000).toFixed(0)} ms ${pairedRatio(now, node).toFixed(2)}×`);
});

/**
 * `npm run test:fuzz` after the build: the fuzz tests with 100,000 cases each (FUZZ_RUNS, unless already set), on any
 * shell — the variable is set here rather than in package.json, where `FUZZ_RUNS=… vitest` works in POSIX shells only.
 *
 *   node scripts/test-fuzz.mjs [vitest arguments…]      e.g. `FUZZ_RUNS=20000 npm run test:fuzz`
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '100000' };
const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'quick', 'tests/fuzz/', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal === null ? 1 : 128);
});

/**
 * `npm test` after the build: the type check and the quick tests side by side. The type check keeps one core busy for
 * about 15 s; run first, it would leave the other core idle all that time.
 *
 *   node scripts/test.mjs [vitest arguments…]      e.g. `npm test -- tests/cli` (the type check always covers everything)
 *
 * The tests' output streams as they run; the type check's follows once both are done. The exit code is the tests' when
 * they fail, else the type check's.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `node script …args` in the repository; resolves with its exit code (and its output when `capture`). */
function run(script, args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), output }));
  });
}

const typecheck = run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.check.json'], true);
const tests = await run('node_modules/vitest/vitest.mjs', ['run', '--project', 'quick', ...process.argv.slice(2)], false);
const types = await typecheck;
process.stdout.write(`\n> tsc -p tsconfig.check.json (npm run typecheck): ${types.code === 0 ? 'no type errors' : 'type errors'}\n${types.output}`);
process.exitCode = tests.code !== 0 ? tests.code : types.code;

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two sets of tests, both run in CI (.ci/run):
 * - `npm test` (project `quick`): every test file but the long ones, in under two minutes on two cores;
 * - `npm run test:long` (project `long`): the `*.long.test.ts` files, validations that take long (statistical agreement
 *   of long simulations, the largest inputs, every shipped baseline checked again with --quick, the explorer driven in
 *   a real terminal).
 * `npx vitest run` runs both; `npx vitest run FILE` runs one file, whichever set it belongs to.
 */
const LONG = ['tests/**/*.long.test.ts', 'tests/**/*.long.test.tsx'];

export default defineConfig({
  // JSX compiled for React's production build (below), whatever NODE_ENV the shell has.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  test: {
    // One test file per core: vitest's default leaves one core to its own process, which mostly waits.
    maxWorkers: availableParallelism(),
    // Test files share their worker's loaded modules (nothing here mocks modules or stubs globals): importing the
    // command line, the explorer and their libraries once per worker, not once per file.
    isolate: false,
    // React as staffsim ships it (bin/staffsim.js and the build set production): the explorer's tests take about a fifth
    // less time than with React's development build.
    env: { NODE_ENV: 'production' },
    // CI cleared in every worker before any test file loads (see the file).
    setupFiles: ['tests/setup/outside-ci.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'quick', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: ['tests/bench/**', 'node_modules/**', ...LONG] } },
      { extends: true, test: { name: 'long', include: LONG, exclude: ['tests/bench/**', 'node_modules/**'] } },
    ],
  },
});

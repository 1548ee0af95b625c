#!/usr/bin/env node
// staffsim command-line entry point. Sets V8's tier-up budget for short commands (v8-flags.js), the production React
// reconciler, and maps NO_COLOR / --no-color before any module that reads them is loaded, then runs the built CLI.
import { writeSync } from 'node:fs';
import { applyV8Flags } from './v8-flags.js';

applyV8Flags();
process.env.NODE_ENV ??= 'production';
if (process.env.NO_COLOR || process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
// The build is bundled (scripts/build.mjs); with --debug, stack traces point into src/ through its source maps.
if (process.argv.includes('--debug') || process.env.DEBUG !== undefined) process.setSourceMapsEnabled(true);

// A reader that stops early (`staffsim plan … | head`) is not an error. Output that cannot be written at all (stdout
// redirected to a full disk, a read-only file) is not a bug in staffsim either: one line, exit 2, as for `--out`.
// Messages that cannot be written (stderr on a full disk) are lost, but the command goes on and keeps its exit code.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `staffsim: standard output: cannot write (${writeFailure(error)})\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left.
  }
  process.exit(2);
});
process.stderr.on('error', () => {});

/** Why a write failed, in the words `--out` uses. */
function writeFailure(error) {
  if (error.code === 'ENOSPC' || error.code === 'EDQUOT') return 'no space left on the device';
  if (error.code === 'EROFS') return 'read-only file system';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return error.message;
}

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write("staffsim: the build is missing; run 'npm install' (or 'npm run build') in the staffsim folder first.\n");
    process.exit(70);
  }
  throw error;
}
process.exitCode = await main(process.argv.slice(2));

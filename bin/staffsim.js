#!/usr/bin/env node
// staffsim command-line entry point. Sets V8's tier-up budget for short commands (v8-flags.js), the production React
// reconciler, and maps NO_COLOR / --no-color before any module that reads them is loaded, then runs the built CLI.
import { applyV8Flags } from './v8-flags.js';

applyV8Flags();
process.env.NODE_ENV ??= 'production';
if (process.env.NO_COLOR || process.argv.includes('--no-color')) process.env.FORCE_COLOR = '0';
// The build is bundled (scripts/build.mjs); with --debug, stack traces point into src/ through its source maps.
if (process.argv.includes('--debug') || process.env.DEBUG !== undefined) process.setSourceMapsEnabled(true);

// A reader that stops early (`staffsim plan … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
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

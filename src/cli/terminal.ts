import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.js';

/** The scenario `staffsim` (and `npm start`) opens: the shipped municipal contact centre. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/municipal-contact-centre.yaml', import.meta.url));

/** True when a variable such as CI is set the way `is-in-ci` reads it (set, and not "0" or "false"). */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false';
}

/**
 * Whether `staffsim` with no command should open the explorer: stdin and stdout are terminals and this is not CI.
 * Otherwise it prints the help.
 */
export function canExplore(io: CliIo): boolean {
  return io.stdinIsTTY && io.stdout.isTTY === true && !isSet(io.env['CI']) && !isSet(io.env['CONTINUOUS_INTEGRATION']);
}

// The V8 setting every staffsim process runs with (bin/staffsim.js applies it first; its worker threads share it).
//
// V8 compiles a function with its optimizing compiler (TurboFan, on a second thread) once the function has run a while:
// by default after about 66 KB of bytecode executed (--interrupt-budget=67584), counted three times. Most staffsim
// commands are short — a week's plan is a few milliseconds of arithmetic once warm — and by that default V8 spends
// more CPU optimizing the plan, the YAML parser and the schema than they then run: about a quarter of the CPU of
// `staffsim plan` on the default scenario (valgrind's instruction count of the whole process, single-threaded: 2.69 G
// by default, 1.95 G with the budget below; `node -e 0` is 0.51 G). Long runs lose nothing measurable: the
// simulation's event loop and a year's plan pass the larger budget within milliseconds and are optimized all the same
// (`staffsim run` of the reference workload, a year's plan, `compare` and `sensitivity`: the same CPU or less).
//
// A budget given by the user (`node --interrupt-budget=… bin/staffsim.js`, or `--interrupt_budget`: V8 reads `_` as
// `-`) is left as it is. Node does not allow V8's budget in NODE_OPTIONS.
import { setFlagsFromString } from 'node:v8';

/** Bytecode executed between a function's tier-up checks: about 7× V8's default (67,584), measured best for plans. */
export const INTERRUPT_BUDGET = 500_000;

/** A flag that sets V8's interrupt budget itself (not `--interrupt-budget-for-feedback-allocation`), in either spelling. */
const BUDGET_FLAG = /^--interrupt[-_]budget(=|$)/;

/**
 * Sets the interrupt budget unless the process was started with one. Call before loading the command line.
 *
 * @param {{ execArgv?: readonly string[], setFlags?: (flags: string) => void }} [options] the process's Node and V8
 *   flags, and V8's setter (tests pass their own)
 * @returns {string | null} the flag set, or null when the user gave a budget
 * @example applyV8Flags() // '--interrupt-budget=500000'
 */
export function applyV8Flags({ execArgv = process.execArgv, setFlags = setFlagsFromString } = {}) {
  if (execArgv.some((flag) => BUDGET_FLAG.test(flag))) return null;
  const flag = `--interrupt-budget=${INTERRUPT_BUDGET}`;
  setFlags(flag);
  return flag;
}

/**
 * Every command's usage line and one-line description, in the order `staffsim --help` lists them.
 *
 * The command modules take these for their own registration; `staffsim --help`, `--version` and a mistyped command
 * need only these lines, so they load no command module (src/cli/main.ts), and a command's modules are loaded when
 * that command runs.
 */
export const COMMAND_LINES = {
  erlang: {
    command: 'erlang',
    describe: 'One-shot Erlang C / A calculator (metrics for --agents, or the fewest agents meeting the targets), and Erlang B for lines and trunks',
  },
  plan: {
    command: 'plan <scenario>',
    describe: 'Per-interval requirements of each variant (Erlang C/A, or simulation-verified with --method isa), and shifts with --shifts',
  },
  run: {
    command: 'run <scenario>',
    describe: 'Simulate every variant (discrete-event, replications in parallel) and report each metric with its 95% interval',
  },
  compare: {
    command: 'compare <scenarios..>',
    describe: 'Every variant of one or more scenarios side by side, with costs and differences against the first variant',
  },
  sweep: { command: 'sweep <scenario>', describe: 'The total-cost curve over one parameter, each cost line, and the cheapest point' },
  schema: { command: 'schema', describe: 'Print the JSON Schema of the scenario format (for editors: yaml-language-server, VS Code)' },
  import: {
    command: 'import <counts>',
    describe: 'Historical interval counts (CSV, as ACD and telephony systems export them) → the calendar, demand (and handle time) sections of a scenario (YAML, or JSON with --json)',
  },
  sensitivity: {
    command: 'sensitivity <scenario>',
    describe: 'How far the cost difference of two variants moves with each input, and where it breaks even',
  },
  check: {
    command: 'check <paths..>',
    describe: 'Regression checks for CI: simulate scenario files, check their expect: assertions and baselines; exit 1 on a failure',
  },
  explore: {
    command: 'explore [scenario]',
    describe: 'Interactive terminal UI: turn the knobs of each variant and see service and cost change at once, variant beside variant',
  },
} as const satisfies Record<string, { command: string; describe: string }>;

export type CommandName = keyof typeof COMMAND_LINES;

import { describe, expect, it } from 'vitest';
import { unknownArgumentsMessage } from '../../src/cli/flag-typos.js';
import { runCli } from '../helpers/fake-io.js';

describe('unknownArgumentsMessage', () => {
  it('names a mistyped option as typed, with the option it most likely meant', () => {
    expect(unknownArgumentsMessage('Unknown argument: replicatons', ['run', 'a.yaml', '--replicatons', '3'], ['replications', 'seed', 'json'])).toBe(
      'unknown option --replicatons; did you mean --replications?',
    );
  });

  it('lists several unknown options and extra arguments in one line', () => {
    expect(unknownArgumentsMessage('Unknown arguments: replicatons, sed, b.yaml', ['run', 'a.yaml', 'b.yaml', '--replicatons=3', '--sed', '1'], ['replications', 'seed'])).toBe(
      'unknown options --replicatons (did you mean --replications?), --sed (did you mean --seed?); unexpected argument "b.yaml"',
    );
  });

  it('suggests nothing for an option unlike any other', () => {
    expect(unknownArgumentsMessage('Unknown argument: frobnicate', ['run', '--frobnicate'], ['replications', 'seed'])).toBe('unknown option --frobnicate');
  });

  it('leaves other messages to yargs', () => {
    expect(unknownArgumentsMessage('Missing required argument: set', ['sweep'], ['set'])).toBeNull();
  });
});

describe('usage errors on the command line', () => {
  it.each([
    [['run', 'scenarios/textbook-erlang-c.yaml', '--replicatons', '3'], 'run', 'unknown option --replicatons; did you mean --replications?'],
    [['plan', 'scenarios/textbook-erlang-c.yaml', '--methd', 'isa'], 'plan', 'unknown option --methd; did you mean --method?'],
    [['erlang', '--arrivals-per-hour', '100', '--aht-seconds', '180', '--max-ocupancy', '0.8'], 'erlang', 'unknown option --max-ocupancy; did you mean --max-occupancy?'],
    [['check', 'scenarios/', '--junitt', 'r.xml'], 'check', 'unknown option --junitt; did you mean --junit?'],
    [['sweep', 'scenarios/textbook-erlang-c.yaml'], 'sweep', 'Missing required argument: set'],
    [['run', 'scenarios/textbook-erlang-c.yaml', '--replications', 'many'], 'run', '--replications: expected an integer ≥ 1 (got many)'],
  ])('%j: says what is wrong and points to that command’s help', async (argv, command, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`staffsim: ${message}\nRun 'staffsim ${command} --help' for usage.\n`);
  });

  it('points a mistyped command to the general help', async () => {
    const run = await runCli(['ruun']);
    expect(run.stderr).toBe(`staffsim: unknown command "ruun"; did you mean run?\nRun 'staffsim --help' for usage.\n`);
  });
});

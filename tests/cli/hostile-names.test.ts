/**
 * Names from a scenario file are shown, never obeyed: no output of any command carries a control character that a
 * terminal or a CI log would act on, and no name can start a line of its own (a forged GitHub annotation).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fake-io.js';

const HOSTILE = 'tests/fixtures/cli/hostile-names.yaml';
/** Anything but tab, line feed and carriage return among C0, DEL, C1 and the bidirectional overrides. */
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Lines that GitHub would read as workflow commands (it ignores leading spaces). */
function commands(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trimStart().startsWith('::'));
}

describe('hostile names', () => {
  it.each([
    ['plan', ['plan', HOSTILE]],
    ['run', ['run', HOSTILE, '--workers', '1']],
    ['compare', ['compare', HOSTILE, '--workers', '1']],
    ['compare --analytic', ['compare', HOSTILE, '--analytic']],
    ['sweep', ['sweep', HOSTILE, '--set', 'staffing.agents=3:4:1']],
    ['plan with a bad --variant', ['plan', HOSTILE, '--variant', 'x\u001b[2J']],
  ])('%s shows them escaped', async (_name, argv) => {
    const run = await runCli(argv);
    expect(run.stdout + run.stderr).not.toMatch(ACTIVE);
    expect(commands(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout + run.stderr).toContain('\\u001b');
  });

  it('check on GitHub Actions writes only its own annotations, each on one line, with the name percent-encoded', async () => {
    const run = await runCli(['check', HOSTILE, '--workers', '1'], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(ACTIVE);
    const annotations = commands(run.stderr);
    expect(annotations.length).toBe(2);
    for (const line of annotations) expect(line).toMatch(/^::error file=tests\/fixtures\/cli\/hostile-names\.yaml,line=\d+,col=\d+,title=staffsim check%3A /);
    // The title is a property: the name is shown escaped (\n, \r, \u202e) and its : and , percent-encoded.
    expect(annotations[0]).toContain('title=staffsim check%3A lean\\n%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged annotation\\r\\u202egnp.exe%3A serviceLevel');
    expect(commands(run.stdout)).toEqual([]);
  });

  it('the Markdown export escapes the currency and every name, so the tables keep their columns', async () => {
    const run = await runCli(['compare', HOSTILE, '--analytic', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<b>');
    expect(run.stdout).toContain('\\<b\\>SEK\\</b\\>\\|x');
    const table = run.stdout.split('\n').filter((line) => line.startsWith('| '));
    const columns = (line: string): number => line.replaceAll('\\|', '').split('|').length;
    for (const line of table.slice(0, 4)) expect(columns(line)).toBe(columns(table[0] as string));
  });
});

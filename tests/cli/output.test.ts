/**
 * Every command that writes a file checks it can before any work (issue: `compare --replications 200 --out
 * /missing/x.xlsx` used to simulate for seconds, then exit 2). The replication counts below would take hours if the
 * check came after the work: these tests would time out.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fake-io.js';

const municipal = 'scenarios/municipal-contact-centre.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-out-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const missing = (name: string): string => join(folder, 'missing', name);

describe('--out is checked before any work', () => {
  it.each([
    ['compare', ['compare', municipal, '--replications', '100000', '--workers', '1', '--out', missing('x.xlsx')], 'out', 'x.xlsx'],
    ['run', ['run', municipal, '--replications', '100000', '--workers', '1', '--out', missing('x.csv')], 'out', 'x.csv'],
    ['run --calls', ['run', municipal, '--replications', '100000', '--workers', '1', '--calls', missing('calls.csv')], 'calls', 'calls.csv'],
    ['sweep', ['sweep', municipal, '--simulate', '--replications', '100000', '--workers', '1', '--set', 'staffing.shrinkage=0:0.5:0.01', '--out', missing('x.md')], 'out', 'x.md'],
    ['plan', ['plan', municipal, '--method', 'isa', '--replications', '100000', '--out', missing('plan.json')], 'out', 'plan.json'],
    ['import', ['import', 'tests/fixtures/import/bank-calls-10-weekdays.csv', '--out', missing('demand.yaml')], 'out', 'demand.yaml'],
  ])('%s exits 2 at once, naming the flag and the reason', async (_name, argv, flag, file) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`staffsim: --${flag}: ${missing(file)}: cannot write here (the folder does not exist)\n`);
    expect(run.stdout).toBe('');
  });

  it('tells an unknown extension before any work too', async () => {
    const run = await runCli(['compare', municipal, '--replications', '100000', '--workers', '1', '--out', join(folder, 'x.pdf')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^staffsim: --out: cannot tell the format from ".*x\.pdf"; add --format csv\|json\|md\|xlsx\|html\n/);
  });

  it('check --update-baseline into a folder that cannot be made exits 2 with the reason, before simulating', async () => {
    const file = join(folder, 'a-file');
    writeFileSync(file, '');
    const run = await runCli(['check', 'tests/fixtures/check/small.yaml', '--baseline', join(file, 'baselines'), '--update-baseline']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`staffsim: --baseline: cannot create or write the folder ${join(file, 'baselines')} (${file} is not a folder)\n`);
    expect(readdirSync(folder)).toContain('a-file');
  });
});

describe('--out whose extension names another format', () => {
  it.each([
    ['plan --format', ['plan', municipal, '--format', 'json'], 'plan.xlsx', /plan\.xlsx" is named as a xlsx file, but --format json writes json; name it \.json, or leave out --format json/],
    ['plan --json', ['plan', municipal, '--json'], 'plan.csv', /plan\.csv" is named as a csv file, but --json writes json/],
    ['plan .yaml without --shifts', ['plan', municipal], 'plan.yaml', /plan\.yaml" is named as a yaml file, which holds the shifts section of --shifts/],
    ['run', ['run', municipal, '--replications', '100000', '--workers', '1', '--format', 'csv'], 'run.json', /run\.json" is named as a json file, but --format csv writes csv/],
    ['compare', ['compare', municipal, '--replications', '100000', '--workers', '1', '--format', 'md'], 'compare.html', /compare\.html" is named as a html file, but --format md writes md/],
    ['sweep', ['sweep', municipal, '--simulate', '--replications', '100000', '--workers', '1', '--set', 'staffing.shrinkage=0:0.5:0.01', '--format', 'json'], 'sweep.csv', /sweep\.csv" is named as a csv file, but --format json writes json/],
    ['sensitivity', ['sensitivity', municipal, '--format', 'csv'], 'sensitivity.md', /sensitivity\.md" is named as a md file, but --format csv writes csv/],
    ['import', ['import', 'tests/fixtures/import/bank-calls-10-weekdays.csv'], 'demand.json', /demand\.json" is named as a json file, but import without --json writes yaml; name it \.yaml$/m],
    ['import --json', ['import', 'tests/fixtures/import/bank-calls-10-weekdays.csv', '--json'], 'demand.yaml', /demand\.yaml" is named as a yaml file, but --json writes json; name it \.json, or leave out --json/],
  ])('%s exits 2 before any work and writes no file', async (_name, argv, file, message) => {
    const out = join(folder, file);
    const run = await runCli([...argv, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toBe('');
    expect(readdirSync(folder)).not.toContain(file);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planVariant } from '../../../src/core/plan/interval-plan.js';
import { readScenarioFile } from '../../../src/scenario/load.js';
import { runCli } from '../../helpers/fake-io.js';

const NIGHT_LINE = 'tests/fixtures/shifts/night-line.yaml';
const folder = mkdtempSync(join(tmpdir(), 'staffsim-night-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('night shifts: plan --shifts, the pasted shifts, and their simulation', () => {
  it('plans shifts that cross midnight for a 24/7 line, which cover every hour once pasted into the scenario', async () => {
    const shiftsFile = join(folder, 'shifts.yaml');
    const planned = await runCli(['plan', NIGHT_LINE, '--shifts', '--strict', '--out', shiftsFile]);
    expect(planned.code).toBe(0);
    const section = readFileSync(shiftsFile, 'utf8');
    // Some shifts end on the next day, written as the next day's clock.
    const night = [...section.matchAll(/start: "(\d\d):00", end: "(\d\d):00"/g)].filter(([, start, end]) => Number(end) < Number(start) && end !== '00');
    expect(night.length).toBeGreaterThan(0);

    // The scenario with its target replaced by the planned shifts (the templates stay).
    const text = readFileSync(NIGHT_LINE, 'utf8');
    const pasted = text.replace(/staffing:\n(?:  .*\n)+/, `${section.replace(/^#.*\n/, '')}`);
    const withShifts = join(folder, 'night-line-shifts.yaml');
    writeFileSync(withShifts, pasted);
    const model = readScenarioFile(withShifts).variants[0]?.model;
    expect(model?.staffing.kind).toBe('shifts');
    const target = readScenarioFile(NIGHT_LINE).variants[0]?.model;
    if (model === undefined || target === undefined) throw new Error('no model');
    // Every hour of every day has at least the agents the target needs (02:00 included: covered after midnight).
    const needed = planVariant(target).rows;
    const scheduled = planVariant(model).rows;
    for (const [i, row] of needed.entries()) expect(scheduled[i]?.onPhoneAgents).toBeGreaterThanOrEqual(row.onPhoneAgents - 1e-9);

    // The simulation answers calls at night: at 02:00 on every day, the service level is far from 0.
    const run = await runCli(['run', withShifts, '--replications', '2', '--workers', '1', '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { variants: { intervals: { day: number; start: string; serviceLevel: { mean: number }; paidAgentHours: { mean: number } }[] }[] };
    const atTwo = json.variants[0]?.intervals.filter((row) => row.start === '02:00') ?? [];
    expect(atTwo).toHaveLength(7);
    for (const row of atTwo) {
      expect(row.paidAgentHours.mean).toBeGreaterThan(0);
      expect(row.serviceLevel.mean).toBeGreaterThan(0.5);
    }
    // Each night is paid once: the week's paid hours are those the shift plan reported (Monday's early hours by
    // Sunday's night, the last night's hours after the run's end not at all).
    const plannedHours = Number(/for ([\d,.]+) paid hours over 7 day/.exec(planned.stdout)?.[1]?.replace(/,/g, ''));
    expect(plannedHours).toBeGreaterThan(0);
    const paid = (json.variants[0]?.intervals ?? []).reduce((sum, row) => sum + row.paidAgentHours.mean, 0);
    expect(paid).toBeCloseTo(plannedHours, 6);
  });

  it('refuses the same night shift in a calendar that closes on Sundays, with its location', async () => {
    const text = readFileSync(NIGHT_LINE, 'utf8')
      .replace('close: "24:00"', 'close: "24:00"\n  closedWeekdays: [sun]')
      .replace(/staffing:\n(?:  .*\n)+/, 'staffing:\n  shifts:\n    - { name: night, start: "22:00", end: "06:00", agents: 4 }\n');
    const file = join(folder, 'closes.yaml');
    writeFileSync(file, text);
    const run = await runCli(['plan', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^staffsim: .*closes\.yaml:\d+:\d+: staffing\.shifts\[0\]\.end: a shift that crosses midnight \(22:00–06:00\) needs a calendar open around the clock every day .*; this calendar closes on some days \(closedWeekdays or holidays\)\n$/,
    );
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { fakeServices, KEY, lineWith, renderExplorer, SHIFTS } from './helpers.js';
import type { Rendered } from './helpers.js';

let screen: Rendered | null = null;
let folder = '';

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'staffsim-explore-'));
});

afterEach(() => {
  screen?.unmount();
  screen = null;
  rmSync(folder, { recursive: true, force: true });
});

async function open(options: Parameters<typeof renderExplorer>[0] = {}): Promise<Rendered> {
  screen = await renderExplorer(options);
  return screen;
}

describe('the explorer screen', () => {
  it('shows the scenario, the variant tabs, the source of the figures, the panels, the charts and the key footer', async () => {
    const s = await open();
    const frame = s.frame();
    expect(frame).toContain('staffsim explore · Small centre');
    expect(frame).toContain('analytic estimates (Erlang A)');
    expect(frame).toContain('[1 lean]');
    expect(frame).toContain('2 good');
    expect(frame).toContain('Parameters: lean');
    for (const label of ['SL target', 'target within', 'handle time', '1st-contact res.', 'patience', 'redial prob.', 'repeat prob.', 'shrinkage', 'agent hour', 'unresolved case']) {
      expect(frame).toContain(label);
    }
    expect(lineWith(frame, 'SL target')).toMatch(/SL target\s+60 %/);
    expect(lineWith(frame, 'handle time')).toMatch(/240 s/);
    expect(lineWith(frame, 'agent hour')).toMatch(/40 EUR/);
    for (const figure of ['service level', 'ASA', 'abandoned', 'attempts/case', 'contacts/res.', 'paid agent h', 'total cost', 'cost/resolved']) {
      expect(frame).toContain(figure);
    }
    // Fake figures: service level = target + 5 points, for lean 65% and for good 85%, difference +20pp.
    expect(lineWith(frame, 'service level')).toMatch(/65\.0%\s+85\.0%\s+\+20\.0pp/);
    expect(frame).toContain('Service level % · lean');
    expect(frame).toContain('Attempts per interval');
    expect(frame).toContain('Cost breakdown (EUR');
    expect(frame).toMatch(/08:00/);
    expect(frame).toContain('? help');
    expect(frame).toContain('q quit');
  });

  it('fits an 80 × 24 terminal: at most 23 lines of at most 80 characters', async () => {
    const path = join(import.meta.dirname, '..', '..', 'scenarios', 'municipal-contact-centre.yaml');
    const s = await open({ path, columns: 80, rows: 24 });
    const lines = s.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    // Three variants at 80 columns: one difference column, for the selected variant (or the second).
    expect(s.frame()).toMatch(/switchb.*mediocre.*Δ medi.*world/);
    expect(s.frame()).toContain('s sweep');
    expect(s.frame()).toContain('Service level %');
    expect(s.frame()).toContain('Cost breakdown');
  });

  it('uses a larger terminal: taller charts and a difference column for every variant', async () => {
    const small = await open({ columns: 80, rows: 24 });
    const smallLines = small.frame().split('\n').length;
    small.unmount();
    const large = await open({ columns: 140, rows: 40 });
    expect(large.frame().split('\n').length).toBeGreaterThan(smallLines + 10);
    expect(large.frame()).toContain('Δ = variant − lean');
  });
});

describe('turning the knobs', () => {
  it('→ raises the selected parameter by a step and recomputes the figures at once', async () => {
    const s = await open();
    await s.press(KEY.right);
    const frame = s.frame();
    expect(lineWith(frame, 'SL target')).toMatch(/\*61 %/);
    expect(lineWith(frame, 'service level')).toMatch(/66\.0%\s+85\.0%\s+\+19\.0pp/);
    expect(frame).toContain('(edited)');
    expect(frame).toContain('1 lean*');
  });

  it('shift+← takes a large step, ↓ selects the next parameter, - and + step too', async () => {
    const s = await open();
    await s.press(KEY.shiftLeft);
    expect(lineWith(s.frame(), 'SL target')).toMatch(/55 %/);
    await s.press(KEY.down, KEY.down, '+');
    expect(lineWith(s.frame(), 'handle time')).toMatch(/\*250 s/);
    await s.press('-', '-');
    expect(lineWith(s.frame(), 'handle time')).toMatch(/230 s/);
  });

  it('Enter types a value; a bad one is refused with a message', async () => {
    const services = fakeServices();
    const s = await open({ services });
    await s.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    expect(s.frame()).toContain('1st-contact res. (%): 70');
    await s.press(KEY.backspace, KEY.backspace);
    await s.type('50');
    await s.press(KEY.enter);
    const frame = s.frame();
    expect(lineWith(frame, '1st-contact res.')).toMatch(/\*50 %/);
    expect(lineWith(frame, 'attempts/case')).toMatch(/2\.00/); // 1 / 0.5
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('lots');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('expected a number in %');
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('150');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('expected 0 to 100 %');
  });

  it('patience can be infinite (∞): ← makes it finite, typing none makes it infinite again', async () => {
    const s = await open({ path: SHIFTS });
    expect(lineWith(s.frame(), 'patience')).toMatch(/∞ s/);
    await s.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.left);
    expect(lineWith(s.frame(), 'patience')).toMatch(/\*3,600 s/);
    await s.press(KEY.left);
    expect(lineWith(s.frame(), 'patience')).toMatch(/3,590 s/);
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('none');
    await s.press(KEY.enter);
    expect(lineWith(s.frame(), 'patience')).toMatch(/ ∞ s/);
  });

  it('says why a value cannot be used (Erlang A needs a finite patience) and keeps the old one', async () => {
    const s = await open();
    await s.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter, KEY.ctrlU);
    await s.type('none');
    await s.press(KEY.enter);
    expect(lineWith(s.frame(), '✗')).toMatch(/patience ∞: staffing\.target\.method: erlang-a models callers who abandon/);
    expect(lineWith(s.frame(), 'patience')).toMatch(/ 120 s/);
  });

  it('u undoes the last change', async () => {
    const s = await open();
    await s.press(KEY.right, KEY.right);
    expect(lineWith(s.frame(), 'SL target')).toMatch(/62 %/);
    await s.press('u');
    expect(lineWith(s.frame(), 'SL target')).toMatch(/61 %/);
    await s.press('u');
    expect(lineWith(s.frame(), 'SL target')).toMatch(/ 60 %/);
    expect(s.frame()).not.toContain('(edited)');
  });

  it('refuses a typed value out of bounds and leaves the parameter as it was', async () => {
    const s = await open();
    await s.press(KEY.down, KEY.enter, KEY.ctrlU);
    await s.type('-5');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('target within: expected 0 to 600 s');
    expect(lineWith(s.frame(), 'target within')).toMatch(/ 20 s/);
  });
});

describe('variants', () => {
  it('Tab and shift+Tab switch the variant; 1–9 jump to one', async () => {
    const s = await open();
    await s.press(KEY.tab);
    expect(s.frame()).toContain('[2 good]');
    expect(s.frame()).toContain('Parameters: good');
    expect(lineWith(s.frame(), 'SL target')).toMatch(/80 %/);
    expect(s.frame()).toContain('Service level % · good');
    await s.press(KEY.shiftTab);
    expect(s.frame()).toContain('[1 lean]');
    await s.press('2');
    expect(s.frame()).toContain('[2 good]');
    await s.press(KEY.tab);
    expect(s.frame()).toContain('[1 lean]'); // wraps around
  });

  it('changes only the selected variant', async () => {
    const s = await open();
    await s.press(KEY.tab, KEY.right);
    expect(lineWith(s.frame(), 'service level')).toMatch(/65\.0%\s+86\.0%\s+\+21\.0pp/);
  });

  it('shows a staffing knob per shift for shift staffing, and the agents for agent staffing', async () => {
    const s = await open({ path: SHIFTS });
    expect(lineWith(s.frame(), 'shift early')).toMatch(/3/);
    expect(lineWith(s.frame(), 'shift late')).toMatch(/2/);
    await s.press(KEY.down, KEY.right);
    expect(lineWith(s.frame(), 'shift late')).toMatch(/\*3/);
    await s.press(KEY.tab);
    expect(lineWith(s.frame(), 'agents on phone')).toMatch(/4/);
    await s.press(KEY.up, KEY.right);
    expect(lineWith(s.frame(), 'agents on phone')).toMatch(/\*5/);
    expect(lineWith(s.frame(), 'service level')).toMatch(/50\.0%\s+50\.0%/);
  });
});

describe('help, quitting and failures', () => {
  it('? opens the full help and any key closes it', async () => {
    const s = await open();
    await s.press('?');
    expect(s.frame()).toContain('Keys');
    expect(s.frame()).toContain('simulate every variant');
    expect(s.frame()).toContain('any key closes this help');
    await s.press('x');
    expect(s.frame()).toContain('Parameters: lean');
  });

  it('q quits with exit code 0 and Ctrl-C with 130', async () => {
    const s = await open();
    await s.press('q');
    expect(s.exits).toEqual([{ code: 0 }]);
    s.unmount();
    const t = await open();
    await t.press(KEY.ctrlC);
    expect(t.exits).toEqual([{ code: 130 }]);
  });

  it('shows an unexpected error and exits 70', async () => {
    let planned = 0;
    const services = fakeServices({
      plan: () => {
        planned++;
        if (planned > 2) throw new TypeError('boom in the planner');
        throw new RangeError('first plans fail too');
      },
    });
    const s = await open({ services });
    expect(s.frame()).toContain('internal error');
    expect(s.frame()).toContain('first plans fail too');
    expect(s.exits).toHaveLength(1);
    expect(s.exits[0]?.code).toBe(70);
  });

  it('shows a variant that cannot be staffed and keeps going', async () => {
    const { InfeasibleError } = await import('../../src/core/errors.js');
    const services = fakeServices();
    const base = services.plan.bind(services);
    services.plan = (model) => {
      if (model.staffing.kind === 'target' && (model.staffing.target.serviceLevel ?? 0) > 0.9) throw new InfeasibleError('day 1, interval 1: no staffing meets 91%');
      return base(model);
    };
    const s = await open({ services });
    await s.press(KEY.tab, ']', ']', ']');
    expect(s.frame()).toContain('infeasible: day 1, interval 1');
    expect(lineWith(s.frame(), 'service level')).toMatch(/65\.0%\s+–/);
    await s.press('[');
    expect(lineWith(s.frame(), 'service level')).toMatch(/65\.0%\s+95\.0%/);
  });
});

describe('simulation', () => {
  it('r simulates every variant and shows the simulated means with their intervals until the next change', async () => {
    const services = fakeServices();
    const s = await open({ services });
    await s.press('r');
    const frame = await s.waitFor((f) => f.includes('simulated ·'));
    expect(frame).toContain('simulated · 4 replications · mean ±95% CI');
    expect(lineWith(frame, 'service level')).toMatch(/65\.0% ±1\.0/);
    expect(services.calls.simulate).toBe(1);
    await s.press(KEY.right);
    expect(s.frame()).toContain('analytic estimates');
    expect(s.frame()).toContain('back to analytic estimates');
  });

  it('shows progress while it runs, and Esc cancels it', async () => {
    const services = fakeServices({ hold: true });
    const s = await open({ services });
    await s.press('r');
    expect(s.frame()).toMatch(/simulating lean \[[█░]+\] 1\/8 · Esc cancels/);
    await s.press(KEY.escape);
    expect(services.calls.aborted).toBe(1);
    expect(s.frame()).toContain('simulation cancelled');
    expect(s.frame()).toContain('analytic estimates');
  });

  it('a change cancels a running simulation', async () => {
    const services = fakeServices({ hold: true });
    const s = await open({ services });
    await s.press('r', KEY.right);
    expect(services.calls.aborted).toBe(1);
    services.release();
    await s.press(KEY.down);
    expect(s.frame()).not.toContain('simulated ·');
  });

  it('cancels a running simulation when it is closed', async () => {
    const services = fakeServices({ hold: true });
    const s = await open({ services });
    await s.press('r');
    s.unmount();
    screen = null;
    expect(services.calls.aborted).toBe(1);
  });
});

describe('actions', () => {
  it('s sweeps total cost against the service-level target and marks the cheapest point; t toggles', async () => {
    const s = await open();
    await s.press('s');
    let frame = await s.waitFor((f) => f.includes('cheapest:'));
    expect(frame).toContain('Sweep: total cost against service-level target — lean (analytic)');
    // Fake cost rises with the target: the cheapest is the lowest target, 40%.
    expect(lineWith(frame, 'cheapest:')).toMatch(/▲ cheapest: 40% → 850 EUR|cheapest: 40% → 850 EUR.*▲/);
    expect(frame).toContain('now: 60% → 1,050 EUR');
    await s.press('t');
    frame = await s.waitFor((f) => f.includes('against first-contact resolution') && f.includes('cheapest:'));
    expect(frame).toContain('now: 70%');
    await s.press(KEY.escape);
    expect(s.frame()).toContain('Parameters: lean');
  });

  it('e exports the comparison as XLSX and CSV to a path typed into a temporary folder', async () => {
    const s = await open();
    await s.press('e');
    expect(s.frame()).toContain('small-centre-comparison');
    await s.press(KEY.ctrlU);
    await s.type(join(folder, 'comparison'));
    await s.press(KEY.enter);
    const frame = await s.waitFor((f) => f.includes('wrote '));
    expect(frame).toContain('comparison.xlsx');
    const csv = readFileSync(join(folder, 'comparison.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Scenario,Variant,Source/);
    expect(csv).toContain('Small centre,lean,erlang-a');
    expect(csv).toContain('Small centre,good,erlang-a');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'comparison.xlsx'));
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  });

  it('e writes one file when the typed name ends in .csv', async () => {
    const s = await open();
    await s.press('e', KEY.ctrlU);
    await s.type(join(folder, 'only.csv'));
    await s.press(KEY.enter);
    const frame = await s.waitFor((f) => f.includes('wrote '));
    expect(frame).not.toContain('.xlsx');
    expect(readFileSync(join(folder, 'only.csv'), 'utf8')).toContain('Small centre');
  });

  it('w saves the edited scenario as a new file that loads, and asks before overwriting', async () => {
    const services = fakeServices();
    const s = await open({ services });
    await s.press(KEY.right, KEY.down, KEY.down, KEY.right, 'w');
    expect(s.frame()).toContain('small-centre-edited.yaml');
    const target = join(folder, 'edited.yaml');
    await s.press(KEY.ctrlU);
    await s.type(target);
    await s.press(KEY.enter);
    expect(s.frame()).toContain(`saved ${target}`);
    const text = services.calls.written[target] as string;
    const saved = parseScenarioText(text, { file: target });
    expect(saved.name).toBe('Small centre (edited)');
    const lean = saved.variants.find((v) => v.name === 'lean')?.model;
    expect(lean?.staffing.kind === 'target' ? lean.staffing.target.serviceLevel : null).toBe(0.61);
    expect(lean?.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 250, cv: 1 });
    expect(text).toContain('# talk + wrap-up'); // comments of the original survive
    expect(text).toContain('Saved by staffsim explore on 2026-11-27 from small-centre.yaml');

    await s.press('w', KEY.enter);
    expect(s.frame()).toContain('exists. Overwrite it? (y/n)');
    await s.press('n');
    expect(s.frame()).toContain('not saved');
    await s.press(KEY.right, 'w', KEY.enter, 'y');
    expect(s.frame()).toContain(`saved ${target}`);
    expect(services.calls.written[target]).toContain('meanSeconds: 260');
  });

  it('w writes a real file that readScenarioFile loads', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ services: { ...nodeServices(), plan: fakeServices().plan } });
    await s.press(KEY.right, 'w', KEY.ctrlU);
    const target = join(folder, 'real.yaml');
    await s.type(target);
    await s.press(KEY.enter);
    expect(s.frame()).toContain(`saved ${target}`);
    expect(readScenarioFile(target).variants.map((v) => v.name)).toEqual(['lean', 'good']);
  });

  it('o lists the scenarios of the folder and opens the chosen one', async () => {
    const s = await open();
    await s.press('o');
    expect(s.frame()).toContain('Open a scenario');
    expect(s.frame()).toContain('small-centre.yaml (open now)');
    expect(s.frame()).toContain('shifts-centre.yaml');
    await s.press(KEY.up, KEY.up, KEY.up, KEY.enter); // the list is sorted: shifts-centre.yaml comes first
    expect(s.frame()).toContain('staffsim explore · Shift centre');
    expect(s.frame()).toContain('[1 rota]');
  });

  it('o also offers the shipped scenarios, after the open file’s folder', async () => {
    const library = join(import.meta.dirname, '..', '..', 'scenarios');
    const s = await open({ libraryFolder: library });
    await s.press('o');
    const frame = s.frame();
    expect(frame.indexOf('small-centre.yaml')).toBeLessThan(frame.indexOf('municipal-contact-centre.yaml'));
    await s.press(KEY.down); // from the open file to the first shipped one
    expect(lineWith(s.frame(), '▸')).toContain('bank-call-centre.yaml');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('staffsim explore · Bank call centre');
  });

  it('Esc closes a prompt without doing anything', async () => {
    const services = fakeServices();
    const s = await open({ services });
    await s.press('w', KEY.escape);
    expect(s.frame()).not.toContain('save scenario as');
    expect(Object.keys(services.calls.written)).toEqual([]);
  });
});

describe('with the real planner', () => {
  it('keys change the analytic figures of the municipal scenario', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const path = join(import.meta.dirname, '..', '..', 'scenarios', 'municipal-contact-centre.yaml');
    const s = await open({ path, services: nodeServices() });
    const before = lineWith(s.frame(), 'service level');
    expect(before).toMatch(/\d+\.\d%/);
    await s.press(KEY.shiftRight);
    const after = await s.waitFor((f) => lineWith(f, 'SL target').includes('*45'));
    expect(lineWith(after, 'service level')).not.toBe(before);
    expect(after).toMatch(/analytic estimates \(Erlang A\), recomputed in \d+ ms/);
  });
});

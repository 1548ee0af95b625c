import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { fakeServices, FIXTURES, KEY, lineWith, NETWORK, renderExplorer, SHIFTS } from './helpers.js';
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

/** `n` presses of ↓. */
function down(n: number): string[] {
  return Array.from({ length: n }, () => KEY.down);
}

/** `n` presses of ↑. */
function up(n: number): string[] {
  return Array.from({ length: n }, () => KEY.up);
}

async function open(options: Parameters<typeof renderExplorer>[0] = {}): Promise<Rendered> {
  screen = await renderExplorer(options);
  return screen;
}

describe('the explorer screen', () => {
  it('shows the scenario, the variant tabs, the source of the figures, the panels, the charts and the key footer', async () => {
    const s = await open({ columns: 120, rows: 40 });
    const frame = s.frame();
    expect(frame).toContain('staffsim explore · Small centre');
    expect(frame).toContain('analytic estimates (Erlang A)');
    expect(frame).toContain('[1 lean]');
    expect(frame).toContain('2 good');
    expect(frame).toContain('Parameters: lean');
    for (const label of ['SL target', 'target within', 'max occupancy', 'method', 'new cases/day', 'handle time', '1st-call res.', 'patience', 'redial prob.', 'repeat prob.', 'shrinkage', 'opens', 'closes', 'agent hour', 'overtime hour', 'wait cost/min', 'unresolved']) {
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
    expect(frame).toContain('lean · day 1'); // the charts name their variant and day
    expect(frame).toContain('Service level % (20 s) ╌ target 60%');
    expect(frame).toContain('Attempts per interval');
    expect(frame).toContain('Cost breakdown (EUR');
    expect(frame).toMatch(/08:00/);
    expect(frame).toContain('? help');
    expect(frame).toContain('q quit');
  });

  it('fits an 80 × 24 terminal: at most 23 lines of at most 80 characters, with nothing essential left out', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const path = join(import.meta.dirname, '..', '..', 'scenarios', 'municipal-contact-centre.yaml');
    const s = await open({ path, columns: 80, rows: 24, services: nodeServices() });
    const frame = s.frame();
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    // Every variant's whole name and a difference column for each variant after the first.
    expect(frame.split('\n').find((l) => l.includes('world-class') && !l.includes('variants'))).toMatch(/switchboard\s+mediocre\s+world-class/);
    expect(lineWith(frame, 'service level')).toMatch(/\d+\.\d%\s+\d+\.\d%\s+[+−]\d+\.\dpp\s+\d+\.\d%\s+[+−]\d+\.\dpp/);
    expect(lineWith(frame, 'total cost')).toMatch(/\d+,\d{3}\s+[+−]\d+,\d{3}\s+\d+,\d{3}\s+[+−]\d+,\d{3}$/);
    // Where failure demand goes, and the selected group's hours and occupancy (g shows the other group's).
    for (const label of ['calls/case', 'transfer lost', 'tasks on time', 'front-line', '  paid hours', '  occupancy', 'cost/resolved']) {
      expect(frame).toContain(label);
    }
    expect(frame).toContain('front-line · 1/2 g ⇆');
    // Every key hint, on two lines.
    for (const hint of ['↑↓←→ edit', '⏎ type', 'u undo', 'tab variant', 'g group', 'd day', 'r simulate', 's sweep', 'e export', 'w save', 'o open', '? help', 'q quit']) {
      expect(frame).toContain(hint);
    }
    // The key figures take the charts' room; the cost bars stay, across the screen, the staff cost split by group.
    expect(frame).toContain('Cost breakdown');
    expect(lineWith(frame, 'world-class █')).toMatch(/█+▚+.*\s\d+k$/);
    expect(lineWith(frame, '█ front-line')).toContain('▚ case-officers');
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
    await s.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, '+');
    expect(lineWith(s.frame(), 'handle time')).toMatch(/\*250 s/);
    await s.press('-', '-');
    expect(lineWith(s.frame(), 'handle time')).toMatch(/230 s/);
  });

  it('Enter types a value; a bad one is refused with a message', async () => {
    const services = fakeServices();
    const s = await open({ services });
    await s.press(...down(6), KEY.enter);
    expect(s.frame()).toContain('1st-call res. (%): 70');
    expect(s.frame()).toContain('⏎ ok · Esc cancel · Ctrl-U clear');
    await s.press(KEY.backspace, KEY.backspace);
    await s.type('50');
    await s.press(KEY.enter);
    const frame = s.frame();
    expect(lineWith(frame, '1st-call res.')).toMatch(/\*50 %/);
    expect(lineWith(frame, 'attempts/case')).toMatch(/2\.00/); // 1 / 0.5
    expect(frame).toContain('1st-call res. = 50 %');
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('lots');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('expected a number in %');
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('150');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('expected 0 to 100 %');
  });

  it('reads a share typed as 0.86, 86 or 86% as 86 % and says what it understood', async () => {
    const s = await open();
    await s.press(...down(6), KEY.enter, KEY.ctrlU);
    await s.type('0.86');
    await s.press(KEY.enter);
    let frame = s.frame();
    expect(lineWith(frame, '1st-call res.')).toMatch(/\*86 %/);
    expect(frame).toContain('1st-call res. = 86 % · 0.86 read as the share 0.86 = 86 %');
    expect(lineWith(frame, 'attempts/case')).toMatch(/1\.16/); // 1 / 0.86, not 1 / 0.0086
    for (const text of ['86', '86%']) {
      await s.press('u', KEY.enter, KEY.ctrlU);
      await s.type(text);
      await s.press(KEY.enter);
      frame = s.frame();
      expect(lineWith(frame, '1st-call res.')).toMatch(/\*86 %/);
      expect(frame).toContain('1st-call res. = 86 %');
    }
  });

  it('takes several Backspaces arriving in one read: 90 then three Backspaces and 120 is 120, not 90120', async () => {
    const s = await open();
    await s.press(KEY.down, KEY.enter, KEY.ctrlU);
    await s.type('90');
    await s.type(`${KEY.backspace}${KEY.backspace}${KEY.backspace}120`);
    expect(s.frame()).toContain('target within (s): 120');
    await s.press(KEY.enter);
    expect(lineWith(s.frame(), 'target within')).toMatch(/\*120 s/);
  });

  it('handles keys arriving in one read as the keys they were: Enter, Ctrl-U, a value and Enter; three spaces', async () => {
    const s = await open();
    await s.press(KEY.down);
    await s.type(`${KEY.enter}${KEY.ctrlU}45${KEY.enter}`);
    expect(lineWith(s.frame(), 'target within')).toMatch(/\*45 s/);
    expect(s.frame()).toContain('target within = 45 s');
    await s.press('?');
    await s.type('   '); // three times space in the help: one page down each, not "another key"
    expect(s.frame()).toContain('Keys · lines');
    expect(s.frame()).not.toContain('Keys · lines 1–');
  });

  it('patience can be infinite (∞): ← makes it finite, typing none makes it infinite again', async () => {
    const s = await open({ path: SHIFTS });
    expect(lineWith(s.frame(), 'patience')).toMatch(/patience\s+∞\s/);
    await s.press(...down(5), KEY.left);
    expect(lineWith(s.frame(), 'patience')).toMatch(/\*3,600 s/);
    await s.press(KEY.left);
    expect(lineWith(s.frame(), 'patience')).toMatch(/3,590 s/);
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('none');
    await s.press(KEY.enter);
    expect(lineWith(s.frame(), 'patience')).toMatch(/ ∞\s/);
  });

  it('makes patience infinite on an Erlang A variant by staffing it with Erlang C, and says so', async () => {
    const s = await open();
    await s.press(...down(7), KEY.enter, KEY.ctrlU);
    await s.type('none');
    await s.press(KEY.enter);
    const frame = s.frame();
    expect(lineWith(frame, 'patience')).toMatch(/\*∞\s/);
    expect(lineWith(frame, 'method')).toMatch(/\*Erlang C/);
    expect(frame).toContain('patience = ∞ · nobody hangs up now, so the target is staffed by Erlang C instead of Erlang A');
    expect(frame).not.toContain('✗');
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
    expect(s.frame()).toContain('good · day 1');
    expect(s.frame()).toContain('target 80%');
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
    expect(lineWith(s.frame(), 'phone agents')).toMatch(/4/);
    await s.press(KEY.up, KEY.right);
    expect(lineWith(s.frame(), 'phone agents')).toMatch(/\*5/);
    expect(lineWith(s.frame(), 'service level')).toMatch(/50\.0%\s+50\.0%/);
  });
});

describe("a manager's what-ifs", () => {
  const municipal = join(import.meta.dirname, '..', '..', 'scenarios', 'municipal-contact-centre.yaml');

  it('offers calls per day, the occupancy cap, the method, opening hours and the overtime and waiting prices', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ path: municipal, columns: 120, rows: 40, services: nodeServices() });
    const before = lineWith(s.frame(), 'paid agent h');
    // The front line's knobs (twelve) come first, then the whole scenario's. New cases a day: 300 → 350 (shift+→ is a
    // step of 50) raises the paid hours of the switchboard.
    await s.press(...down(12), KEY.shiftRight);
    let frame = s.frame();
    expect(lineWith(frame, 'new cases/day')).toMatch(/\*350/);
    expect(lineWith(frame, 'paid agent h')).not.toBe(before);
    // The front line's method: → switches Erlang A to Erlang C, and the status line says what that means.
    await s.press('u', ...up(9), KEY.right);
    frame = s.frame();
    expect(lineWith(frame, 'method')).toMatch(/\*Erlang C/);
    expect(frame).toContain('method = Erlang C · the plan now assumes nobody hangs up');
    // Opening hours: closing at 17:30 instead of 16:30 moves the chart's last interval.
    await s.press('u', ...down(15), KEY.shiftRight);
    frame = s.frame();
    expect(lineWith(frame, 'closes')).toMatch(/\*17:30/);
    expect(frame).toMatch(/08:00\s+\d\d:\d\d\s+17:00/);
    // Prices: the waiting minute (the whole scenario's) and the front line's overtime hour.
    await s.press(KEY.down, KEY.right, ...up(8), KEY.right);
    frame = s.frame();
    expect(lineWith(frame, 'wait cost/min')).toMatch(/\*2\.1 SEK/);
    expect(lineWith(frame, 'overtime hour')).toMatch(/\*4\d\d SEK/);
    // The occupancy cap of the world-class front line (85 %): none removes it, and the status line confirms.
    await s.press('3', ...up(20), KEY.down, KEY.down);
    expect(lineWith(s.frame(), 'max occupancy')).toMatch(/85 %/);
    await s.press(KEY.enter, KEY.ctrlU);
    await s.type('none');
    await s.press(KEY.enter);
    expect(lineWith(s.frame(), 'max occupancy')).toMatch(/\*none/);
    expect(s.frame()).toContain('max occupancy = none');
  });

  it('d shows the charts for one day, naming it, then the next, then the mean again', async () => {
    const s = await open({ path: municipal, columns: 120, rows: 40 });
    expect(s.frame()).toContain('switchboard · mean of 5 days · d: day 1');
    await s.press('d');
    expect(s.frame()).toContain('switchboard · day 1 (mon) · d: day 2');
    await s.press('d', 'd', 'd', 'd');
    expect(s.frame()).toContain('switchboard · day 5 (fri) · d: mean');
    await s.press('d');
    expect(s.frame()).toContain('mean of 5 days');
  });

  it('draws the service-level target as a dashed line on its row, with y labels that never repeat or read -0', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ path: municipal, columns: 120, rows: 40, services: nodeServices() });
    await s.press('3'); // world-class: 90 % within 60 s, between about 88 % and 98 % — a narrow axis
    const frame = s.frame();
    expect(frame).toContain('Service level % (60 s) ╌ target 90%');
    const rows = frame.split('\n').filter((line) => /^\s*-?[\d,.]+[┤┼]/.test(line));
    const labels = rows.map((line) => line.split(/[┤┼]/)[0]?.trim() ?? '');
    const slLabels = labels.slice(0, labels.length); // the service-level chart is the left one
    for (let i = 1; i < slLabels.length; i++) expect(slLabels[i]).not.toBe(slLabels[i - 1]);
    for (const label of slLabels) expect(label).not.toMatch(/^-0(\.0+)?$/);
    const targetRow = rows.find((line) => line.includes('╌')) ?? '';
    expect(Number(targetRow.split(/[┤┼]/)[0])).toBeCloseTo(90, -0.5);
  });

  it('keeps long shift names apart in the parameters panel', async () => {
    const s = await open({ path: join(FIXTURES, 'long-shifts.yaml'), columns: 80, rows: 24 });
    const frame = s.frame();
    expect(frame).toContain('…0-1500-b1000');
    expect(frame).toContain('…00-b1030-mon');
    expect(frame).toContain('…00-b1030-tue');
    // The status line names the whole shift.
    expect(frame).toContain('Paid agents on shift "full-0700-1500-b1000"');
  });
});

describe('help, quitting and failures', () => {
  it('? opens the full help, which scrolls with ↑↓ on a short screen, and another key closes it', async () => {
    const s = await open({ columns: 80, rows: 24 });
    await s.press('?');
    let frame = s.frame();
    expect(frame).toContain('Keys · lines 1–');
    expect(frame).toContain('simulate every variant');
    expect(frame).toContain('↑↓ scroll');
    expect(frame).not.toContain('go to the current folder.');
    await s.press(...Array.from({ length: 40 }, () => KEY.down));
    frame = s.frame();
    expect(frame).toContain('go to the current folder.'); // the end of the notes
    expect(frame).not.toContain('select a parameter');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    const [, first, last, total] = /lines (\d+)–(\d+) of (\d+)/.exec(frame) ?? [];
    expect(last).toBe(total);
    await s.press(KEY.up);
    // One line up from the end, not 40 − 1 lines down from the top.
    expect(s.frame()).toContain(`lines ${Number(first) - 1}–${Number(last) - 1} of ${total}`);
    await s.press(' ', 'b', 'b', 'b');
    expect(s.frame()).toContain('select a parameter');
    expect(s.frame()).toContain('Ctrl-U');
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

  it('q with unsaved changes asks first: n stays, w offers to save, y quits; Ctrl-C never asks', async () => {
    const s = await open();
    await s.press(KEY.right, 'q');
    expect(s.exits).toEqual([]);
    expect(s.frame()).toContain('unsaved changes. Quit anyway? y quits · w saves first · n or Esc stays');
    await s.press('n');
    expect(s.exits).toEqual([]);
    expect(lineWith(s.frame(), 'SL target')).toMatch(/\*61 %/);
    await s.press('q', 'w');
    expect(s.frame()).toContain('save scenario as: small-centre-edited.yaml');
    await s.press(KEY.escape, 'q', 'y');
    expect(s.exits).toEqual([{ code: 0 }]);
    s.unmount();
    const t = await open();
    await t.press(KEY.right, KEY.ctrlC);
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
    expect(lineWith(frame, 'cheapest:')).toContain('▲ cheapest: 40% → 850 EUR');
    expect(frame).toContain('△ now: 60% → 1,050 EUR');
    // The marker row puts ▲ under 40% (the first point) and △ under 60% (the fifth).
    const markers = frame.split('\n').find((line) => /^\s*▲/.test(line) && line.includes('△')) ?? '';
    const axis = lineWith(frame, '40%');
    expect(markers.indexOf('▲')).toBeLessThan(markers.indexOf('△'));
    expect(axis.indexOf('40%')).toBeLessThanOrEqual(markers.indexOf('▲'));
    await s.press('t');
    frame = await s.waitFor((f) => f.includes('against first-contact resolution') && f.includes('cheapest:'));
    expect(frame).toContain('now: 70%');
    await s.press(KEY.escape);
    expect(s.frame()).toContain('Parameters: lean');
  });

  it('e exports the comparison as XLSX and CSV into the current folder by default, never beside the scenario', async () => {
    const s = await open({ workingFolder: folder, columns: 200 });
    await s.press('e');
    expect(s.frame()).toContain('export .xlsx+.csv to: small-centre-comparison');
    await s.press(KEY.enter);
    const frame = await s.waitFor((f) => f.includes('wrote '));
    expect(frame).toContain(`wrote small-centre-comparison.xlsx and small-centre-comparison.csv (in ${folder})`);
    const csv = readFileSync(join(folder, 'small-centre-comparison.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Scenario,Variant,Source/);
    expect(csv).toContain('Small centre,lean,erlang-a');
    expect(csv).toContain('Small centre,good,erlang-a');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(folder, 'small-centre-comparison.xlsx'));
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    expect(existsSync(join(FIXTURES, 'small-centre-comparison.csv'))).toBe(false);
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
    const s = await open({ services, workingFolder: folder });
    await s.press(KEY.right, ...down(5), KEY.right, 'w');
    expect(s.frame()).toContain('save scenario as: small-centre-edited.yaml');
    await s.press(KEY.enter);
    const target = join(folder, 'small-centre-edited.yaml');
    expect(s.frame()).toContain(`saved small-centre-edited.yaml (in ${folder})`);
    const text = services.calls.written[target] as string;
    const saved = parseScenarioText(text, { file: target });
    expect(saved.name).toBe('Small centre');
    const lean = saved.variants.find((v) => v.name === 'lean')?.model;
    expect(lean?.staffing.kind === 'target' ? lean.staffing.target.serviceLevel : null).toBe(0.61);
    expect(lean?.handling.handleTime).toEqual({ kind: 'lognormal', meanSeconds: 250, cv: 1 });
    expect(text).toContain('# talk + wrap-up'); // comments of the original survive
    expect(text).toContain('Saved by staffsim explore on 2026-11-27 from small-centre.yaml');

    await s.press(KEY.right, 'w', KEY.enter);
    expect(s.frame()).toContain('exists. Overwrite it? (y/n)');
    await s.press('n');
    expect(s.frame()).toContain('not saved');
    await s.press('w', KEY.enter, 'y');
    expect(s.frame()).toContain('saved small-centre-edited.yaml');
    expect(services.calls.written[target]).toContain('meanSeconds: 260');
  });

  it('after w the scenario counts as saved: no "(edited)", o does not warn and q quits at once', async () => {
    const services = fakeServices();
    const s = await open({ services, workingFolder: folder });
    await s.press(KEY.right);
    expect(s.frame()).toContain('(edited)');
    await s.press('o');
    expect(s.frame()).toContain('unsaved changes will be dropped');
    await s.press(KEY.escape, 'w', KEY.enter);
    const frame = s.frame();
    expect(frame).toContain('saved small-centre-edited.yaml');
    expect(frame).not.toContain('(edited)');
    expect(frame).not.toContain('1 lean*');
    expect(lineWith(frame, 'SL target')).not.toContain('*');
    await s.press('o');
    expect(s.frame()).not.toContain('unsaved changes');
    await s.press(KEY.escape, 'q');
    expect(s.exits).toEqual([{ code: 0 }]);
  });

  it('w writes a real file that readScenarioFile loads', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ services: { ...nodeServices(), plan: fakeServices().plan } });
    await s.press(KEY.right, 'w', KEY.ctrlU);
    const target = join(folder, 'real.yaml');
    await s.type(target);
    await s.press(KEY.enter);
    expect(s.frame()).toContain(`saved ${target}`);
    expect(s.frame()).not.toContain(`${target} (in`); // an absolute path needs no folder
    expect(readScenarioFile(target).variants.map((v) => v.name)).toEqual(['lean', 'good']);
  });

  it('o lists the scenarios of the folder and opens the chosen one', async () => {
    const s = await open();
    await s.press('o');
    expect(s.frame()).toContain('Open a scenario');
    expect(s.frame()).toContain('small-centre.yaml (open now)');
    expect(s.frame()).toContain('shifts-centre.yaml');
    await s.press(KEY.up, KEY.up, KEY.enter); // the list is sorted: long-shifts, shifts-centre, slow-centre, small-centre
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

describe('agent groups', () => {
  /** The first line containing `text` after the key figures' heading of the group `heading` (a line ending in it). */
  function lineAfter(frame: string, heading: string, text: string): string {
    const lines = frame.split('\n');
    const start = lines.findIndex((line) => line.trimEnd().endsWith(` ${heading}`));
    return start < 0 ? '' : (lines.slice(start + 1).find((line) => line.includes(text)) ?? '');
  }

  it('g cycles the group whose knobs the panel shows, under its name; G goes back; the footer and help say so', async () => {
    const s = await open({ path: NETWORK, columns: 120, rows: 40 });
    let frame = s.frame();
    expect(frame).toContain('front-desk · 1/2 g ⇆');
    expect(lineWith(frame, '▸')).toMatch(/▸SL target\s+80 %/);
    expect(frame).toContain('whole scenario');
    expect(frame).toContain('g group');
    // The same parameter stays selected where the other group has it.
    await s.press(...down(4), 'g');
    frame = s.frame();
    expect(frame).toContain('back-office · 2/2 g ⇆');
    expect(frame).toContain('parameters of back-office (group 2 of 2; g switches)');
    expect(lineWith(frame, '▸')).toMatch(/▸handle time\s+300 s/);
    expect(lineWith(frame, 'phone agents')).toMatch(/phone agents\s+2/);
    expect(lineWith(frame, 'max queue')).toMatch(/max queue\s+2/);
    await s.press('g');
    expect(s.frame()).toContain('front-desk · 1/2 g ⇆');
    await s.press('G');
    expect(s.frame()).toContain('back-office · 2/2 g ⇆');
    await s.press('?');
    expect(s.frame()).toContain('next / previous agent group');
    // A scenario without groups says g has nothing to switch, and its footer leaves g out.
    s.unmount();
    const plain = await open({ columns: 120, rows: 40 });
    expect(plain.frame()).not.toContain('g group');
    await plain.press('g');
    expect(plain.frame()).toContain('this scenario has no agent groups');
  });

  it('turning a group knob changes that group’s figures and the variant’s totals, and only that variant', async () => {
    const s = await open({ path: NETWORK, columns: 120, rows: 40 });
    await s.press('2', 'g'); // callbacks, back office
    let frame = s.frame();
    // Fake figures: 10 paid hours per back-office agent at 60 EUR, the variant's total cost = staff cost + 300.
    expect(lineAfter(frame, 'back-office', 'paid hours')).toMatch(/paid hours\s+20\.0\s+20\.0\s+±0\.0\s+10\.0/);
    const totalBefore = lineWith(frame, 'total cost');
    const frontBefore = lineAfter(frame, 'front-desk', 'paid hours');
    await s.press(KEY.right);
    frame = s.frame();
    expect(lineWith(frame, 'phone agents')).toMatch(/\*3/);
    expect(lineAfter(frame, 'back-office', 'paid hours')).toMatch(/paid hours\s+20\.0\s+30\.0\s+\+10\.0\s+10\.0/);
    expect(lineWith(frame, 'total cost')).not.toBe(totalBefore);
    expect(lineWith(frame, 'total cost')).toMatch(/total cost\s+4,700\s+5,300\s+\+600/);
    expect(lineAfter(frame, 'front-desk', 'paid hours')).toBe(frontBefore);
    expect(frame).toContain('2 callbacks*');
    expect(frame).not.toContain('1 transfers*');
  });

  it('sets an outcome share, keeps the shares at 100 % and says how the others moved', async () => {
    const s = await open({ path: NETWORK, columns: 120, rows: 40 });
    await s.press(...down(5));
    expect(lineWith(s.frame(), '▸')).toMatch(/▸resolved\s+50 %/);
    expect(lineWith(s.frame(), 'calls/case')).toMatch(/calls\/case\s+2\.00/);
    await s.press(KEY.shiftRight);
    const frame = s.frame();
    expect(lineWith(frame, 'resolved')).toMatch(/\*55 %/);
    expect(lineWith(frame, 'transferred')).toMatch(/\*36 %/);
    expect(lineWith(frame, 'not resolved')).toMatch(/\*9 %/);
    expect(frame).toContain('resolved = 55 % · transferred 40 % → 36 %, not resolved 10 % → 9 % (the other outcomes keep their proportions');
    // Fake figures: calls per case = 1 / the first group's resolved share.
    expect(lineWith(frame, 'calls/case')).toMatch(/calls\/case\s+1\.82/);
  });

  it('shows where failure demand goes, each group’s hours, occupancy and blocked share, and the staff cost by group', async () => {
    const s = await open({ path: NETWORK, columns: 120, rows: 40 });
    const frame = s.frame();
    for (const label of ['calls/case', 'transfer lost', 'tasks on time', 'task delay']) expect(frame).toContain(label);
    expect(lineWith(frame, 'transfer lost')).toMatch(/transfer lost\s+20\.0%\s+–\s+–\s+35\.0%/);
    expect(lineWith(frame, 'task delay')).toMatch(/task delay\s+90\.0 min/);
    expect(lineAfter(frame, 'front-desk', 'occupancy')).toMatch(/occupancy\s+59\.0%/);
    expect(lineAfter(frame, 'back-office', 'blocked')).toMatch(/blocked\s+10\.0%\s+10\.0%\s+±0\.0pp\s+0\.0%/);
    // The front desk (an unlimited queue) has no blocked row: the first after its heading is the back office's.
    expect(frame.split('\n').findIndex((l) => l.includes('  blocked'))).toBeGreaterThan(frame.split('\n').findIndex((l) => l.trimEnd().endsWith(' back-office')));
    // The cost bars: one character per group (front desk █, back office ▚), named in the legend.
    expect(lineWith(frame, 'transfers  █')).toMatch(/█+▚+x+/);
    expect(lineWith(frame, '█ front-desk')).toContain('▚ back-office');
  });

  it('on 80 × 24 shows the selected group’s figures, and g shows the other’s', async () => {
    const s = await open({ path: NETWORK, columns: 80, rows: 24 });
    let frame = s.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/ front-desk$/m);
    expect(frame).not.toMatch(/ back-office$/m);
    expect(lineWith(frame, '█ front-desk')).toContain('▚ back-office');
    await s.press('g');
    frame = s.frame();
    expect(frame).toMatch(/ back-office$/m);
    expect(frame).not.toMatch(/ front-desk$/m);
    expect(lineAfter(frame, 'back-office', 'blocked')).toMatch(/blocked\s+10\.0%/);
  });

  it('says when a variant is unstable: ∞ for its waits and total cost, no cost bar, and the intervals named', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ path: NETWORK, columns: 120, rows: 40, services: nodeServices() });
    let frame = s.frame();
    expect(lineWith(frame, 'total cost')).toMatch(/total cost\s+[\d,]+\s+[\d,]+\s+[+−][\d,]+\s+∞\s+\+∞$/);
    expect(lineWith(frame, 'unstable (∞ wait)')).toMatch(/overloaded unstable \(∞ wait\)\s+∞$/);
    expect(frame).not.toMatch(/total cost.*\s0\s/);
    // The status line names the intervals of the selected variant only.
    expect(frame).not.toContain('unstable in');
    await s.press('3');
    frame = s.frame();
    expect(frame).toContain('⚠ overloaded: unstable in 4 intervals (back-office) — day 1 08:00, day 1 08:30, day 1 09:00, day 1 09:30');
    // Enough back-office agents make it stable again.
    await s.press('g', ']');
    expect(s.frame()).toContain('⚠ overloaded: unstable in 1 interval (back-office) — day 1 09:00 · calls without patience');
    await s.press('+');
    frame = s.frame();
    expect(lineWith(frame, 'phone agents')).toMatch(/\*6/);
    expect(frame).not.toContain('unstable in');
    expect(lineWith(frame, 'total cost')).not.toContain('∞');
  });

  it('the sweep marks unstable points ∞ and never picks one as the cheapest', async () => {
    const { nodeServices } = await import('../../src/ui/node-services.js');
    const s = await open({ path: NETWORK, columns: 120, rows: 40, services: nodeServices() });
    await s.press('3', 'g', 's');
    const frame = await s.waitFor((f) => f.includes('▲ cheapest'));
    expect(frame).toContain('Sweep: total cost against phone agents — overloaded (analytic)');
    expect(frame).toMatch(/∞ \d values unstable \(drawn at the top\): unbounded cost, never the cheapest/);
    expect(frame).toMatch(/▲ cheapest: [2-9] agents → [\d,]+ EUR/);
    expect(frame).toContain('now: 1 agents → ∞ (unstable)');
    const markers = frame.split('\n').find((line) => line.includes('▲') && !line.includes('cheapest')) ?? '';
    expect(markers).toMatch(/^\s+∞\s+△/); // 0 agents unstable, 1 agent (now) too
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

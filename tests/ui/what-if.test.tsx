import { afterEach, describe, expect, it } from 'vitest';
import { whatIfMessages } from '../../src/runner/sensitivity-thread.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { nodeServices } from '../../src/ui/node-services.js';
import type { FakeServices, Rendered } from './helpers.js';
import { fakeServices, KEY, lineWith, renderExplorer, SMALL } from './helpers.js';

let screen: Rendered | null = null;

afterEach(() => {
  screen?.unmount();
  screen = null;
});

/** The real analysis's messages for the scenario and variants the explorer asks about (computed here, delivered by the fake). */
function realMessages(options: { hold: boolean }): FakeServices {
  return fakeServices({ whatIf: (scenario, variants) => [...whatIfMessages({ document: scenario.document, variants, range: 0.25 })], holdWhatIf: options.hold });
}

async function until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !test(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the what-if view (a)', () => {
  it('opens on the edited scenario, shows rows as they arrive, keeps the keys working meanwhile, and restarts after an edit', async () => {
    const services = realMessages({ hold: true });
    const original = readScenarioFile(SMALL);
    const s = (screen = await renderExplorer({ scenario: original, services, columns: 100, rows: 30 }));
    await s.press('a');
    expect(s.frame()).toContain('What-if: good − lean (edited scenario');
    expect(s.frame()).toContain('starting the analysis…');
    expect(services.calls.whatIf).toHaveLength(1);
    expect(services.calls.whatIf[0]?.variants).toEqual(['lean', 'good']);

    // The totals and the Shapley parts, then the inputs one by one.
    services.nextWhatIf();
    services.nextWhatIf();
    let frame = await s.waitFor((f) => f.includes('What drives the −437 EUR'));
    expect(frame).toContain('now: lean 1,793 EUR · good 1,356 EUR · difference −437 EUR');
    expect(frame).toMatch(/computing \[░+\] 0\/12 inputs · what drives it ✓/);
    services.nextWhatIf();
    frame = await s.waitFor((f) => f.includes('1/12 inputs'));
    expect(frame).toMatch(/1 of\s+12 so far/);
    expect(frame).toContain('So far, the answer depends most on');

    // While it computes, the keys work: Tab selects the other variant (the same pair: no restart), Esc goes back to
    // the main screen, whose header shows the progress.
    await s.press(KEY.tab);
    expect(s.frame()).toContain('[2 good]');
    await s.press(KEY.escape);
    expect(s.frame()).toContain('Parameters: good');
    expect(s.frame()).toContain('what-if 1/12');
    expect(services.calls.whatIf).toHaveLength(1);

    // An edit stops the analysis and starts it again on the edited scenario.
    await s.press(KEY.right);
    expect(lineWith(s.frame(), 'SL target')).toMatch(/\*81 %/);
    await until(() => services.calls.whatIf.length === 2, 'the restart');
    expect(services.calls.whatIfAborted).toBe(1);
    const restarted = services.calls.whatIf[1];
    expect(restarted?.scenario).not.toBe(original);
    expect(JSON.stringify(restarted?.scenario.document)).toContain('"serviceLevel":0.81');
    await s.waitFor((f) => f.includes('what-if 0/…'));

    // Back in the view, the new analysis fills in to the end.
    await s.press('a');
    for (let i = 0; i < 16; i++) services.nextWhatIf();
    frame = await s.waitFor((f) => f.includes('12 inputs analysed'));
    expect(frame).toContain('The answer depends most on first-contact resolution in good: good stays cheaper than lean unless');
    await s.press(KEY.escape);
    expect(lineWith(s.frame(), 'staffsim explore')).not.toContain('what-if'); // done: no progress in the header
  });

  it('fits 80 × 24, scrolls, compares with another variant (c), and the help lists the key', async () => {
    const services = realMessages({ hold: false });
    const s = (screen = await renderExplorer({ services, columns: 80, rows: 24 }));
    await s.press('a');
    let frame = await s.waitFor((f) => f.includes('12 inputs analysed'));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame).toMatch(/↑↓ scroll \(1–\d+ of \d+\)/);
    await s.press(KEY.down);
    expect(s.frame()).toMatch(/↑↓ scroll \(2–\d+ of \d+\)/);
    // c: against the other variant; the difference changes sign.
    await s.press('c');
    expect(services.calls.whatIf.at(-1)?.variants).toEqual(['good', 'lean']);
    frame = await s.waitFor((f) => f.includes('12 inputs analysed') && f.includes('What-if: lean − good'));
    expect(frame).toContain('difference +437 EUR');
    await s.press('?', ' ');
    expect(s.frame()).toMatch(/a\s+what-if: what the cost difference/);
  });

  it('runs the real analysis in a thread and says which assumption the answer depends on', async () => {
    const s = (screen = await renderExplorer({ services: nodeServices({ workers: 1 }), columns: 120, rows: 40 }));
    await s.press('a');
    const frame = await s.waitFor((f) => f.includes('12 inputs analysed'), 60_000);
    expect(frame).toContain('The answer depends most on first-contact resolution in good: good stays cheaper than lean unless first-contact');
    expect(frame).toMatch(/first-contact resolution \(good\)\s+67\.5% … 100\.0%\s+\+13\s+−593\s.*✱/);
  }, 90_000);
});

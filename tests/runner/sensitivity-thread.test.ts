import { describe, expect, it } from 'vitest';
import { explainDifference } from '../../src/runner/explain.js';
import { analyseSensitivity } from '../../src/runner/sensitivity.js';
import { analyseWhatIfInThread, whatIfMessages, type WhatIfMessage } from '../../src/runner/sensitivity-thread.js';
import { applyOverride, loadScenarioDocument, readScenarioFile } from '../../src/scenario/load.js';
import { sensitivityWorkspace } from '../../src/scenario/sensitivity-inputs.js';

const small = readScenarioFile('tests/ui/fixtures/small-centre.yaml');

describe('the what-if stream', () => {
  it('gives the start, the Shapley parts, then one row per input: the rows and parts of `sensitivity` and `compare --explain`', () => {
    const messages = [...whatIfMessages({ document: small.document, variants: ['lean', 'good'], range: 0.25 })];
    expect(messages.map((m) => m.kind)).toEqual(['start', 'explanation', ...Array.from({ length: messages.length - 3 }, () => 'row'), 'done']);
    const expected = analyseSensitivity(sensitivityWorkspace(small, { variants: ['lean', 'good'], range: 0.25 }), small.name, { range: 0.25 });
    const start = messages[0] as Extract<WhatIfMessage, { kind: 'start' }>;
    expect(start).toMatchObject({ variants: ['lean', 'good'], currency: 'EUR', range: 0.25, inputs: expected.rows.length });
    expect(start.atBase).toEqual(expected.atBase);
    const rows = messages.flatMap((m) => (m.kind === 'row' ? [m.row] : []));
    expect([...rows].sort((a, b) => a.label.localeCompare(b.label))).toEqual([...expected.rows].sort((a, b) => a.label.localeCompare(b.label)));
    const explanation = messages.find((m) => m.kind === 'explanation');
    expect(explanation).toEqual({ kind: 'explanation', explanation: explainDifference({ scenario: small, variant: 'lean' }, { scenario: small, variant: 'good' }) });
  });

  it('analyses the document it is given (an edit), not the file', () => {
    const edited = applyOverride(small.document, 'costs.unresolvedCase', 50);
    const [start] = whatIfMessages({ document: edited, variants: ['lean', 'good'], range: 0.25 });
    const [before] = whatIfMessages({ document: small.document, variants: ['lean', 'good'], range: 0.25 });
    expect(start?.kind === 'start' && before?.kind === 'start').toBe(true);
    if (start?.kind !== 'start' || before?.kind !== 'start') return;
    const expected = sensitivityWorkspace(loadScenarioDocument(edited), { range: 0.25 });
    expect(start.inputs).toBe(expected.inputs.length);
    expect(start.atBase.totals[0]).toBeGreaterThan(before.atBase.totals[0] ?? Number.POSITIVE_INFINITY);
  });

  it('ends with a problem the user can fix, not an exception: an unknown variant', () => {
    const messages = [...whatIfMessages({ document: small.document, variants: ['lean', 'nope'], range: 0.25 })];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'problem' });
    expect(messages[0]?.kind === 'problem' ? messages[0].message : '').toContain('no variant named "nope"');
  });
});

describe('the what-if thread', () => {
  it('streams the same messages from a worker thread', async () => {
    const request = { document: small.document, variants: ['lean', 'good'], range: 0.25 };
    const received: WhatIfMessage[] = [];
    await analyseWhatIfInThread(request, { signal: new AbortController().signal, onMessage: (m) => received.push(m) });
    expect(received).toEqual([...whatIfMessages(request)]);
  }, 60_000);

  it('stops at once when aborted, with an AbortError', async () => {
    const controller = new AbortController();
    const received: WhatIfMessage[] = [];
    const run = analyseWhatIfInThread(
      { document: small.document, variants: ['lean', 'good'], range: 0.25 },
      {
        signal: controller.signal,
        onMessage: (m) => {
          received.push(m);
          if (m.kind === 'start') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(received.map((m) => m.kind)).toEqual(['start']);
  }, 60_000);
});

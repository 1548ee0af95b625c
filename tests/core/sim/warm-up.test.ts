import { describe, expect, it } from 'vitest';
import { runReplication } from '../../../src/core/sim/run-replication.js';
import { summariseReplications } from '../../../src/core/sim/summarise.js';
import { testInput, testModel } from './model-builder.js';

const HOUR = 3600;

describe('warm-up and case outcomes', () => {
  it('counts the cases that begin after the warm-up, each with all its answers, so contacts per resolved case stays 1/FCR', () => {
    // Every answered attempt resolves its case with an independent draw of probability 0.8, so in expectation
    // answered / resolved = 1.25 exactly for the cases counted (those whose first contact came after the warm-up).
    const model = testModel({
      days: 1,
      openSeconds: 0,
      closeSeconds: 24 * HOUR,
      intervalSeconds: 1800,
      casesPerInterval: 50,
      handleTime: { kind: 'exponential', meanSeconds: 120 },
      patience: { kind: 'exponential', meanSeconds: 60 },
      redialProbability: 0.5,
      redialDelay: { kind: 'exponential', meanSeconds: 300 },
      firstContactResolution: 0.8,
      repeatProbability: 0.5,
      repeatDelay: { kind: 'exponential', meanSeconds: 4 * HOUR },
      warmupSeconds: 8 * HOUR,
      seed: 20261127,
    });
    const input = testInput(model, 4);
    const results = Array.from({ length: 60 }, (_, r) => runReplication(input, r));
    const { totals } = summariseReplications(results, model);
    expect(Math.abs(totals.contactsPerResolvedCase.mean - 1.25)).toBeLessThanOrEqual(totals.contactsPerResolvedCase.ci95);
    // The accounting identities hold in every replication: every counted case has one fate, every attempt one outcome.
    for (const { totals: t } of results) {
      expect(t.resolvedCases + t.unresolvedCases + t.openCasesAtEnd).toBe(t.cases);
      expect(t.resolvedShareOfCases).toBeLessThanOrEqual(1);
    }
  });
});

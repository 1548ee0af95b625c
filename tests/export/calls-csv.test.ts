import { describe, expect, it } from 'vitest';
import type { AttemptRecord, ReplicationResult } from '../../src/core/sim/run-replication.js';
import { runReplication } from '../../src/core/sim/run-replication.js';
import { CALLS_CSV_HEADER, callsCsvPrefix, callsCsvRow, writeCallsCsv } from '../../src/export/calls-csv.js';
import { testInput, testModel } from '../core/sim/model-builder.js';

describe('callsCsvRow', () => {
  it('writes the 8 fields after the variant, times to the millisecond, CRLF', () => {
    const record: AttemptRecord = {
      replication: 0,
      caseId: 7,
      attempt: 2,
      kind: 'redial',
      group: 'agents',
      arrivalSeconds: 30612.25,
      waitSeconds: 4.5,
      outcome: 'answered',
      handleSeconds: 181,
    };
    expect(callsCsvRow(record)).toBe('0,7,2,redial,30612.25,4.5,answered,181\r\n');
    // With agent groups, the group follows the kind.
    expect(callsCsvRow({ ...record, kind: 'transfer', group: 'case officers, north' }, true)).toBe('0,7,2,transfer,"case officers, north",30612.25,4.5,answered,181\r\n');
    expect(callsCsvRow({ ...record, arrivalSeconds: 1 / 3, waitSeconds: 2.0004999, handleSeconds: 0 })).toBe('0,7,2,redial,0.333,2,answered,0\r\n');
  });

  it('has a 9-field header that matches the rows', () => {
    expect(CALLS_CSV_HEADER).toBe('variant,replication,case id,attempt,kind,arrival (s),wait (s),outcome,handle time (s)\r\n');
  });
});

describe('callsCsvPrefix', () => {
  it('quotes a variant name only when RFC 4180 needs it', () => {
    expect(callsCsvPrefix('world-class')).toBe('world-class,');
    expect(callsCsvPrefix('a, "b"')).toBe('"a, ""b""",');
  });
});

describe('writeCallsCsv', () => {
  // Redials and repeat contacts, so that every kind of attempt occurs.
  const model = testModel({
    casesPerInterval: 60,
    redialProbability: 0.6,
    firstContactResolution: 0.7,
    repeatProbability: 0.6,
    repeatDelay: { kind: 'exponential', meanSeconds: 1200 },
    replications: 2,
  });
  const input = testInput(model, 3);

  function write(): { text: string; results: [number, number, ReplicationResult][] } {
    let text = '';
    const results: [number, number, ReplicationResult][] = [];
    writeCallsCsv(
      [input, { ...input, model: { ...model, variantName: 'b' } }],
      (chunk) => (text += chunk),
      (variant, replication, result) => results.push([variant, replication, result]),
    );
    return { text, results };
  }

  it('writes the header and then one row per attempt of every replication of every variant', () => {
    const { text, results } = write();
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(`${lines[0]}\r\n`).toBe(CALLS_CSV_HEADER);
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const row of rows) expect(row).toHaveLength(9);
    expect(results.map(([v, r]) => `${v}/${r}`)).toEqual(['0/0', '0/1', '1/0', '1/1']);
    for (const [v, r, result] of results) {
      const own = rows.filter((row) => row[0] === (v === 0 ? 'base' : 'b') && row[1] === String(r));
      expect(own).toHaveLength(result.totals.attempts); // no warm-up: every attempt is counted
      // The metrics are those of the replication run on its own (the CSV observer changes nothing).
      expect(result).toEqual(runReplication(input, r));
    }
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['first', 'redial', 'repeat']));
  });

  it('writes the same bytes on every run', () => {
    expect(write().text).toBe(write().text);
  });

  it('reports progress within and across replications', () => {
    const seen: number[] = [];
    writeCallsCsv([input], () => undefined, () => undefined, (_variant, done) => seen.push(done));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(2);
    expect(seen.some((done) => done > 0 && done < 1)).toBe(true);
    expect(seen.every((done, i) => i === 0 || done >= (seen[i - 1] as number))).toBe(true);
  });
});

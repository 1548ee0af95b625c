/**
 * The demand history at the size of its limits (a long test, `npm run test:long`): ten years of five-minute counts
 * around the clock, fed line by line, in bounded memory.
 */
import { describe, expect, it } from 'vitest';
import { demandHistory } from '../../../src/core/history/demand-history.js';

describe('demand history of the largest files', () => {
  it('reads ten years of five-minute counts around the clock (1,051,200 rows), fed line by line', () => {
    const history = demandHistory({ intervalMinutes: 30 });
    history.addLine('Time,Calls');
    const first = Date.UTC(2010, 0, 1);
    const days = 3652; // 2010-01-01 … 2019-12-31
    for (let d = 0; d < days; d++) {
      const date = new Date(first + d * 86_400_000).toISOString().slice(0, 10);
      for (let slot = 0; slot < 288; slot++) {
        const minutes = slot * 5;
        history.addLine(`${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')},${(slot % 7) + (d % 3)}`);
      }
    }
    const estimate = history.finish();
    expect(estimate.report).toMatchObject({ rows: days * 288, days, firstDate: '2010-01-01', lastDate: '2019-12-31', dataIntervalSeconds: 300 });
    expect(estimate.calendar).toMatchObject({ days: 7, openSeconds: 0, closeSeconds: 86_400, intervalsPerDay: 48 });
    let expectedTotal = 0;
    for (let d = 0; d < days; d++) for (let slot = 0; slot < 288; slot++) expectedTotal += (slot % 7) + (d % 3);
    expect(estimate.report.meanPerDay).toBeCloseTo(expectedTotal / days, 9);
  });
});

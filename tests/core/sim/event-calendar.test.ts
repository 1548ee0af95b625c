import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../src/core/sim/event-calendar.js';

describe('EventCalendar', () => {
  it('pops events by time, and events at the same time in insertion order', () => {
    fc.assert(
      fc.property(
        // Few distinct times, so that ties are common; operations interleave pushes and pops.
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1)), { maxLength: 400 }),
        (operations) => {
          const calendar = new EventCalendar(16);
          const reference: { time: number; code: number }[] = [];
          let code = 0;
          for (const op of operations) {
            if (op >= 0) {
              calendar.push(op, code);
              reference.push({ time: op, code });
              code++;
            } else if (reference.length > 0) {
              // The reference's earliest: smallest time, then smallest code (= insertion order).
              let best = 0;
              for (let i = 1; i < reference.length; i++) {
                const r = reference[i]!;
                const b = reference[best]!;
                if (r.time < b.time || (r.time === b.time && r.code < b.code)) best = i;
              }
              const [expected] = reference.splice(best, 1);
              expect([calendar.peekTime(), calendar.peekCode()]).toEqual([expected!.time, expected!.code]);
              calendar.pop();
            }
            expect(calendar.size).toBe(reference.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grows past its initial capacity and reports Infinity when empty', () => {
    const calendar = new EventCalendar(16);
    for (let i = 0; i < 10_000; i++) calendar.push((i * 7919) % 10_007, i);
    let last = -Infinity;
    for (let i = 0; i < 10_000; i++) {
      expect(calendar.peekTime()).toBeGreaterThanOrEqual(last);
      last = calendar.peekTime();
      calendar.pop();
    }
    expect(calendar.size).toBe(0);
    expect(calendar.peekTime()).toBe(Infinity);
  });

  it('returns increasing sequence numbers shared with allocateSequence', () => {
    const calendar = new EventCalendar();
    const a = calendar.push(3, 0);
    const b = calendar.allocateSequence();
    const c = calendar.push(1, 1);
    expect([a, b, c]).toEqual([0, 1, 2]);
    expect(calendar.peekSequence()).toBe(2);
  });
});

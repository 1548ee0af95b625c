import { describe, expect, it } from 'vitest';
import { unstableSummary } from '../../../src/ui/model/stability.js';

describe('unstableSummary', () => {
  it('names the intervals of an unstable plan by day and time, with the group, and says the cost is ∞', () => {
    const at = (day: number, hour: number, group: string | null) => ({ day, interval: hour - 8, startSeconds: hour * 3600, group });
    expect(unstableSummary('switchboard', [at(0, 8, 'case-officers'), at(0, 9, 'case-officers')])).toBe(
      'switchboard: unstable in 2 intervals (case-officers) — day 1 08:00, day 1 09:00 · calls without patience arrive faster than the agents answer them: waits and total cost ∞',
    );
    const many = Array.from({ length: 8 }, (_, i) => at(Math.floor(i / 4), 8 + (i % 4), i % 2 === 0 ? 'front' : 'back'));
    const text = unstableSummary('lean', many) ?? '';
    expect(text).toMatch(/^lean: unstable in 8 intervals — day 1 08:00 front, day 1 09:00 back, .*, day 2 09:00 back, … · /);
    expect(unstableSummary('lean', [at(2, 10, null)])).toMatch(/^lean: unstable in 1 interval — day 3 10:00 · /);
  });

  it('names a group whose tasks outgrow the time its calls leave over, with both in hours', () => {
    expect(unstableSummary('mediocre', [], [{ group: 'case-officers', workHours: 210.4, spareHours: 80.2 }])).toBe(
      'mediocre: unstable — case-officers 210 h of tasks, 80 h left over from calls · the backlog grows without end: total cost ∞',
    );
  });

  it('says nothing about a stable plan', () => {
    expect(unstableSummary('good', [])).toBeNull();
  });
});

/**
 * "HH:MM" of a time of day given in seconds after midnight (rounded down to the minute; 86 400 is "24:00").
 * @example formatClock(30_600) // "08:30"
 */
export function formatClock(secondsAfterMidnight: number): string {
  const minutes = Math.floor(secondsAfterMidnight / 60);
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** "HH:MM" times of day ↔ seconds after midnight. */

/**
 * Seconds after midnight of a validated "HH:MM" time ("24:00" is 86 400).
 * @example secondsOfTime('08:30') // 30600
 */
export function secondsOfTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours as number) * 3600 + (minutes as number) * 60;
}

/**
 * "HH:MM" of seconds after midnight (rounded down to the minute).
 * @example timeOfSeconds(59400) // '16:30'
 */
export function timeOfSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

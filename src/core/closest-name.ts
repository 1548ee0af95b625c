/**
 * The name a typo most likely meant: the closest of the candidates by edit distance (Levenshtein, case-insensitive),
 * if it is close enough to be a typo. Used for unknown keys in scenario files and unknown flags on the command line.
 */

/** Levenshtein distance, case-insensitive. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/**
 * The candidate closest to a misspelt name, if it is close enough to be a typo.
 * @example closestName('intervalMinuts', ['days', 'intervalMinutes']) // 'intervalMinutes'
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 3));
  if (bestDistance <= tolerance) return best;
  // "monday" → "mon", "serviceLevelTarget" → "serviceLevel"
  const lower = name.toLowerCase();
  return candidates.find((candidate) => candidate.length >= 3 && lower.startsWith(candidate.toLowerCase()));
}

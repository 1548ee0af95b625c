import seedrandom from 'seedrandom';

/**
 * The sources of randomness of the contact-centre model (SPEC §3, "Randomness"). Each has its own stream, and each
 * replication its own substream of it, in the spirit of SSJ's `RandomStream`: a scenario compared with another one
 * under the same seed sees the same arrivals, handle times and patience draws (common random numbers), and no two
 * processes ever share a stream.
 */
export const RANDOM_SOURCES = [
  'arrivals',
  'dayFactors',
  'handleTime',
  'patience',
  'redialDecision',
  'redialDelay',
  'resolution',
  'repeatDecision',
  'repeatDelay',
  'staffing',
  'deferral',
  'transferPatience',
] as const;

export type RandomSource = (typeof RANDOM_SOURCES)[number];

/** A source of uniform numbers on [0, 1) (resolution 2⁻³²). */
export type UniformStream = () => number;

/** One stream per source, all for the same seed and replication. */
export type RandomStreams = Readonly<Record<RandomSource, UniformStream>>;

/**
 * The stream of one source for one replication.
 *
 * The generator is seedrandom's **Alea** (Baagøe, 2010): it is the fastest generator seedrandom ships (about 17 ns
 * per exponential draw on the reference machine, against 24–25 ns for xor128/xorwow/xor4096 and about 44 ns for the
 * default ARC4), has a period of about 2¹¹⁶, passes the statistical batteries quoted by seedrandom, and hashes its
 * string seed with Baagøe's Mash function, so the neighbouring seed strings `"7:arrivals:0"` and `"7:arrivals:1"` give
 * unrelated sequences. Its output has 32 random bits, which bounds an exponential draw at about 22 means (probability
 * 2⁻³²) — far beyond anything a contact-centre statistic can see.
 *
 * The seed string is `${seed}:${source}:${replication}`: every (seed, source, replication) triple has its own
 * sequence, and a replication's numbers do not depend on which worker ran it or on which replications ran before.
 *
 * @param seed the scenario's base seed (`model.simulation.seed`)
 * @param source the named source of randomness
 * @param replication 0-based replication index (the substream)
 * @example createStream(1, 'arrivals', 0)() // the same number on every run
 */
export function createStream(seed: number, source: RandomSource, replication: number): UniformStream {
  return aleaStream(`${seed}:${source}:${replication}`);
}

/**
 * seedrandom's Alea, stepped in a Float64Array. seedrandom seeds it (Baagøe's Mash of the seed string) and its state
 * is copied once; each draw then runs Alea's own three lines — the same floating-point operations, so the numbers are
 * bit for bit seedrandom's — on typed-array slots instead of object fields, where V8 would box every new double (an
 * allocation per draw; the simulation draws several per call).
 *
 * @example aleaStream('7:arrivals:0')() === seedrandom.alea('7:arrivals:0')() // true
 */
function aleaStream(seedText: string): UniformStream {
  const seeded = seedrandom.alea(seedText, { state: true }).state() as { c: number; s0: number; s1: number; s2: number };
  const state = Float64Array.of(seeded.s0, seeded.s1, seeded.s2, seeded.c);
  return () => {
    const t = 2091639 * (state[0] as number) + (state[3] as number) * 2.3283064365386963e-10; // 2^-32
    state[0] = state[1] as number;
    state[1] = state[2] as number;
    const c = t | 0;
    state[3] = c;
    return (state[2] = t - c);
  };
}

/**
 * The stream of a source that belongs to one agent group or channel (SPEC §7), e.g. the handle times of the group
 * "case-officers": the seed string is `${seed}:${source}:${owner}:${replication}`. Keyed by name, not by position, so
 * adding a group to a variant leaves the streams of the other groups unchanged (common random numbers). The first
 * group of a model uses the plain streams of `RANDOM_SOURCES`.
 *
 * @example createOwnedStream(1, 'handleTime', 'case-officers', 0)() // the same number on every run
 */
export function createOwnedStream(seed: number, source: string, owner: string, replication: number): UniformStream {
  return aleaStream(`${seed}:${source}:${owner}:${replication}`);
}

/** All streams of one replication. */
export function createStreams(seed: number, replication: number): RandomStreams {
  const streams = {} as Record<RandomSource, UniformStream>;
  for (const source of RANDOM_SOURCES) streams[source] = createStream(seed, source, replication);
  return streams;
}

/** A small deterministic PRNG (mulberry32): the same seed always builds the same county. */
export function createRandom(seed: number, resume?: number) {
  let state = resume === undefined ? seed >>> 0 || 1 : resume >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** Where the stream is: `createRandom(seed, random.state())` goes on with the very same numbers. */
    state: () => state,
  };
}
export type Random = ReturnType<typeof createRandom>;

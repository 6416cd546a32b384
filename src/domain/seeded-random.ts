/**
 * Deterministic randomness: the same seed gives the same sequence, on every machine.
 * Used where a draw must be reproducible (a quiz attempt's questions, generated demo data).
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number

/**
 * mulberry32: tiny, fast and good enough for shuffles and test data. Math.random is not
 * an option where the same seed must give the same answer again.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A new array in a random order (Fisher–Yates), the input left alone. */
export function shuffled<T>(rand: Random, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

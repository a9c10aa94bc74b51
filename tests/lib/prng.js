// A small seeded PRNG (mulberry32) for generated test and benchmark inputs: the same numbers on
// every run, so generated files and requests never change between runs.

/**
 * @param {number} seed
 * @returns {() => number} the next number in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

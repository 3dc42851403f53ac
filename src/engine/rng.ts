/**
 * Keyed randomness. A draw is a pure function of (seed, draw site, how often that site was drawn),
 * not a position in one sequential stream: editing one node or forking the road not taken leaves
 * every other draw unchanged.
 */

/** 32-bit FNV-1a over a string, then a murmur3 finaliser for avalanche. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** An integer in 0..99 for the n-th draw at `site`. */
export function percentDraw(seed: number, site: string, n: number): number {
  return hash32(`${seed}|${site}|${n}`) % 100;
}

/** A short hex content hash (not cryptographic; identifies a scenario version in saves). */
export function contentHash(text: string): string {
  const a = hash32(text).toString(16).padStart(8, '0');
  const b = hash32(`mandate:${text}`).toString(16).padStart(8, '0');
  return a + b;
}

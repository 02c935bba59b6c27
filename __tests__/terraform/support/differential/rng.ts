/**
 * A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine, so a
 * failure is reproduced by setting DIFF_SEED to the seed it printed.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  public int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  public chance(p: number): boolean {
    return this.next() < p;
  }

  public pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)];
  }

  /** `length` lowercase hex digits. */
  public hex(length: number): string {
    return Array.from({ length }, () => this.int(0, 15).toString(16)).join("");
  }

  /** A copy of `items` in a random order (Fisher-Yates). */
  public shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** A fresh random seed (when DIFF_SEED is not set). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * One measurement in a fresh process: `node measure-child.js <library|l1> <N> <outdir>`.
 * Prints one JSON line (timings, peak RSS of this process). A fresh process per measurement keeps
 * peak RSS per measurement and stops JIT warm-up or garbage of one run from leaking into the next.
 */
import { buildAndSynth, builderOf, Variant, VARIANTS } from "./build-and-synth";

export interface MeasureChildResult {
  readonly variant: Variant;
  readonly n: number;
  readonly loadMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  readonly totalCpuMs: number;
  /** Peak resident set size of the child process, MiB. */
  readonly maxRssMb: number;
}

function main(): void {
  const [variant, nText, outdir] = process.argv.slice(2);
  const n = Number(nText);
  if (!VARIANTS.includes(variant as Variant) || !Number.isInteger(n) || n < 1 || !outdir) {
    throw new Error(`usage: measure-child <${VARIANTS.join("|")}> <N >= 1> <outdir>; got ${process.argv.slice(2).join(" ")}`);
  }
  const build = builderOf(variant as Variant);
  const timing = buildAndSynth(build, n, outdir);
  const result: MeasureChildResult = {
    variant: variant as Variant,
    n,
    // From process start to the start of the measured work: node start-up + module loading.
    loadMs: performance.now() - timing.totalMs,
    ...timing,
    // maxRSS is in KiB on Linux
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();

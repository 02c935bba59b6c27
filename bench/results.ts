/** Shape of bench/results.json (also read by the markdown and chart writers). */
import { Variant } from "./build-and-synth";
import { LoadVariant } from "./load-child";
import { Summary } from "./stats";

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryMb: number;
  readonly node: string;
  readonly platform: string;
  /** `os.loadavg()` (1, 5, 15 min) when the run started and ended. */
  readonly loadAverageAtStart: number[];
  readonly loadAverageAtEnd: number[];
  /** Highest 1-minute load average seen before any measurement of the run. */
  readonly maxOneMinuteLoad: number;
  /**
   * Average number of cores other processes (not this benchmark) kept busy, per part of the run
   * (Linux only). Above ~0.3 the timings are distorted by competing work.
   */
  readonly otherProcessesCores: Record<string, number>;
  /** Plain-words verdict: whether other work competed for the cores during the run. */
  readonly busy: string;
}

export interface VariantAtSize {
  /** Build + synth, ms. */
  readonly totalMs: Summary;
  readonly buildMs: Summary;
  readonly synthMs: Summary;
  /** CPU time of build + synth, ms (cross-check when the machine is busy). */
  readonly totalCpuMs: Summary;
  /** Peak RSS of each measurement process, MiB. */
  readonly maxRssMb: Summary;
}

export interface ScalingRow {
  readonly n: number;
  /** Resources in the synthesized stack (equal for both variants; checked). */
  readonly resources: number;
  readonly repetitions: number;
  readonly library: VariantAtSize;
  readonly l1: VariantAtSize;
  /** library / L1 of the median build + synth (wall) times. */
  readonly ratio: number;
  /** library / L1 of the median CPU times. */
  readonly cpuRatio: number;
}

export interface LoadResult {
  readonly requireMs: Summary;
  readonly modules: number;
  readonly maxRssMb: Summary;
}

export interface SynthCommandResult {
  readonly wallMs: Summary;
  /** CPU time of the whole process tree (cdktf CLI + app), Linux only. */
  readonly cpuMs?: Summary | undefined;
}

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: string;
  /** The same quantity from CPU times, which other processes on the machine distort less. */
  readonly cpuTimeValue?: number | undefined;
  /** Met by the wall-time value and, where there is one, by the CPU-time value too. */
  readonly met: boolean;
}

export interface TestSuiteTiming {
  readonly command: string;
  readonly wallSeconds: number;
  /**
   * CPU time of the command and every process it waited for (jest workers, Terraform): what the
   * suite costs whatever else runs on the machine. Absent in results from before it was measured.
   */
  readonly cpuSeconds?: number | undefined;
  /** Cores other processes kept busy meanwhile, on average (Linux only). */
  readonly otherCoresBusy?: number | undefined;
  readonly exitCode: number;
  readonly limitSeconds: number;
}

export interface Finding {
  readonly title: string;
  readonly hotSpots: string[];
  readonly fix: string;
  readonly before: string;
  readonly after: string;
}

export interface BenchResults {
  readonly generatedAt: string;
  readonly machine: MachineInfo;
  readonly method: string[];
  readonly scaling: ScalingRow[];
  /** t(3000) / t(1000) per variant. */
  readonly growth: Record<Variant, number>;
  readonly load: {
    readonly variants: Partial<Record<LoadVariant, LoadResult>>;
    /** Provider classes the library entry point loads (the `deep` variant loads exactly these). */
    readonly libraryProviderModules: string[];
  };
  readonly cdktfSynth: {
    readonly command: string;
    readonly main: SynthCommandResult;
    readonly emptyApp: SynthCommandResult;
    /** main.ts / empty app, median wall times. */
    readonly ratio: number;
    /** main.ts / empty app, median CPU times (cross-check on a busy machine). */
    readonly cpuRatio?: number | undefined;
  } | { readonly error: string };
  readonly testSuite?: TestSuiteTiming[] | undefined;
  readonly targets: TargetResult[];
  readonly findings: Finding[];
}

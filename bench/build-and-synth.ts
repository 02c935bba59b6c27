import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { REGION } from "./topology";

export type Variant = "library" | "l1";
export const VARIANTS: readonly Variant[] = ["library", "l1"];

/** Adds the topology's resources for N services to a stack. */
export type TopologyBuilder = (scope: Construct, n: number) => void;

/**
 * The builder of one variant. Required on demand so a measurement process loads only the
 * modules of the variant it measures (RSS and load time stay per variant).
 */
export function builderOf(variant: Variant): TopologyBuilder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return variant === "library" ? require("./library-stack").buildWithLibrary : require("./l1-stack").buildWithL1;
}

export const STACK_NAME = "bench";

export interface BuildAndSynthTiming {
  /** Constructing the app, stack, provider and the topology (wall time). */
  readonly buildMs: number;
  /** `app.synth()`: resolving tokens and writing cdk.tf.json (wall time). */
  readonly synthMs: number;
  readonly totalMs: number;
  /**
   * CPU time (user + system, all threads of the process) of build + synth. Less sensitive than
   * wall time to other processes competing for the cores.
   */
  readonly totalCpuMs: number;
}

/**
 * Builds the topology in a fresh App and synthesizes it into `outdir`, the way a `cdktf synth`
 * run does. Module loading is not included (measured on its own).
 */
export function buildAndSynth(build: TopologyBuilder, n: number, outdir: string): BuildAndSynthTiming {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, STACK_NAME);
  new AwsProvider(stack, "aws", { region: REGION });
  build(stack, n);
  const t1 = performance.now();
  app.synth();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return { buildMs: t1 - t0, synthMs: t2 - t1, totalMs: t2 - t0, totalCpuMs: (cpu.user + cpu.system) / 1000 };
}

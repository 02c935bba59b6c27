import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineExampleApp } from "../../example-app/example-app";
import { synthAtomically } from "../../example-app/synth/atomic-synth";
import { scratchDir } from "./scratch";

/**
 * Synthesizes the example app into a fresh folder under .work and returns that folder; the
 * folder is removed after the calling test file (see scratch.ts).
 */
export function synthExampleApp(context: Record<string, unknown> = {}): string {
  const outdir = join(scratchDir("synth"), "cdktf.out");
  synthAtomically((app, out) => defineExampleApp(app, out), { outdir, appConfig: { context } });
  return outdir;
}

export function stackDir(outdir: string, stack: string): string {
  return join(outdir, "stacks", stack);
}

export function readStack(outdir: string, stack: string): Record<string, any> {
  return JSON.parse(readFileSync(join(stackDir(outdir, stack), "cdk.tf.json"), "utf8"));
}

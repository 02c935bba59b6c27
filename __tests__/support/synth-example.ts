import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineExampleApp } from "../../example-app/example-app";
import { synthAtomically } from "../../example-app/synth/atomic-synth";

const WORK = resolve(__dirname, "../../.work");

/** Synthesizes the example app into a fresh folder under .work and returns that folder. */
export function synthExampleApp(context: Record<string, unknown> = {}): string {
  mkdirSync(WORK, { recursive: true }); // git-ignored: absent in a fresh clone
  const outdir = join(mkdtempSync(join(WORK, "synth-")), "cdktf.out");
  synthAtomically((app, out) => defineExampleApp(app, out), { outdir, appConfig: { context } });
  return outdir;
}

export function stackDir(outdir: string, stack: string): string {
  return join(outdir, "stacks", stack);
}

export function readStack(outdir: string, stack: string): Record<string, any> {
  return JSON.parse(readFileSync(join(stackDir(outdir, stack), "cdk.tf.json"), "utf8"));
}

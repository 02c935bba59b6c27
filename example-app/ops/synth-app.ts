/**
 * Synthesizes the example app in-process, the way `cdktf synth` does: the `context` of
 * cdktf.json first, `CDKTF_CONTEXT_JSON` over it, and the same atomic publish as main.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLE_STACKS, defineExampleApp } from "../example-app";
import { synthAtomically } from "../synth/atomic-synth";

/** cdktf.json's "context" (the project root is the working directory, as for cdktf). */
export function cdktfJsonContext(projectDir = process.cwd()): Record<string, unknown> {
  const file = join(projectDir, "cdktf.json");
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, "utf8")).context as Record<string, unknown> | undefined) ?? {};
}

/** Synthesizes every stack into `outdir` and returns the stack ids. */
export function synthExampleStacks(outdir: string): string[] {
  synthAtomically((app, out) => defineExampleApp(app, out), { outdir, appConfig: { context: cdktfJsonContext() } });
  return [...EXAMPLE_STACKS];
}

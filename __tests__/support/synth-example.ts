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

/** Version of the `cdktf` package installed here (cdktn's under the CDK Terrain alias, see .ci/lanes/cdktn). */
export const CDKTF_VERSION: string = JSON.parse(readFileSync(require.resolve("cdktf/package.json"), "utf8")).version;

/**
 * A stack's JSON for a snapshot: cdktf stamps its own version into `//.metadata.version`, the
 * one value that differs between cdktf 0.21 and CDK Terrain while the configuration is the same.
 * The stamp is replaced by a placeholder when it is the installed version (and kept, so the
 * snapshot fails, when it is anything else).
 */
export function versionIndependent<T extends Record<string, any>>(json: T): T {
  const metadata = json["//"]?.metadata;
  if (metadata?.version !== CDKTF_VERSION) return json;
  return { ...json, "//": { ...json["//"], metadata: { ...metadata, version: "<installed cdktf version>" } } };
}

export function readStack(outdir: string, stack: string): Record<string, any> {
  return JSON.parse(readFileSync(join(stackDir(outdir, stack), "cdk.tf.json"), "utf8"));
}

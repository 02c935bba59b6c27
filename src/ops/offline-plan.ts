/**
 * The offline plan of a synthesized cdktf app (a `cdktf.out` folder): for each stack of its
 * manifest, a copy of the stack folder in a scratch folder — the user's cdktf.out never gets
 * offline settings, a lock file or a `.terraform` folder from here — plus the offline files (mock
 * credentials, the provider's skip flags, local state), then `terraform init` (providers from
 * TF_PLUGIN_MIRROR or the registry, through a shared plugin cache), `plan`, `show -json`, a
 * summary and the plan guard. No AWS account and, with a mirror, no network.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { inParallel } from "../terraform/in-parallel";
import { offlineRootFiles } from "../terraform/offline-root";
import { TerraformCli, findTerraform, terraformEnvironment } from "../terraform/terraform-cli";
import { OFFLINE_STATE_FILE } from "../terraform/workspace";
import { GUARD_EXIT, GuardReport, analysePlan, asPlan, formatGuardReport } from "./plan-guard";
import { summarizePlan } from "./plan-summary";

/** A stack of a synthesized app, as its `manifest.json` lists it. */
export interface SynthesizedStack {
  readonly name: string;
  /** Folder Terraform runs in, relative to the output folder (`stacks/<name>`). */
  readonly workingDirectory: string;
  /** The Terraform JSON file, relative to the output folder. */
  readonly synthesizedStackPath: string;
}

/** The stacks of the synthesized app in `outdir`, from its manifest. */
export function readManifest(outdir: string): SynthesizedStack[] {
  const file = join(outdir, "manifest.json");
  if (!existsSync(file)) {
    throw new Error(`${outdir} holds no synthesized cdktf app (no manifest.json): run \`cdktf synth\` first, or pass --outdir`);
  }
  let stacks: unknown;
  try {
    stacks = (JSON.parse(readFileSync(file, "utf8")) as { stacks?: unknown }).stacks;
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message}): synthesize again`);
  }
  if (typeof stacks !== "object" || stacks === null) throw new Error(`${file} lists no stacks: synthesize again`);
  return Object.entries(stacks as Record<string, Partial<SynthesizedStack>>).map(([name, entry]) => {
    if (typeof entry.workingDirectory !== "string" || typeof entry.synthesizedStackPath !== "string") {
      throw new Error(`${file}: stack ${name} has no workingDirectory/synthesizedStackPath; synthesize again with cdktf >= 0.21`);
    }
    return { name, workingDirectory: entry.workingDirectory, synthesizedStackPath: entry.synthesizedStackPath };
  });
}

/** The stacks named (`--stack id`, repeatable), checked; all when none is named. */
export function selectStacks(all: readonly string[], wanted: readonly string[]): string[] {
  const unknown = wanted.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    throw new Error(`unknown stack(s) ${unknown.join(", ")}: the app defines ${all.join(", ")}`);
  }
  return wanted.length > 0 ? [...wanted] : [...all];
}

export interface StackPlanResult {
  readonly stack: string;
  readonly summary?: string | undefined;
  readonly report?: GuardReport | undefined;
  /** Where the plan's `terraform show -json` output was written (with a plan folder). */
  readonly planJsonFile?: string | undefined;
  /** Why the stack could not be planned. */
  readonly error?: string | undefined;
}

/** Steps a stack goes through, for progress output. */
export type OfflinePlanStep = "init" | "plan";

export interface OfflinePlanOptions {
  /** The synthesized app (absolute, or relative to the working directory). */
  readonly outdir: string;
  /** @default - every stack of the manifest */
  readonly stacks?: readonly string[] | undefined;
  /** A state file per stack id to plan against (with -refresh=false: refreshing needs AWS). */
  readonly states?: Readonly<Record<string, string>> | undefined;
  /** Terraform CLI config, plugin cache and the scratch copies (removed after the run). */
  readonly workDir: string;
  /** Provider mirror root. @default - the registry */
  readonly mirror?: string | undefined;
  /** Writes each plan's JSON to `<planDir>/<stack>.plan.json`. @default - not written */
  readonly planDir?: string | undefined;
  /** @default - findTerraform() */
  readonly terraformBin?: string | undefined;
  /** Stacks planned at once (each Terraform process is CPU-bound). @default 2 */
  readonly parallel?: number | undefined;
  /** Called after each step of each stack, with its duration. */
  readonly onStep?: ((stack: string, step: OfflinePlanStep, ms: number) => void) | undefined;
}

/** Plans each selected stack offline; a stack that fails yields a result with `error`. */
export async function planSynthesizedApp(opts: OfflinePlanOptions): Promise<StackPlanResult[]> {
  const outdir = resolve(opts.outdir);
  const manifest = readManifest(outdir);
  const names = selectStacks(
    manifest.map((s) => s.name),
    opts.stacks ?? [],
  );
  for (const [stack, file] of Object.entries(opts.states ?? {})) {
    if (!names.includes(stack)) throw new Error(`--state ${stack}=${file}: stack ${stack} is not planned (see --stack)`);
    if (!existsSync(file)) throw new Error(`--state ${stack}=${file}: no such file`);
  }
  const bin = opts.terraformBin ?? findTerraform();
  if (!bin) throw new Error("terraform not found on PATH (or $TERRAFORM_BIN): install Terraform >= 1.9");
  const workDir = resolve(opts.workDir);
  const cli = new TerraformCli(bin, terraformEnvironment({ workDir, mirror: opts.mirror }));
  if (opts.planDir) mkdirSync(opts.planDir, { recursive: true });
  const scratch = mkdtempSync(join(workDir, "run-"));
  try {
    const stacks = manifest.filter((s) => names.includes(s.name));
    return await inParallel(stacks, opts.parallel ?? 2, async (stack): Promise<StackPlanResult> => {
      const timed = async <T>(step: OfflinePlanStep, run: () => Promise<T>): Promise<T> => {
        const started = performance.now();
        const result = await run();
        opts.onStep?.(stack.name, step, performance.now() - started);
        return result;
      };
      const state = opts.states?.[stack.name];
      try {
        const dir = copyStack(outdir, stack, scratch);
        if (state) copyFileSync(state, join(dir, OFFLINE_STATE_FILE));
        await timed("init", () => cli.init(dir));
        const plan = await timed("plan", async () => {
          await cli.plan(dir, { refresh: state === undefined });
          return asPlan(await cli.showPlan(dir), `plan of ${stack.name}`);
        });
        const planJsonFile = opts.planDir ? join(resolve(opts.planDir), `${stack.name}.plan.json`) : undefined;
        if (planJsonFile) writeAtomically(planJsonFile, JSON.stringify(plan));
        const title = state ? `${stack.name} (against ${state})` : `${stack.name} (against empty state)`;
        return { stack: stack.name, summary: summarizePlan(title, plan), report: analysePlan(plan), planJsonFile };
      } catch (e) {
        return { stack: stack.name, error: (e as Error).message };
      }
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Writes through a temporary file and a rename: a reader never sees half a plan. */
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** Files of a stack folder that belong to an earlier Terraform run, not to the configuration. */
const RUN_LEFTOVERS = [/^\.terraform$/, /\.tfstate(\.backup)?$/, /^tfplan$/, /^plan\.json$/];

/**
 * Copies the stack's folder to the same relative place under `scratch` (relative paths inside
 * cdktf.out keep working) and adds the offline files. Returns the copy's folder.
 */
function copyStack(outdir: string, stack: SynthesizedStack, scratch: string): string {
  if (!stack.synthesizedStackPath.endsWith(".json")) {
    throw new Error(
      `stack ${stack.name} was synthesized as HCL (${stack.synthesizedStackPath}); the offline plan reads Terraform JSON: synthesize without hclOutput`,
    );
  }
  const from = join(outdir, stack.workingDirectory);
  const dir = join(scratch, stack.workingDirectory);
  cpSync(from, dir, { recursive: true, filter: (source) => !RUN_LEFTOVERS.some((pattern) => pattern.test(basename(source))) });
  const config: unknown = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"));
  for (const [file, content] of Object.entries(offlineRootFiles(config))) {
    writeFileSync(join(dir, file), JSON.stringify(content, null, 2) + "\n");
  }
  return dir;
}

/** The report of all stacks and the exit code: 1 on any error, else 2 on any danger, else 0. */
export function formatOfflineResults(results: readonly StackPlanResult[]): { text: string; code: number } {
  const parts: string[] = [];
  let code: number = GUARD_EXIT.safe;
  for (const r of results) {
    if (r.error !== undefined || r.report === undefined) {
      parts.push(`${r.stack}: PLAN FAILED\n${(r.error ?? "no plan").trim()}`);
      code = GUARD_EXIT.unreadable;
      continue;
    }
    const planJson = r.planJsonFile ? `\n  plan JSON: ${r.planJsonFile}` : "";
    parts.push(`${r.summary}\n${indent(formatGuardReport(r.report))}${planJson}`);
    if (!r.report.safe && code === GUARD_EXIT.safe) code = GUARD_EXIT.dangerous;
  }
  return { text: parts.join("\n\n"), code };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `  ${l}` : l))
    .join("\n");
}

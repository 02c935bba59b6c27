/**
 * `npm run plan:offline`: the pull-request check. Synthesizes the app into .work/plan-offline,
 * then for each stack plans with mock credentials, the provider's skip flags and a provider
 * mirror (TF_PLUGIN_MIRROR, else one found on this machine; no AWS account, no network), prints a
 * readable summary and runs the plan guard. Exit 0 safe, 2 when a plan replaces or deletes a
 * namespace, Cloud Map service or ECS service, 1 on errors. Progress (a line per phase and stack,
 * with timings) goes to stderr; the report to stdout.
 *
 * A plan against empty state only creates, so the guard has something to guard when a stack is
 * planned against a copy of its real state (`terraform state pull > prod.tfstate`): the plan then
 * runs with -refresh=false, comparing the configuration with that state as it is.
 */
import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findProviderMirror } from "../../src/terraform/cli-config";
import { inParallel } from "../../src/terraform/in-parallel";
import { OFFLINE_STATE_FILE, TerraformWorkspace } from "../../src/terraform/workspace";
import { GUARD_EXIT } from "../../src/ops/guard-cli";
import { GuardReport, analysePlan, asPlan, formatGuardReport } from "../../src/ops/plan-guard";
import { summarizePlan } from "../../src/ops/plan-summary";
import { selectStacks, synthExampleStacks } from "./synth-app";

export const PLAN_OFFLINE_USAGE = `usage: npm run plan:offline [-- --stack <id>]... [-- --state <stack>=<state file>]...

Plans every stack of the example app offline (mock credentials, provider mirror; no AWS, no
network), prints what each creates, updates, replaces and deletes, and runs the plan guard.

  --stack <id>             plan only this stack (repeatable); ids: see \`npm run synth\`
  --state <stack>=<file>   plan that stack against a copy of its state (-refresh=false)
  --help                   print this help

Providers come from TF_PLUGIN_MIRROR (a \`terraform providers mirror\` folder), else from a mirror
found on this machine, else the registry (TF_PLUGIN_MIRROR=none skips the search).
Exit codes: 0 every plan is safe, 2 a plan replaces or deletes a namespace, Cloud Map service or
ECS service, 1 on errors.`;

const PROJECT_DIR = resolve(__dirname, "../..");
/** Shared with the Terraform tests: one provider installation, one seed init. */
export const OFFLINE_TERRAFORM_WORK_DIR = join(PROJECT_DIR, ".work/terraform");
export const OFFLINE_SYNTH_DIR = join(PROJECT_DIR, ".work/plan-offline/cdktf.out");

export interface StackPlanResult {
  readonly stack: string;
  readonly summary?: string | undefined;
  readonly report?: GuardReport | undefined;
  readonly planJsonFile?: string | undefined;
  readonly error?: string | undefined;
}

export interface OfflinePlanOptions {
  readonly stacks?: readonly string[] | undefined;
  /** State file per stack id to plan against. */
  readonly states?: Readonly<Record<string, string>> | undefined;
  readonly outdir?: string | undefined;
  readonly workDir?: string | undefined;
  /** Terraform binary. @default - findTerraform() */
  readonly bin?: string | undefined;
  /** Progress lines (a phase, a stack's Terraform command), with timings. @default - none */
  readonly progress?: ((line: string) => void) | undefined;
}

/** Synthesizes, then plans and guards each stack (two Terraform processes at a time). */
export async function planOffline(opts: OfflinePlanOptions = {}): Promise<StackPlanResult[]> {
  const progress = opts.progress ?? (() => undefined);
  const started = Date.now();
  const outdir = opts.outdir ?? OFFLINE_SYNTH_DIR;
  rmSync(outdir, { recursive: true, force: true });
  const stacks = selectStacks(synthExampleStacks(outdir), opts.stacks ?? []);
  progress(`synth: ${stacks.length} stack(s) in ${seconds(started)}`);
  for (const [stack, file] of Object.entries(opts.states ?? {})) {
    if (!stacks.includes(stack)) throw new Error(`--state ${stack}=${file}: stack ${stack} is not planned (see --stack)`);
    if (!existsSync(file)) throw new Error(`--state ${stack}=${file}: no such file`);
  }
  const workDir = opts.workDir ?? OFFLINE_TERRAFORM_WORK_DIR;
  const setupStarted = Date.now();
  const source = findProviderMirror({
    cacheFile: join(workDir, "provider-mirror.txt"),
    onSearch: () => progress("TF_PLUGIN_MIRROR is not set: looking for a provider mirror on this machine (once)"),
  });
  const ws = await TerraformWorkspace.create({
    workDir,
    mirror: source.mirror,
    mirrorOrigin: source.origin,
    bin: opts.bin,
    cliOptions: {
      onCommand: (e) => progress(`${basename(e.dir)}: ${e.args[0]} ${(e.durationMs / 1000).toFixed(1)} s${e.code === 0 ? "" : ` (exit ${e.code})`}`),
    },
  });
  progress(`terraform ready in ${seconds(setupStarted)}: providers from ${source.mirror ? `${source.mirror} (${source.origin})` : `the ${source.origin}`}`);
  const results = await inParallel(stacks, 2, async (stack): Promise<StackPlanResult> => {
    const dir = join(outdir, "stacks", stack);
    const state = opts.states?.[stack];
    try {
      await ws.prepareRoot(dir);
      if (state) copyFileSync(state, join(dir, OFFLINE_STATE_FILE));
      // Refreshing needs AWS; against a state copy the plan compares configuration and state as they are.
      await ws.plan(dir, { refresh: state === undefined });
      const plan = asPlan(await ws.showPlan(dir), `plan of ${stack}`);
      const planJsonFile = join(dir, "plan.json");
      writeAtomically(planJsonFile, JSON.stringify(plan));
      const title = state ? `${stack} (against ${state})` : `${stack} (against empty state)`;
      return { stack, summary: summarizePlan(title, plan), report: analysePlan(plan), planJsonFile };
    } catch (e) {
      return { stack, error: (e as Error).message };
    }
  });
  const failed = results.filter((r) => r.error !== undefined).length;
  progress(`done: ${stacks.length} stack(s) in ${seconds(started)}${failed > 0 ? `, ${failed} failed` : ""}`);
  return results;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Writes a file whole or not at all: readers (the guard, CI artifact upload) never see a
 * truncated or empty plan.json, even when the process dies while writing.
 */
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** The report of all stacks and the exit code: 1 on any error, else 2 on any danger, else 0. */
export function formatOfflineResults(results: readonly StackPlanResult[]): { text: string; code: number } {
  const parts: string[] = [];
  let code: number = GUARD_EXIT.safe;
  for (const r of results) {
    if (r.error !== undefined) {
      parts.push(`${r.stack}: PLAN FAILED\n${r.error.trim()}`);
      code = GUARD_EXIT.unreadable;
      continue;
    }
    parts.push(`${r.summary}\n${indent(formatGuardReport(r.report!))}\n  plan JSON: ${r.planJsonFile}`);
    if (!r.report!.safe && code === GUARD_EXIT.safe) code = GUARD_EXIT.dangerous;
  }
  return { text: parts.join("\n\n"), code };
}

function indent(text: string): string {
  return text.split("\n").map((l) => (l ? `  ${l}` : l)).join("\n");
}

/** `id=file` pairs of --state. */
export function parseStateArgs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0 || at === pair.length - 1) throw new Error(`--state ${pair}: expected <stack>=<state file>`);
    out[pair.slice(0, at)] = resolve(pair.slice(at + 1));
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { stack: { type: "string", multiple: true }, state: { type: "string", multiple: true }, help: { type: "boolean" } },
    });
    if (values.help) {
      process.stdout.write(`${PLAN_OFFLINE_USAGE}\n`);
      return 0;
    }
    const results = await planOffline({
      stacks: values.stack,
      states: parseStateArgs(values.state ?? []),
      progress: (line) => process.stderr.write(`[plan:offline] ${line}\n`),
    });
    const { text, code } = formatOfflineResults(results);
    process.stdout.write(text + "\n");
    return code;
  } catch (e) {
    const usage = String((e as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS") ? " (npm run plan:offline -- --help)" : "";
    process.stderr.write(`plan:offline: ${(e as Error).message}${usage}\n`);
    return GUARD_EXIT.unreadable;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

/**
 * `cdktf-ecs-sd plan-offline`: the pull-request check of a consumer's CI. Plans every stack of a
 * synthesized cdktf app without an AWS account (see ops/offline-plan.ts), prints what each stack
 * creates, updates, replaces and deletes, and runs the plan guard. Progress lines with timings go
 * to standard error, the report to standard output.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { OfflinePlanStep, formatOfflineResults, planSynthesizedApp } from "../ops/offline-plan";
import { GUARD_EXIT } from "../ops/plan-guard";
import { PLUGIN_MIRROR_ENV, providerMirrorFromEnv } from "../terraform/cli-config";
import { CliIo, resolveFromCaller } from "./cli-io";
import { Progress } from "./progress";

/** Terraform CLI config, plugin cache and scratch copies, kept between runs (the cache saves a provider install). */
export function defaultWorkDir(): string {
  return join(tmpdir(), `cdktf-ecs-sd-${typeof process.getuid === "function" ? process.getuid() : "user"}`);
}

export const PLAN_OFFLINE_HELP = `usage: cdktf-ecs-sd plan-offline [--outdir DIR] [--stack ID]... [--state ID=FILE]... [--plan-dir DIR] [--work-dir DIR]

Plans each stack of a synthesized cdktf app (run \`cdktf synth\` first) without an AWS account:
the stack's folder is copied to a scratch folder (cdktf.out itself is never changed), the copy
gets mock credentials, the AWS provider's skip flags and local state, and \`terraform init\`,
\`plan\` and \`show -json\` run there. Prints per stack what it creates, updates, replaces and
deletes, and the plan guard's report (see \`cdktf-ecs-sd guard --help\`).

  --outdir DIR      the synthesized app (default: cdktf.out)
  --stack ID        plan only this stack (repeatable; default: every stack of the manifest)
  --state ID=FILE   plan stack ID against a copy of its state (\`terraform state pull > FILE\`),
                    with -refresh=false; against empty state a plan only creates
  --plan-dir DIR    also write each plan's JSON to DIR/<stack>.plan.json
  --work-dir DIR    plugin cache, scratch copies (and the CLI config of a mirror)
                    (default: ${defaultWorkDir()})

Relative paths resolve from the working directory. Terraform >= 1.9 must be on PATH (or in
TERRAFORM_BIN). Providers come from the filesystem mirror in ${PLUGIN_MIRROR_ENV} when it is set
(the folder above registry.terraform.io, as \`terraform providers mirror\` writes it); otherwise
your own Terraform CLI configuration applies (a network mirror, credentials), else the registry.

Exit code: 0 every plan is safe, 2 a plan replaces or deletes a namespace, Cloud Map service or
ECS service, 1 an error (a plan failed, bad arguments). Progress goes to standard error.`;

const STEP_TEXT: Record<OfflinePlanStep, string> = { init: "terraform init", plan: "terraform plan + show" };

/** `id=file` pairs of --state, files resolved from the caller's folder. */
export function parseStateArgs(pairs: readonly string[], io: Pick<CliIo, "cwd">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0 || at === pair.length - 1) throw new Error(`--state ${pair}: expected <stack>=<state file>`);
    out[pair.slice(0, at)] = resolveFromCaller(io, pair.slice(at + 1));
  }
  return out;
}

export async function runPlanOffline(args: readonly string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        outdir: { type: "string" },
        stack: { type: "string", multiple: true },
        state: { type: "string", multiple: true },
        "plan-dir": { type: "string" },
        "work-dir": { type: "string" },
      },
    }).values;
  } catch (e) {
    io.err(`plan-offline: ${(e as Error).message}\n\n${PLAN_OFFLINE_HELP}`);
    return GUARD_EXIT.unreadable;
  }
  const progress = new Progress(io.err);
  try {
    const outdir = resolveFromCaller(io, values.outdir ?? "cdktf.out");
    const mirror = providerMirrorFromEnv(io.env ?? process.env);
    progress.line(`plan-offline: ${outdir}; providers from ${mirror ? `the mirror ${mirror} (${PLUGIN_MIRROR_ENV})` : "the registry"}`);
    const results = await planSynthesizedApp({
      outdir,
      stacks: values.stack,
      states: parseStateArgs(values.state ?? [], io),
      workDir: values["work-dir"] ? resolveFromCaller(io, values["work-dir"]) : defaultWorkDir(),
      mirror,
      planDir: values["plan-dir"] ? resolveFromCaller(io, values["plan-dir"]) : undefined,
      onStep: (stack, step, ms) => progress.line(`${stack}: ${STEP_TEXT[step]} (${(ms / 1000).toFixed(1)}s)`),
    });
    const failed = results.filter((r) => r.error !== undefined).length;
    progress.line(`plan-offline: ${results.length - failed} of ${results.length} stack(s) planned`);
    const { text, code } = formatOfflineResults(results);
    io.out(text);
    return code;
  } catch (e) {
    io.err(`plan-offline: ${(e as Error).message}`);
    return GUARD_EXIT.unreadable;
  }
}

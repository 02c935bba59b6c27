/**
 * `npm run plan:offline`: the pull-request check of this repository's example app. Synthesizes
 * the app into .work/plan-offline/cdktf.out (never into cdktf.out), then runs the package's
 * `cdktf-ecs-sd plan-offline` on it (src/cli/plan-offline-command.ts) with the Terraform work
 * folder the tests share. Every option of that command passes through:
 *
 *   npm run plan:offline                                   # every stack, against empty state
 *   npm run plan:offline -- --stack fargate-awsvpc         # some stacks
 *   npm run plan:offline -- --state fargate-awsvpc=prod.tfstate   # against a state copy
 *
 * Exit 0 safe, 2 when a plan replaces or deletes a namespace, Cloud Map service or ECS service,
 * 1 on errors.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { processIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import { PLAN_OFFLINE_HELP } from "../../src/cli/plan-offline-command";
import { Progress } from "../../src/cli/progress";
import { GUARD_EXIT } from "../../src/ops/plan-guard";
import { PLUGIN_MIRROR_ENV, findProviderMirror } from "../../src/terraform/cli-config";
import { synthExampleStacks } from "./synth-app";

const PROJECT_DIR = resolve(__dirname, "../..");
/** Shared with the Terraform tests: one Terraform CLI config and plugin cache. */
export const OFFLINE_TERRAFORM_WORK_DIR = join(PROJECT_DIR, ".work/terraform");
export const OFFLINE_SYNTH_DIR = join(PROJECT_DIR, ".work/plan-offline/cdktf.out");
/** Where each plan's JSON goes unless --plan-dir says otherwise. */
export const OFFLINE_PLAN_DIR = join(PROJECT_DIR, ".work/plan-offline/plans");

const HELP = `usage: npm run plan:offline -- [--stack ID]... [--state ID=FILE]... [--plan-dir DIR]

Synthesizes the example app into ${OFFLINE_SYNTH_DIR}, then runs
\`cdktf-ecs-sd plan-offline\` on it (Terraform work folder ${OFFLINE_TERRAFORM_WORK_DIR};
plan JSON in ${OFFLINE_PLAN_DIR} unless --plan-dir is given). Relative paths resolve from the
folder npm was started in. That command's help:

${PLAN_OFFLINE_HELP}`;

export async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(HELP + "\n");
    return GUARD_EXIT.safe;
  }
  try {
    await new Progress((line) => process.stderr.write(line + "\n")).step(`plan:offline: synthesized the example app into ${OFFLINE_SYNTH_DIR}`, () => {
      rmSync(OFFLINE_SYNTH_DIR, { recursive: true, force: true });
      return synthExampleStacks(OFFLINE_SYNTH_DIR);
    });
  } catch (e) {
    process.stderr.write(`plan:offline: ${(e as Error).message}\n`);
    return GUARD_EXIT.unreadable;
  }
  const planDir = argv.some((a) => a === "--plan-dir" || a.startsWith("--plan-dir=")) ? [] : ["--plan-dir", OFFLINE_PLAN_DIR];
  const args = ["plan-offline", "--npm-init-cwd", ...argv, ...planDir, "--outdir", OFFLINE_SYNTH_DIR, "--work-dir", OFFLINE_TERRAFORM_WORK_DIR];
  return runCli(args, { ...processIo(PROJECT_DIR), env: withProviderMirror(process.env) });
}

/**
 * This repository's checks find a provider mirror on the machine when TF_PLUGIN_MIRROR is not set
 * (as `.ci/run` and the Terraform tests do; the package's command itself only reads the variable).
 */
function withProviderMirror(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const source = findProviderMirror({
    env,
    cacheFile: join(OFFLINE_TERRAFORM_WORK_DIR, "provider-mirror.txt"),
    onSearch: () => process.stderr.write("plan:offline: TF_PLUGIN_MIRROR is not set: looking for a provider mirror on this machine (once)\n"),
  });
  const { [PLUGIN_MIRROR_ENV]: _given, ...rest } = env;
  return source.mirror === undefined ? rest : { ...rest, [PLUGIN_MIRROR_ENV]: source.mirror };
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

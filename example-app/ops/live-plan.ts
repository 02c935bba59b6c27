/**
 * `npm run diff` and `npm run deploy` against the real account (AWS credentials and the
 * configured backend from the environment, as for cdktf):
 *
 *   npm run diff -- [stack...]                    # synth, then per stack: init, plan, summary, plan guard
 *   npm run deploy -- [stack...] [--auto-approve] [--allow-dangerous]
 *
 * `diff` exits like the guard (0 safe, 2 dangerous, 1 on errors). `deploy` runs the same diff
 * first and refuses a dangerous plan unless --allow-dangerous is given; it then hands over to
 * `cdktf deploy --skip-synth`, which shows its own plan and asks for approval. The guard sees
 * the saved plan `terraform show -json` prints, the same one `cdktf deploy` recomputes from the
 * same synthesized configuration and state.
 */
import { spawnSync } from "node:child_process";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { EXAMPLE_STACKS } from "../example-app";
import { TerraformCli, findTerraform } from "../../src/terraform/terraform-cli";
import { GUARD_EXIT, analysePlan, asPlan, formatGuardReport } from "../../src/ops/plan-guard";
import { summarizePlan } from "../../src/ops/plan-summary";
import { selectStacks } from "../../src/ops/offline-plan";
import { synthExampleStacks } from "./synth-app";

const PROJECT_DIR = resolve(__dirname, "../..");

/** Plans the stacks with real credentials; prints Terraform's plan, the summary and the guard. Returns the exit code. */
export async function liveDiff(stackArgs: readonly string[], outdir: string, print: (text: string) => void): Promise<number> {
  const bin = findTerraform();
  if (!bin) throw new Error("terraform not found on PATH (or $TERRAFORM_BIN)");
  const stacks = selectStacks(synthExampleStacks(outdir), stackArgs);
  const cli = new TerraformCli(
    bin,
    { ...process.env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_INPUT: "0" },
    // Progress on stderr: a line per stack and Terraform command, with its time.
    { onCommand: (e) => process.stderr.write(`[diff] ${basename(e.dir)}: ${e.args[0]} ${(e.durationMs / 1000).toFixed(1)} s${e.code === 0 ? "" : ` (exit ${e.code})`}\n`) },
  );
  let code: number = GUARD_EXIT.safe;
  for (const stack of stacks) {
    const dir = join(outdir, "stacks", stack);
    await cli.init(dir);
    // Unlike the offline harness, this plan takes the state lock: it reads the shared state.
    const planned = await cli.run(dir, ["plan", "-input=false", "-no-color", "-out=tfplan"]);
    const plan = asPlan(await cli.showPlan(dir), `plan of ${stack}`);
    const report = analysePlan(plan);
    print([`== ${stack}`, planned.stdout.trim(), summarizePlan(stack, plan), formatGuardReport(report)].join("\n\n"));
    if (!report.safe) code = GUARD_EXIT.dangerous;
  }
  return code;
}

async function main(command: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "auto-approve": { type: "boolean" }, "allow-dangerous": { type: "boolean" } },
  });
  const outdir = resolve(process.env.CDKTF_OUTDIR ?? join(PROJECT_DIR, "cdktf.out"));
  const print = (text: string) => process.stdout.write(text + "\n\n");
  const code = await liveDiff(positionals, outdir, print);
  if (command === "diff") return code;
  if (code === GUARD_EXIT.dangerous && !values["allow-dangerous"]) {
    process.stderr.write(
      "deploy: refused. The plan replaces or deletes a namespace, Cloud Map service or ECS service (see the plan guard above). " +
        "Change the configuration, or rerun with --allow-dangerous once the outage it describes is acceptable.\n",
    );
    return code;
  }
  const stacks = positionals.length > 0 ? positionals : [...EXAMPLE_STACKS];
  const cdktf = join(PROJECT_DIR, "node_modules", ".bin", "cdktf");
  const args = ["deploy", ...stacks, "--skip-synth", ...(values["auto-approve"] ? ["--auto-approve"] : [])];
  const result = spawnSync(cdktf, args, { stdio: "inherit", env: { ...process.env, CHECKPOINT_DISABLE: "1" }, cwd: PROJECT_DIR });
  return result.status ?? 1;
}

const USAGE = {
  diff: `usage: npm run diff [-- <stack>...]

Synthesizes the example app, then for each stack (all when none is named): terraform init and
plan with your AWS credentials and the configured state backend, a summary of the plan, and the
plan guard. Exit codes: 0 safe, 2 a plan replaces or deletes a namespace, Cloud Map service or
ECS service, 1 on errors.`,
  deploy: `usage: npm run deploy [-- <stack>...] [-- --auto-approve] [-- --allow-dangerous]

Runs \`npm run diff\` first and refuses a plan the guard calls dangerous, unless
--allow-dangerous is given; then \`cdktf deploy --skip-synth\` (which asks for approval unless
--auto-approve is given).`,
};

if (require.main === module) {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "diff" && command !== "deploy") {
    process.stderr.write("usage: live-plan.ts diff|deploy [stack...] [--auto-approve] [--allow-dangerous]\n");
    process.exitCode = 1;
  } else if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`${USAGE[command]}\n`);
  } else {
    main(command, rest).then(
      (code) => (process.exitCode = code),
      (e) => {
        process.stderr.write(`${command}: ${(e as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  }
}

/**
 * `cdktf-ecs-sd guard <plan.json | -> [--json] [--aws-provider-version X.Y.Z]`: checks
 * `terraform show -json <planfile>` output. Exit 0: safe. Exit 2: it replaces or deletes a private
 * DNS namespace, a Cloud Map service or an ECS service, or turns Service Connect off or renames or
 * removes an endpoint (each printed with the forcing attribute, what breaks and the remedy). Exit 1: the input cannot be read. `-` reads standard input;
 * `--json` prints the report as JSON; `--aws-provider-version` names the exact hashicorp/aws
 * version for version-specific notes (else the guard reads what the plan tells).
 */
import { GUARD_EXIT, GuardReport, PlanReadError, analysePlan, exitCodeOf, formatGuardReport, parsePlanJson } from "../ops/plan-guard";
import { CliIo, initCwdHint, resolveFromCaller } from "./cli-io";

export const GUARD_HELP = `usage: cdktf-ecs-sd guard <plan.json | -> [--json] [--aws-provider-version X.Y.Z]

Checks a Terraform plan for changes that break ECS service discovery: a Cloud Map private DNS
namespace, a Cloud Map service or an ECS service that is replaced or deleted, or Service Connect
turned off (also by removing its block) or an endpoint renamed or removed. Each is printed with
the attribute that forces it (old and new value), what breaks, whether the ECS service
registered to a replaced Cloud Map service is updated in the same plan, and the remedy.

  plan.json   output of \`terraform show -json <planfile>\`; relative to the working directory
  -           read it from standard input
  --json      print the report as JSON
  --aws-provider-version X.Y.Z
              the exact hashicorp/aws version (\`terraform version -json\` in the root shows it)
              for notes that differ by version; without it the guard reads the version
              constraint and the resource schema in the plan

Exit code: 0 safe, 2 dangerous, 1 the input is not a plan's JSON (or cannot be read).

Example:
  terraform plan -out=tfplan && terraform show -json tfplan > plan.json
  cdktf-ecs-sd guard plan.json      # or: terraform show -json tfplan | cdktf-ecs-sd guard -`;

export function runGuard(args: readonly string[], io: CliIo): number {
  const json = args.includes("--json");
  let awsProviderVersion: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") continue;
    if (args[i] === "--aws-provider-version") awsProviderVersion = args[++i] ?? "";
    else if (args[i].startsWith("--aws-provider-version=")) awsProviderVersion = args[i].slice("--aws-provider-version=".length);
    else files.push(args[i]);
  }
  if (awsProviderVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(awsProviderVersion)) {
    io.err(`guard: --aws-provider-version takes a version such as 5.100.0, got ${JSON.stringify(awsProviderVersion)}\n\n${GUARD_HELP}`);
    return GUARD_EXIT.unreadable;
  }
  if (files.length !== 1 || (files[0].startsWith("-") && files[0] !== "-")) {
    io.err(`guard: expected one plan file (or -)${files.length > 1 ? `, got ${files.join(" ")}` : ""}\n\n${GUARD_HELP}`);
    return GUARD_EXIT.unreadable;
  }
  const file = files[0];
  const source = file === "-" ? "standard input" : file;
  let report: GuardReport;
  try {
    let text: string;
    try {
      text = file === "-" ? io.readStdin() : io.readFile(resolveFromCaller(io, file));
    } catch (e) {
      throw new PlanReadError(`cannot read ${source}: ${(e as Error).message}${file === "-" ? "" : initCwdHint(io, file)}`);
    }
    report = analysePlan(parsePlanJson(text, source), { awsProviderVersion });
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
    io.err(`Plan guard: ${e.message}`);
    return GUARD_EXIT.unreadable;
  }
  io.out(json ? JSON.stringify(report, null, 2) : formatGuardReport(report));
  return exitCodeOf(report);
}

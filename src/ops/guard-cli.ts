/**
 * `npm run guard -- <plan.json>`: checks `terraform show -json <planfile>` output.
 * Exit 0: safe. Exit 2: it replaces or deletes a private DNS namespace, a Cloud Map service or an
 * ECS service (each printed with the forcing attribute, what breaks and the remedy). Exit 1: the
 * input cannot be read. `-` reads standard input; `--json` prints the report as JSON;
 * `--aws-provider-version X` names the exact hashicorp/aws version (else the guard reads what the
 * plan tells: the version constraint and the resource schema) for version-specific notes.
 */
import { readFileSync } from "node:fs";
import { GuardReport, PlanReadError, analysePlan, formatGuardReport, parsePlanJson } from "./plan-guard";

export const GUARD_EXIT = { safe: 0, unreadable: 1, dangerous: 2 } as const;

export interface GuardIo {
  readonly readFile: (path: string) => string;
  readonly readStdin: () => string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const USAGE =
  "usage: npm run guard -- <plan.json | -> [--json] [--aws-provider-version X.Y.Z]   (plan.json = terraform show -json <planfile>)";

const HELP = `${USAGE}

Checks a Terraform plan for changes that break ECS service discovery: a private DNS namespace,
Cloud Map service or ECS service replaced or deleted. Prints each with the attribute that forces
it, what breaks and the remedy.

  -                             read the plan JSON from standard input
  --json                        print the report as JSON
  --aws-provider-version X.Y.Z  the exact hashicorp/aws version (\`terraform version -json\` in the root
                                shows it) for version-specific notes; without it the guard reads
                                the version constraint and resource schema in the plan
  --help                        print this help

Exit codes: 0 safe, 2 dangerous, 1 the input is not \`terraform show -json\` output of a plan.`;

/** Exit code for a report. */
export function exitCodeOf(report: GuardReport): number {
  return report.safe ? GUARD_EXIT.safe : GUARD_EXIT.dangerous;
}

export function runGuard(args: readonly string[], io: GuardIo): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(HELP);
    return GUARD_EXIT.safe;
  }
  const json = args.includes("--json");
  let awsProviderVersion: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") continue;
    if (args[i] === "--aws-provider-version") awsProviderVersion = args[++i] ?? "";
    else if (args[i].startsWith("--aws-provider-version=")) awsProviderVersion = args[i].slice("--aws-provider-version=".length);
    else files.push(args[i]);
  }
  if (files.length !== 1 || (files[0].startsWith("-") && files[0] !== "-") || (awsProviderVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(awsProviderVersion))) {
    io.err(USAGE);
    return GUARD_EXIT.unreadable;
  }
  const source = files[0] === "-" ? "standard input" : files[0];
  let report: GuardReport;
  try {
    let text: string;
    try {
      text = files[0] === "-" ? io.readStdin() : io.readFile(files[0]);
    } catch (e) {
      throw new PlanReadError(`cannot read ${source}: ${(e as Error).message}`);
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

if (require.main === module) {
  process.exitCode = runGuard(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(0, "utf8"),
    out: (text) => process.stdout.write(text + "\n"),
    err: (text) => process.stderr.write(text + "\n"),
  });
}

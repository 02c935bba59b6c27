/**
 * `npm run guard -- <plan.json>`: checks `terraform show -json <planfile>` output.
 * Exit 0: safe. Exit 2: it replaces or deletes a private DNS namespace, a Cloud Map service or an
 * ECS service, or turns Service Connect off or renames/removes an endpoint (each printed with the
 * forcing attribute, what breaks and the remedy). Exit 1: the
 * input cannot be read. `-` reads standard input; `--json` prints the report as JSON.
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

const USAGE = "usage: npm run guard -- <plan.json | -> [--json]   (plan.json = terraform show -json <planfile>)";

/** Exit code for a report. */
export function exitCodeOf(report: GuardReport): number {
  return report.safe ? GUARD_EXIT.safe : GUARD_EXIT.dangerous;
}

export function runGuard(args: readonly string[], io: GuardIo): number {
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  if (files.length !== 1 || (files[0].startsWith("-") && files[0] !== "-")) {
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
    report = analysePlan(parsePlanJson(text, source));
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

#!/usr/bin/env node
/**
 * The package's command line, `cdktf-ecs-sd <command>` (the `bin` of package.json): what a
 * consumer's CI runs next to `cdktf synth` — the plan guard and the offline plan.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { GUARD_EXIT } from "../ops/plan-guard";
import { CliIo, processIo } from "./cli-io";
import { GUARD_HELP, runGuard } from "./guard-command";
import { PLAN_OFFLINE_HELP, runPlanOffline } from "./plan-offline-command";

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => number | Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  guard: {
    summary: "check `terraform show -json` output for changes that break service discovery",
    help: GUARD_HELP,
    run: runGuard,
  },
  "plan-offline": {
    summary: "plan each stack of a synthesized cdktf.out without AWS; summary and guard",
    help: PLAN_OFFLINE_HELP,
    run: runPlanOffline,
  },
};

/** Resolves relative paths from npm's INIT_CWD instead of the working directory. */
export const NPM_INIT_CWD_FLAG = "--npm-init-cwd";

export const MAIN_HELP = `usage: cdktf-ecs-sd <command> [options]
       cdktf-ecs-sd <command> --help

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
  .join("\n")}

Options:
  ${NPM_INIT_CWD_FLAG}    resolve relative paths from the folder npm was started in (INIT_CWD),
                    not the working directory: for npm scripts that pass the caller's arguments
                    (npm runs scripts in the project root)
  -h, --help        show help
  -v, --version     show the version

Exit codes: 0 safe, 2 dangerous (a namespace, Cloud Map service or ECS service is replaced or
deleted), 1 error.`;

export function packageVersion(): string {
  // From lib/cli/ (installed) and src/cli/ (this repository) alike: the package root is two up.
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";

/** Runs the command line `argv` (without node and the script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let cwd = io.cwd;
  const args = argv.filter((a) => a !== NPM_INIT_CWD_FLAG);
  if (args.length !== argv.length) cwd = resolve((io.env ?? process.env).INIT_CWD ?? cwd ?? process.cwd());
  const commandIo: CliIo = { ...io, cwd };
  const [name, ...rest] = args;
  if (name === undefined || isHelp(name)) {
    (name === undefined ? io.err : io.out)(MAIN_HELP);
    return name === undefined ? GUARD_EXIT.unreadable : GUARD_EXIT.safe;
  }
  if (name === "--version" || name === "-v") {
    io.out(packageVersion());
    return GUARD_EXIT.safe;
  }
  if (name === "help") {
    const topic = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    if (rest[0] !== undefined && topic === undefined) return unknownCommand(rest[0], io);
    io.out(topic?.help ?? MAIN_HELP);
    return GUARD_EXIT.safe;
  }
  const command = COMMANDS[name];
  if (command === undefined) return unknownCommand(name, io);
  if (rest.some(isHelp)) {
    io.out(command.help);
    return GUARD_EXIT.safe;
  }
  return command.run(rest, commandIo);
}

function unknownCommand(name: string, io: CliIo): number {
  io.err(`cdktf-ecs-sd: unknown command ${JSON.stringify(name)}\n\n${MAIN_HELP}`);
  return GUARD_EXIT.unreadable;
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo()).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      // A bug, not bad input: keep the stack trace.
      process.stderr.write(`cdktf-ecs-sd: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = GUARD_EXIT.unreadable;
    },
  );
}

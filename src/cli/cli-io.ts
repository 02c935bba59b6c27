/**
 * What a command may touch of the process, passed in so tests run commands in-process: where
 * relative paths resolve from, the environment, files, standard input and output.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";

export interface CliIo {
  /** Folder relative paths on the command line resolve from. @default - the working directory */
  readonly cwd?: string | undefined;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly readFile: (path: string) => string;
  readonly readStdin: () => string;
  /** Results (standard output). */
  readonly out: (text: string) => void;
  /** Errors and progress (standard error). */
  readonly err: (text: string) => void;
}

/** The real process: files, stdin, stdout and stderr. */
export function processIo(cwd: string = process.cwd()): CliIo {
  return {
    cwd,
    env: process.env,
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(0, "utf8"),
    out: (text) => process.stdout.write(text + "\n"),
    err: (text) => process.stderr.write(text + "\n"),
  };
}

/** `path` from the command line, absolute. */
export function resolveFromCaller(io: Pick<CliIo, "cwd">, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd ?? process.cwd(), path);
}

/**
 * A hint for a relative path that could not be read, when npm ran the command from the project
 * root while the user stood elsewhere (npm sets INIT_CWD to that folder).
 */
export function initCwdHint(io: Pick<CliIo, "cwd" | "env">, path: string): string {
  const initCwd = (io.env ?? process.env).INIT_CWD;
  const cwd = resolve(io.cwd ?? process.cwd());
  if (isAbsolute(path) || !initCwd || resolve(initCwd) === cwd) return "";
  return ` (relative paths resolve from ${cwd}; npm started in ${initCwd}: add --npm-init-cwd to resolve from there)`;
}

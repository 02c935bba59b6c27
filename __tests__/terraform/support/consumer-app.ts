/**
 * A consumer of the package, built the way another team would: `npm pack` of this repository,
 * the tarball installed into an app outside the repository with plain npm. The peers (cdktf,
 * constructs, @cdktf/provider-aws) and jest are linked from this repository's node_modules, so
 * the install needs no network (`--offline` makes sure of it).
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cleanConfigEnv } from "../../support/clean-env";

export const REPO = resolve(__dirname, "../../..");
export const REPO_NODE_MODULES = join(REPO, "node_modules");

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Environment of a program run as a user runs it: not under jest (the library leaves uncaught
 * errors to jest there), no npm script variables of the `npm test` that started the suite
 * (`npm_config_local_prefix` would point a child npm at this repository), no DEBUG, no
 * configuration of the example app.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(cleanConfigEnv()).filter(([name]) => !/^(npm_|JEST_WORKER_ID$|INIT_CWD$|DEBUG$|NODE_OPTIONS$)/i.test(name)),
  );
  return { ...env, CHECKPOINT_DISABLE: "1", ...extra };
}

/** Runs `file` with `args`; resolves with the exit code and output, whatever the code. */
export function run(file: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd: opts.cwd, env: opts.env ?? userEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Like run, but a non-zero exit is an error that shows the output. */
export async function runOk(file: string, args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const result = await run(file, args, opts);
  if (result.code !== 0) {
    throw new Error(`${file} ${args.join(" ")} (in ${opts.cwd}) exited ${result.code}:\n${result.stderr}\n${result.stdout}`);
  }
  return result;
}

export interface PackedPackage {
  readonly tarball: string;
  /** Paths inside the tarball (`lib/index.js`...). */
  readonly files: readonly string[];
}

/** `npm pack` of this repository (its `prepare` builds lib/) into `dest`. */
export async function npmPack(dest: string): Promise<PackedPackage> {
  const { stdout } = await runOk("npm", ["pack", "--json", "--pack-destination", dest], { cwd: REPO });
  const [entry] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dest, entry.filename), files: entry.files.map((f) => f.path) };
}

/** Name and version of the package this repository's `cdktf` resolves to (`cdktn` under the CDK Terrain alias). */
export function installedCdktf(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(REPO_NODE_MODULES, "cdktf", "package.json"), "utf8"));
}

export interface ConsumerInstall {
  /** Package name to folder: linked as `name@file:folder`. */
  readonly links: Readonly<Record<string, string>>;
  readonly tarball: string;
  /**
   * The README's CDK Terrain recipe: an npm override that makes every `cdktf` edge (the package's
   * peer included) take the app's own `cdktf`. @default false
   */
  readonly overrideCdktf?: boolean;
}

/**
 * Installs into `dir` (which has no package.json yet): the links first, then the tarball, in two
 * npm runs — npm 11 fails with "Cannot read properties of null (reading 'matches')" when it
 * places a tarball whose peers are links made in the same run.
 */
export async function installConsumer(dir: string, opts: ConsumerInstall): Promise<void> {
  const manifest = { name: "consumer-app", version: "1.0.0", private: true, ...(opts.overrideCdktf ? { overrides: { cdktf: "$cdktf" } } : {}) };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  const npm = ["--offline", "--no-audit", "--no-fund", "--no-update-notifier"];
  await runOk("npm", ["install", ...npm, ...Object.entries(opts.links).map(([name, folder]) => `${name}@file:${folder}`)], { cwd: dir });
  await runOk("npm", ["install", ...npm, opts.tarball], { cwd: dir });
}

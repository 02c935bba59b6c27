/**
 * Every npm script and `.ci/run` answers `--help` (exit 0, a usage text on stdout), run the way
 * users run them: `npm run <script> -- --help`. Scripts of this repository print their own usage;
 * scripts that are a tool's command (tsc, cdktf, eslint, jest) print that tool's help.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inParallel } from "../../src/terraform/in-parallel";

jest.setTimeout(120_000);

const REPO = resolve(__dirname, "../..");
const SCRIPTS = Object.keys(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).scripts as Record<string, string>);

/** What each script's help must say. A script added to package.json must be added here. */
const EXPECTED: Readonly<Record<string, RegExp>> = {
  build: /tsc: The TypeScript Compiler/,
  prepare: /tsc: The TypeScript Compiler/,
  typecheck: /tsc: The TypeScript Compiler/,
  get: /cdktf get/,
  synth: /cdktf synth/,
  destroy: /cdktf destroy/,
  lint: /eslint \[options\]/,
  test: /Usage: jest/,
  "test:unit": /Usage: jest/,
  "test:terraform": /Usage: jest/,
  diff: /^usage: npm run diff/,
  deploy: /^usage: npm run deploy/,
  "plan:offline": /^usage: npm run plan:offline/,
  guard: /^usage: cdktf-ecs-sd guard/,
  "export-module": /^usage: npm run export-module/,
  bench: /^usage: npm run bench/,
  "schema-check": /^usage: npm run schema-check/,
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { cwd: REPO, env: { ...process.env, CHECKPOINT_DISABLE: "1" } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    );
  });
}

const runs: Record<string, Run> = {};

beforeAll(async () => {
  await inParallel([...SCRIPTS, ".ci/run"], 3, async (script) => {
    runs[script] = script === ".ci/run" ? await run(join(REPO, ".ci/run"), ["--help"]) : await run("npm", ["run", "-s", script, "--", "--help"]);
  });
});

it("covers every script of package.json", () => {
  expect(SCRIPTS.filter((s) => !(s in EXPECTED))).toEqual([]);
});

it.each(SCRIPTS)("npm run %s -- --help prints its usage and exits 0", (script) => {
  const { code, stdout, stderr } = runs[script];
  expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toMatch(EXPECTED[script] ?? /^$/);
});

it(".ci/run --help prints its usage and runs nothing", () => {
  expect(runs[".ci/run"]).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: \.ci\/run/) });
  // The steps did not run: they print the mirror they use, and npm prints each script it runs.
  expect(runs[".ci/run"].stdout).not.toMatch(/^TF_PLUGIN_MIRROR=|^> cdktf-ecs-service-discovery/m);
});

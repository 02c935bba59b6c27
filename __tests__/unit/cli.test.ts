/**
 * The package's command line, in-process: help for itself and each command, where relative
 * paths resolve from (the working directory, or npm's INIT_CWD with --npm-init-cwd), and the
 * errors of plan-offline that come before any Terraform run. The installed bin is run for real
 * by the consumer test (__tests__/terraform/consumer.test.ts).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CliIo } from "../../src/cli/cli-io";
import { MAIN_HELP, runCli } from "../../src/cli/main";
import { readManifest } from "../../src/ops/offline-plan";

const REPO = resolve(__dirname, "../..");
const PLANS = join(REPO, "__tests__/fixtures/plans");

async function cli(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    cwd: opts.cwd ?? REPO,
    env: opts.env ?? {},
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => opts.stdin ?? "",
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("help", () => {
  it("lists the commands and the exit codes", async () => {
    const { code, out } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(out).toBe(MAIN_HELP);
    expect(out).toMatch(/^usage: cdktf-ecs-sd <command> \[options\]/);
    expect(out).toMatch(/^ {2}guard {9}check `terraform show -json` output/m);
    expect(out).toMatch(/^ {2}plan-offline {2}plan each stack of a synthesized cdktf\.out/m);
    expect(out).toContain("Exit codes: 0 safe, 2 dangerous");
  });

  it.each([
    [["guard", "--help"], /^usage: cdktf-ecs-sd guard <plan\.json \| -> \[--json\]/],
    [["guard", "plan.json", "-h"], /^usage: cdktf-ecs-sd guard /],
    [["plan-offline", "--help"], /^usage: cdktf-ecs-sd plan-offline \[--outdir DIR\]/],
    [["help", "plan-offline"], /^usage: cdktf-ecs-sd plan-offline /],
    [["help"], /^usage: cdktf-ecs-sd <command>/],
  ])("%j prints the help on stdout and exits 0", async (argv, help) => {
    const { code, out, err } = await cli(argv);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toMatch(help);
  });

  it("no command or an unknown one: the help on stderr, exit 1", async () => {
    expect(await cli([])).toMatchObject({ code: 1, out: "", err: MAIN_HELP });
    const unknown = await cli(["plan"]);
    expect(unknown).toMatchObject({ code: 1, out: "" });
    expect(unknown.err).toMatch(/^cdktf-ecs-sd: unknown command "plan"\n\nusage:/);
    expect((await cli(["help", "nope"])).code).toBe(1);
  });

  it("--version prints the package version", async () => {
    expect((await cli(["--version"])).out).toBe(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);
  });
});

describe("paths resolve from the caller", () => {
  it("from the working directory given to the command", async () => {
    const { code, out } = await cli(["guard", "plans/create-only.json"], { cwd: join(REPO, "__tests__/fixtures") });
    expect(code).toBe(0);
    expect(out).toMatch(/^Plan guard: safe\./);
  });

  it("from npm's INIT_CWD with --npm-init-cwd (npm runs scripts in the project root)", async () => {
    const env = { INIT_CWD: join(REPO, "__tests__/fixtures") };
    expect((await cli(["guard", "--npm-init-cwd", "plans/replace-discovery-service.json"], { env })).code).toBe(2);
    // Without the flag the same path is looked for in the project root, and the error says why.
    const { code, err } = await cli(["guard", "plans/replace-discovery-service.json"], { env });
    expect(code).toBe(1);
    expect(err).toContain(`Plan guard: cannot read plans/replace-discovery-service.json: ENOENT`);
    expect(err).toContain(`(relative paths resolve from ${REPO}; npm started in ${env.INIT_CWD}: add --npm-init-cwd to resolve from there)`);
  });

  it("`npm run guard -- <relative path>` from a subfolder of this repository reads the file there", async () => {
    // The script as package.json writes it, run by npm (which runs it in the project root).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$|JEST_WORKER_ID$)/i.test(name)));
    const result = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile("npm", ["run", "--silent", "guard", "--", "plans/destroy-all.json"], { cwd: join(REPO, "__tests__/fixtures"), env }, (error, stdout) =>
        done({ code: error ? Number(error.code) : 0, stdout: String(stdout) }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^Plan guard: DANGEROUS\./);
  }, 30_000);

  it("absolute paths and standard input stay as they are", async () => {
    expect((await cli(["guard", join(PLANS, "create-only.json")], { cwd: "/" })).code).toBe(0);
    expect((await cli(["guard", "-"], { stdin: readFileSync(join(PLANS, "destroy-all.json"), "utf8") })).code).toBe(2);
  });
});

describe("plan-offline: errors before any Terraform run exit 1 with a message", () => {
  const work = resolve(REPO, ".work");

  it("an unknown option, with the command's help", async () => {
    const { code, err } = await cli(["plan-offline", "--stacks", "a"]);
    expect(code).toBe(1);
    expect(err).toMatch(/^plan-offline: Unknown option '--stacks'.*\n\nusage: cdktf-ecs-sd plan-offline/s);
  });

  it("no synthesized app in the output folder", async () => {
    mkdirSync(work, { recursive: true });
    const empty = mkdtempSync(join(work, "cli-"));
    const { code, err } = await cli(["plan-offline", "--outdir", "nothing-here"], { cwd: empty });
    expect(code).toBe(1);
    expect(err).toContain(`plan-offline: ${join(empty, "nothing-here")} holds no synthesized cdktf app (no manifest.json): run \`cdktf synth\` first, or pass --outdir`);
  });

  it("an unknown stack, a --state for a stack not planned, a missing state file, a mirror that is not one", async () => {
    mkdirSync(work, { recursive: true });
    const dir = mkdtempSync(join(work, "cli-"));
    const stack = { workingDirectory: "stacks/a", synthesizedStackPath: "stacks/a/cdk.tf.json" };
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: { a: stack, b: { ...stack, workingDirectory: "stacks/b" } } }));
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cli(["plan-offline", "--outdir", ".", ...args], { cwd: dir, env });
    expect((await run(["--stack", "c"])).err).toContain("plan-offline: unknown stack(s) c: the app defines a, b");
    expect((await run(["--stack", "a", "--state", "b=x.tfstate"])).err).toContain("plan-offline: --state b=");
    expect((await run(["--state", "a=x.tfstate"])).err).toContain(`plan-offline: --state a=${join(dir, "x.tfstate")}: no such file`);
    expect((await run(["--state", "a"])).err).toContain("plan-offline: --state a: expected <stack>=<state file>");
    const mirror = await run([], { TF_PLUGIN_MIRROR: dir });
    expect(mirror.code).toBe(1);
    expect(mirror.err).toContain(`TF_PLUGIN_MIRROR=${dir} is not a provider mirror`);
  });

  it("reads the stacks of a manifest and refuses one that is not cdktf's", () => {
    mkdirSync(work, { recursive: true });
    const dir = mkdtempSync(join(work, "cli-"));
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: { a: { workingDirectory: "stacks/a", synthesizedStackPath: "stacks/a/cdk.tf.json", name: "a" } } }));
    expect(readManifest(dir)).toEqual([{ name: "a", workingDirectory: "stacks/a", synthesizedStackPath: "stacks/a/cdk.tf.json" }]);
    writeFileSync(join(dir, "manifest.json"), "{");
    expect(() => readManifest(dir)).toThrow(/manifest\.json is not JSON .*: synthesize again/);
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ stacks: { a: {} } }));
    expect(() => readManifest(dir)).toThrow(/stack a has no workingDirectory\/synthesizedStackPath/);
  });
});

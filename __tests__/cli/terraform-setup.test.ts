/**
 * `npm test` without a working Terraform setup, run as users run it (jest in a child process,
 * against a fresh Terraform workspace): the unit tests always run; the Terraform tests are skipped
 * with one message when Terraform is missing, and the run fails with one message that says what
 * to set when Terraform is required (REQUIRE_TERRAFORM=1) or cannot install the provider (a bad
 * TF_PLUGIN_MIRROR, or no mirror and no reachable registry). Progress lines frame each Terraform
 * test file.
 */
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { findTerraform } from "../../src/terraform/terraform-cli";
import { inParallel } from "../../src/terraform/in-parallel";
import { scratchDir } from "../support/scratch";

jest.setTimeout(300_000);

const REPO = resolve(__dirname, "../..");
const UNIT_FILE = "__tests__/unit/readme-rules.test.ts";
const TERRAFORM_FILE = "__tests__/terraform/day2-operations.test.ts";

interface JestRun {
  readonly code: number;
  /** stdout and stderr together (jest reports on stderr). */
  readonly output: string;
}

/** One unit test file and one Terraform test file, with `env` over a clean environment. */
function jestRun(env: Record<string, string>): Promise<JestRun> {
  const work = scratchDir("terraform-setup");
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !["JEST_WORKER_ID", "TERRAFORM_TESTS_SETUP", "REQUIRE_TERRAFORM", "TF_PLUGIN_MIRROR", "TERRAFORM_BIN"].includes(name),
    ),
  );
  const jest = join(REPO, "node_modules/jest/bin/jest.js");
  return new Promise((done) => {
    execFile(
      process.execPath,
      [jest, "--ci", "--runTestsByPath", UNIT_FILE, TERRAFORM_FILE],
      {
        cwd: REPO,
        env: { ...base, TERRAFORM_TEST_WORK_DIR: join(work, "terraform"), TEST_WORK_DIR: work, ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

const count = (text: string, phrase: string) => text.split(phrase).length - 1;

const runs: Record<string, JestRun> = {};

beforeAll(async () => {
  const emptyPath = scratchDir("path-without-terraform");
  const noMirror = join(scratchDir("not-a-mirror"), "mirror");
  mkdirSync(noMirror);
  const cases: Record<string, Record<string, string>> = {
    missing: { PATH: emptyPath },
    required: { PATH: emptyPath, REQUIRE_TERRAFORM: "1" },
    ...(findTerraform()
      ? {
          "bad mirror": { TF_PLUGIN_MIRROR: noMirror, REQUIRE_TERRAFORM: "1" },
          // No mirror, and a registry nobody can reach (a closed local port as the proxy).
          "no registry": { TF_PLUGIN_MIRROR: "none", HTTPS_PROXY: "http://127.0.0.1:9", HTTP_PROXY: "http://127.0.0.1:9", NO_PROXY: "" },
        }
      : {}),
  };
  await inParallel(Object.entries(cases), 2, async ([name, env]) => {
    runs[name] = await jestRun(env);
  });
});

/** The unit file ran and passed; the Terraform file was skipped, framed by progress lines. */
function expectUnitTestsRanAndTerraformSkipped(run: JestRun): void {
  expect(run.output).toContain(`PASS unit ${UNIT_FILE}`);
  expect(run.output).toMatch(/Tests: +\d+ skipped, \d+ passed, \d+ total/);
  expect(run.output).toContain(`[terraform] ${TERRAFORM_FILE} started`);
  expect(run.output).toMatch(new RegExp(`\\[terraform\\] ${TERRAFORM_FILE.replace(/\./g, "\\.")}: 0 passed, 0 failed, \\d+ skipped in \\d+\\.\\d s`));
}

describe("without terraform on PATH", () => {
  it("runs the unit tests, skips the Terraform tests, says so once and exits 0", () => {
    const run = runs.missing;
    expectUnitTestsRanAndTerraformSkipped(run);
    expect(count(run.output, "TERRAFORM TESTS SKIPPED: `terraform` is not on PATH")).toBe(1);
    expect(run.code).toBe(0);
  });

  it("with REQUIRE_TERRAFORM=1: runs the unit tests, then fails the run with one message", () => {
    const run = runs.required;
    expectUnitTestsRanAndTerraformSkipped(run);
    expect(count(run.output, "TERRAFORM TESTS NOT RUN (this run fails): TERRAFORM TESTS SKIPPED: `terraform` is not on PATH")).toBe(1);
    expect(run.code).toBe(1);
  });
});

const withTerraform = findTerraform() ? describe : describe.skip;

withTerraform("with terraform but no provider to install", () => {
  it("a TF_PLUGIN_MIRROR that is not a mirror: unit tests run, one message says what to set, exit 1", () => {
    const run = runs["bad mirror"];
    expectUnitTestsRanAndTerraformSkipped(run);
    expect(count(run.output, "TERRAFORM TESTS NOT RUN")).toBe(1);
    expect(run.output).toMatch(/TF_PLUGIN_MIRROR=\S+ is not a provider mirror: it has no registry.terraform.io folder\. Point it at the folder above registry\.terraform\.io/);
    expect(run.code).toBe(1);
  });

  it("no mirror and an unreachable registry: unit tests run, one message names TF_PLUGIN_MIRROR, no raw init output, exit 1", () => {
    const run = runs["no registry"];
    expectUnitTestsRanAndTerraformSkipped(run);
    expect(count(run.output, "TERRAFORM TESTS NOT RUN")).toBe(1);
    expect(run.output).toContain("Terraform cannot install hashicorp/aws 5.100.0: `terraform init` used the registry (TF_PLUGIN_MIRROR=none) and failed (");
    expect(run.output).toContain("Set TF_PLUGIN_MIRROR to a provider mirror, the folder above registry.terraform.io");
    expect(run.output).not.toContain("Initializing the backend");
    expect(run.code).toBe(1);
  });
});

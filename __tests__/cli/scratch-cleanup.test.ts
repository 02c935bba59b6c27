/**
 * A jest run leaves no scratch folders behind (`.work/synth-*` piled up with every `npm test`):
 * a test file that synthesizes the example app and does not clean up itself runs in a child jest
 * with the work folder moved (TEST_WORK_DIR), and the folder must be empty afterwards. (Every
 * scratch folder of the tests comes from the same helper, scratch.ts.)
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { scratchDir } from "../support/scratch";

jest.setTimeout(180_000);

const REPO = resolve(__dirname, "../..");

it("removes every scratch folder the tests made, the example app's synth output included", async () => {
  const work = scratchDir("scratch-cleanup");
  const report = join(scratchDir("scratch-report"), "outdir.txt");
  const config = {
    rootDir: REPO,
    testEnvironment: "node",
    transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }] },
    setupFilesAfterEnv: ["<rootDir>/jest.setup.js"],
    // The fixture synthesizes without cleaning up after itself, as the Terraform tests do.
    testMatch: ["<rootDir>/__tests__/cli/fixtures/synth-example.fixture.ts"],
  };
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  const run = await new Promise<{ code: number; output: string }>((done) =>
    execFile(
      process.execPath,
      [join(REPO, "node_modules/jest/bin/jest.js"), "--ci", "--config", JSON.stringify(config)],
      { cwd: REPO, env: { ...env, TEST_WORK_DIR: work, FIXTURE_REPORT: report }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    ),
  );
  expect({ code: run.code, output: run.code === 0 ? "" : run.output }).toEqual({ code: 0, output: "" });
  expect(run.output).toMatch(/Tests: +\d+ passed/);
  const outdir = readFileSync(report, "utf8");
  expect(outdir.startsWith(`${work}/synth-`)).toBe(true);
  expect(existsSync(outdir)).toBe(false);
  expect(readdirSync(work)).toEqual([]);
});

/**
 * The offline plan (`cdktf-ecs-sd plan-offline`, which `npm run plan:offline` runs on the example
 * app) end to end on two stacks, with a Terraform whose `show` fails for one of them: a line of
 * progress per stack and step, with timings; a complete plan JSON for the stack that planned and
 * none at all for the one whose `show` failed, whose failure is reported (exit 1) without hiding
 * the other stack's report.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { synthExampleStacks } from "../../example-app/ops/synth-app";
import { OfflinePlanStep, StackPlanResult, formatOfflineResults, planSynthesizedApp } from "../../src/ops/offline-plan";
import { findProviderMirror } from "../../src/terraform/cli-config";
import { findTerraform } from "../../src/terraform/terraform-cli";
import { scratchDir } from "../support/scratch";
import { describeWithTerraform } from "./support/terraform-available";
import { MIRROR_CACHE_FILE, TERRAFORM_WORK_DIR } from "./support/terraform-settings";

jest.setTimeout(300_000);

describeWithTerraform("plan-offline", () => {
  const steps: { stack: string; step: OfflinePlanStep; ms: number }[] = [];
  let results: StackPlanResult[] = [];
  let planDir = "";

  beforeAll(async () => {
    // The real Terraform, except in the ec2-host stack: its plan "succeeds" at once (no real plan
    // needed there) and its show fails.
    const fake = join(scratchDir("fake-terraform"), "terraform");
    writeFileSync(
      fake,
      [
        "#!/bin/sh",
        'if [ "$(basename "$PWD")" = "ec2-host" ] && [ "$1" = "plan" ]; then exit 0; fi',
        'if [ "$(basename "$PWD")" = "ec2-host" ] && [ "$1" = "show" ]; then',
        '  echo "Error: simulated failure of terraform show" >&2',
        "  exit 1",
        "fi",
        `exec "${findTerraform()}" "$@"`,
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
    const outdir = join(scratchDir("plan-offline"), "cdktf.out");
    synthExampleStacks(outdir);
    planDir = scratchDir("plan-offline-plans");
    results = await planSynthesizedApp({
      outdir,
      stacks: ["fargate-awsvpc", "ec2-host"],
      workDir: TERRAFORM_WORK_DIR,
      mirror: findProviderMirror({ cacheFile: MIRROR_CACHE_FILE }).mirror,
      planDir,
      terraformBin: fake,
      onStep: (stack, step, ms) => {
        steps.push({ stack, step, ms });
        process.stderr.write(`[terraform] plan-offline: ${stack}: ${step} ${(ms / 1000).toFixed(1)} s\n`);
      },
    });
  });

  it("reports each step of each stack with its duration", () => {
    const seen = steps.map((s) => `${s.stack}:${s.step}`).sort();
    expect(seen).toEqual(["ec2-host:init", "fargate-awsvpc:init", "fargate-awsvpc:plan"]);
    for (const s of steps) expect(s.ms).toBeGreaterThan(0);
  });

  it("writes the whole plan JSON of a stack that planned, and nothing half-written", () => {
    const ok = results.find((r) => r.stack === "fargate-awsvpc")!;
    expect(ok.error).toBeUndefined();
    expect(ok.planJsonFile).toBe(join(planDir, "fargate-awsvpc.plan.json"));
    expect(JSON.parse(readFileSync(ok.planJsonFile!, "utf8"))).toMatchObject({ format_version: expect.any(String) });
    expect(readdirSync(planDir).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("leaves no plan JSON when `terraform show` fails, and reports the failure with exit 1", () => {
    const failed = results.find((r) => r.stack === "ec2-host")!;
    expect(failed.error).toContain("simulated failure of terraform show");
    expect(failed.planJsonFile).toBeUndefined();
    expect(existsSync(join(planDir, "ec2-host.plan.json"))).toBe(false);
    const { text, code } = formatOfflineResults(results);
    expect(code).toBe(1);
    expect(text).toContain("ec2-host: PLAN FAILED");
    expect(text).toContain("fargate-awsvpc (against empty state)");
  });
});

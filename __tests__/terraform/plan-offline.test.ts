/**
 * `npm run plan:offline` end to end on two stacks, with a Terraform whose `show` fails for one of
 * them: a line of progress per phase and per stack's Terraform command, with timings; a complete
 * plan.json for the stack that planned and none at all for the one whose `show` failed, whose
 * failure is reported (exit 1) without hiding the other stack's report.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StackPlanResult, formatOfflineResults, planOffline } from "../../example-app/ops/plan-offline";
import { findTerraform } from "../../src/terraform/terraform-cli";
import { scratchDir } from "../support/scratch";
import { describeWithTerraform } from "./support/terraform-available";
import { TERRAFORM_WORK_DIR } from "./support/terraform-settings";

jest.setTimeout(300_000);

describeWithTerraform("plan:offline", () => {
  const lines: string[] = [];
  let results: StackPlanResult[] = [];
  let outdir = "";

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
    outdir = join(scratchDir("plan-offline"), "cdktf.out");
    results = await planOffline({
      stacks: ["fargate-awsvpc", "ec2-host"],
      outdir,
      workDir: TERRAFORM_WORK_DIR,
      bin: fake,
      progress: (line) => {
        lines.push(line);
        process.stderr.write(`[terraform] plan-offline: ${line}\n`);
      },
    });
  });

  const stackDir = (stack: string) => join(outdir, "stacks", stack);

  it("prints a line per phase and per Terraform command of each stack, with timings", () => {
    const seconds = String.raw`\d+\.\d s`;
    const expected = [
      new RegExp(`^synth: 2 stack\\(s\\) in ${seconds}$`),
      new RegExp(`^terraform ready in ${seconds}: providers from \\S+`),
      new RegExp(`^fargate-awsvpc: plan ${seconds}$`),
      new RegExp(`^fargate-awsvpc: show ${seconds}$`),
      new RegExp(`^ec2-host: plan ${seconds}$`),
      new RegExp(`^ec2-host: show ${seconds} \\(exit 1\\)$`),
      new RegExp(`^done: 2 stack\\(s\\) in ${seconds}, 1 failed$`),
    ];
    for (const pattern of expected) expect(lines.filter((l) => pattern.test(l))).toHaveLength(1);
    expect(lines[0]).toMatch(expected[0]);
    expect(lines[lines.length - 1]).toMatch(expected[6]);
  });

  it("writes the whole plan JSON of a stack that planned, and nothing half-written", () => {
    const ok = results.find((r) => r.stack === "fargate-awsvpc")!;
    expect(ok.error).toBeUndefined();
    expect(ok.planJsonFile).toBe(join(stackDir("fargate-awsvpc"), "plan.json"));
    expect(JSON.parse(readFileSync(ok.planJsonFile!, "utf8"))).toMatchObject({ format_version: expect.any(String) });
    expect(readdirSync(stackDir("fargate-awsvpc")).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("leaves no plan.json when `terraform show` fails, and reports the failure with exit 1", () => {
    const failed = results.find((r) => r.stack === "ec2-host")!;
    expect(failed.error).toContain("simulated failure of terraform show");
    expect(failed.planJsonFile).toBeUndefined();
    expect(existsSync(join(stackDir("ec2-host"), "plan.json"))).toBe(false);
    const { text, code } = formatOfflineResults(results);
    expect(code).toBe(1);
    expect(text).toContain("ec2-host: PLAN FAILED");
    expect(text).toContain("fargate-awsvpc (against empty state)");
  });
});

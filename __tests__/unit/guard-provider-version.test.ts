/**
 * The plan guard's notes by hashicorp/aws version: which versions a plan shows (explicit version,
 * the configuration's constraint, attributes of the resource schema), and the notes it picks.
 * The 5.100.0 plans are real (trimmed) recordings; no 6.x provider binary exists on this machine,
 * so the 6.x plans are the same recordings with the attributes the 6.x schema adds (`region`,
 * `deployment_configuration`; both present in the @cdktn/provider-aws 25.x bindings, which the
 * provider6 lane checks) and the forcing paths a 5.x provider reports.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUARD_HELP, runGuard } from "../../src/cli/guard-command";
import { GUARD_EXIT } from "../../src/ops/plan-guard";
import { GuardPlan, analysePlan } from "../../src/ops/plan-guard";
import { awsProviderVersionOf, constraintRange, describeRange } from "../../src/ops/provider-version";
import { noteText } from "../../src/ops/versioned-note";

const PLANS = join(__dirname, "../fixtures/plans");
const recorded = (name: string): any => JSON.parse(readFileSync(join(PLANS, name), "utf8"));

/** The recorded plan with its ECS service replaced by a deployment controller change. */
function controllerChangePlan(schema: "5.100" | "6.x", constraint?: string): GuardPlan {
  const plan = recorded("replace-discovery-service.json");
  const ecs = plan.resource_changes.find((rc: any) => rc.type === "aws_ecs_service");
  ecs.change.actions = ["delete", "create"];
  ecs.change.replace_paths = [["deployment_controller", 0, "type"]];
  ecs.change.before.deployment_controller = [{ type: "ECS" }];
  ecs.change.after.deployment_controller = [{ type: "CODE_DEPLOY" }];
  if (schema === "6.x") {
    for (const rc of plan.resource_changes) {
      for (const side of ["before", "after"]) if (rc.change[side]) rc.change[side].region = "us-east-1";
    }
  }
  if (constraint) plan.configuration = { provider_config: { aws: { name: "aws", full_name: "registry.terraform.io/hashicorp/aws", version_constraint: constraint } } };
  return plan;
}

describe("Terraform version constraints as ranges", () => {
  it.each([
    [">= 5.0.0, < 7.0.0", ">= 5.0.0, < 7.0.0"],
    ["~> 6.4", ">= 6.4.0, < 7.0.0"],
    ["~> 6.4.1", ">= 6.4.1, < 6.5.0"],
    ["= 5.100.0", ">= 5.100.0, < 5.100.1"],
    ["5.100.0", ">= 5.100.0, < 5.100.1"],
    ["> 6.3.9, <= 6.14.0", ">= 6.3.10, < 6.14.1"],
    [">= 5.0, != 6.1.0, < 7.0", ">= 5.0.0, < 7.0.0"],
  ])("%s admits %s", (constraint, range) => {
    expect(describeRange(constraintRange(constraint)!)).toBe(range);
  });

  it("gives up on text that is not a constraint", () => {
    expect(constraintRange("latest")).toBeUndefined();
  });
});

describe("which hashicorp/aws versions a plan shows", () => {
  it("reads 5.x from a recorded 5.100.0 plan: its resources lack the region attribute 6.0.0 added", () => {
    const { range, reasons } = awsProviderVersionOf(recorded("replace-discovery-service.json"));
    expect(range).toEqual({ below: "6.0.0" });
    expect(reasons).toContain('aws_ecs_service values lack "region" (added in 6.0.0)');
  });

  it("reads 6.0.0 to 6.3.x from values with region but without deployment_configuration (6.4.0)", () => {
    expect(describeRange(awsProviderVersionOf(controllerChangePlan("6.x")).range)).toBe(">= 6.0.0, < 6.4.0");
  });

  it("narrows by the configuration's version constraint, and an explicit version wins", () => {
    expect(describeRange(awsProviderVersionOf(controllerChangePlan("6.x", "~> 6.2")).range)).toBe(">= 6.2.0, < 6.4.0");
    expect(awsProviderVersionOf(controllerChangePlan("6.x", "~> 6.2"), "6.20.0")).toEqual({
      range: { min: "6.20.0", below: "6.20.1" },
      reasons: ["given: 6.20.0"],
    });
  });

  it("reports evidence that contradicts the rest and ignores it", () => {
    const { range, reasons } = awsProviderVersionOf(controllerChangePlan("6.x", "~> 5.90"));
    expect(range).toEqual({ min: "5.90.0", below: "6.0.0" });
    expect(reasons).toContain('aws_ecs_service values have "region" (added in 6.0.0) contradicts the rest (ignored)');
  });

  it("knows nothing from a plan without configuration or resource values", () => {
    expect(awsProviderVersionOf({ resource_changes: [] })).toEqual({ range: {}, reasons: [] });
  });
});

describe("plan guard notes by provider version", () => {
  it("on 5.x, says the deployment controller replacement is this provider's and that 6.4.0 updates it in place", () => {
    const report = analysePlan(controllerChangePlan("5.100"));
    const ecs = report.findings.find((f) => f.type === "aws_ecs_service")!;
    expect(ecs.forcedBy[0].path).toBe("deployment_controller[0].type");
    expect(ecs.forcedBy[0].why).toMatch(/^hashicorp\/aws < 6\.4\.0: the deployment controller type cannot change in place .*6\.4\.0 and later update it in place/);
    expect(ecs.forcedBy[0].why).not.toMatch(/>= 6\.4\.0/);
  });

  it("with an explicit 6.20.0, never claims the deployment controller forces the replacement", () => {
    const report = analysePlan(controllerChangePlan("6.x"), { awsProviderVersion: "6.20.0" });
    const why = report.findings.find((f) => f.type === "aws_ecs_service")!.forcedBy[0].why;
    expect(why).toMatch(/^hashicorp\/aws >= 6\.4\.0: updated in place by this provider/);
    expect(why).not.toMatch(/cannot change in place/);
  });

  it("without any version evidence, gives every variant with its versions", () => {
    const why = noteText(
      [
        { versions: { below: "6.4.0" }, text: "replaced" },
        { versions: { min: "6.4.0" }, text: "in place" },
      ],
      { range: {}, reasons: [] },
    );
    expect(why).toBe("hashicorp/aws < 6.4.0: replaced; hashicorp/aws >= 6.4.0: in place");
  });

  it("prints the provider versions it established, and takes --aws-provider-version on the command line", () => {
    const file = JSON.stringify(controllerChangePlan("6.x"));
    const out: string[] = [];
    const io = { readFile: () => file, readStdin: () => file, out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(runGuard(["plan.json"], io)).toBe(GUARD_EXIT.dangerous);
    expect(out.join("\n")).toMatch(/AWS provider: >= 6\.0\.0, < 6\.4\.0 \(from aws_ecs_service values have "region"/);
    out.length = 0;
    expect(runGuard(["plan.json", "--aws-provider-version", "6.66.0"], io)).toBe(GUARD_EXIT.dangerous);
    expect(out.join("\n")).toMatch(/AWS provider: >= 6\.66\.0, < 6\.66\.1 \(from given: 6\.66\.0\)/);
    expect(runGuard(["plan.json", "--aws-provider-version", "six"], io)).toBe(GUARD_EXIT.unreadable);
    expect(GUARD_HELP).toMatch(/--aws-provider-version X\.Y\.Z/);
  });

  it("explains a region replacement by version: the 6.0.0-6.4.x -refresh=false bug, or a real move", () => {
    const plan = controllerChangePlan("6.x");
    const discovery = (plan.resource_changes as any[]).find((rc) => rc.type === "aws_service_discovery_service");
    discovery.change.replace_paths = [["region"]];
    const early = analysePlan(plan).findings.find((f) => f.type === "aws_service_discovery_service")!;
    expect(early.forcedBy[0].why).toMatch(/^hashicorp\/aws >= 6\.0\.0, < 6\.5\.0: .*-refresh=false .*fixed in 6\.5\.0, #43516/);
    const late = analysePlan(plan, { awsProviderVersion: "6.66.0" }).findings.find((f) => f.type === "aws_service_discovery_service")!;
    expect(late.forcedBy[0].why).toBe("hashicorp/aws >= 6.5.0: the resource moves to another region: a new one is created there and this one deleted");
  });

  it("notes an in-place capacity provider strategy update as 6.15.0 behaviour", () => {
    const plan = controllerChangePlan("6.x");
    const ecs = (plan.resource_changes as any[]).find((rc) => rc.type === "aws_ecs_service");
    ecs.change.actions = ["update"];
    ecs.change.replace_paths = undefined;
    ecs.change.after.deployment_controller = ecs.change.before.deployment_controller;
    ecs.change.before.capacity_provider_strategy = [{ capacity_provider: "FARGATE", base: 0, weight: 1 }];
    ecs.change.after.capacity_provider_strategy = [{ capacity_provider: "FARGATE_SPOT", base: 0, weight: 1 }];
    const notes = analysePlan(plan, { awsProviderVersion: "6.20.0" }).notes.filter((n) => n.address === ecs.address);
    expect(notes.map((n) => n.text)).toContainEqual(expect.stringMatching(/capacity provider strategy changes in place .*6\.15\.0 and later/));
  });
});

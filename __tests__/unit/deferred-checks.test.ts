/**
 * Inputs that are Terraform expressions at synth (variables, resource attributes) cannot be
 * checked in TypeScript. They must not throw; the rule becomes a `lifecycle.precondition` on the
 * resource it concerns, with the same message and the value interpolated as JSON, so Terraform
 * refuses the plan with the message the TypeScript user would have seen.
 */
import { TerraformStack, TerraformVariable } from "cdktf";
import { DiscoverableEcsService, DiscoveryService, PrivateDnsNamespace } from "../../src";
import { MODULE_NAMING_CONTEXT, deferredWarnings } from "../../src/rules/enforce";
import { awsvpcProps, checked, onlyResource, synthJson, testNamespace, testStack, warningsOf } from "../support/constructs";

function numberVariable(stack: TerraformStack, name: string) {
  return new TerraformVariable(stack, name, { type: "number" }).numberValue;
}

function stringVariable(stack: TerraformStack, name: string) {
  return new TerraformVariable(stack, name, { type: "string" }).stringValue;
}

/** `((var.x != null) ? var.x : fallback)`: the default applied in Terraform, grouped so it nests. */
const defaulted = (name: string, fallback: number) => `((var.${name} != null) ? var.${name} : ${fallback})`;

describe("desiredCount from a variable", () => {
  const stack = testStack();
  const namespace = testNamespace(stack);
  new DiscoverableEcsService(stack, "svc", awsvpcProps(namespace, { desiredCount: numberVariable(stack, "desired_count") }));
  const json = synthJson(stack);
  const ecs = onlyResource(json, "aws_ecs_service");

  it("does not throw and passes the value (with its default) to the ECS service", () => {
    expect(ecs.desired_count).toBe("${(var.desired_count != null) ? var.desired_count : 1}");
  });

  it("becomes one precondition on aws_ecs_service with SD026's message, naming path and property", () => {
    expect(ecs.lifecycle.precondition).toHaveLength(1);
    const [check] = ecs.lifecycle.precondition;
    expect(check.error_message).toBe(
      `test/svc: [SD026] desiredCount is \${jsonencode(${defaulted("desired_count", 1)})}, but a Cloud Map service holds at most 1000 instances (one per task). ` +
        "Allowed: an integer from 0 to 1000. Fix: lower desiredCount, or split the tasks across several discoverable services.",
    );
  });

  it("checks the range and integrality in Terraform, with each defaulted value grouped (HCL's ?: binds loosest)", () => {
    const [check] = ecs.lifecycle.precondition;
    const x = defaulted("desired_count", 1);
    expect(check.condition).toBe(`\${(((${x} >= 0) && (${x} <= 1000)) && (floor(${x}) == ${x}))}`);
  });

  it("leaves the other resources without preconditions", () => {
    expect(onlyResource(json, "aws_service_discovery_service")).not.toHaveProperty("lifecycle");
    expect(onlyResource(json, "aws_service_discovery_private_dns_namespace")).not.toHaveProperty("lifecycle");
  });
});

describe("dnsTtl from a variable", () => {
  const stack = testStack();
  const namespace = testNamespace(stack);
  const svc = new DiscoverableEcsService(stack, "svc", awsvpcProps(namespace, { discovery: { dnsTtl: numberVariable(stack, "ttl") } }));
  const json = synthJson(stack);
  const cloudMap = onlyResource(json, "aws_service_discovery_service");

  it("puts SD008 on the Cloud Map service, reported under the ECS service's path and prop name", () => {
    expect(cloudMap.lifecycle.precondition).toHaveLength(1);
    const [check] = cloudMap.lifecycle.precondition;
    expect(check.error_message).toMatch(/^test\/svc: \[SD008\] discovery\.dnsTtl is \$\{jsonencode\(\(\(var\.ttl != null\) \? var\.ttl : 60\)\)\}, which is not a valid DNS TTL\. Allowed: .+\. Fix: .+\.$/);
    const x = defaulted("ttl", 60);
    expect(check.condition).toBe(`\${(((${x} >= 0) && (${x} <= 2147483647)) && (floor(${x}) == ${x}))}`);
    expect(cloudMap.dns_config.dns_records).toEqual([{ type: "A", ttl: "${(var.ttl != null) ? var.ttl : 60}" }]);
  });

  it("keeps SD009 out of the stack's preconditions (Terraform has no warning-level one) and does not warn at synth", () => {
    expect(warningsOf(svc)).toEqual([]);
    expect(JSON.stringify(json)).not.toContain("SD009");
    // It is kept for the exported module, which turns deferred warnings into `check` blocks.
    expect(deferredWarnings(stack).map((w) => w.ruleId)).toEqual(["SD009"]);
  });

  it("keeps the ECS service free of TTL checks", () => {
    expect(onlyResource(json, "aws_ecs_service")).not.toHaveProperty("lifecycle");
  });
});

describe("other token inputs", () => {
  it("a namespace name from a variable becomes SD001 on the namespace resource", () => {
    const stack = testStack();
    new PrivateDnsNamespace(stack, "ns", { name: stringVariable(stack, "namespace"), vpcId: "vpc-1" });
    const [check] = onlyResource(synthJson(stack), "aws_service_discovery_private_dns_namespace").lifecycle.precondition;
    expect(check.error_message).toMatch(/^test\/ns: \[SD001\] name is \$\{jsonencode\(var\.namespace\)\}, which is not a valid Cloud Map namespace name\./);
    expect(check.condition).toContain("length(var.namespace)");
    expect(check.condition).toContain('can(regex("^[0-9A-Za-z._-]+$", var.namespace))');
  });

  it("a VPC id from a resource attribute becomes SD002 on the namespace, checked at plan", () => {
    const stack = testStack();
    const vpc = new TerraformVariable(stack, "vpc_id", { type: "string" });
    new PrivateDnsNamespace(stack, "ns", { name: "service", vpcId: vpc.stringValue });
    const [check] = onlyResource(synthJson(stack), "aws_service_discovery_private_dns_namespace").lifecycle.precondition;
    expect(check.error_message).toContain("[SD002] vpcId is ${jsonencode(var.vpc_id)}");
    expect(check.condition).toContain("var.vpc_id != null");
  });

  it("a discovery name from a variable becomes SD004 on the Cloud Map service", () => {
    const stack = testStack();
    new DiscoveryService(stack, "orders", { namespace: testNamespace(stack), name: stringVariable(stack, "name") });
    const [check] = onlyResource(synthJson(stack), "aws_service_discovery_service").lifecycle.precondition;
    expect(check.error_message).toMatch(/^test\/orders: \[SD004\] name is \$\{jsonencode\(var\.name\)\}/);
    expect(check.condition).toContain("can(regex(");
  });

  it("known violations are still reported at synth when another input is a token", () => {
    const stack = testStack();
    const svc = new DiscoverableEcsService(stack, "svc", awsvpcProps(testNamespace(stack), { desiredCount: numberVariable(stack, "n"), network: undefined }));
    expect(() => checked(svc)).toThrow(/\[SD023\]/);
    expect(() => synthJson(stack)).toThrow(/\[SD023\]/);
  });

  it("with module naming, messages name the module variables and carry no construct path", () => {
    const stack = testStack({ [MODULE_NAMING_CONTEXT]: true });
    new DiscoverableEcsService(stack, "svc", awsvpcProps(testNamespace(stack), { desiredCount: numberVariable(stack, "desired_count") }));
    const [check] = onlyResource(synthJson(stack), "aws_ecs_service").lifecycle.precondition;
    expect(check.error_message).toMatch(/^\[SD026\] var\.desired_count is \$\{jsonencode\(/);
    expect(check.error_message).toContain("Fix: lower var.desired_count");
  });
});

/**
 * The exported HCL module against real Terraform: the committed module is formatted, every
 * example validates and plans offline with the planned values asserted, the HCL and JSON
 * flavours plan identically, and every bad input fails `plan` with the TypeScript rule message.
 * All Terraform work runs once in beforeAll, two processes at a time.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MODULE_EXAMPLES } from "../../tools/hcl-module/examples";
import { MODULE_DIR, moduleFiles } from "../../tools/hcl-module/export-module";
import { JsonObject, TopLevelBlock, renderHcl } from "../../tools/hcl-module/hcl-render";
import { MODULE_CALL_SCHEMA } from "../../tools/hcl-module/terraform-json";
import { DISCOVERY_RULES } from "../../src/rules/catalogue";
import { MODULE_VARIABLES } from "../../src/rules/fields";
import { formatMessage } from "../../src/rules/rule";
import { Diagnostic, PlanJson, PlannedResource, TerraformResult, plannedResources } from "../../src/terraform/terraform-cli";
import { inParallel } from "../support/plan-helpers";
import { BAD_CASES, ModuleInputs, VALID_CASES, typescriptMessage } from "./support/hcl-module-cases";
import { describeWithTerraform, terraformWorkspace } from "./support/terraform-available";
import { TERRAFORM_WORK_DIR } from "./support/terraform-settings";

jest.setTimeout(180_000);

const REPO = resolve(__dirname, "../..");
/** Per process: another test run at the same time gets its own folder. */
const SCRATCH = join(TERRAFORM_WORK_DIR, `hcl-module-${process.pid}`);
const MODULE_COPY = join(SCRATCH, "module");
const JSON_MODULE = join(SCRATCH, "module-json");

interface PlanRun {
  readonly result: TerraformResult;
  readonly diagnostics: Diagnostic[];
}

/** A root module calling the module once per input set (`source` relative to the root). */
function rootWith(calls: Record<string, { source: string; inputs: ModuleInputs }>): string {
  const blocks: TopLevelBlock[] = [
    { type: "provider", labels: ["aws"], body: { region: "us-east-1" }, schema: {} },
    ...Object.entries(calls).map(([name, call]) => ({
      type: "module",
      labels: [name],
      body: { source: call.source, ...call.inputs } as JsonObject,
      schema: MODULE_CALL_SCHEMA,
    })),
  ];
  return renderHcl(blocks);
}

function writeRoot(name: string, text: string): string {
  const dir = join(SCRATCH, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.tf"), text);
  return dir;
}

/** Diagnostics of a `plan -json` run; validation details lose Terraform's "checked by" suffix. */
function diagnosticsOf(result: TerraformResult): Diagnostic[] {
  return result.stdout
    .split("\n")
    .filter((line) => line.includes('"type":"diagnostic"'))
    .map((line) => JSON.parse(line).diagnostic as Diagnostic)
    .map((d) => ({ ...d, detail: (d.detail ?? "").replace(/\n\nThis was checked by the validation rule at [^\n]*$/, "") }));
}

/** Planned resources of one module call, by address inside the module (`aws_ecs_service.this`). */
function moduleResources(plan: PlanJson, call: string): Record<string, PlannedResource> {
  const prefix = `module.${call}.`;
  return Object.fromEntries(
    plannedResources(plan)
      .filter((r) => r.address.startsWith(prefix))
      .map((r) => [r.address.slice(prefix.length), r]),
  );
}

describeWithTerraform("exported HCL module with Terraform", () => {
  let fmt: TerraformResult;
  const validations: Record<string, { valid: boolean; diagnostics: unknown[] }> = {};
  const examplePlans: Record<string, PlanJson> = {};
  let flavours: PlanRun & { plan: PlanJson };
  const badRuns: Record<string, PlanRun> = {};
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    cpSync(join(REPO, MODULE_DIR), MODULE_COPY, { recursive: true });
    mkdirSync(JSON_MODULE, { recursive: true });
    for (const [name, text] of Object.entries(moduleFiles("json"))) writeFileSync(join(JSON_MODULE, name), text);

    const flavourCalls: Record<string, { source: string; inputs: ModuleInputs }> = {};
    for (const [name, inputs] of Object.entries(VALID_CASES)) {
      flavourCalls[`hcl_${name}`] = { source: "../module", inputs };
      flavourCalls[`json_${name}`] = { source: "../module-json", inputs };
    }
    const flavourRoot = writeRoot("flavours", rootWith(flavourCalls));
    const badRoots = (["validation", "precondition"] as const).map((phase) =>
      writeRoot(
        `bad-${phase}`,
        rootWith(Object.fromEntries(BAD_CASES.filter((c) => c.phase === phase).map((c) => [c.name, { source: "../module", inputs: c.inputs }]))),
      ),
    );

    const ws = await terraformWorkspace();
    const cli = ws.cliFor({ withModules: true });
    const planJson = (dir: string, out?: string) =>
      cli.run(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-json", ...(out ? [`-out=${out}`] : [])], true);
    const timed = async (name: string, job: () => Promise<void>) => {
      const start = Date.now();
      await job();
      timings[name] = Date.now() - start;
    };

    const jobs: (() => Promise<void>)[] = [
      () => timed("fmt", async () => void (fmt = await ws.sharedCli.run(MODULE_COPY, ["fmt", "-check", "-recursive", "-diff", "-no-color"], true))),
      ...MODULE_EXAMPLES.map((example) => () =>
        timed(`example ${example.name}`, async () => {
          const dir = join(MODULE_COPY, "examples", example.name);
          await ws.prepareRoot(dir, { withModules: true });
          validations[example.name] = await ws.validate(dir, { withModules: true });
          await ws.plan(dir, { withModules: true });
          examplePlans[example.name] = await ws.showPlan(dir, { withModules: true });
        }),
      ),
      () =>
        timed("flavours", async () => {
          await ws.prepareRoot(flavourRoot, { withModules: true });
          const result = await planJson(flavourRoot, "tfplan");
          if (result.code !== 0) throw new Error(`flavour plan failed:\n${result.stdout}\n${result.stderr}`);
          flavours = { result, diagnostics: diagnosticsOf(result), plan: await ws.showPlan(flavourRoot, { withModules: true }) };
        }),
      ...badRoots.map((dir, i) => () =>
        timed(`bad inputs (${i === 0 ? "validation" : "precondition"})`, async () => {
          await ws.prepareRoot(dir, { withModules: true });
          const result = await planJson(dir);
          badRuns[i === 0 ? "validation" : "precondition"] = { result, diagnostics: diagnosticsOf(result) };
        }),
      ),
    ];
    await inParallel(jobs, 2, (job) => job());
  });

  afterAll(() => {
    rmSync(SCRATCH, { recursive: true, force: true });
    process.stdout.write(`hcl-module Terraform jobs (ms): ${JSON.stringify(timings)}\n`);
  });

  it("is formatted (terraform fmt -check, examples included)", () => {
    expect(fmt.stdout + fmt.stderr.replace(/[\s\S]*CLI configuration[\s\S]*?╵\n?/, "")).toBe("");
    expect(fmt.code).toBe(0);
  });

  describe.each(MODULE_EXAMPLES.map((e) => e.name))("example %s", (name) => {
    it("passes terraform validate", () => {
      expect(validations[name]).toMatchObject({ valid: true, diagnostics: [] });
    });

    it("plans a Cloud Map service with ECS-reported health and force_destroy", () => {
      const discovery = moduleResources(examplePlans[name], "service_discovery")["aws_service_discovery_service.this"].values;
      expect(discovery.health_check_custom_config).toEqual([{ failure_threshold: 1 }]);
      expect(discovery.health_check_config).toEqual([]);
      expect(discovery.force_destroy).toBe(true);
    });
  });

  it("fargate-new-namespace: a namespace, A records with TTL 60 and MULTIVALUE, a registry with only its ARN", () => {
    const plan = examplePlans["fargate-new-namespace"];
    const r = moduleResources(plan, "service_discovery");
    expect(r["aws_service_discovery_private_dns_namespace.this[0]"].values).toMatchObject({ name: "service", vpc: "vpc-0123456789abcdef0" });
    const dnsConfig = (r["aws_service_discovery_service.this"].values.dns_config as any[])[0];
    expect(dnsConfig).toMatchObject({ routing_policy: "MULTIVALUE", dns_records: [{ type: "A", ttl: 60 }] });
    const ecs = r["aws_ecs_service.this"].values;
    expect(ecs).toMatchObject({ name: "service-a", desired_count: 2, launch_type: "FARGATE", load_balancer: [], placement_constraints: [] });
    expect(ecs.service_registries).toEqual([{ container_name: null, container_port: null, port: null }]);
    // No security groups given: the provider plans null (the VPC's default group).
    expect(ecs.network_configuration).toEqual([
      { subnets: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"], security_groups: null, assign_public_ip: false },
    ]);
    expect((plan as any).planned_values.outputs.dns_name.value).toBe("service-a.service");
  });

  it("ec2-bridge-existing-namespace: no namespace, SRV records on the container port, no awsvpc block", () => {
    const plan = examplePlans["ec2-bridge-existing-namespace"];
    const r = moduleResources(plan, "service_discovery");
    expect(Object.keys(r).filter((a) => a.startsWith("aws_service_discovery_private_dns_namespace"))).toEqual([]);
    const dnsConfig = (r["aws_service_discovery_service.this"].values.dns_config as any[])[0];
    expect(dnsConfig).toMatchObject({ namespace_id: "ns-abcdefgh12345678", routing_policy: "MULTIVALUE", dns_records: [{ type: "SRV", ttl: 60 }] });
    const ecs = r["aws_ecs_service.this"].values;
    expect(ecs).toMatchObject({ launch_type: "EC2", desired_count: 2, network_configuration: [], placement_constraints: [] });
    expect(ecs.service_registries).toEqual([{ container_name: "orders", container_port: 80, port: null }]);
    const [task] = plannedResources(plan).filter((t) => t.address === "aws_ecs_task_definition.this");
    expect(task.values.network_mode).toBe("bridge");
    expect(JSON.parse(String(task.values.container_definitions))[0].portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: "tcp" }]);
    expect((plan as any).planned_values.outputs.dns_name.value).toBe("orders.internal.example.com");
    expect((plan as any).planned_values.outputs.namespace_id.value).toBe("ns-abcdefgh12345678");
  });

  it("awsvpc-alb-target-group: the target group and the registry together", () => {
    const r = moduleResources(examplePlans["awsvpc-alb-target-group"], "service_discovery");
    const ecs = r["aws_ecs_service.this"].values;
    expect(ecs.load_balancer).toEqual([
      {
        target_group_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/service-a/0123456789abcdef",
        container_name: "web",
        container_port: 80,
        elb_name: "",
      },
    ]);
    expect(ecs.service_registries).toEqual([{ container_name: null, container_port: null, port: null }]);
  });

  it("fargate-service-connect: DNS records and a Service Connect endpoint on the same name, in the same namespace", () => {
    const plan = examplePlans["fargate-service-connect"];
    const ecs = moduleResources(plan, "service_discovery")["aws_ecs_service.this"].values;
    expect(ecs.service_registries).toHaveLength(1);
    expect(ecs.service_connect_configuration).toEqual([
      expect.objectContaining({
        enabled: true,
        log_configuration: [],
        service: [
          expect.objectContaining({
            port_name: "http",
            discovery_name: "service-a-sc",
            client_alias: [{ dns_name: "service-a.service", port: 80 }],
            ingress_port_override: null,
            timeout: [{ idle_timeout_seconds: 300, per_request_timeout_seconds: 30 }],
            tls: [],
          }),
        ],
      }),
    ]);
    const [task] = plannedResources(plan).filter((t) => t.address === "aws_ecs_task_definition.this");
    expect(JSON.parse(String(task.values.container_definitions))[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: "tcp", name: "http", appProtocol: "http" },
    ]);
  });

  describe("HCL and JSON flavours", () => {
    it.each(Object.keys(VALID_CASES))("%s plans the same resources and values", (name) => {
      const hcl = moduleResources(flavours.plan, `hcl_${name}`);
      const json = moduleResources(flavours.plan, `json_${name}`);
      expect(Object.keys(hcl).length).toBeGreaterThanOrEqual(2);
      expect(Object.fromEntries(Object.entries(json).map(([a, r]) => [a, r.values]))).toEqual(
        Object.fromEntries(Object.entries(hcl).map(([a, r]) => [a, r.values])),
      );
    });

    it("plan defaults and inputs as the constructs do (record types, TTL, routing, registry, placement)", () => {
      const values = (name: string, address: string) => moduleResources(flavours.plan, `hcl_${name}`)[address]?.values;
      const records = (name: string) => (values(name, "aws_service_discovery_service.this").dns_config as any[])[0];
      expect(records("awsvpc_a_aaaa").dns_records).toEqual(expect.arrayContaining([{ type: "A", ttl: 0 }, { type: "AAAA", ttl: 0 }]));
      expect(values("awsvpc_a_aaaa", "aws_ecs_service.this").desired_count).toBe(0);
      expect(records("bridge_srv_existing_namespace")).toMatchObject({ routing_policy: "WEIGHTED", dns_records: [{ type: "SRV", ttl: 60 }] });
      expect(values("bridge_srv_existing_namespace", "aws_service_discovery_service.this").name).toBe("orders-v2");
      expect(values("bridge_srv_existing_namespace", "aws_service_discovery_private_dns_namespace.this[0]")).toBeUndefined();
      expect(values("host_srv", "aws_ecs_service.this")).toMatchObject({
        placement_constraints: [{ type: "distinctInstance", expression: "" }],
        service_registries: [{ container_name: "web", container_port: 8080, port: null }],
        network_configuration: [],
      });
      expect(values("awsvpc_srv_port_with_target_group", "aws_ecs_service.this")).toMatchObject({
        service_registries: [{ container_name: null, container_port: null, port: 8080 }],
        network_configuration: [{ assign_public_ip: true }],
        load_balancer: [{ container_name: "web", container_port: 8080 }],
      });
      expect(records("fargate_a_records")).toMatchObject({ dns_records: [{ type: "A", ttl: 600 }] });
      expect(values("fargate_a_records", "aws_ecs_service.this")).toMatchObject({
        tags: { team: "payments" },
        network_configuration: [{ security_groups: ["sg-0123456789abcdef0"] }],
      });
    });

    it("plan Service Connect as the constructs render it (defaults, namespaces, TLS, disabled, absent)", () => {
      const ecs = (name: string) => moduleResources(flavours.plan, `hcl_${name}`)["aws_ecs_service.this"].values;
      const block = (name: string) => (ecs(name).service_connect_configuration as any[])[0];
      expect(ecs("fargate_a_records").service_connect_configuration).toEqual([]);
      expect(block("service_connect_beside_dns")).toMatchObject({
        enabled: true,
        log_configuration: [{ log_driver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "service-connect" } }],
        service: [
          {
            port_name: "http",
            discovery_name: "api-sc",
            client_alias: [{ port: 80, dns_name: "api.service" }],
            timeout: [{ idle_timeout_seconds: 300, per_request_timeout_seconds: 30 }],
            tls: [],
          },
        ],
      });
      expect(block("service_connect_client_only_http_namespace")).toMatchObject({
        enabled: true,
        namespace: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-httpnamespace01",
        service: [],
      });
      expect(block("service_connect_tls_two_endpoints_existing_namespace")).toMatchObject({
        // A reused namespace is joined by name (ECS takes a name or an ARN).
        namespace: "internal.example.com",
        service: [
          {
            port_name: "grpc",
            discovery_name: "grpc",
            ingress_port_override: 15051,
            client_alias: [{ port: 50051 }],
            timeout: [{ idle_timeout_seconds: 0, per_request_timeout_seconds: 15 }],
            tls: [
              {
                issuer_cert_authority: [{ aws_pca_authority_arn: "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555" }],
                role_arn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
                kms_key: "alias/service-connect",
              },
            ],
          },
          { port_name: "http", discovery_name: "orders-http", client_alias: [{ port: 80, dns_name: "orders.internal" }], timeout: [] },
        ],
      });
      expect(block("service_connect_disabled")).toMatchObject({ enabled: false, service: [{ port_name: "http", discovery_name: "api-sc" }] });
    });

    it("warn through a check block when the TTL is above 300 (SD009), once per flavour", () => {
      const rule = DISCOVERY_RULES.find((r) => r.id === "SD009")!;
      const expected = formatMessage(
        rule.id,
        rule.message({ name: (f) => `var.${MODULE_VARIABLES[f]}`, value: (v) => JSON.stringify(v) }, { dnsTtl: 600 } as never),
      );
      const warnings = flavours.diagnostics.filter((d) => d.severity === "warning").map((d) => d.detail);
      expect(warnings).toEqual([expected, expected]);
    });
  });

  describe("bad inputs fail plan with the TypeScript message, naming the variable", () => {
    const expected = Object.fromEntries(BAD_CASES.map((c) => [c.name, typescriptMessage(c.inputs, c.ruleId)]));

    it("every case has its own message, and each names a module variable", () => {
      expect(new Set(Object.values(expected)).size).toBe(BAD_CASES.length);
      for (const c of BAD_CASES) expect(expected[c.name]).toMatch(new RegExp(`^\\[${c.ruleId}\\] var\\.[a-z_]+[ /.]`));
    });

    it.each(["validation", "precondition"] as const)("%s cases: plan fails with exactly their messages", (phase) => {
      const run = badRuns[phase];
      expect(run.result.code).not.toBe(0);
      const errors = run.diagnostics.filter((d) => d.severity === "error");
      const summaries = new Set(errors.map((e) => e.summary));
      expect(summaries).toEqual(new Set([phase === "validation" ? "Invalid value for variable" : "Resource precondition failed"]));
      const cases = BAD_CASES.filter((c) => c.phase === phase);
      expect(errors.map((e) => e.detail).sort()).toEqual(cases.map((c) => expected[c.name]).sort());
    });

    it.each(BAD_CASES.map((c) => [c.name, c.ruleId] as const))("%s fails with %s", (name) => {
      const c = BAD_CASES.find((x) => x.name === name)!;
      expect(badRuns[c.phase].diagnostics.map((d) => d.detail)).toContain(expected[name]);
    });
  });
});

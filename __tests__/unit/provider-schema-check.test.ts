/**
 * The provider schema check (tools/provider-schema) on real bindings: the installed
 * @cdktf/provider-aws 20.1.0 (hashicorp/aws 5.100.0). The provider6 lane runs this same file in
 * its copy, against @cdktn/provider-aws 25.x (6.x, too large to install for the unit suite), so
 * every assertion is written for the version the installed bindings report.
 */
import { dirname } from "node:path";
import { compare } from "../../src/ops/provider-version";
import { ProviderSchema, readBindingSchema } from "../../tools/provider-schema/binding-schema";
import { verifyKnowledge } from "../../tools/provider-schema/check-cli";
import { moduleSources, stackSources } from "../../tools/provider-schema/config-sources";
import { ConfigSource, Json, checkConfigs, formatFindings, pathExists } from "../../tools/provider-schema/schema-check";
import { synthExampleApp } from "../support/synth-example";

jest.setTimeout(60_000);

let schema: ProviderSchema;
let sources: ConfigSource[];
let v: string;
/** Whether the installed bindings are of hashicorp/aws 6.x (the provider6 lane's copy). */
let six: boolean;

beforeAll(() => {
  schema = readBindingSchema(dirname(require.resolve("@cdktf/provider-aws/package.json")));
  sources = [...stackSources(synthExampleApp()), ...moduleSources()];
  v = schema.providerVersion;
  six = compare(v, "6.0.0") >= 0;
});

/** The module's document with one change made by `edit`. */
function editedModule(edit: (json: any) => void): ConfigSource {
  const json = JSON.parse(JSON.stringify(sources.find((s) => s.name.startsWith("module terraform"))!.json));
  edit(json);
  return { name: "edited module", json: json as Json };
}

const errorsOf = (source: ConfigSource) => checkConfigs([source], schema).findings.filter((f) => f.severity === "error");

describe("the schema read from bindings", () => {
  it("knows the provider version, resource types, arguments and nested blocks, required or not", () => {
    expect(schema.bindings).toMatch(six ? /^@cdktn\/provider-aws@25\./ : /^@cdktf\/provider-aws@20\.1\.0$/);
    expect(v).toMatch(six ? /^6\./ : /^5\.100\.0$/);
    const ecs = schema.resources.aws_ecs_service;
    expect(ecs.blocks.service_registries.schema.attributes.registry_arn).toEqual({ required: true });
    expect(ecs.attributes.name).toEqual({ required: true });
    expect(ecs.attributes.force_new_deployment).toEqual({ required: false });
    expect(schema.resources.aws_service_discovery_service.blocks.dns_config.schema.blocks.dns_records.required).toBe(true);
    expect(schema.dataSources.aws_vpc.attributes.id).toEqual({ required: false });
    expect(Object.keys(schema.provider.blocks)).toEqual(expect.arrayContaining(["default_tags", "assume_role"]));
  });

  it("has the region argument exactly from 6.0.0 on", () => {
    expect(pathExists(schema, "resource.aws_ecs_service.region")).toBe(six);
    expect(pathExists(schema, "resource.aws_ecs_service.service_registries.container_port")).toBe(true);
    expect(pathExists(schema, "provider.default_tags.tags")).toBe(true);
  });
});

describe("what the project emits, against the installed bindings' hashicorp/aws", () => {
  it("every example stack, the module and its examples use only arguments and blocks the schema has", () => {
    expect(sources.map((s) => s.name)).toEqual([
      "stack alb-migration",
      "stack ec2-bridge",
      "stack ec2-host",
      "stack fargate-awsvpc",
      "stack service-connect",
      "module terraform-aws-ecs-service-discovery",
      "module example fargate-new-namespace",
      "module example ec2-bridge-existing-namespace",
      "module example awsvpc-alb-target-group",
      "module example fargate-service-connect",
    ]);
    const result = checkConfigs(sources, schema);
    expect(formatFindings(result.findings.filter((f) => f.severity === "error"))).toEqual([]);
    expect([...result.counted.types]).toEqual(expect.arrayContaining(["aws_ecs_service", "aws_service_discovery_service", "aws_vpc"]));
    expect(result.counted.arguments).toBeGreaterThan(800);
  });

  it("reports the deprecated failure_threshold once per schema path, with why it stays", () => {
    const module = sources.filter((s) => s.name === "module terraform-aws-ecs-service-discovery");
    const lines = formatFindings(checkConfigs(module, schema).findings);
    expect(lines).toEqual([expect.stringMatching(/^deprecated {2}resource\.aws_service_discovery_service\.health_check_custom_config\.failure_threshold \(1x\): deprecated since hashicorp\/aws 6\.0\.0: .*#44285/)]);
  });
});

describe("what the check refuses", () => {
  it("an argument that does not exist (removed or renamed), with similar names", () => {
    const source = editedModule((json) => {
      const hc = json.resource.aws_service_discovery_service.this.health_check_custom_config;
      hc.failure_thresholds = hc.failure_threshold;
      delete hc.failure_threshold;
    });
    expect(errorsOf(source).map((f) => `${f.address}: ${f.message}`)).toEqual([
      `resource.aws_service_discovery_service.this.health_check_custom_config.failure_thresholds: argument failure_thresholds does not exist in hashicorp/aws ${v}: removed or renamed (similar: failure_threshold)`,
    ]);
  });

  it("an unknown resource type, dynamic block or provider argument, and a missing required argument", () => {
    const source = editedModule((json) => {
      json.resource.aws_ecs_service_v2 = { x: { name: "n" } };
      json.resource.aws_ecs_service.this.dynamic.network_configurations = json.resource.aws_ecs_service.this.dynamic.network_configuration;
      delete json.resource.aws_ecs_service.this.dynamic.network_configuration;
      delete json.resource.aws_ecs_service.this.name;
      json.provider = { aws: [{ region: "us-east-1", skip_get_ec2_platforms: true }] };
    });
    expect(errorsOf(source).map((f) => f.address).sort()).toEqual([
      "provider.aws[0].skip_get_ec2_platforms",
      "resource.aws_ecs_service.this.dynamic.network_configurations",
      "resource.aws_ecs_service.this.name",
      "resource.aws_ecs_service_v2.x",
    ]);
    expect(errorsOf(source).find((f) => f.address.endsWith(".name"))!.message).toBe(`required argument name is not set (hashicorp/aws ${v} requires it)`);
  });

  it("checks the content of dynamic blocks and of scoped data sources in check blocks", () => {
    const source = editedModule((json) => {
      json.resource.aws_ecs_service.this.dynamic.load_balancer.content.target_group = "x";
      json.check = { vpc_dns: { data: { aws_vpc: { v: { id: "vpc-1", dns_support: true } } }, assert: [] } };
    });
    expect(errorsOf(source).map((f) => f.address)).toEqual([
      "resource.aws_ecs_service.this.dynamic.load_balancer.content.target_group",
      "check.vpc_dns.data.aws_vpc.v.dns_support",
    ]);
  });

  it("its own knowledge, when it does not match the schema's provider version", () => {
    expect(verifyKnowledge(schema)).toEqual([]);
    // A 5.x schema passed off as 6.66.0 lacks what the guard expects from 6.x; a 6.x one passed
    // off as 5.100.0 has what 5.x cannot have.
    const other = six ? "5.100.0" : "6.66.0";
    expect(verifyKnowledge({ ...schema, providerVersion: other })).toEqual(
      expect.arrayContaining([`plan guard fingerprint aws_ecs_service.region (since 6.0.0) is ${six ? "present" : "absent"} in hashicorp/aws ${other}; src/ops/provider-version.ts is wrong`]),
    );
  });
});

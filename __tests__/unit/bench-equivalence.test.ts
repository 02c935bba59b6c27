/**
 * The benchmark compares the library with hand-written L1 code; that comparison is only fair if
 * both build the same infrastructure. This synthesizes both variants of bench/ and requires the
 * same resource types and counts, and resource by resource the same attributes (references
 * compared by what they point at, since logical ids differ with construct paths).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { join, resolve } from "node:path";
import { TopologyBuilder } from "../../bench/build-and-synth";
import { buildWithL1 } from "../../bench/l1-stack";
import { buildWithLibrary } from "../../bench/library-stack";
import { REGION, benchServices } from "../../bench/topology";

const UNUSED_OUTDIR = join(resolve(__dirname, "../../.work"), "unit-outdir-never-written");
/** Enough services for both kinds (every 4th is EC2 bridge). */
const N = 8;

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function synthResources(build: TopologyBuilder): Resources {
  const stack = new TerraformStack(Testing.app({ outdir: UNUSED_OUTDIR }), "bench");
  new AwsProvider(stack, "aws", { region: REGION });
  build(stack, N);
  return (JSON.parse(Testing.synth(stack)) as { resource: Resources }).resource;
}

/** `type.name` for a resource: its `name`, else its `family`; unique within the topology. */
function canonicalName(type: string, body: Record<string, unknown>): string {
  return `${type}.${String(body.name ?? body.family)}`;
}

/**
 * Resources keyed by canonical name, with cdktf metadata dropped, references rewritten to
 * canonical names, and container definitions parsed (so JSON key order does not matter).
 */
function normalize(resources: Resources): Record<string, unknown> {
  const byLogicalId = new Map<string, string>();
  for (const [type, items] of Object.entries(resources)) {
    for (const [logicalId, body] of Object.entries(items)) byLogicalId.set(`${type}.${logicalId}`, canonicalName(type, body));
  }
  const rewrite = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.replace(/\$\{(aws_[a-z0-9_]+\.[^.}]+)\.([a-z_]+)\}/g, (match, ref: string, attr: string) =>
        byLogicalId.has(ref) ? `\${${byLogicalId.get(ref)}.${attr}}` : match,
      );
    }
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== "//")
          .map(([k, v]) => [k, k === "container_definitions" ? JSON.parse(v as string) : rewrite(v)]),
      );
    }
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [type, items] of Object.entries(resources)) {
    for (const body of Object.values(items)) out[canonicalName(type, body)] = rewrite(body);
  }
  return out;
}

const countsByType = (resources: Resources) =>
  Object.fromEntries(Object.entries(resources).map(([type, items]) => [type, Object.keys(items).length]));

describe("bench: library and hand-written L1 build the same infrastructure", () => {
  const library = synthResources(buildWithLibrary);
  const l1 = synthResources(buildWithL1);

  it("has the same resource types and counts", () => {
    expect(countsByType(library)).toEqual(countsByType(l1));
    expect(countsByType(library)).toEqual({
      aws_service_discovery_private_dns_namespace: 1,
      aws_service_discovery_service: N,
      aws_ecs_service: N,
      aws_ecs_task_definition: N,
    });
  });

  it("covers both service kinds of the topology", () => {
    expect(new Set(benchServices(N).map((s) => s.kind))).toEqual(new Set(["fargate-awsvpc", "ec2-bridge"]));
  });

  it("gives every resource the same attributes", () => {
    const a = normalize(library);
    const b = normalize(l1);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const key of Object.keys(a)) expect({ [key]: a[key] }).toEqual({ [key]: b[key] });
  });

  it("wires references the same way (registry -> Cloud Map service, service -> task definition)", () => {
    const a = normalize(library) as Record<string, Record<string, unknown>>;
    expect(a["aws_ecs_service.svc-0003"]).toMatchObject({
      task_definition: "${aws_ecs_task_definition.svc-0003.arn}",
      service_registries: {
        registry_arn: "${aws_service_discovery_service.svc-0003.arn}",
        container_name: "app",
        container_port: 8080,
      },
    });
  });
});

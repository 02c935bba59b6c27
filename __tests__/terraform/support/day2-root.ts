/**
 * A minimal root module for day-2 plans against hand-written state: one namespace, one Cloud
 * Map service and one ECS service (existing task definition, literal ids), as the library
 * synthesizes them, so the state fixtures in __tests__/fixtures/ address the same resources.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DiscoverableEcsService, DiscoverableEcsServiceProps } from "../../../src/ecs/discoverable-ecs-service";
import { ServiceConnectOptions } from "../../../src/ecs/service-connect-options";
import { PrivateDnsNamespace } from "../../../src/namespace/private-dns-namespace";

/**
 * Addresses the fixtures use. They are the library's own logical ids (from the construct paths
 * namespace/namespace, api/discovery/service, api/service): if one changes, every user's next
 * plan destroys and recreates that resource, so a fixture that stops matching is a real finding.
 */
export const DAY2 = {
  namespace: "aws_service_discovery_private_dns_namespace.namespace_67941C3A",
  discovery: "aws_service_discovery_service.api_discovery_service_749AF98A",
  ecsService: "aws_ecs_service.api_service_298EA376",
} as const;

/**
 * Service Connect as in __tests__/fixtures/day2-state-service-connect.json: one endpoint on port
 * "http" of the (existing) task definition, beside DNS discovery in the same namespace.
 */
export const SERVICE_CONNECT = {
  services: [{ portName: "http", discoveryName: "api-sc", clientAliases: [{ dnsName: "api.day2.internal", port: 80 }] }],
} satisfies ServiceConnectOptions;

export interface Day2Options {
  /** Record type of the Cloud Map service. @default "A" */
  readonly dnsRecordType?: "A" | "AAAA" | undefined;
  /** Extra ECS service props. */
  readonly service?: Partial<DiscoverableEcsServiceProps> | undefined;
}

/** Synthesizes the root into `dir` (as main.tf.json) and returns `dir`. */
export function writeDay2Root(dir: string, opts: Day2Options = {}): string {
  // An outdir inside the root: Testing.app would otherwise leave a temp folder per call.
  mkdirSync(join(dir, ".synth"), { recursive: true });
  const app = Testing.app({ stackTraces: false, outdir: join(dir, ".synth") });
  const stack = new TerraformStack(app, "day2");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const namespace = new PrivateDnsNamespace(stack, "namespace", { name: "day2.internal", vpcId: "vpc-0123456789abcdef0" });
  new DiscoverableEcsService(stack, "api", {
    cluster: "day2",
    serviceName: "api",
    desiredCount: 2,
    taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7", networkMode: "awsvpc" },
    discovery: { namespace, dnsRecordType: opts.dnsRecordType ?? "A", dnsTtl: 60 },
    network: { subnetIds: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
    ...opts.service,
  });
  writeFileSync(join(dir, "main.tf.json"), Testing.synth(stack));
  return dir;
}

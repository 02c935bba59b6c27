/**
 * The service-connect example stack: service-a published by DNS discovery and by Service
 * Connect on the same name and port, a Service Connect client and a DNS client. A snapshot keeps
 * the whole stack stable; the assertions say what the migration depends on.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { resourcesOf } from "../support/constructs";
import { useCleanConfigEnv } from "../support/clean-env";
import { stackDir, synthExampleApp, versionIndependent } from "../support/synth-example";

useCleanConfigEnv();

let outdir: string;
let json: Record<string, any>;

beforeAll(() => {
  outdir = synthExampleApp();
  json = JSON.parse(readFileSync(join(stackDir(outdir, "service-connect"), "cdk.tf.json"), "utf8"));
});

afterAll(() => {
  if (outdir) rmSync(dirname(outdir), { recursive: true, force: true });
});

const keyOf = (type: string, pathEnd: string) =>
  Object.entries(json.resource[type]).find(([, r]: [string, any]) => r["//"].metadata.path.endsWith(pathEnd))![0];
const service = (name: string) => resourcesOf(json, "aws_ecs_service").find((s) => s.name === name)!;

it("matches the snapshot (whichever cdktf version is installed)", () => {
  expect(versionIndependent(json)).toMatchSnapshot();
});

it("publishes service-a by DNS (private DNS namespace) and by Service Connect (HTTP namespace) on one name", () => {
  const a = service("service-a");
  expect(a.service_registries.registry_arn).toMatch(/^\$\{aws_service_discovery_service\.service-a_discovery_service_\w+\.arn\}$/);
  expect(a.service_connect_configuration).toMatchObject({
    enabled: true,
    namespace: `\${aws_service_discovery_http_namespace.${keyOf("aws_service_discovery_http_namespace", "service-connect-namespace/namespace")}.arn}`,
    service: [{ port_name: "http", discovery_name: "service-a", client_alias: { dns_name: "service-a.service", port: 80 }, timeout: { per_request_timeout_seconds: 15 } }],
    log_configuration: { log_driver: "awslogs" },
  });
  const cloudMap = resourcesOf(json, "aws_service_discovery_service").find((s) => s.name === "service-a")!;
  expect(cloudMap.dns_config.namespace_id).toBe(`\${aws_service_discovery_private_dns_namespace.${keyOf("aws_service_discovery_private_dns_namespace", "namespace/namespace")}.id}`);
});

it("makes service-b a Service Connect client and leaves legacy-caller on DNS", () => {
  const b = service("service-b");
  expect(b.service_connect_configuration).not.toHaveProperty("service");
  expect(b).not.toHaveProperty("service_registries");
  const legacy = service("legacy-caller");
  expect(legacy).not.toHaveProperty("service_connect_configuration");
  expect(legacy.service_registries).toBeDefined();
});

it("names service-a's port for Service Connect and opens port 80 to both clients only", () => {
  const td = resourcesOf(json, "aws_ecs_task_definition").find((t) => String(t.family).endsWith("-service-a"))!;
  expect(td.container_definitions).toContain('"name" = "http", "appProtocol" = "http"');
  const group = (name: string) => `\${aws_security_group.${keyOf("aws_security_group", `sg-${name}/group`)}.id}`;
  const rules = resourcesOf(json, "aws_vpc_security_group_ingress_rule").map((r) => [r.security_group_id, r.referenced_security_group_id, r.from_port, r.to_port]);
  expect(rules).toHaveLength(2);
  expect(rules).toEqual(
    expect.arrayContaining([
      [group("service-a"), group("service-b"), 80, 80],
      [group("service-a"), group("legacy-caller"), 80, 80],
    ]),
  );
});

/**
 * The alb-migration example stack: one service behind an internal ALB and in Cloud Map at once,
 * access opened with allowFrom only. A snapshot keeps the whole stack stable.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { resourcesOf } from "../support/constructs";
import { useCleanConfigEnv } from "../support/clean-env";
import { stackDir, synthExampleApp, versionIndependent } from "../support/synth-example";

useCleanConfigEnv();

let outdir: string;
let text: string;
let json: Record<string, any>;

beforeAll(() => {
  outdir = synthExampleApp();
  text = readFileSync(join(stackDir(outdir, "alb-migration"), "cdk.tf.json"), "utf8");
  json = JSON.parse(text);
});

afterAll(() => {
  if (outdir) rmSync(dirname(outdir), { recursive: true, force: true });
});

const keyOf = (type: string, pathEnd: string) =>
  Object.entries(json.resource[type]).find(([, r]: [string, any]) => r["//"].metadata.path.endsWith(pathEnd))![0];

it("matches the snapshot (whichever cdktf version is installed)", () => {
  expect(versionIndependent(json)).toMatchSnapshot();
});

it("registers web with the ALB target group and Cloud Map, after the listener exists", () => {
  const web = resourcesOf(json, "aws_ecs_service").find((s) => s.name === "web")!;
  const targets = keyOf("aws_lb_target_group", "alb/targets");
  expect(web.load_balancer).toEqual([{ container_name: "web", container_port: 80, target_group_arn: `\${aws_lb_target_group.${targets}.arn}` }]);
  expect(web.service_registries.registry_arn).toMatch(/^\$\{aws_service_discovery_service\.web_discovery_service_\w+\.arn\}$/);
  expect(web.depends_on).toEqual([`aws_lb_listener.${keyOf("aws_lb_listener", "alb/http")}`]);
  expect(web.health_check_grace_period_seconds).toBe(30);
});

it("keeps the ALB internal and opens only port 80 between the ALB, web and caller", () => {
  const [alb] = resourcesOf(json, "aws_lb");
  expect(alb).toMatchObject({ internal: true, load_balancer_type: "application", drop_invalid_header_fields: true });
  const group = (name: string) => `\${aws_security_group.${keyOf("aws_security_group", `${name}/group`)}.id}`;
  const albGroup = `\${aws_security_group.${keyOf("aws_security_group", "alb/security-group")}.id}`;
  const rules = resourcesOf(json, "aws_vpc_security_group_ingress_rule").map((r) => [r.security_group_id, r.referenced_security_group_id, r.from_port, r.to_port]);
  expect(rules).toEqual(
    expect.arrayContaining([
      [group("sg-web"), albGroup, 80, 80],
      [group("sg-web"), group("sg-caller"), 80, 80],
      [albGroup, group("sg-caller"), 80, 80],
    ]),
  );
  expect(rules).toHaveLength(3);
  expect(resourcesOf(json, "aws_vpc_security_group_ingress_rule").every((r) => r.cidr_ipv4 === undefined)).toBe(true);
  const albEgress = resourcesOf(json, "aws_vpc_security_group_egress_rule").filter((r) => r.security_group_id === albGroup);
  expect(albEgress.map((r) => [r.referenced_security_group_id, r.from_port])).toEqual([[group("sg-web"), 80]]);
});

it("gives web a container health check (the only one left once the ALB is gone)", () => {
  const task = resourcesOf(json, "aws_ecs_task_definition").find((t) => String(t.family).endsWith("-web"))!;
  // jsonencode(...) in Terraform: the log group name is a reference.
  expect(task.container_definitions).toMatch(/"healthCheck"[^}]*"CMD-SHELL"[^}]*wget -q -O \/dev\/null http:\/\/localhost:80\//);
});

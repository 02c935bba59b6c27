/**
 * The example app against the real provider: every stack is synthesized once, then validated
 * and planned offline (mock credentials, provider mirror), and the planned values are asserted.
 */
import { EXAMPLE_STACKS } from "../../example-app/example-app";
import { PlanJson } from "../../src/terraform/terraform-cli";
import { inParallel, resourceNamed, resourcesOfType } from "../support/plan-helpers";
import { stackDir, synthExampleApp } from "../support/synth-example";
import { describeWithTerraform, terraformWorkspace } from "./support/terraform-available";

jest.setTimeout(180_000);

describeWithTerraform("example stacks with Terraform", () => {
  const validations: Record<string, { valid: boolean; diagnostics: unknown[] }> = {};
  const plans: Record<string, PlanJson> = {};

  beforeAll(async () => {
    const outdir = synthExampleApp();
    const ws = await terraformWorkspace();
    await inParallel(EXAMPLE_STACKS, 2, async (stack) => {
      const dir = stackDir(outdir, stack);
      await ws.prepareRoot(dir);
      validations[stack] = await ws.validate(dir);
      await ws.plan(dir);
      plans[stack] = await ws.showPlan(dir);
    });
  });

  it.each(EXAMPLE_STACKS)("%s passes terraform validate", (stack) => {
    expect(validations[stack]).toMatchObject({ valid: true, diagnostics: [] });
  });

  it.each(EXAMPLE_STACKS)("%s creates a VPC with both DNS attributes on", (stack) => {
    const [vpc] = resourcesOfType(plans[stack], "aws_vpc");
    expect(vpc.values).toMatchObject({ enable_dns_support: true, enable_dns_hostnames: true });
  });

  it.each(EXAMPLE_STACKS)("%s plans only Cloud Map services with custom health checks and force_destroy", (stack) => {
    const services = resourcesOfType(plans[stack], "aws_service_discovery_service");
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) {
      expect(s.values.health_check_custom_config).toEqual([{ failure_threshold: 1 }]);
      expect(s.values.health_check_config).toEqual([]);
      expect(s.values.force_destroy).toBe(true);
      expect((s.values.dns_config as any[])[0].routing_policy).toBe("MULTIVALUE");
    }
  });

  it.each(EXAMPLE_STACKS)("%s gives no task a public IP", (stack) => {
    for (const svc of resourcesOfType(plans[stack], "aws_ecs_service")) {
      for (const net of svc.values.network_configuration as any[]) expect(net.assign_public_ip).toBe(false);
    }
  });

  it("fargate-awsvpc: namespace `service`, service-a with 2 Fargate tasks as A records, TTL 300", () => {
    const plan = plans["fargate-awsvpc"];
    expect(resourceNamed(plan, "aws_service_discovery_private_dns_namespace", "service").values.name).toBe("service");
    const discovery = resourceNamed(plan, "aws_service_discovery_service", "service-a").values;
    expect((discovery.dns_config as any[])[0].dns_records).toEqual([{ type: "A", ttl: 300 }]);
    const ecs = resourceNamed(plan, "aws_ecs_service", "service-a").values;
    expect(ecs).toMatchObject({ desired_count: 2, launch_type: "FARGATE" });
    expect(ecs.service_registries).toEqual([{ container_name: null, container_port: null, port: null }]);
    expect((ecs.network_configuration as any[]).length).toBe(1);
    const caller = resourceNamed(plan, "aws_ecs_service", "service-b").values;
    expect(caller.desired_count).toBe(1);
    const callerTask = resourcesOfType(plan, "aws_ecs_task_definition").find((t) => String(t.values.family).endsWith("service-b"))!;
    expect(callerTask.values.container_definitions).toContain("service-a.service");
  });

  it("ec2-bridge: SRV records on the container port, dynamic host ports, no awsvpc block", () => {
    const plan = plans["ec2-bridge"];
    const discovery = resourceNamed(plan, "aws_service_discovery_service", "orders").values;
    expect((discovery.dns_config as any[])[0].dns_records).toEqual([{ type: "SRV", ttl: 60 }]);
    const ecs = resourceNamed(plan, "aws_ecs_service", "orders").values;
    expect(ecs).toMatchObject({ launch_type: "EC2", desired_count: 2, network_configuration: [] });
    expect(ecs.service_registries).toEqual([{ container_name: "web", container_port: 80, port: null }]);
    const task = resourcesOfType(plan, "aws_ecs_task_definition").find((t) => String(t.values.family).endsWith("-orders"))!;
    expect(task.values.network_mode).toBe("bridge");
    expect(JSON.parse(String(task.values.container_definitions))[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 0, protocol: "tcp" },
    ]);
    const [template] = resourcesOfType(plan, "aws_launch_template");
    expect(template.values.image_id).toBe("resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id");
  });

  it("ec2-host: SRV records on the host port, one task per instance", () => {
    const plan = plans["ec2-host"];
    const discovery = resourceNamed(plan, "aws_service_discovery_service", "inventory").values;
    expect((discovery.dns_config as any[])[0].dns_records).toEqual([{ type: "SRV", ttl: 60 }]);
    const ecs = resourceNamed(plan, "aws_ecs_service", "inventory").values;
    expect(ecs.service_registries).toEqual([{ container_name: "web", container_port: 8080, port: null }]);
    expect(ecs.placement_constraints).toEqual([{ type: "distinctInstance", expression: "" }]);
  });

  it("alb-migration: web is in an internal ALB's ip target group and in Cloud Map at once", () => {
    const plan = plans["alb-migration"];
    const [alb] = resourcesOfType(plan, "aws_lb");
    expect(alb.values).toMatchObject({ internal: true, load_balancer_type: "application", drop_invalid_header_fields: true });
    const [targets] = resourcesOfType(plan, "aws_lb_target_group");
    expect(targets.values).toMatchObject({ target_type: "ip", protocol: "HTTP", port: 80, deregistration_delay: "30" });
    expect((targets.values.health_check as any[])[0]).toMatchObject({ path: "/", matcher: "200-399" });
    const [listener] = resourcesOfType(plan, "aws_lb_listener");
    expect(listener.values).toMatchObject({ port: 80, protocol: "HTTP" });
    expect((listener.values.default_action as any[])[0].type).toBe("forward");
    const web = resourceNamed(plan, "aws_ecs_service", "web").values;
    expect(web).toMatchObject({ desired_count: 2, health_check_grace_period_seconds: 30, force_new_deployment: null });
    expect(web.load_balancer).toEqual([expect.objectContaining({ container_name: "web", container_port: 80 })]);
    expect(web.service_registries).toHaveLength(1);
    const task = resourcesOfType(plan, "aws_ecs_task_definition").find((t) => String(t.values.family).endsWith("-web"))!;
    expect(JSON.parse(String(task.values.container_definitions))[0].healthCheck.command[1]).toContain("wget");
    // Ingress only on port 80: to web from the ALB and from caller, to the ALB's listener from caller.
    const ingress = resourcesOfType(plan, "aws_vpc_security_group_ingress_rule").map((r) => [r.values.from_port, r.values.to_port]);
    expect(ingress).toEqual([[80, 80], [80, 80], [80, 80]]);
  });

  it("service-connect: service-a by DNS and Service Connect on one name, a Service Connect client, a DNS client", () => {
    const plan = plans["service-connect"];
    expect(resourceNamed(plan, "aws_service_discovery_http_namespace", "service-connect").values).toMatchObject({
      name: "service-connect",
      description: "Service Connect endpoints of the service-connect example",
    });
    const a = resourceNamed(plan, "aws_ecs_service", "service-a").values;
    expect(a.service_registries).toHaveLength(1);
    expect(a.service_connect_configuration).toEqual([
      expect.objectContaining({
        enabled: true,
        service: [
          expect.objectContaining({
            port_name: "http",
            discovery_name: "service-a",
            client_alias: [{ dns_name: "service-a.service", port: 80 }],
            timeout: [{ idle_timeout_seconds: 300, per_request_timeout_seconds: 15 }],
            tls: [],
          }),
        ],
        log_configuration: [expect.objectContaining({ log_driver: "awslogs" })],
      }),
    ]);
    const b = resourceNamed(plan, "aws_ecs_service", "service-b").values;
    expect(b.service_registries).toEqual([]);
    expect(b.service_connect_configuration).toEqual([expect.objectContaining({ enabled: true, service: [] })]);
    const legacy = resourceNamed(plan, "aws_ecs_service", "legacy-caller").values;
    expect(legacy.service_connect_configuration).toEqual([]);
    expect(legacy.service_registries).toHaveLength(1);
    // Only the DNS services have Cloud Map services of their own; ECS creates Service Connect's.
    expect(resourcesOfType(plan, "aws_service_discovery_service").map((s) => s.values.name).sort()).toEqual(["legacy-caller", "service-a"]);
    const task = resourcesOfType(plan, "aws_ecs_task_definition").find((t) => String(t.values.family).endsWith("-service-a"))!;
    expect(JSON.parse(String(task.values.container_definitions))[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: "tcp", name: "http", appProtocol: "http" },
    ]);
  });
});

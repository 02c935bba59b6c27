/**
 * DiscoverableEcsService: what it renders for each network mode, and its attributes. The
 * registry defaults themselves (which container and port) are in registration.test.ts.
 */
import { TerraformOutput, TerraformStack } from "cdktf";
import { DiscoverableEcsService, DiscoverableEcsServiceProps, INamespace, PrivateDnsNamespace } from "../../src";
import { awsvpcProps, bridgeProps, hostProps, onlyResource, resourcesOf, synthJson, testNamespace, testStack } from "../support/constructs";

/** Builds one service in a fresh stack and returns it with the synthesized JSON. */
function render(props: (ns: INamespace) => DiscoverableEcsServiceProps) {
  const stack = testStack();
  const service = new DiscoverableEcsService(stack, "svc", props(testNamespace(stack)));
  const json = synthJson(stack);
  return { stack, service, json, ecs: onlyResource(json, "aws_ecs_service"), cloudMap: onlyResource(json, "aws_service_discovery_service") };
}

const SERVICE_ARN = /^\$\{aws_service_discovery_service\.svc_discovery_service_[0-9A-F]+\.arn\}$/;

describe("awsvpc (Fargate) defaults", () => {
  const { service, json, ecs, cloudMap } = render((ns) => awsvpcProps(ns));

  it("publishes A records and registers with registry_arn only", () => {
    expect(cloudMap.dns_config.dns_records).toEqual([{ type: "A", ttl: 60 }]);
    expect(Object.keys(ecs.service_registries)).toEqual(["registry_arn"]);
    expect(ecs.service_registries.registry_arn).toMatch(SERVICE_ARN);
  });

  it("runs one Fargate task in the given subnets without a public IP", () => {
    expect(ecs).toMatchObject({ name: "api", cluster: "cluster-1", desired_count: 1, launch_type: "FARGATE" });
    expect(ecs.network_configuration).toEqual({ subnets: ["subnet-1"], assign_public_ip: false });
    expect(ecs).not.toHaveProperty("placement_constraints");
    expect(ecs).not.toHaveProperty("load_balancer");
  });

  it("rolls failed deployments back and propagates the service's tags to tasks", () => {
    expect(ecs.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
    expect(ecs.propagate_tags).toBe("SERVICE");
  });

  it("uses the task definition it creates, for Fargate in awsvpc mode", () => {
    expect(ecs.task_definition).toMatch(/^\$\{aws_ecs_task_definition\.svc_task_task-definition_[0-9A-F]+\.arn\}$/);
    const td = onlyResource(json, "aws_ecs_task_definition");
    expect(td).toMatchObject({ family: "api", network_mode: "awsvpc", requires_compatibilities: ["FARGATE"] });
  });

  it("names the Cloud Map service after the ECS service (discovery.name defaults to serviceName)", () => {
    expect(cloudMap.name).toBe("api");
    expect(service.dnsName).toBe("api.svc");
    expect(service.discoveryService.dnsName).toBe("api.svc");
  });

  it("exposes the effective network mode and record type, and no discovery port for A records", () => {
    expect(service.networkMode).toBe("awsvpc");
    expect(service.dnsRecordType).toBe("A");
    expect(service.discoveryPort).toBeUndefined();
    expect(service.taskDefinition).toBeDefined();
  });
});

describe("bridge (EC2) defaults", () => {
  const { service, ecs, cloudMap, json } = render((ns) => bridgeProps(ns));

  it("publishes SRV records and registers the container name and container port (not the dynamic host port)", () => {
    expect(cloudMap.dns_config.dns_records).toEqual([{ type: "SRV", ttl: 60 }]);
    expect(ecs.service_registries).toEqual({ registry_arn: expect.stringMatching(SERVICE_ARN), container_name: "web", container_port: 80 });
    const [container] = JSON.parse(onlyResource(json, "aws_ecs_task_definition").container_definitions);
    expect(container.portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: "tcp" }]);
  });

  it("has no network configuration and no placement constraint", () => {
    expect(ecs).not.toHaveProperty("network_configuration");
    expect(ecs).not.toHaveProperty("placement_constraints");
    expect(ecs.launch_type).toBe("EC2");
  });

  it("exposes SRV and the registered container port as discoveryPort", () => {
    expect(service.dnsRecordType).toBe("SRV");
    expect(service.discoveryPort).toBe(80);
  });
});

describe("host (EC2) defaults", () => {
  const { ecs, cloudMap } = render((ns) => hostProps(ns));

  it("publishes SRV records on the container's port", () => {
    expect(cloudMap.dns_config.dns_records).toEqual([{ type: "SRV", ttl: 60 }]);
    expect(ecs.service_registries).toMatchObject({ container_name: "web", container_port: 8080 });
  });

  it("places one task per instance (distinctInstance), since tasks bind the instance's port", () => {
    expect(ecs.placement_constraints).toEqual([{ type: "distinctInstance" }]);
    expect(ecs).not.toHaveProperty("network_configuration");
  });
});

describe("awsvpc SRV", () => {
  it("with `port` registers registry_arn and port only", () => {
    const { ecs, cloudMap, service } = render((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV", port: 8443 } }));
    expect(cloudMap.dns_config.dns_records).toEqual([{ type: "SRV", ttl: 60 }]);
    expect(ecs.service_registries).toEqual({ registry_arn: expect.stringMatching(SERVICE_ARN), port: 8443 });
    expect(service.discoveryPort).toBe(8443);
  });

  it("without `port` registers the container default like bridge/host", () => {
    const { ecs } = render((ns) => awsvpcProps(ns, { discovery: { dnsRecordType: "SRV" } }));
    expect(ecs.service_registries).toEqual({ registry_arn: expect.stringMatching(SERVICE_ARN), container_name: "web", container_port: 80 });
  });
});

describe("existing task definition", () => {
  const arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7";

  it("uses the ARN, creates no task definition, and registers the explicit container for SRV", () => {
    const { ecs, json, service } = render((ns) =>
      bridgeProps(ns, { taskDefinition: { taskDefinitionArn: arn, networkMode: "bridge" }, discovery: { containerName: "app", containerPort: 9000 } }),
    );
    expect(resourcesOf(json, "aws_ecs_task_definition")).toEqual([]);
    expect(ecs.task_definition).toBe(arn);
    expect(ecs.service_registries).toMatchObject({ container_name: "app", container_port: 9000 });
    expect(service.taskDefinitionArn).toBe(arn);
    expect(service.taskDefinition).toBeUndefined();
  });

  it("with awsvpc and A records registers registry_arn only", () => {
    const { ecs } = render((ns) => awsvpcProps(ns, { taskDefinition: { taskDefinitionArn: arn, networkMode: "awsvpc" } }));
    expect(Object.keys(ecs.service_registries)).toEqual(["registry_arn"]);
    expect(ecs.network_configuration.subnets).toEqual(["subnet-1"]);
  });
});

describe("options", () => {
  it("renders discovery name, TTL, routing policy, record type and forceDestroy on the Cloud Map service", () => {
    const { cloudMap, service } = render((ns) =>
      awsvpcProps(ns, { discovery: { name: "orders-api", dnsTtl: 300, routingPolicy: "WEIGHTED", dnsRecordType: "A_AAAA", forceDestroy: false, description: "d" } }),
    );
    expect(cloudMap).toMatchObject({ name: "orders-api", force_destroy: false, description: "d" });
    expect(cloudMap.dns_config).toMatchObject({ routing_policy: "WEIGHTED", dns_records: [{ type: "A", ttl: 300 }, { type: "AAAA", ttl: 300 }] });
    expect(cloudMap.health_check_custom_config).toEqual({ failure_threshold: 1 });
    expect(service.dnsName).toBe("orders-api.svc");
  });

  it("renders desired count, security groups, public IP (Fargate), grace period, exec, tags and no circuit breaker when disabled", () => {
    const { ecs, cloudMap, json } = render((ns) =>
      awsvpcProps(ns, {
        desiredCount: 3,
        network: { subnetIds: ["subnet-1", "subnet-2"], securityGroupIds: ["sg-1"], assignPublicIp: true },
        healthCheckGracePeriodSeconds: 30,
        enableExecuteCommand: true,
        deploymentCircuitBreaker: false,
        tags: { Team: "platform" },
      }),
    );
    expect(ecs).toMatchObject({
      desired_count: 3,
      network_configuration: { subnets: ["subnet-1", "subnet-2"], security_groups: ["sg-1"], assign_public_ip: true },
      health_check_grace_period_seconds: 30,
      enable_execute_command: true,
      tags: { Team: "platform" },
    });
    expect(ecs).not.toHaveProperty("deployment_circuit_breaker");
    expect(cloudMap.tags).toEqual({ Team: "platform" });
    expect(onlyResource(json, "aws_ecs_task_definition").tags).toEqual({ Team: "platform" });
  });

  it("registers with ALB/NLB target groups and the Cloud Map registry at the same time", () => {
    const { ecs } = render((ns) =>
      awsvpcProps(ns, {
        loadBalancers: [
          { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/a/1", containerName: "web", containerPort: 80 },
          { targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/b/2", containerName: "web", containerPort: 80 },
        ],
      }),
    );
    expect(ecs.load_balancer).toHaveLength(2);
    expect(ecs.service_registries.registry_arn).toMatch(SERVICE_ARN);
  });

  it("exposes the ECS service id/name and the task definition ARN as references", () => {
    const { stack, service } = render((ns) => awsvpcProps(ns));
    new TerraformOutput(stack, "id", { value: service.ecsServiceId });
    new TerraformOutput(stack, "name", { value: service.ecsServiceName });
    new TerraformOutput(stack, "td", { value: service.taskDefinitionArn });
    const out = synthJson(stack).output;
    expect(out.id.value).toMatch(/^\$\{aws_ecs_service\.svc_service_[0-9A-F]+\.id\}$/);
    expect(out.name.value).toMatch(/^\$\{aws_ecs_service\.svc_service_[0-9A-F]+\.name\}$/);
    expect(out.td.value).toMatch(/^\$\{aws_ecs_task_definition\.svc_task_task-definition_[0-9A-F]+\.arn\}$/);
  });
});

describe("several services", () => {
  it("share one namespace with distinct discovery names, and one service can call another by dnsName", () => {
    const stack: TerraformStack = testStack();
    const namespace = PrivateDnsNamespace.fromNamespaceAttributes(stack, "shared", { namespaceId: "ns-shared1234", namespaceName: "service" });
    const a = new DiscoverableEcsService(stack, "a", awsvpcProps(namespace, { serviceName: "service-a" }));
    const b = new DiscoverableEcsService(
      stack,
      "b",
      awsvpcProps(namespace, {
        serviceName: "service-b",
        taskDefinition: { containers: [{ name: "caller", image: "busybox", command: ["wget", `http://${a.dnsName}/`], healthCheck: { command: ["CMD", "true"] } }] },
      }),
    );
    expect(a.dnsName).toBe("service-a.service");
    expect(b.dnsName).toBe("service-b.service");
    const json = synthJson(stack);
    expect(resourcesOf(json, "aws_service_discovery_service").map((s) => s.name).sort()).toEqual(["service-a", "service-b"]);
    expect(resourcesOf(json, "aws_ecs_task_definition").map((t) => t.container_definitions).join()).toContain("http://service-a.service/");
  });
});

/**
 * Day-2 behaviour of DiscoverableEcsService: re-registration when its Cloud Map service is replaced,
 * the security group it can own, and allowFrom on the port clients really connect to.
 */
import { TerraformVariable } from "cdktf";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { DYNAMIC_HOST_PORTS } from "../../src/ecs/service-access";
import { awsvpcProps, bridgeProps, hostProps, onlyResource, resourcesOf, synthJson, testNamespace, testStack } from "../support/constructs";

function setup() {
  const stack = testStack();
  const namespace = testNamespace(stack);
  return { stack, namespace };
}

const ingress = (json: Record<string, any>) => resourcesOf(json, "aws_vpc_security_group_ingress_rule");

describe("re-registration when the Cloud Map service is replaced", () => {
  it("references the Cloud Map service's ARN, and sets no force_new_deployment and no redeploy trigger", () => {
    // A replaced Cloud Map service has a new ARN: service_registries changes, the provider sends it
    // in UpdateService and ECS starts tasks that register with the new service. force_new_deployment
    // would make every other update (desired count, tags) roll every task too.
    const { stack, namespace } = setup();
    new DiscoverableEcsService(stack, "api", awsvpcProps(namespace));
    const json = synthJson(stack);
    const service = onlyResource(json, "aws_ecs_service");
    const discoveryKey = Object.keys(json.resource.aws_service_discovery_service)[0];
    expect(service.service_registries.registry_arn).toBe(`\${aws_service_discovery_service.${discoveryKey}.arn}`);
    expect(service).not.toHaveProperty("force_new_deployment");
    expect(service).not.toHaveProperty("triggers");
  });
});

describe("security group owned by the service", () => {
  it("is created for network.vpcId without securityGroupIds: closed ingress, all egress, replaced create-before-destroy", () => {
    const { stack, namespace } = setup();
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: { subnetIds: ["subnet-1"], vpcId: "vpc-0abc" } }));
    const json = synthJson(stack);
    const group = onlyResource(json, "aws_security_group");
    expect(group).toMatchObject({ name_prefix: "api-", vpc_id: "vpc-0abc", lifecycle: { create_before_destroy: true } });
    expect(group).not.toHaveProperty("ingress");
    expect(onlyResource(json, "aws_vpc_security_group_egress_rule")).toMatchObject({ ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0" });
    expect(ingress(json)).toEqual([]);
    const groupKey = Object.keys(json.resource.aws_security_group)[0];
    expect(onlyResource(json, "aws_ecs_service").network_configuration.security_groups).toEqual([`\${aws_security_group.${groupKey}.id}`]);
    expect(api.securityGroup).toBeDefined();
    expect(api.securityGroupIds).toHaveLength(1);
  });

  it("is not created when security group ids are given", () => {
    const { stack, namespace } = setup();
    new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: { subnetIds: ["subnet-1"], vpcId: "vpc-0abc", securityGroupIds: ["sg-0given"] } }));
    const json = synthJson(stack);
    expect(resourcesOf(json, "aws_security_group")).toEqual([]);
    expect(onlyResource(json, "aws_ecs_service").network_configuration.security_groups).toEqual(["sg-0given"]);
  });
});

describe("allowFrom", () => {
  it("awsvpc with given ids: one rule from the client's first group to the server's first group on the container port", () => {
    const { stack, namespace } = setup();
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: { subnetIds: ["s"], securityGroupIds: ["sg-0api", "sg-0shared"] } }));
    const client = new DiscoverableEcsService(stack, "client", awsvpcProps(namespace, { serviceName: "client", network: { subnetIds: ["s"], securityGroupIds: ["sg-0client"] } }));
    api.allowFrom(client);
    api.allowFrom(client); // a no-op
    expect(ingress(synthJson(stack))).toEqual([
      expect.objectContaining({
        security_group_id: "sg-0api",
        referenced_security_group_id: "sg-0client",
        ip_protocol: "tcp",
        from_port: 80,
        to_port: 80,
        description: "TCP 80 from client",
      }),
    ]);
  });

  it("uses the service-owned groups on both sides, and an explicit port", () => {
    const { stack, namespace } = setup();
    const net = { subnetIds: ["s"], vpcId: "vpc-0abc" };
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: net }));
    const client = new DiscoverableEcsService(stack, "client", awsvpcProps(namespace, { serviceName: "client", network: net }));
    api.allowFrom(client, 9090);
    const json = synthJson(stack);
    const keys = Object.keys(json.resource.aws_security_group);
    const apiGroup = keys.find((k) => k.startsWith("api_"))!;
    const clientGroup = keys.find((k) => k.startsWith("client_"))!;
    expect(ingress(json)).toEqual([
      expect.objectContaining({
        security_group_id: `\${aws_security_group.${apiGroup}.id}`,
        referenced_security_group_id: `\${aws_security_group.${clientGroup}.id}`,
        from_port: 9090,
        to_port: 9090,
      }),
    ]);
  });

  it("awsvpc SRV with a port: that port", () => {
    const { stack, namespace } = setup();
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, {
      discovery: { dnsRecordType: "SRV", port: 8443 },
      network: { subnetIds: ["s"], securityGroupIds: ["sg-0api"] },
    }));
    api.allowFrom("sg-0peer");
    expect(ingress(synthJson(stack))[0]).toMatchObject({ referenced_security_group_id: "sg-0peer", from_port: 8443, to_port: 8443 });
  });

  it("bridge with a dynamic host port: ECS's ephemeral range on the container instances' group", () => {
    const { stack, namespace } = setup();
    const orders = new DiscoverableEcsService(stack, "orders", bridgeProps(namespace, { instanceSecurityGroupIds: ["sg-0instances"] }));
    orders.allowFrom({ securityGroupId: "sg-0clients" });
    expect(ingress(synthJson(stack))[0]).toMatchObject({
      security_group_id: "sg-0instances",
      referenced_security_group_id: "sg-0clients",
      from_port: DYNAMIC_HOST_PORTS.from,
      to_port: DYNAMIC_HOST_PORTS.to,
    });
  });

  it("bridge with a fixed host port: that host port, not the container port", () => {
    const { stack, namespace } = setup();
    const orders = new DiscoverableEcsService(stack, "orders", bridgeProps(namespace, {
      instanceSecurityGroupIds: ["sg-0instances"],
      taskDefinition: {
        containers: [{ name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 8081 }] }],
      },
    }));
    orders.allowFrom("sg-0clients");
    expect(ingress(synthJson(stack))[0]).toMatchObject({ from_port: 8081, to_port: 8081 });
  });

  it("host mode: the container port (the host port equals it)", () => {
    const { stack, namespace } = setup();
    const inventory = new DiscoverableEcsService(stack, "inventory", hostProps(namespace, { instanceSecurityGroupIds: ["sg-0instances"] }));
    inventory.allowFrom("sg-0clients");
    expect(ingress(synthJson(stack))[0]).toMatchObject({ security_group_id: "sg-0instances", from_port: 8080, to_port: 8080 });
  });

  it("works with security group ids that are Terraform tokens (a list variable)", () => {
    const { stack, namespace } = setup();
    const groups = new TerraformVariable(stack, "server_groups", { type: "list(string)" });
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: { subnetIds: ["s"], securityGroupIds: groups.listValue } }));
    api.allowFrom("sg-0peer");
    expect(ingress(synthJson(stack))[0].security_group_id).toBe("${element(var.server_groups, 0)}");
  });

  it("refuses a server whose tasks use the VPC's default group, naming the fix", () => {
    const { stack, namespace } = setup();
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace));
    expect(() => api.allowFrom("sg-0peer")).toThrow(
      /^test\/api: allowFrom\(\.\.\.\): this service's tasks have no security group it knows of \(they use the VPC's default group\)\. Fix: set network\.vpcId/,
    );
  });

  it("refuses bridge/host servers without instanceSecurityGroupIds, and clients without groups", () => {
    const { stack, namespace } = setup();
    const orders = new DiscoverableEcsService(stack, "orders", bridgeProps(namespace));
    expect(() => orders.allowFrom("sg-0peer")).toThrow(/bridge tasks use their container instances' groups\)\. Fix: set instanceSecurityGroupIds/);
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, { network: { subnetIds: ["s"], securityGroupIds: ["sg-0api"] } }));
    const bare = new DiscoverableEcsService(stack, "bare", awsvpcProps(namespace, { serviceName: "bare" }));
    expect(() => api.allowFrom(bare)).toThrow(/^test\/api: allowFrom\(test\/bare\): the client has no security group to allow/);
  });

  it("asks for a port when the service registers none (existing task definition with A records)", () => {
    const { stack, namespace } = setup();
    const api = new DiscoverableEcsService(stack, "api", awsvpcProps(namespace, {
      taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/api:1", networkMode: "awsvpc" },
      network: { subnetIds: ["s"], securityGroupIds: ["sg-0api"] },
    }));
    expect(() => api.allowFrom("sg-0peer")).toThrow(/needs a port: .*Fix: pass it, e\.g\. service\.allowFrom\(client, 8080\)/);
    api.allowFrom("sg-0peer", 8080);
    expect(ingress(synthJson(stack))[0]).toMatchObject({ from_port: 8080 });
  });
});

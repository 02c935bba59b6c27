import { Construct } from "constructs";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { Ec2ExampleStack, srvClientCommand } from "./ec2-example-stack";
import { ExampleStackProps } from "../example-stack";
import { IMAGES, httpHealthCheck } from "../images";

/**
 * EC2 tasks in bridge mode with dynamic host ports: the classic SRV case. `orders` publishes
 * SRV records whose port is each task's host port; `orders-client` looks them up.
 */
export class Ec2BridgeStack extends Ec2ExampleStack {
  public readonly orders: DiscoverableEcsService;
  public readonly client: DiscoverableEcsService;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id, props, ["orders", "orders-client"]);
    const namespace = new PrivateDnsNamespace(this, "namespace", {
      name: "bridge.internal",
      vpcId: this.network.vpcId,
      description: "ECS service discovery for the ec2-bridge example",
    });

    this.orders = new DiscoverableEcsService(this, "orders", {
      cluster: this.cluster,
      serviceName: "orders",
      launchType: "EC2",
      desiredCount: 2,
      taskDefinition: {
        family: `${this.baseName}-orders`,
        networkMode: "bridge",
        executionRoleArn: this.executionRole.roleArn,
        containers: [
          {
            name: "web",
            image: IMAGES.nginx,
            memory: 128,
            portMappings: [{ containerPort: 80, hostPort: 0 }],
            healthCheck: httpHealthCheck(80),
            logGroupName: this.logGroupName("orders"),
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace }, // SRV, container "web", port 80 (published as the host port)
      instanceSecurityGroupIds: [this.instanceSecurityGroup.securityGroupId],
    });

    this.client = new DiscoverableEcsService(this, "orders-client", {
      cluster: this.cluster,
      serviceName: "orders-client",
      launchType: "EC2",
      taskDefinition: {
        family: `${this.baseName}-orders-client`,
        networkMode: "bridge",
        executionRoleArn: this.executionRole.roleArn,
        containers: [
          {
            name: "client",
            image: IMAGES.busybox,
            memory: 64,
            command: srvClientCommand(this.orders.dnsName, 8080),
            portMappings: [{ containerPort: 8080, hostPort: 0 }],
            healthCheck: httpHealthCheck(8080),
            logGroupName: this.logGroupName("orders-client"),
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace },
      instanceSecurityGroupIds: [this.instanceSecurityGroup.securityGroupId],
    });
    // Clients reach orders' tasks on other instances through the dynamic host ports
    // (hostPort 0): allowFrom opens ECS's ephemeral range, not the container port.
    this.orders.allowFrom(this.client);

    this.output("namespace_id", namespace.namespaceId, "Cloud Map namespace id");
    this.output("orders_dns_name", this.orders.dnsName, "SRV name of orders (dig SRV <name>)");
  }
}

import { Construct } from "constructs";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { Ec2ExampleStack, srvClientCommand } from "./ec2-example-stack";
import { ExampleStackProps } from "../example-stack";
import { IMAGES, httpHealthCheck } from "../images";

const INVENTORY_PORT = 8080;
const CLIENT_PORT = 8081;

/**
 * EC2 tasks in host mode: each task binds its port on the instance (one task per instance), and
 * SRV records publish the instance address and that port.
 */
export class Ec2HostStack extends Ec2ExampleStack {
  public readonly inventory: DiscoverableEcsService;
  public readonly client: DiscoverableEcsService;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id, props, ["inventory", "inventory-client"]);
    const namespace = new PrivateDnsNamespace(this, "namespace", {
      name: "host.internal",
      vpcId: this.network.vpcId,
      description: "ECS service discovery for the ec2-host example",
    });

    this.inventory = new DiscoverableEcsService(this, "inventory", {
      cluster: this.cluster,
      serviceName: "inventory",
      launchType: "EC2",
      desiredCount: 2,
      taskDefinition: {
        family: `${this.baseName}-inventory`,
        networkMode: "host",
        executionRoleArn: this.executionRole.roleArn,
        containers: [
          {
            name: "web",
            image: IMAGES.busybox,
            memory: 64,
            command: ["sh", "-c", `mkdir -p /www && echo inventory > /www/index.html && httpd -f -p ${INVENTORY_PORT} -h /www`],
            portMappings: [{ containerPort: INVENTORY_PORT }],
            healthCheck: httpHealthCheck(INVENTORY_PORT),
            logGroupName: this.logGroupName("inventory"),
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace, containerName: "web" },
      instanceSecurityGroupIds: [this.instanceSecurityGroup.securityGroupId],
    });

    this.client = new DiscoverableEcsService(this, "inventory-client", {
      cluster: this.cluster,
      serviceName: "inventory-client",
      launchType: "EC2",
      taskDefinition: {
        family: `${this.baseName}-inventory-client`,
        networkMode: "host",
        executionRoleArn: this.executionRole.roleArn,
        containers: [
          {
            name: "client",
            image: IMAGES.busybox,
            memory: 64,
            command: srvClientCommand(this.inventory.dnsName, CLIENT_PORT),
            portMappings: [{ containerPort: CLIENT_PORT }],
            healthCheck: httpHealthCheck(CLIENT_PORT),
            logGroupName: this.logGroupName("inventory-client"),
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace },
      instanceSecurityGroupIds: [this.instanceSecurityGroup.securityGroupId],
    });
    // Host mode: the host port is the container port (8080).
    this.inventory.allowFrom(this.client);

    this.output("namespace_id", namespace.namespaceId, "Cloud Map namespace id");
    this.output("inventory_dns_name", this.inventory.dnsName, "SRV name of inventory (dig SRV <name>)");
  }
}

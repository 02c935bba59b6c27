import { Construct } from "constructs";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { TaskExecutionRole } from "../infra/execution-role";
import { ServiceLogGroup } from "../infra/log-group";
import { ServiceSecurityGroup } from "../infra/security-group";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { ExampleStack, ExampleStackProps } from "../example-stack";
import { IMAGES, httpHealthCheck } from "../images";

/**
 * The seed's scenario: namespace `service`, Fargate tasks in awsvpc mode. `service-a` runs two
 * tasks published as A records (TTL 300, MULTIVALUE); `service-b` calls `service-a.service`.
 */
export class FargateAwsvpcStack extends ExampleStack {
  public readonly serviceA: DiscoverableEcsService;
  public readonly serviceB: DiscoverableEcsService;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id, props);
    const cluster = this.clusterName();
    const namespace = new PrivateDnsNamespace(this, "namespace", {
      name: "service",
      vpcId: this.network.vpcId,
      description: "ECS service discovery for the fargate-awsvpc example",
    });

    const logsA = new ServiceLogGroup(this, "logs-a", { name: `/ecs/${this.baseName}/service-a` });
    const logsB = new ServiceLogGroup(this, "logs-b", { name: `/ecs/${this.baseName}/service-b` });
    const executionRole = new TaskExecutionRole(this, "execution-role", {
      name: `${this.baseName}-execution`,
      logGroupArns: [logsA.logGroupArn, logsB.logGroupArn],
    });
    const sgA = new ServiceSecurityGroup(this, "sg-a", {
      name: `${this.baseName}-service-a`,
      description: "service-a tasks: HTTP from service-b only",
      vpcId: this.network.vpcId,
      vpcCidrBlock: this.network.vpcCidrBlock,
    });
    const sgB = new ServiceSecurityGroup(this, "sg-b", {
      name: `${this.baseName}-service-b`,
      description: "service-b tasks: no ingress",
      vpcId: this.network.vpcId,
      vpcCidrBlock: this.network.vpcCidrBlock,
    });

    this.serviceA = new DiscoverableEcsService(this, "service-a", {
      cluster,
      serviceName: "service-a",
      desiredCount: 2,
      taskDefinition: {
        family: `${this.baseName}-service-a`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [
          {
            name: "web",
            image: IMAGES.nginx,
            portMappings: [{ containerPort: 80 }],
            healthCheck: httpHealthCheck(80),
            logGroupName: logsA.logGroupName,
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace, dnsRecordType: "A", dnsTtl: 300, routingPolicy: "MULTIVALUE" },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [sgA.securityGroupId] },
    });

    this.serviceB = new DiscoverableEcsService(this, "service-b", {
      cluster,
      serviceName: "service-b",
      taskDefinition: {
        family: `${this.baseName}-service-b`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [
          {
            name: "caller",
            image: IMAGES.busybox,
            // Resolves service-a by its discovery name; each lookup may return other task IPs.
            command: ["sh", "-c", `while true; do wget -q -O - http://${this.serviceA.dnsName}/ >/dev/null && echo ok; sleep 10; done`],
            healthCheck: { command: ["CMD-SHELL", `nslookup ${this.serviceA.dnsName} || exit 1`], startPeriod: 10 },
            logGroupName: logsB.logGroupName,
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [sgB.securityGroupId] },
    });

    // service-b is the only client of service-a: HTTP on service-a's discovery port (80).
    this.serviceA.allowFrom(this.serviceB);

    this.output("namespace_id", namespace.namespaceId, "Cloud Map namespace id");
    this.output("service_a_dns_name", this.serviceA.dnsName, "Name service-b calls");
    this.output("service_b_dns_name", this.serviceB.dnsName, "Discovery name of service-b");
  }
}

import { Construct } from "constructs";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { HttpNamespace } from "../../src/namespace/http-namespace";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { TaskExecutionRole } from "../infra/execution-role";
import { ServiceLogGroup } from "../infra/log-group";
import { ServiceSecurityGroup } from "../infra/security-group";
import { ExampleStack, ExampleStackProps } from "../example-stack";
import { IMAGES, httpHealthCheck } from "../images";

const WEB_PORT = 80;

/**
 * The next migration, from DNS discovery to ECS Service Connect, in one stack:
 * - `service-a` (2 Fargate tasks) is published twice: as A records of `service-a.service` in the
 *   private DNS namespace `service` (every client in the VPC resolves them), and as a Service
 *   Connect endpoint in the HTTP namespace `service-connect` whose client alias answers on the
 *   same name and port clients already call, `service-a.service:80`.
 * - `service-b` has moved: a Service Connect client (no endpoint of its own) that calls
 *   `http://service-a.service/` through its proxy, with load balancing per request, outlier
 *   detection and no DNS caching.
 * - `legacy-caller` has not: a client without Service Connect (as Lambda functions, EC2 instances
 *   and other clusters are) that resolves `service-a.service` in DNS.
 * Once every client has moved, `discovery` can go from service-a; until then both stay.
 */
export class ServiceConnectStack extends ExampleStack {
  public readonly serviceA: DiscoverableEcsService;
  public readonly serviceB: DiscoverableEcsService;
  public readonly legacyCaller: DiscoverableEcsService;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id, props);
    const cluster = this.clusterName();
    const dnsNamespace = new PrivateDnsNamespace(this, "namespace", {
      name: "service",
      vpcId: this.network.vpcId,
      description: "DNS discovery for the service-connect example",
    });
    // The namespace type the ECS console creates for Service Connect: no Route 53 zone, no VPC.
    const scNamespace = new HttpNamespace(this, "service-connect-namespace", {
      name: "service-connect",
      description: "Service Connect endpoints of the service-connect example",
    });

    const logsA = new ServiceLogGroup(this, "logs-a", { name: `/ecs/${this.baseName}/service-a` });
    const logsB = new ServiceLogGroup(this, "logs-b", { name: `/ecs/${this.baseName}/service-b` });
    const logsLegacy = new ServiceLogGroup(this, "logs-legacy", { name: `/ecs/${this.baseName}/legacy-caller` });
    const executionRole = new TaskExecutionRole(this, "execution-role", {
      name: `${this.baseName}-execution`,
      logGroupArns: [logsA.logGroupArn, logsB.logGroupArn, logsLegacy.logGroupArn],
    });
    const securityGroup = (name: string, description: string) =>
      new ServiceSecurityGroup(this, `sg-${name}`, {
        name: `${this.baseName}-${name}`,
        description,
        vpcId: this.network.vpcId,
        vpcCidrBlock: this.network.vpcCidrBlock,
      }).securityGroupId;
    // The Service Connect proxy writes its own logs next to the application's.
    const proxyLogs = (group: ServiceLogGroup) => ({
      logDriver: "awslogs",
      options: { "awslogs-group": group.logGroupName, "awslogs-region": this.config.region, "awslogs-stream-prefix": "service-connect" },
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
            // Named, with its protocol: Service Connect publishes ports by name and handles HTTP per request.
            portMappings: [{ containerPort: WEB_PORT, name: "http", appProtocol: "http" }],
            healthCheck: httpHealthCheck(WEB_PORT),
            logGroupName: logsA.logGroupName,
            logRegion: this.config.region,
          },
        ],
      },
      // Old path: A records every client in the VPC resolves.
      discovery: { namespace: dnsNamespace, dnsTtl: 60 },
      // New path: an endpoint on the name and port clients already call.
      serviceConnect: {
        namespace: scNamespace,
        services: [
          {
            portName: "http",
            discoveryName: "service-a",
            clientAliases: [{ dnsName: "service-a.service", port: WEB_PORT }],
            perRequestTimeoutSeconds: 15,
          },
        ],
        logConfiguration: proxyLogs(logsA),
      },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [securityGroup("service-a", "service-a tasks: HTTP from its clients only")] },
    });

    const caller = (name: string, how: string) => ({
      name: "caller",
      image: IMAGES.busybox,
      command: ["sh", "-c", `while true; do wget -q -O /dev/null http://service-a.service/ && echo ${how}-ok; sleep 10; done`],
      healthCheck: { command: ["CMD-SHELL", "wget -q -O /dev/null http://service-a.service/ || exit 1"], startPeriod: 20 },
      logRegion: this.config.region,
      logGroupName: name === "service-b" ? logsB.logGroupName : logsLegacy.logGroupName,
    });

    // Moved: a Service Connect client. Its proxy answers service-a.service:80 inside the task.
    this.serviceB = new DiscoverableEcsService(this, "service-b", {
      cluster,
      serviceName: "service-b",
      taskDefinition: {
        family: `${this.baseName}-service-b`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [caller("service-b", "service-connect")],
      },
      serviceConnect: { namespace: scNamespace, logConfiguration: proxyLogs(logsB) },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [securityGroup("service-b", "service-b tasks: no ingress")] },
    });

    // Not moved: resolves service-a.service in DNS, like every client outside Service Connect.
    this.legacyCaller = new DiscoverableEcsService(this, "legacy-caller", {
      cluster,
      serviceName: "legacy-caller",
      taskDefinition: {
        family: `${this.baseName}-legacy-caller`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [caller("legacy-caller", "dns")],
      },
      discovery: { namespace: dnsNamespace },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [securityGroup("legacy-caller", "legacy-caller tasks: no ingress")] },
    });

    // Both clients reach service-a's tasks on port 80: through the proxy (Service Connect listens
    // on the container port in awsvpc mode) and directly (DNS).
    this.serviceA.allowFrom(this.serviceB);
    this.serviceA.allowFrom(this.legacyCaller);

    this.output("dns_namespace_id", dnsNamespace.namespaceId, "Private DNS namespace (DNS discovery)");
    this.output("service_connect_namespace_arn", scNamespace.namespaceArn, "HTTP namespace (Service Connect)");
    this.output("service_a_dns_name", this.serviceA.dnsName, "Name DNS clients resolve");
    this.output("service_a_endpoint", "service-a.service:80", "Client alias Service Connect clients call");
  }
}

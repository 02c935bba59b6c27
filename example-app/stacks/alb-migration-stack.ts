import { dependable } from "cdktf";
import { Construct } from "constructs";
import { DiscoverableEcsService } from "../../src/ecs/discoverable-ecs-service";
import { TaskExecutionRole } from "../infra/execution-role";
import { InternalAlb } from "../infra/internal-alb";
import { ServiceLogGroup } from "../infra/log-group";
import { ServiceSecurityGroup } from "../infra/security-group";
import { PrivateDnsNamespace } from "../../src/namespace/private-dns-namespace";
import { ExampleStack, ExampleStackProps } from "../example-stack";
import { IMAGES, httpHealthCheck } from "../images";

const WEB_PORT = 80;

/**
 * Moving from a load balancer to service discovery, gradually: `web` (2 Fargate tasks) is
 * registered both with an internal ALB's target group and with Cloud Map, so the old name (the
 * ALB's) and the new one (`web.migration.internal`) answer at the same time. `caller` has
 * already moved to the discovery name and still checks the ALB path. Once no client uses the
 * ALB, remove it (and `loadBalancers`): the container health check then is what keeps failed
 * tasks out of DNS, since no load balancer health check is left.
 */
export class AlbMigrationStack extends ExampleStack {
  public readonly alb: InternalAlb;
  public readonly web: DiscoverableEcsService;
  public readonly caller: DiscoverableEcsService;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    super(scope, id, props);
    const cluster = this.clusterName();
    const namespace = new PrivateDnsNamespace(this, "namespace", {
      name: "migration.internal",
      vpcId: this.network.vpcId,
      description: "ECS service discovery for the alb-migration example",
    });
    const logsWeb = new ServiceLogGroup(this, "logs-web", { name: `/ecs/${this.baseName}/web` });
    const logsCaller = new ServiceLogGroup(this, "logs-caller", { name: `/ecs/${this.baseName}/caller` });
    const executionRole = new TaskExecutionRole(this, "execution-role", {
      name: `${this.baseName}-execution`,
      logGroupArns: [logsWeb.logGroupArn, logsCaller.logGroupArn],
    });

    this.alb = new InternalAlb(this, "alb", {
      name: this.baseName,
      vpcId: this.network.vpcId,
      subnetIds: this.network.privateSubnetIds,
      targetPort: WEB_PORT,
    });

    // Example-app egress: HTTPS and the VPC only (a service given just network.vpcId would own a
    // group with all egress instead).
    const securityGroup = (name: string) =>
      new ServiceSecurityGroup(this, `sg-${name}`, {
        name: `${this.baseName}-${name}`,
        description: `${name} tasks: ingress only from allowed clients`,
        vpcId: this.network.vpcId,
        vpcCidrBlock: this.network.vpcCidrBlock,
      }).securityGroupId;

    this.web = new DiscoverableEcsService(this, "web", {
      cluster,
      serviceName: "web",
      desiredCount: 2,
      taskDefinition: {
        family: `${this.baseName}-web`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [
          {
            name: "web",
            image: IMAGES.nginx,
            portMappings: [{ containerPort: WEB_PORT }],
            // The ALB's health check only takes a task out of the ALB. This one makes ECS replace
            // a failing task, which also removes it from DNS: after the ALB is gone it is the only one.
            healthCheck: httpHealthCheck(WEB_PORT),
            logGroupName: logsWeb.logGroupName,
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace, dnsTtl: 60 },
      // Both at once: target group (old clients) and Cloud Map (migrated clients).
      loadBalancers: [{ targetGroupArn: this.alb.targetGroup.arn, containerName: "web", containerPort: WEB_PORT }],
      healthCheckGracePeriodSeconds: 30,
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [securityGroup("web")] },
    });
    // ECS refuses a target group that no listener attaches to a load balancer yet.
    this.web.resource.dependsOn = [dependable(this.alb.listener)];

    this.caller = new DiscoverableEcsService(this, "caller", {
      cluster,
      serviceName: "caller",
      taskDefinition: {
        family: `${this.baseName}-caller`,
        networkMode: "awsvpc",
        executionRoleArn: executionRole.roleArn,
        containers: [
          {
            name: "caller",
            image: IMAGES.busybox,
            // Migrated: calls the discovery name; still probes the ALB name while it exists.
            command: [
              "sh",
              "-c",
              `while true; do wget -q -O /dev/null http://${this.web.dnsName}/ && echo discovery ok; ` +
                `wget -q -O /dev/null http://${this.alb.dnsName}/ && echo alb ok; sleep 10; done`,
            ],
            healthCheck: { command: ["CMD-SHELL", `nslookup ${this.web.dnsName} || exit 1`], startPeriod: 10 },
            logGroupName: logsCaller.logGroupName,
            logRegion: this.config.region,
          },
        ],
      },
      discovery: { namespace },
      network: { subnetIds: this.network.privateSubnetIds, securityGroupIds: [securityGroup("caller")] },
    });

    // Least access: the ALB reaches web's tasks, caller reaches web directly and through the ALB.
    this.web.allowFrom(this.alb);
    this.web.allowFrom(this.caller);
    this.alb.allowTargets(this.web.securityGroupIds[0], "web");
    this.alb.allowFrom(this.caller.securityGroupIds[0], "caller");

    this.output("namespace_id", namespace.namespaceId, "Cloud Map namespace id");
    this.output("alb_dns_name", this.alb.dnsName, "Old name: the internal ALB");
    this.output("web_dns_name", this.web.dnsName, "New name: service discovery");
  }
}

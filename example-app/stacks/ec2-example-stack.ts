import { Construct } from "constructs";
import { Ec2Capacity } from "../infra/ec2-capacity";
import { TaskExecutionRole } from "../infra/execution-role";
import { ServiceLogGroup } from "../infra/log-group";
import { ServiceSecurityGroup } from "../infra/security-group";
import { ExampleStack, ExampleStackProps } from "../example-stack";

/**
 * Shared by the bridge and host examples: a cluster with EC2 container instances (unless an
 * existing cluster is configured), the instances' security group (bridge/host tasks use the
 * instance's network), log groups and a least-privilege execution role.
 */
export abstract class Ec2ExampleStack extends ExampleStack {
  public readonly cluster: string;
  public readonly instanceSecurityGroup: ServiceSecurityGroup;
  public readonly executionRole: TaskExecutionRole;
  private readonly logGroups: Record<string, ServiceLogGroup>;

  constructor(scope: Construct, id: string, props: ExampleStackProps, services: string[]) {
    super(scope, id, props);
    this.cluster = this.clusterName();
    this.instanceSecurityGroup = new ServiceSecurityGroup(this, "instances-sg", {
      name: `${this.baseName}-instances`,
      description: "ECS container instances: task ports from other instances of the cluster only",
      vpcId: this.network.vpcId,
      vpcCidrBlock: this.network.vpcCidrBlock,
    });
    if (this.config.existingClusterName === undefined) {
      new Ec2Capacity(this, "capacity", {
        name: this.baseName,
        clusterName: this.cluster,
        subnetIds: this.network.privateSubnetIds,
        securityGroupIds: [this.instanceSecurityGroup.securityGroupId],
      });
    }
    this.logGroups = Object.fromEntries(
      services.map((s) => [s, new ServiceLogGroup(this, `logs-${s}`, { name: `/ecs/${this.baseName}/${s}` })]),
    );
    this.executionRole = new TaskExecutionRole(this, "execution-role", {
      name: `${this.baseName}-execution`,
      logGroupArns: Object.values(this.logGroups).map((g) => g.logGroupArn),
    });
  }

  protected logGroupName(service: string): string {
    return this.logGroups[service].logGroupName;
  }
}

/** A small client: serves a status page (so it can be registered too) and looks up `target`'s SRV records. */
export function srvClientCommand(target: string, port: number): string[] {
  return [
    "sh",
    "-c",
    `mkdir -p /www && echo ok > /www/index.html && httpd -p ${port} -h /www && ` +
      `while true; do nslookup -type=SRV ${target}; sleep 30; done`,
  ];
}

import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

export interface ServiceSecurityGroupProps {
  readonly name: string;
  readonly vpcId: string;
  readonly description: string;
  /**
   * CIDR the members may call (other services in the VPC).
   * @default - no VPC-wide egress
   */
  readonly vpcCidrBlock?: string | undefined;
}

/**
 * A security group with no ingress until `allowFrom` grants it, and egress limited to HTTPS
 * (image pulls, AWS APIs) plus the VPC. (DNS to the VPC resolver is not filtered by security
 * groups, so discovery lookups need no rule.)
 */
export class ServiceSecurityGroup extends Construct {
  public readonly securityGroupId: string;
  private readonly grants = new Set<string>();

  constructor(scope: Construct, id: string, props: ServiceSecurityGroupProps) {
    super(scope, id);
    const group = new SecurityGroup(this, "group", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    this.securityGroupId = group.id;
    new VpcSecurityGroupEgressRule(this, "egress-https", {
      securityGroupId: group.id,
      description: "HTTPS: image pulls and AWS APIs",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: "0.0.0.0/0",
    });
    if (props.vpcCidrBlock !== undefined) {
      new VpcSecurityGroupEgressRule(this, "egress-vpc", {
        securityGroupId: group.id,
        description: "Calls to other services in the VPC",
        ipProtocol: "tcp",
        fromPort: 0,
        toPort: 65535,
        cidrIpv4: props.vpcCidrBlock,
      });
    }
  }

  /**
   * Allows TCP from members of `peer` to `fromPort..toPort` of this group's members. Granting the
   * same peer and range twice is a no-op.
   */
  public allowFrom(peer: ServiceSecurityGroup, fromPort: number, toPort = fromPort, description?: string): void {
    const key = `${peer.node.path}:${fromPort}-${toPort}`;
    if (this.grants.has(key)) return;
    this.grants.add(key);
    const range = fromPort === toPort ? `${fromPort}` : `${fromPort}-${toPort}`;
    new VpcSecurityGroupIngressRule(this, `from-${peer.node.id}-${range}`, {
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: peer.securityGroupId,
      description: description ?? `TCP ${range} from ${peer.node.id}`,
      ipProtocol: "tcp",
      fromPort,
      toPort,
    });
  }
}

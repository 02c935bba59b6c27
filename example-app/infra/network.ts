import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

export interface NetworkProps {
  /** Name prefix for Name tags. */
  readonly name: string;
  /** Availability zones, one public and one private subnet each. */
  readonly availabilityZones: string[];
  /** @default "10.0.0.0/16" */
  readonly cidrBlock?: string;
}

/** Where services run: an existing VPC or the one `Network` creates. */
export interface INetwork {
  readonly vpcId: string;
  readonly privateSubnetIds: string[];
  /** @default - unknown for an existing VPC */
  readonly vpcCidrBlock?: string | undefined;
}

/**
 * A VPC for discoverable services: DNS support and DNS hostnames on (Cloud Map's private hosted
 * zone does not resolve without them), private subnets for tasks, public subnets holding one NAT
 * gateway so tasks without public IPs can pull images.
 */
export class Network extends Construct implements INetwork {
  public readonly vpcId: string;
  public readonly vpcCidrBlock: string;
  public readonly privateSubnetIds: string[];
  public readonly publicSubnetIds: string[];
  public readonly vpc: Vpc;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const cidr = props.cidrBlock ?? "10.0.0.0/16";
    const [a, b] = cidr.split(".");
    const subnetCidr = (index: number) => `${a}.${b}.${index}.0/24`;
    const tags = (name: string) => ({ Name: `${props.name}-${name}` });

    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: cidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: tags("vpc"),
    });
    const igw = new InternetGateway(this, "igw", { vpcId: this.vpc.id, tags: tags("igw") });

    const publicRoutes = new RouteTable(this, "public-routes", {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
      tags: tags("public"),
    });
    const publicSubnets = props.availabilityZones.map((az, i) => {
      const subnet = new Subnet(this, `public-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: subnetCidr(i),
        mapPublicIpOnLaunch: false,
        tags: tags(`public-${az}`),
      });
      new RouteTableAssociation(this, `public-${i}-routes`, { subnetId: subnet.id, routeTableId: publicRoutes.id });
      return subnet;
    });

    const natIp = new Eip(this, "nat-ip", { domain: "vpc", tags: tags("nat") });
    const nat = new NatGateway(this, "nat", {
      allocationId: natIp.id,
      subnetId: publicSubnets[0].id,
      tags: tags("nat"),
      dependsOn: [igw],
    });
    const privateRoutes = new RouteTable(this, "private-routes", {
      vpcId: this.vpc.id,
      route: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
      tags: tags("private"),
    });
    const privateSubnets = props.availabilityZones.map((az, i) => {
      const subnet = new Subnet(this, `private-${i}`, {
        vpcId: this.vpc.id,
        availabilityZone: az,
        cidrBlock: subnetCidr(100 + i),
        tags: tags(`private-${az}`),
      });
      new RouteTableAssociation(this, `private-${i}-routes`, { subnetId: subnet.id, routeTableId: privateRoutes.id });
      return subnet;
    });

    this.vpcId = this.vpc.id;
    this.vpcCidrBlock = this.vpc.cidrBlock;
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
  }
}

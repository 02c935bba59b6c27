/**
 * Configuration of the example app (example-app/config.ts): cdktf context wins over the
 * environment, the environment over the defaults; bad values fail with a message that says what
 * to set; an existing network or cluster replaces the resources the stacks would create.
 */
import { TerraformStack } from "cdktf";
import { defineExampleApp } from "../../example-app/example-app";
import { loadConfig } from "../../example-app/config";
import { UNIT_APP_OUTDIR, resourcesOf, synthJson, testApp } from "../support/constructs";
import { useCleanConfigEnv } from "../support/clean-env";

const OUTDIR = UNIT_APP_OUTDIR;
const appWith = testApp;

// The App itself reads CDKTF_CONTEXT_JSON, and the example app reads process.env.
useCleanConfigEnv();

const config = (context: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}) => loadConfig(appWith(context), env);

describe("defaults", () => {
  it("us-east-1, prefix sd-demo, the project's tags, two zones, a new network and cluster", () => {
    expect(config()).toMatchObject({
      region: "us-east-1",
      namePrefix: "sd-demo",
      tags: { Project: "cdktf-ecs-service-discovery", ManagedBy: "cdktf" },
      availabilityZones: ["us-east-1a", "us-east-1b"],
      existingNetwork: undefined,
      existingClusterName: undefined,
    });
  });

  it("zones follow the region, with the regions whose zone letters differ", () => {
    expect(config({}, { AWS_REGION: "eu-west-1" }).availabilityZones).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(config({ region: "us-west-1" }).availabilityZones).toEqual(["us-west-1b", "us-west-1c"]);
    expect(config({ region: "ap-northeast-1" }).availabilityZones).toEqual(["ap-northeast-1a", "ap-northeast-1c"]);
  });
});

describe("precedence: context, then environment, then default", () => {
  const env = {
    AWS_REGION: "eu-west-1",
    SD_NAME_PREFIX: "from-env",
    SD_TAGS: '{"Team":"env"}',
    SD_AVAILABILITY_ZONES: "eu-west-1b, eu-west-1c",
    SD_CLUSTER_NAME: "env-cluster",
    SD_VPC_ID: "vpc-env",
    SD_PRIVATE_SUBNET_IDS: "subnet-e1,subnet-e2",
    SD_VPC_CIDR: "10.1.0.0/16",
  };

  it("the environment beats the defaults", () => {
    expect(config({}, env)).toMatchObject({
      region: "eu-west-1",
      namePrefix: "from-env",
      tags: { Project: "cdktf-ecs-service-discovery", ManagedBy: "cdktf", Team: "env" },
      availabilityZones: ["eu-west-1b", "eu-west-1c"],
      existingClusterName: "env-cluster",
      existingNetwork: { vpcId: "vpc-env", privateSubnetIds: ["subnet-e1", "subnet-e2"], vpcCidrBlock: "10.1.0.0/16" },
    });
  });

  it("the context beats the environment, key by key", () => {
    const context = {
      region: "ap-southeast-2",
      namePrefix: "from-context",
      tags: { Team: "context" },
      availabilityZones: ["ap-southeast-2c"],
      clusterName: "context-cluster",
      vpcId: "vpc-context",
      privateSubnetIds: ["subnet-c1"],
    };
    expect(config(context, env)).toMatchObject({
      region: "ap-southeast-2",
      namePrefix: "from-context",
      tags: { Project: "cdktf-ecs-service-discovery", ManagedBy: "cdktf", Team: "context" },
      availabilityZones: ["ap-southeast-2c"],
      existingClusterName: "context-cluster",
      existingNetwork: { vpcId: "vpc-context", privateSubnetIds: ["subnet-c1"], vpcCidrBlock: "10.1.0.0/16" },
    });
  });

  it("AWS_REGION beats AWS_DEFAULT_REGION, which beats the default", () => {
    expect(config({}, { AWS_DEFAULT_REGION: "eu-central-1" }).region).toBe("eu-central-1");
    expect(config({}, { AWS_DEFAULT_REGION: "eu-central-1", AWS_REGION: "eu-north-1" }).region).toBe("eu-north-1");
  });

  it("an empty environment variable counts as unset", () => {
    expect(config({}, { AWS_REGION: "", SD_NAME_PREFIX: "", SD_AVAILABILITY_ZONES: "" })).toMatchObject({
      region: "us-east-1",
      namePrefix: "sd-demo",
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
  });

  it("reads context given through CDKTF_CONTEXT_JSON, as `cdktf synth` passes it", () => {
    const saved = process.env.CDKTF_CONTEXT_JSON;
    process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ region: "sa-east-1" });
    try {
      expect(loadConfig(testApp(), { AWS_REGION: "eu-west-1" }).region).toBe("sa-east-1");
    } finally {
      if (saved === undefined) delete process.env.CDKTF_CONTEXT_JSON;
      else process.env.CDKTF_CONTEXT_JSON = saved;
    }
  });
});

describe("bad configuration", () => {
  it("SD_TAGS that is not JSON fails naming SD_TAGS, an example and the bad text", () => {
    expect(() => config({}, { SD_TAGS: "Team=platform" })).toThrow(
      'Configuration: SD_TAGS must be a JSON object such as {"Team":"platform"}; got Team=platform',
    );
  });

  it.each(['["a","b"]', '"text"', "null", "42"])("SD_TAGS %s (JSON, but not an object) fails the same way", (text) => {
    expect(() => config({}, { SD_TAGS: text })).toThrow(`SD_TAGS must be a JSON object such as {"Team":"platform"}; got ${text}`);
  });

  it("vpcId without privateSubnetIds is refused, naming both keys and both variables", () => {
    const message =
      "Configuration: vpcId and privateSubnetIds go together (an existing network needs both). " +
      "Set both (context vpcId/privateSubnetIds or env SD_VPC_ID/SD_PRIVATE_SUBNET_IDS), or neither to create a VPC.";
    expect(() => config({ vpcId: "vpc-1" })).toThrow(message);
    expect(() => config({}, { SD_VPC_ID: "vpc-1" })).toThrow(message);
  });

  it("privateSubnetIds without vpcId is refused too", () => {
    expect(() => config({ privateSubnetIds: ["subnet-1"] })).toThrow(/vpcId and privateSubnetIds go together/);
    expect(() => config({}, { SD_PRIVATE_SUBNET_IDS: "subnet-1" })).toThrow(/vpcId and privateSubnetIds go together/);
  });
});

describe("existing network and cluster in the example stacks", () => {
  const NETWORK_TYPES = ["aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_route_table", "aws_route_table_association"];
  const CAPACITY_TYPES = ["aws_autoscaling_group", "aws_launch_template", "aws_iam_instance_profile"];
  let stacks: Record<string, Record<string, any>>;

  beforeAll(() => {
    const app = appWith({
      vpcId: "vpc-0existing",
      privateSubnetIds: ["subnet-0a", "subnet-0b"],
      vpcCidrBlock: "10.20.0.0/16",
      clusterName: "shared-cluster",
    });
    stacks = Object.fromEntries(defineExampleApp(app, OUTDIR).map((s: TerraformStack) => [s.node.id, synthJson(s)]));
  });

  it.each(["fargate-awsvpc", "ec2-bridge", "ec2-host"])("%s creates no VPC, subnets, gateways, cluster or EC2 capacity", (id) => {
    const json = stacks[id];
    for (const type of [...NETWORK_TYPES, ...CAPACITY_TYPES, "aws_ecs_cluster"]) expect(resourcesOf(json, type)).toEqual([]);
  });

  it.each(["fargate-awsvpc", "ec2-bridge", "ec2-host"])("%s puts the namespace in the given VPC and the services in the given cluster", (id) => {
    const json = stacks[id];
    expect(resourcesOf(json, "aws_service_discovery_private_dns_namespace").map((n) => n.vpc)).toEqual(["vpc-0existing"]);
    const services = resourcesOf(json, "aws_ecs_service");
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(s.cluster).toBe("shared-cluster");
  });

  it("runs the Fargate tasks in the given private subnets", () => {
    for (const s of resourcesOf(stacks["fargate-awsvpc"], "aws_ecs_service")) {
      expect(s.network_configuration.subnets).toEqual(["subnet-0a", "subnet-0b"]);
    }
  });

  it("with only an existing network, still creates the cluster (and EC2 capacity in the EC2 stacks)", () => {
    const app = appWith({ vpcId: "vpc-0existing", privateSubnetIds: ["subnet-0a"] });
    const [fargate, bridge] = defineExampleApp(app, OUTDIR).map((s) => synthJson(s));
    expect(resourcesOf(fargate, "aws_vpc")).toEqual([]);
    expect(resourcesOf(fargate, "aws_ecs_cluster")).toHaveLength(1);
    expect(resourcesOf(bridge, "aws_autoscaling_group")).toHaveLength(1);
    expect(resourcesOf(bridge, "aws_autoscaling_group")[0].vpc_zone_identifier).toEqual(["subnet-0a"]);
  });
});

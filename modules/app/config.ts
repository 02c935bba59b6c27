import { Construct } from "constructs";

/**
 * Configuration of the example app. Each value comes from cdktf context (cdktf.json "context",
 * or `CDKTF_CONTEXT_JSON`), else from an environment variable, else the default. README lists them.
 */
export interface AppConfig {
  /** AWS region. context `region`, env AWS_REGION / AWS_DEFAULT_REGION. @default "us-east-1" */
  readonly region: string;
  /** Prefix of every name (cluster, roles, groups). context `namePrefix`, env SD_NAME_PREFIX. @default "sd-demo" */
  readonly namePrefix: string;
  /** Provider default_tags. context `tags` (object), env SD_TAGS (JSON). */
  readonly tags: Record<string, string>;
  /** Availability zones for a VPC created here. context `availabilityZones`, env SD_AVAILABILITY_ZONES (comma-separated). @default - two zones of the region */
  readonly availabilityZones: string[];
  /** Existing network instead of a new VPC: context `vpcId` + `privateSubnetIds` (+ `vpcCidrBlock`), env SD_VPC_ID, SD_PRIVATE_SUBNET_IDS, SD_VPC_CIDR. */
  readonly existingNetwork?: { readonly vpcId: string; readonly privateSubnetIds: string[]; readonly vpcCidrBlock?: string };
  /** Existing cluster (with its own capacity) instead of a new one: context `clusterName`, env SD_CLUSTER_NAME. */
  readonly existingClusterName?: string;
}

/** Zones that do not follow `<region>a`/`<region>b`. */
const ZONE_EXCEPTIONS: Record<string, string[]> = {
  "us-west-1": ["us-west-1b", "us-west-1c"],
  "ap-northeast-1": ["ap-northeast-1a", "ap-northeast-1c"],
};

export function loadConfig(scope: Construct, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const ctx = (key: string): unknown => scope.node.tryGetContext(key);
  const str = (key: string, envName: string): string | undefined => (ctx(key) as string | undefined) ?? (env[envName] || undefined);
  const list = (key: string, envName: string): string[] | undefined => {
    const value = ctx(key) ?? env[envName];
    if (value === undefined || value === "") return undefined;
    return Array.isArray(value) ? value.map(String) : String(value).split(",").map((s) => s.trim()).filter(Boolean);
  };

  const region = str("region", "AWS_REGION") ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
  const tags = (ctx("tags") as Record<string, string> | undefined) ?? (env.SD_TAGS ? parseTags(env.SD_TAGS) : undefined);
  const vpcId = str("vpcId", "SD_VPC_ID");
  const privateSubnetIds = list("privateSubnetIds", "SD_PRIVATE_SUBNET_IDS");
  if ((vpcId === undefined) !== (privateSubnetIds === undefined)) {
    throw new Error(
      "Configuration: vpcId and privateSubnetIds go together (an existing network needs both). " +
        "Set both (context vpcId/privateSubnetIds or env SD_VPC_ID/SD_PRIVATE_SUBNET_IDS), or neither to create a VPC.",
    );
  }
  return {
    region,
    namePrefix: str("namePrefix", "SD_NAME_PREFIX") ?? "sd-demo",
    tags: { Project: "cdktf-ecs-service-discovery", ManagedBy: "cdktf", ...tags },
    availabilityZones: list("availabilityZones", "SD_AVAILABILITY_ZONES") ?? ZONE_EXCEPTIONS[region] ?? [`${region}a`, `${region}b`],
    existingNetwork:
      vpcId && privateSubnetIds
        ? { vpcId, privateSubnetIds, vpcCidrBlock: str("vpcCidrBlock", "SD_VPC_CIDR") }
        : undefined,
    existingClusterName: str("clusterName", "SD_CLUSTER_NAME"),
  };
}

function parseTags(text: string): Record<string, string> {
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed;
  } catch {
    // fall through to the error below
  }
  throw new Error(`Configuration: SD_TAGS must be a JSON object such as {"Team":"platform"}; got ${text}`);
}

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
  readonly existingNetwork?: { readonly vpcId: string; readonly privateSubnetIds: string[]; readonly vpcCidrBlock?: string | undefined } | undefined;
  /** Existing cluster (with its own capacity) instead of a new one: context `clusterName`, env SD_CLUSTER_NAME. */
  readonly existingClusterName?: string | undefined;
  /** Where Terraform keeps each stack's state. @default - a local file per stack (see StateBackendConfig) */
  readonly stateBackend: StateBackendConfig;
}

/**
 * Terraform state of each stack:
 * - `local` (default): `<dir>/terraform.<stack>.tfstate`, written into the synthesized JSON as a
 *   path relative to the stack folder, so the output is portable (no absolute machine paths).
 *   context `localStateDir`, env SD_STATE_DIR (relative to the project root). @default "."
 * - `s3`: key `<keyPrefix>/<stack>.tfstate` in a bucket, encrypted, with S3-native locking
 *   (`use_lockfile`, no DynamoDB table). context `stateBucket`/`stateKeyPrefix`/`stateRegion`/
 *   `stateKmsKeyId`, env SD_STATE_BUCKET/SD_STATE_KEY_PREFIX/SD_STATE_REGION/SD_STATE_KMS_KEY_ID.
 * - `cloud`: HCP Terraform (or Terraform Enterprise), one workspace `<workspacePrefix><stack>`
 *   per stack. context `tfcOrganization`/`tfcWorkspacePrefix`/`tfcProject`/`tfcHostname`, env
 *   SD_TFC_ORGANIZATION/SD_TFC_WORKSPACE_PREFIX/SD_TFC_PROJECT/SD_TFC_HOSTNAME.
 */
export type StateBackendConfig =
  | { readonly type: "local"; readonly dir: string }
  | {
      readonly type: "s3";
      readonly bucket: string;
      /** @default namePrefix */
      readonly keyPrefix: string;
      /** @default the stacks' region */
      readonly region: string;
      /** @default - SSE-S3 */
      readonly kmsKeyId?: string | undefined;
    }
  | {
      readonly type: "cloud";
      readonly organization: string;
      /** @default "<namePrefix>-" */
      readonly workspacePrefix: string;
      /** @default - the organization's default project */
      readonly project?: string | undefined;
      /** @default "app.terraform.io" */
      readonly hostname?: string | undefined;
    };

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
    stateBackend: loadStateBackend(str, region, str("namePrefix", "SD_NAME_PREFIX") ?? "sd-demo"),
  };
}

type Lookup = (key: string, envName: string) => string | undefined;

function loadStateBackend(str: Lookup, region: string, namePrefix: string): StateBackendConfig {
  // Keyed by context name (the env name is in the README): the error messages name these keys.
  const s3 = {
    stateBucket: str("stateBucket", "SD_STATE_BUCKET"),
    stateKeyPrefix: str("stateKeyPrefix", "SD_STATE_KEY_PREFIX"),
    stateRegion: str("stateRegion", "SD_STATE_REGION"),
    stateKmsKeyId: str("stateKmsKeyId", "SD_STATE_KMS_KEY_ID"),
  };
  const cloud = {
    tfcOrganization: str("tfcOrganization", "SD_TFC_ORGANIZATION"),
    tfcWorkspacePrefix: str("tfcWorkspacePrefix", "SD_TFC_WORKSPACE_PREFIX"),
    tfcProject: str("tfcProject", "SD_TFC_PROJECT"),
    tfcHostname: str("tfcHostname", "SD_TFC_HOSTNAME"),
  };
  const localStateDir = str("localStateDir", "SD_STATE_DIR");
  if (s3.stateBucket !== undefined && cloud.tfcOrganization !== undefined) {
    throw new Error(
      "Configuration: stateBucket (S3 backend) and tfcOrganization (HCP Terraform) are both set, but a stack has one backend. " +
        "Keep one of them (context stateBucket/tfcOrganization, env SD_STATE_BUCKET/SD_TFC_ORGANIZATION).",
    );
  }
  requireOwner(s3, "stateBucket", "the S3 backend");
  requireOwner(cloud, "tfcOrganization", "HCP Terraform");
  if (localStateDir !== undefined && (s3.stateBucket !== undefined || cloud.tfcOrganization !== undefined)) {
    throw new Error(
      "Configuration: localStateDir (SD_STATE_DIR) is for the local backend, but stateBucket or tfcOrganization is set. Remove one.",
    );
  }
  if (s3.stateBucket !== undefined) {
    return {
      type: "s3",
      bucket: s3.stateBucket,
      keyPrefix: s3.stateKeyPrefix ?? namePrefix,
      region: s3.stateRegion ?? region,
      kmsKeyId: s3.stateKmsKeyId,
    };
  }
  if (cloud.tfcOrganization !== undefined) {
    return {
      type: "cloud",
      organization: cloud.tfcOrganization,
      workspacePrefix: cloud.tfcWorkspacePrefix ?? `${namePrefix}-`,
      project: cloud.tfcProject,
      hostname: cloud.tfcHostname,
    };
  }
  return { type: "local", dir: localStateDir ?? "." };
}

/** Settings of a backend are refused when the key that selects that backend is missing. */
function requireOwner(group: Record<string, string | undefined>, ownerKey: string, backend: string): void {
  const stray = Object.keys(group).filter((k) => k !== ownerKey && group[k] !== undefined);
  if (stray.length > 0 && group[ownerKey] === undefined) {
    throw new Error(
      `Configuration: ${stray.join(", ")} only apply to ${backend}, which is selected by ${ownerKey}, and ${ownerKey} is not set. ` +
        `Set ${ownerKey} too, or remove ${stray.join(", ")}.`,
    );
  }
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

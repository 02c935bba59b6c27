/**
 * Where each example stack keeps its state (local with a relative path by default, S3 with native
 * locking, HCP Terraform), and the existing-VPC DNS check block.
 */
import { TerraformStack } from "cdktf";
import { isAbsolute, join, resolve } from "node:path";
import { loadConfig } from "../../example-app/config";
import { defineExampleApp } from "../../example-app/example-app";
import { VPC_DNS_CHECK } from "../../example-app/infra/vpc-dns-check";
import { UNIT_APP_OUTDIR, synthJson, testApp } from "../support/constructs";
import { useCleanConfigEnv } from "../support/clean-env";

useCleanConfigEnv();

const EXISTING = { vpcId: "vpc-0existing", privateSubnetIds: ["subnet-0a", "subnet-0b"] };

function synthAll(context: Record<string, unknown> = {}, outdir = UNIT_APP_OUTDIR): Record<string, Record<string, any>> {
  return Object.fromEntries(defineExampleApp(testApp(context), outdir).map((s: TerraformStack) => [s.node.id, synthJson(s)]));
}

describe("local backend (default)", () => {
  it("writes a relative path from the stack folder to terraform.<stack>.tfstate in the project root", () => {
    const outdir = join(process.cwd(), "cdktf.out");
    const stacks = synthAll({}, outdir);
    for (const [id, json] of Object.entries(stacks)) {
      const path = json.terraform.backend.local.path as string;
      expect(isAbsolute(path)).toBe(false);
      expect(path).toBe(`../../../terraform.${id}.tfstate`);
      // Terraform runs in <outdir>/stacks/<id>: the path lands beside cdktf.out, outside it.
      expect(resolve(outdir, "stacks", id, path)).toBe(resolve(`terraform.${id}.tfstate`));
    }
  });

  it("puts the state files in localStateDir when it is configured, still relative", () => {
    const outdir = join(process.cwd(), "cdktf.out");
    const json = synthAll({ localStateDir: "state" }, outdir)["fargate-awsvpc"];
    expect(json.terraform.backend.local.path).toBe("../../../state/terraform.fargate-awsvpc.tfstate");
  });
});

describe("S3 backend", () => {
  it("uses one encrypted key per stack with S3-native locking, in the stacks' region by default", () => {
    const stacks = synthAll({ stateBucket: "acme-tfstate", region: "eu-west-1" });
    expect(stacks["fargate-awsvpc"].terraform.backend).toEqual({
      s3: { bucket: "acme-tfstate", key: "sd-demo/fargate-awsvpc.tfstate", region: "eu-west-1", encrypt: true, use_lockfile: true },
    });
    expect(stacks["alb-migration"].terraform.backend.s3.key).toBe("sd-demo/alb-migration.tfstate");
    expect(stacks["alb-migration"].terraform.backend.s3).not.toHaveProperty("dynamodb_table");
  });

  it("takes key prefix, region and KMS key from the environment", () => {
    const config = loadConfig(testApp(), {
      SD_STATE_BUCKET: "b",
      SD_STATE_KEY_PREFIX: "team/sd",
      SD_STATE_REGION: "us-west-2",
      SD_STATE_KMS_KEY_ID: "alias/tfstate",
    });
    expect(config.stateBackend).toEqual({ type: "s3", bucket: "b", keyPrefix: "team/sd", region: "us-west-2", kmsKeyId: "alias/tfstate" });
  });
});

describe("HCP Terraform backend", () => {
  it("gives each stack its own named workspace", () => {
    const stacks = synthAll({ tfcOrganization: "acme", tfcProject: "discovery", namePrefix: "prod" });
    expect(stacks["ec2-host"].terraform.cloud).toEqual({
      organization: "acme",
      workspaces: { name: "prod-ec2-host", project: "discovery" },
    });
    expect(stacks["ec2-host"].terraform.backend).toBeUndefined();
  });

  it("takes organization, prefix and hostname from the environment", () => {
    const config = loadConfig(testApp(), { SD_TFC_ORGANIZATION: "acme", SD_TFC_WORKSPACE_PREFIX: "sd-", SD_TFC_HOSTNAME: "tfe.example.com" });
    expect(config.stateBackend).toEqual({ type: "cloud", organization: "acme", workspacePrefix: "sd-", hostname: "tfe.example.com", project: undefined });
  });
});

describe("bad backend configuration", () => {
  it("refuses S3 and HCP Terraform together", () => {
    expect(() => loadConfig(testApp({ stateBucket: "b", tfcOrganization: "o" }))).toThrow(
      /stateBucket \(S3 backend\) and tfcOrganization \(HCP Terraform\) are both set.*Keep one of them/,
    );
  });

  it("refuses backend settings without the key that selects the backend", () => {
    expect(() => loadConfig(testApp({ stateKeyPrefix: "x" }))).toThrow(/stateKeyPrefix only apply to the S3 backend, which is selected by stateBucket.*Set stateBucket too/);
    expect(() => loadConfig(testApp(), { SD_TFC_PROJECT: "p" })).toThrow(/tfcProject only apply to HCP Terraform.*Set tfcOrganization too/);
    expect(() => loadConfig(testApp({ stateBucket: "b", localStateDir: "s" }))).toThrow(/localStateDir \(SD_STATE_DIR\) is for the local backend/);
  });
});

describe("VPC DNS check for an existing VPC", () => {
  it("is absent when the stacks create their VPC: the default configuration reads no data at plan time", () => {
    for (const json of Object.values(synthAll())) {
      expect(json.check).toBeUndefined();
      expect(json.data).toBeUndefined();
    }
  });

  it("asserts both DNS attributes through a data source scoped to the check, with a message that says why", () => {
    const stacks = synthAll(EXISTING);
    for (const json of Object.values(stacks)) {
      const check = json.check[VPC_DNS_CHECK];
      expect(check.data).toEqual({ aws_vpc: { service_discovery: { id: "vpc-0existing" } } });
      expect(check.assert.map((a: any) => a.condition)).toEqual([
        "${data.aws_vpc.service_discovery.enable_dns_support}",
        "${data.aws_vpc.service_discovery.enable_dns_hostnames}",
      ]);
      expect(check.assert[0].error_message).toMatch(/vpc-0existing has enable_dns_support = false.*fails to resolve.*--enable-dns-support/);
      expect(check.assert[1].error_message).toMatch(/enable_dns_hostnames = false.*--enable-dns-hostnames/);
      // Scoped to the check: no top-level data source that would fail a plan without AWS.
      expect(json.data).toBeUndefined();
    }
  });
});

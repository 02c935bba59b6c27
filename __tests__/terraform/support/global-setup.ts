/**
 * Runs once per `jest` run before any Terraform test: prepares the shared Terraform workspace
 * (CLI config with the provider mirror, plugin cache, one seed `terraform init`), so no test file
 * pays for an init of its own.
 */
import { providerMirrorFromEnv } from "../../../src/terraform/cli-config";
import { findTerraform } from "../../../src/terraform/terraform-cli";
import { TerraformWorkspace } from "../../../src/terraform/workspace";
import { TERRAFORM_WORK_DIR, terraformMissingMessage } from "./terraform-settings";

export default async function globalSetup(): Promise<void> {
  if (!findTerraform()) {
    if (process.env.REQUIRE_TERRAFORM === "1") throw new Error(terraformMissingMessage());
    process.stderr.write(`\n${"!".repeat(100)}\n${terraformMissingMessage()}\n${"!".repeat(100)}\n\n`);
    return;
  }
  await TerraformWorkspace.create({ workDir: TERRAFORM_WORK_DIR, mirror: providerMirrorFromEnv() });
}

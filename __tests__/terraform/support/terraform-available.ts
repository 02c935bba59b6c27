import { providerMirrorFromEnv } from "../../../src/terraform/cli-config";
import { findTerraform } from "../../../src/terraform/terraform-cli";
import { TerraformWorkspace } from "../../../src/terraform/workspace";
import { TERRAFORM_WORK_DIR, terraformMissingMessage } from "./terraform-settings";


const available = findTerraform() !== undefined;
if (!available && process.env.REQUIRE_TERRAFORM === "1") throw new Error(terraformMissingMessage());

/**
 * `describe` when Terraform is available; otherwise jest reports the block as skipped (and the
 * global setup has printed why). With REQUIRE_TERRAFORM=1 a missing Terraform fails instead.
 */
export const describeWithTerraform: jest.Describe = available ? describe : describe.skip;

let workspace: Promise<TerraformWorkspace> | undefined;

/** The workspace the global setup prepared (creating it is idempotent and cheap after that). */
export function terraformWorkspace(): Promise<TerraformWorkspace> {
  workspace ??= TerraformWorkspace.create({ workDir: TERRAFORM_WORK_DIR, mirror: providerMirrorFromEnv() });
  return workspace;
}

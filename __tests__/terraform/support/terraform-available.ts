import { basename } from "node:path";
import { findProviderMirror } from "../../../src/terraform/cli-config";
import { TerraformCommandEvent, findTerraform } from "../../../src/terraform/terraform-cli";
import { TerraformWorkspace } from "../../../src/terraform/workspace";
import { MIRROR_CACHE_FILE, TERRAFORM_WORK_DIR, requireTerraform, terraformMissingMessage, terraformTestSetup } from "./terraform-settings";

const setup = terraformTestSetup();
// Without the global setup (another jest config), decide here as it would.
if (setup === undefined && findTerraform() === undefined && requireTerraform()) throw new Error(terraformMissingMessage());
const available = setup === undefined ? findTerraform() !== undefined : setup.state === "ready";

/**
 * `describe` when Terraform is ready; otherwise jest reports the block as skipped. Why is said
 * once for the whole run: by the global setup (Terraform missing) or, when the run must fail
 * (REQUIRE_TERRAFORM=1, or the provider cannot be installed), by the terraform-setup reporter.
 */
export const describeWithTerraform: jest.Describe = available ? describe : describe.skip;

let workspace: Promise<TerraformWorkspace> | undefined;

/** The workspace the global setup prepared (creating it is idempotent and cheap after that). */
export function terraformWorkspace(): Promise<TerraformWorkspace> {
  const source = setup?.state === "ready" ? setup : findProviderMirror({ cacheFile: MIRROR_CACHE_FILE });
  const file = basename(expect.getState().testPath ?? "terraform", ".test.ts");
  workspace ??= TerraformWorkspace.create({
    workDir: TERRAFORM_WORK_DIR,
    mirror: source.mirror,
    mirrorOrigin: source.origin,
    cliOptions: { onCommand: (event) => process.stderr.write(`${progressLine(file, event)}\n`) },
  });
  return workspace;
}

/** `[terraform] day2-operations: plan replace 4.2 s`: one line per Terraform command, while it runs. */
export function progressLine(file: string, event: TerraformCommandEvent): string {
  const seconds = (event.durationMs / 1000).toFixed(1);
  return `[terraform] ${file}: ${event.args[0]} ${basename(event.dir)} ${seconds} s${event.code === 0 ? "" : ` (exit ${event.code})`}`;
}

/**
 * Runs once per `jest` run that includes Terraform tests, before any test: finds Terraform and a
 * provider mirror and prepares the shared workspace (CLI config, plugin cache, one seed
 * `terraform init`), so no test file pays for an init of its own.
 *
 * It never throws: a failing global setup would abort the whole run, unit tests included. What it
 * found goes to the test files through SETUP_ENV (ready: run; skipped or failed: skip), and the
 * terraform-setup reporter ends the run with the one message when it failed.
 */
import { findProviderMirror } from "../../../src/terraform/cli-config";
import { findTerraform } from "../../../src/terraform/terraform-cli";
import { TerraformWorkspace } from "../../../src/terraform/workspace";
import { MIRROR_CACHE_FILE, SETUP_ENV, TERRAFORM_WORK_DIR, TerraformTestSetup, requireTerraform, terraformMissingMessage } from "./terraform-settings";

export default async function globalSetup(): Promise<void> {
  const setup = await prepare();
  process.env[SETUP_ENV] = JSON.stringify(setup);
  if (setup.state !== "ready") process.stderr.write(`\n[terraform] setup: ${setup.state}; the Terraform tests will be skipped (why: at the end of the run)\n`);
}

async function prepare(): Promise<TerraformTestSetup> {
  const bin = findTerraform();
  if (!bin) return { state: requireTerraform() ? "failed" : "skipped", message: terraformMissingMessage() };
  const started = Date.now();
  try {
    const source = findProviderMirror({
      cacheFile: MIRROR_CACHE_FILE,
      onSearch: () => process.stderr.write("\n[terraform] TF_PLUGIN_MIRROR is not set: looking for a provider mirror on this machine (once)...\n"),
    });
    await TerraformWorkspace.create({ workDir: TERRAFORM_WORK_DIR, mirror: source.mirror, mirrorOrigin: source.origin, bin });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`\n[terraform] workspace ready in ${seconds} s: ${bin}; providers from ${source.mirror ? `${source.mirror} (${source.origin})` : `the ${source.origin}`}\n`);
    return { state: "ready", mirror: source.mirror, origin: source.origin };
  } catch (e) {
    return { state: "failed", message: e instanceof Error ? e.message : String(e) };
  }
}

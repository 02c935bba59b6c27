import { resolve } from "node:path";

/** Scratch folder of the Terraform tests (git-ignored). */
export const TERRAFORM_WORK_DIR = resolve(__dirname, "../../../.work/terraform");

export function terraformMissingMessage(): string {
  return (
    "TERRAFORM TESTS SKIPPED: `terraform` is not on PATH, so validate/plan of the generated configuration did not run. " +
    "Install Terraform >= 1.9 (and set TF_PLUGIN_MIRROR to a provider mirror when offline). " +
    "CI sets REQUIRE_TERRAFORM=1, which turns this into a failure."
  );
}

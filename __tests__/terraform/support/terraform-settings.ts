import { join, resolve } from "node:path";

/**
 * Scratch folder of the Terraform tests (git-ignored). `TERRAFORM_TEST_WORK_DIR` moves it, so a
 * test can run jest against a fresh workspace (test-setup.test.ts) without touching this one.
 */
export const TERRAFORM_WORK_DIR = process.env.TERRAFORM_TEST_WORK_DIR
  ? resolve(process.env.TERRAFORM_TEST_WORK_DIR)
  : resolve(__dirname, "../../../.work/terraform");

/** Where a provider mirror found by searching this machine is remembered (the search runs once). */
export const MIRROR_CACHE_FILE = join(TERRAFORM_WORK_DIR, "provider-mirror.txt");

/**
 * How the global setup left Terraform for the test files, as JSON in this environment variable
 * (set in jest's main process before the workers start, so every test file reads it).
 */
export const SETUP_ENV = "TERRAFORM_TESTS_SETUP";

export type TerraformTestSetup =
  /** Workspace initialized: the tests run. */
  | { readonly state: "ready"; readonly mirror?: string | undefined; readonly origin: string }
  /** No Terraform and not required: the tests are skipped, loudly. */
  | { readonly state: "skipped"; readonly message: string }
  /** Required but missing, or the workspace cannot be prepared: the run fails with this one message. */
  | { readonly state: "failed"; readonly message: string };

/** The global setup's result, or undefined when it did not run (a config without it). */
export function terraformTestSetup(env: NodeJS.ProcessEnv = process.env): TerraformTestSetup | undefined {
  const text = env[SETUP_ENV];
  return text ? (JSON.parse(text) as TerraformTestSetup) : undefined;
}

export function requireTerraform(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_TERRAFORM === "1";
}

export function terraformMissingMessage(): string {
  return (
    "TERRAFORM TESTS SKIPPED: `terraform` is not on PATH, so validate/plan of the generated configuration did not run. " +
    "Install Terraform >= 1.9 (and set TF_PLUGIN_MIRROR to a provider mirror when offline). " +
    "CI sets REQUIRE_TERRAFORM=1, which turns this into a failure."
  );
}

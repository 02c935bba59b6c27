/**
 * The files that make someone else's synthesized root module plannable without AWS. Unlike the
 * test workspace's fixed override (roots this project writes itself), a consumer's stack may have
 * several `aws` provider blocks (aliases for other regions or accounts), none at all (resources
 * using the implicit default provider), and any backend, `cloud` block included.
 */
import { OFFLINE_OVERRIDE_FILE, OFFLINE_PROVIDER_SETTINGS } from "./offline";
import { OFFLINE_STATE_FILE } from "./workspace";

/** Written when the configuration has no `aws` provider block to override (see offlineRootFiles). */
export const OFFLINE_PROVIDER_FILE = "zz_offline_provider.tf.json";

/** Region for an implicit default `aws` provider: the provider refuses to plan without one. */
const IMPLICIT_PROVIDER_REGION = "us-east-1";

/**
 * File name to JSON content: an override file that replaces the backend (a `backend` in an
 * override also replaces a `cloud` block) with local state and gives every `aws` provider block
 * mock credentials and the skip flags. An override may only refine blocks that exist (Terraform
 * refuses "Missing base provider configuration for override"), so aliases are matched one by one,
 * and a configuration without an `aws` block gets the mock provider as a file of its own.
 */
export function offlineRootFiles(config: unknown): Record<string, unknown> {
  const aliases = awsProviderAliases(config);
  const override: Record<string, unknown> = { terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } } };
  const files: Record<string, unknown> = { [OFFLINE_OVERRIDE_FILE]: override };
  if (aliases.length > 0) {
    override.provider = { aws: aliases.map((alias) => ({ ...(alias === undefined ? {} : { alias }), ...OFFLINE_PROVIDER_SETTINGS })) };
  } else {
    files[OFFLINE_PROVIDER_FILE] = { provider: { aws: [{ region: IMPLICIT_PROVIDER_REGION, ...OFFLINE_PROVIDER_SETTINGS }] } };
  }
  return files;
}

/** The `alias` of each `aws` provider block of a Terraform JSON configuration (undefined: the default one). */
export function awsProviderAliases(config: unknown): (string | undefined)[] {
  const providers = isObject(config) && isObject(config.provider) ? config.provider.aws : undefined;
  const blocks = Array.isArray(providers) ? providers : providers === undefined ? [] : [providers];
  return blocks.map((block) => (isObject(block) && typeof block.alias === "string" ? block.alias : undefined));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

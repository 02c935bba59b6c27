/**
 * What makes `terraform plan` run without AWS: mock credentials and the provider's skip flags,
 * written as a Terraform override file so the synthesized configuration itself stays deployable.
 */
export const OFFLINE_OVERRIDE_FILE = "zz_offline_override.tf.json";

export const OFFLINE_PROVIDER_SETTINGS = {
  access_key: "mock-access-key",
  secret_key: "mock-secret-key",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
} as const;

/** Environment that keeps the AWS SDK from looking for real credentials or instance metadata. */
export const OFFLINE_ENV: Readonly<Record<string, string>> = {
  AWS_ACCESS_KEY_ID: OFFLINE_PROVIDER_SETTINGS.access_key,
  AWS_SECRET_ACCESS_KEY: OFFLINE_PROVIDER_SETTINGS.secret_key,
  AWS_EC2_METADATA_DISABLED: "true",
};
